import type { IDataObject } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['menu'], operation: ['get'] } }, []);

/** errcode of menu/get when the account has no menu set through the API */
const NO_MENU = 46003;

/**
 * The menus set through the API: one item for the default menu ({ menu_type: 'default', button,
 * menuid when WeChat gives one }) and one per conditional menu ({ menu_type: 'conditional',
 * menuid, matchrule, button }). No menu: no items.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const response = await client.request<{ menu?: IDataObject; conditionalmenu?: IDataObject[]; errcode?: number }>(
		{ method: 'GET', path: '/cgi-bin/menu/get', acceptErrcodes: [NO_MENU] },
		itemIndex,
	);
	if (response.errcode === NO_MENU) return;
	if (response.menu) {
		output.push({ json: { menu_type: 'default', ...response.menu }, pairedItem: { item: itemIndex } });
	}
	for (const conditional of Array.isArray(response.conditionalmenu) ? response.conditionalmenu : []) {
		output.push({ json: { menu_type: 'conditional', ...conditional }, pairedItem: { item: itemIndex } });
	}
};
