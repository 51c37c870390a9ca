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
 * menu/delete removes both). Outputs { success: true }, plus already_deleted: true when the
 * account had no menu. That is accepted on any attempt, not only on a repeat: the operation takes
 * no ID that could be wrong, and "the account has no menu" is the state asked for, so a workflow
 * that resets the menu runs again without failing.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const response = await client.request<{ errcode?: number }>(
		// WeChat documents GET (wechatpy and WxJava send GET too). Safe to repeat: it ends in "no menu".
		{ method: 'GET', path: '/cgi-bin/menu/delete', repeat: 'safe', acceptErrcodes: [NO_MENU] },
		itemIndex,
	);
	output.push({
		json: { success: true, ...(response.errcode === NO_MENU ? { already_deleted: true } : {}) },
		pairedItem: { item: itemIndex },
	});
};
