import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';

const notice: INodeProperties = {
	displayName: 'This deletes the default menu and every conditional menu of the account',
	name: 'deleteNotice',
	type: 'notice',
	default: '',
};

export const description = updateDisplayOptions({ show: { resource: ['menu'], operation: ['delete'] } }, [notice]);

/** errcode when the account has no menu (any more) */
const NO_MENU = 46003;

/**
 * Deletes the account's menu set through the API, and with it all conditional menus (WeChat's
 * menu/delete removes both). Outputs { success: true }, plus alreadyDeleted: true when the account
 * had no menu: the state asked for holds either way, also when a repeat after a lost answer finds
 * the menu gone.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const response = await client.request<{ errcode?: number }>(
		{ method: 'POST', path: '/cgi-bin/menu/delete', acceptErrcodes: [NO_MENU] },
		itemIndex,
	);
	output.push({
		json: { success: true, ...(response.errcode === NO_MENU ? { alreadyDeleted: true } : {}) },
		pairedItem: { item: itemIndex },
	});
};
