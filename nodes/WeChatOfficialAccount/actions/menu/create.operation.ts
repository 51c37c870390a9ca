import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { menuFields, menuOf } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['menu'], operation: ['create'] } }, menuFields);

/**
 * Sets the account's default menu (replacing the one it had), after checking it against WeChat's
 * rules. Outputs { success: true, button } with the menu as sent.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const { button } = menuOf(this, itemIndex);
	// Safe to repeat: the menu is replaced by the same menu however often the call arrives.
	await client.request({ method: 'POST', path: '/cgi-bin/menu/create', body: { button } }, itemIndex);
	output.push({ json: { success: true, button }, pairedItem: { item: itemIndex } });
};
