import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { requiredIdOf } from './articles';
import { DRAFT_ID_HINT, draftMediaIdField } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['draft'], operation: ['delete'] } }, [
	{ ...draftMediaIdField, description: 'The media_id of the draft to delete; this cannot be undone' },
]);

/** Deletes a draft; outputs { success: true, media_id }. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const mediaId = requiredIdOf(this, itemIndex, 'mediaId', 'draft media ID', DRAFT_ID_HINT);
	await client.request({ method: 'POST', path: '/cgi-bin/draft/delete', body: { media_id: mediaId } }, itemIndex);
	output.push({ json: { success: true, media_id: mediaId }, pairedItem: { item: itemIndex } });
};
