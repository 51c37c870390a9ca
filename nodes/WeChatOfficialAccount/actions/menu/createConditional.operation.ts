import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { invalidParameter } from '../../helpers/itemParameters';
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
		typeOptions: { loadOptionsMethod: 'getTagsOrAny' },
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

/**
 * The match rule from the fields, or else from the menu JSON; refused when empty or unsupported.
 * Keys WeChat lists in its own examples and answers (Get) with empty values are left out, so a
 * conditional menu from Get can be fed back; a privacy key with a value is refused.
 */
function matchRuleOf(context: IExecuteFunctions, itemIndex: number, jsonRule: IDataObject | undefined): IDataObject {
	const tag = String(context.getNodeParameter('tagId', itemIndex, '') ?? '').trim();
	const platform = String(context.getNodeParameter('clientPlatformType', itemIndex, '') ?? '').trim();
	const fromFields = tag !== '' || platform !== '';
	const refuse = (field: string, problem: string, description: string) =>
		invalidParameter(context, itemIndex, fromFields ? field : 'Menu (JSON)', problem, description);
	const rule: IDataObject = {};
	const given: IDataObject = fromFields ? { tag_id: tag, client_platform_type: platform } : (jsonRule ?? {});
	for (const [field, value] of Object.entries(given)) {
		const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
		// null, '' and the like: WeChat's "not matched by this" (its examples list every key).
		const empty = text === '' && (value === null || value === undefined || typeof value === 'string');
		if (PRIVACY_RULES.includes(field)) {
			if (empty) continue;
			throw refuse(
				'Menu (JSON)',
				`has a matchrule with "${field}", which WeChat no longer accepts`,
				`WeChat stopped matching menus by gender, region and language to protect privacy (errcode 65320). Match by tag (put the followers in a tag first) or by client platform, or leave "${field}" empty.`,
			);
		}
		if (field === 'tag_id' || field === 'group_id') {
			if (empty) continue;
			if (!/^\d+$/.test(text)) {
				const problem = fromFields ? `must be a tag ID (a whole number), not ${JSON.stringify(value)}` : `has a matchrule whose ${field} ${JSON.stringify(value)} is not a tag ID`;
				throw refuse('Tag Name or ID', problem, 'A tag ID is a whole number. Tag → Get Many lists the tags of the account with their IDs.');
			}
			rule.tag_id = text;
		} else if (field === 'client_platform_type') {
			if (empty) continue;
			if (!PLATFORMS[text]) {
				const problem = fromFields
					? `must be 1 (iOS), 2 (Android) or 3 (Others), not ${JSON.stringify(value)}`
					: `has a matchrule whose client_platform_type ${JSON.stringify(value)} is not a client platform`;
				throw refuse('Client Platform', problem, 'Client platforms are 1 (iOS), 2 (Android) and 3 (others).');
			}
			rule.client_platform_type = text;
		} else {
			throw refuse('Menu (JSON)', `has a matchrule with "${field}", which WeChat does not know`, 'A match rule has "tag_id" and/or "client_platform_type".');
		}
	}
	if (Object.keys(rule).length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Tag Name or ID',
			'and "Client Platform" are both empty',
			`A conditional menu is shown to the followers its match rule selects: choose a tag, a client platform or both${
				jsonRule ? ' (the "matchrule" of "Menu (JSON)" sets neither)' : ''
			}. For everyone, use Menu → Create.`,
		);
	}
	return rule;
}
