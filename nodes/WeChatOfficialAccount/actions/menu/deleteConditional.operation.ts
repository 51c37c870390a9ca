import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { invalidParameter, requiredTextOf } from '../../helpers/itemParameters';
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

const MENU_ID_HINT =
	'A conditional menu\'s menuid is a number, e.g. 208379533. The default {{ $json.menuid }} reads it from the input item, as Menu → Get and Menu → Create Conditional output it.';

/**
 * Deletes one conditional menu. A menuid WeChat does not know fails the item (most often a wrong
 * ID), except on a repeat after an attempt that may have reached WeChat (connection lost after
 * sending, 5xx, -1): then that attempt deleted it. Outputs { success: true, menuid }, plus
 * already_deleted: true in that case.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const menuid = requiredTextOf(this, itemIndex, 'menuId', 'Menu ID', MENU_ID_HINT);
	if (!/^\d+$/.test(menuid)) {
		throw invalidParameter(this, itemIndex, 'Menu ID', `must be a menu ID (a whole number), not ${JSON.stringify(menuid)}`, MENU_ID_HINT);
	}
	// Deleting ends the same however often it arrives; the transport accepts 65301 only on a repeat.
	const response = await client.request<{ errcode?: number }>(
		{ method: 'POST', path: '/cgi-bin/menu/delconditional', body: { menuid }, repeat: 'safe', acceptOnRepeat: [UNKNOWN_MENU] },
		itemIndex,
	);
	output.push({
		json: { success: true, menuid, ...(response.errcode === UNKNOWN_MENU ? { already_deleted: true } : {}) },
		pairedItem: { item: itemIndex },
	});
};
