import type { IDataObject } from 'n8n-workflow';

import { requiredTextOf } from '../../helpers/itemParameters';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { DRAFT_ID_HINT, draftMediaIdField } from './fields';

/** draft/delete's answer for a media_id it does not know, e.g. one already deleted. */
const UNKNOWN_MEDIA_ID = 40007;

export const description = updateDisplayOptions({ show: { resource: ['draft'], operation: ['delete'] } }, [
	{ ...draftMediaIdField, description: 'The media_id of the draft to delete; this cannot be undone' },
]);

/**
 * Deletes a draft; outputs { success: true, media_id, already_deleted }. Deleting ends the same
 * however often it is made, so it is repeated after a lost answer; when that repeat finds the
 * draft gone (40007), the lost attempt deleted it: success with already_deleted: true. A first
 * attempt answered 40007 still fails (the media_id is wrong).
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const mediaId = requiredTextOf(this, itemIndex, 'mediaId', 'Draft Media ID', DRAFT_ID_HINT);
	const answer = await client.request<IDataObject>(
		{ method: 'POST', path: '/cgi-bin/draft/delete', body: { media_id: mediaId }, repeat: 'safe', acceptOnRepeat: [UNKNOWN_MEDIA_ID] },
		itemIndex,
	);
	output.push({
		json: { success: true, media_id: mediaId, already_deleted: Number(answer.errcode) === UNKNOWN_MEDIA_ID },
		pairedItem: { item: itemIndex },
	});
};
