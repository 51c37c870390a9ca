import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { menuFields, menuOf } from './fields';

const PLATFORMS: Record<string, string> = { '1': 'iOS', '2': 'Android', '3': 'Others' };
/** Rules WeChat dropped for privacy: a match rule with any of them is refused (65320). */
const PRIVACY_RULES = ['sex', 'country', 'province', 'city', 'language'];

const properties: INodeProperties[] = [
	...menuFields,
	{
		displayName:
			'Match rule: followers who match every rule set below see this menu instead of the default one. Set a tag, a client platform or both; with a JSON menu, its "matchrule" is used when neither is set.',
		name: 'matchRuleNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Tag Name or ID',
		name: 'tagId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: '',
		description:
			'Followers with this tag see the menu. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Client Platform',
		name: 'clientPlatformType',
		type: 'options',
		options: [
			{ name: 'Any', value: '' },
			{ name: 'Android', value: '2' },
			{ name: 'iOS', value: '1' },
			{ name: 'Others', value: '3' },
		],
		default: '',
		description: 'Followers using WeChat on this platform see the menu',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['menu'], operation: ['createConditional'] } }, properties);

/**
 * Adds a conditional menu: the followers its match rule selects see it instead of the default
 * menu (which must exist). Outputs { menuid, matchrule, button }.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const { button, matchrule: jsonRule } = menuOf(this, itemIndex);
	const matchrule = matchRuleOf(this, itemIndex, jsonRule);
	const response = await client.request<{ menuid?: string | number }>(
		{
			method: 'POST',
			path: '/cgi-bin/menu/addconditional',
			body: { button, matchrule },
			// Each call adds another menu, which WeChat cannot recognise as a repeat: never repeated
			// after it may have arrived; the error says to check Menu → Get first.
			repeat: 'once',
			mayHaveHappened: 'The conditional menu may have been created',
		},
		itemIndex,
	);
	output.push({ json: { menuid: response.menuid, matchrule, button }, pairedItem: { item: itemIndex } });
};

/** The match rule from the fields, or else from the menu JSON; refused when empty or unsupported. */
function matchRuleOf(context: IExecuteFunctions, itemIndex: number, jsonRule: IDataObject | undefined): IDataObject {
	const refuse = (message: string, description: string) => new NodeOperationError(context.getNode(), message, { description, itemIndex });
	const tag = String(context.getNodeParameter('tagId', itemIndex, '') ?? '').trim();
	const platform = String(context.getNodeParameter('clientPlatformType', itemIndex, '') ?? '').trim();
	const fromFields = tag !== '' || platform !== '';
	const rule: IDataObject = {};
	const given: IDataObject = fromFields ? { tag_id: tag, client_platform_type: platform } : (jsonRule ?? {});
	for (const [field, value] of Object.entries(given)) {
		const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
		if (PRIVACY_RULES.includes(field)) {
			throw refuse(
				`The match rule uses "${field}", which WeChat no longer accepts`,
				'WeChat stopped matching menus by gender, region and language to protect privacy (errcode 65320). Match by tag (put the followers in a tag first) or by client platform.',
			);
		}
		if (field === 'tag_id' || field === 'group_id') {
			if (text === '') continue;
			if (!/^\d+$/.test(text)) {
				throw refuse(`"${text}" is not a tag ID`, 'A tag ID is a whole number. Tag → Get Many lists the tags of the account with their IDs.');
			}
			rule.tag_id = text;
		} else if (field === 'client_platform_type') {
			if (text === '') continue;
			if (!PLATFORMS[text]) {
				throw refuse(`"${text}" is not a client platform`, 'Client platforms are 1 (iOS), 2 (Android) and 3 (others).');
			}
			rule.client_platform_type = text;
		} else {
			throw refuse(`The match rule has the field "${field}", which WeChat does not know`, 'A match rule has "tag_id" and/or "client_platform_type".');
		}
	}
	if (Object.keys(rule).length === 0) {
		throw refuse(
			'The conditional menu has no match rule',
			'Choose a tag, a client platform or both: a conditional menu is shown to the followers its rule selects. For everyone, use Menu → Create.',
		);
	}
	return rule;
}
