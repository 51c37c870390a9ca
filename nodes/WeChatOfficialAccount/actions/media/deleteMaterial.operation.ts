import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { mediaIdField, mediaIdOf } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['deleteMaterial'] } }, [
	{ ...mediaIdField, description: 'The media_id of the permanent material to delete' },
]);

/** Deletes permanent material; outputs { success: true, media_id }. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const mediaId = mediaIdOf(this, itemIndex);
	await client.request({ method: 'POST', path: '/cgi-bin/material/del_material', body: { media_id: mediaId } }, itemIndex);
	output.push({ json: { success: true, media_id: mediaId }, pairedItem: { item: itemIndex } });
};
