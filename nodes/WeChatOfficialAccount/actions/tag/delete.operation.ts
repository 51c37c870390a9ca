import { updateDisplayOptions } from '../../helpers/displayOptions';
import { ownTagIdOf, tagIdField } from './fields';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['delete'] } }, [tagIdField]);

/** Deletes a tag; its followers lose it. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const id = ownTagIdOf(this, itemIndex, 'deleted');
	await client.request({ method: 'POST', path: '/cgi-bin/tags/delete', body: { tag: { id } } }, itemIndex);
	output.push({ json: { success: true, id }, pairedItem: { item: itemIndex } });
};
