import { updateDisplayOptions } from '../../helpers/displayOptions';
import { ownTagIdOf, tagIdField, tagNameField, tagNameOf } from './fields';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['update'] } }, [
	tagIdField,
	{ ...tagNameField, displayName: 'New Name' },
]);

/** Renames a tag. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const id = ownTagIdOf(this, itemIndex, 'renamed');
	const name = tagNameOf(this, itemIndex);
	await client.request({ method: 'POST', path: '/cgi-bin/tags/update', body: { tag: { id, name } } }, itemIndex);
	output.push({ json: { success: true, id, name }, pairedItem: { item: itemIndex } });
};
