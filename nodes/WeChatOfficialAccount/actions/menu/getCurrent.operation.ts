import type { IDataObject } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['menu'], operation: ['getCurrent'] } }, []);

/**
 * The menu followers see now, however it was set (the API or the platform's editor), in WeChat's
 * get_current_selfmenu_info shape: { is_menu_open, menu_open, button } where a button's sub-buttons
 * are in sub_button.list and an editor "news" button carries its articles in news_info.list.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const response = await client.request<{ is_menu_open?: number; selfmenu_info?: { button?: IDataObject[] } }>(
		{ method: 'GET', path: '/cgi-bin/get_current_selfmenu_info' },
		itemIndex,
	);
	const button = Array.isArray(response.selfmenu_info?.button) ? response.selfmenu_info.button : [];
	output.push({
		json: { is_menu_open: response.is_menu_open ?? 0, menu_open: response.is_menu_open === 1, button },
		pairedItem: { item: itemIndex },
	});
};
