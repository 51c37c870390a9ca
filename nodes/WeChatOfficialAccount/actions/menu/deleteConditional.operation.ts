import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { WeChatApiClient } from '../../transport/request';
import type { OperationExecute } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Menu ID',
		name: 'menuId',
		type: 'string',
		required: true,
		default: '={{ $json.menuid }}',
		placeholder: '208379533',
		description: 'The menuid of the conditional menu (Menu → Create Conditional and Menu → Get output it)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['menu'], operation: ['deleteConditional'] } }, properties);

/** errcode of delconditional for a menuid WeChat does not know (any more) */
const UNKNOWN_MENU = 65301;

/**
 * Deletes one conditional menu. A menuid WeChat does not know fails the item (most often a wrong
 * ID). But when an attempt fails in a way that it may have reached WeChat (connection lost after
 * sending, 5xx, -1), the node asks once more, and then "unknown menuid" means the first attempt
 * deleted it: success with alreadyDeleted: true. Outputs { success: true, menuid }.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const raw = this.getNodeParameter('menuId', itemIndex);
	const menuid = String(raw ?? '').trim();
	if (!/^\d+$/.test(menuid)) {
		throw new NodeOperationError(this.getNode(), menuid ? `"${menuid}" is not a menu ID` : 'No menu ID given', {
			description: 'A conditional menu\'s menuid is a number, e.g. 208379533. Menu → Get lists the conditional menus with their menuid.',
			itemIndex,
		});
	}
	const alreadyDeleted = await deleteRecognisingRepeat(client, { menuid }, itemIndex);
	output.push({ json: { success: true, menuid, ...(alreadyDeleted ? { alreadyDeleted: true } : {}) }, pairedItem: { item: itemIndex } });
};

/** Whether the call may have reached WeChat before it failed (the transport marks it). */
function mayHaveReachedWeChat(error: unknown): boolean {
	return (error as { context?: IDataObject }).context?.sent === 'unknown';
}

/** true when a repeat found the menu already gone (an earlier attempt deleted it). */
async function deleteRecognisingRepeat(client: WeChatApiClient, body: IDataObject, itemIndex: number): Promise<boolean> {
	const request = { method: 'POST' as const, path: '/cgi-bin/menu/delconditional', body };
	const ambiguous = await client
		.request({ ...request, repeat: 'once', mayHaveHappened: 'The conditional menu may have been deleted' }, itemIndex)
		.then(
			() => false,
			(error: unknown) => {
				if (mayHaveReachedWeChat(error)) return true;
				throw error;
			},
		);
	if (!ambiguous) return false;
	const repeated = await client.request<{ errcode?: number }>({ ...request, acceptErrcodes: [UNKNOWN_MENU] }, itemIndex);
	return repeated.errcode === UNKNOWN_MENU;
}
