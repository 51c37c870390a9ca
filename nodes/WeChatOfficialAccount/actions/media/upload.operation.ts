import type { IDataObject } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { fileToUpload, inputBinaryField, mediaTypeField } from './fields';
import type { MediaType } from './limits';

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['upload'] } }, [
	mediaTypeField('temporary'),
	inputBinaryField,
]);

/** Temporary media are kept by WeChat for 3 days after the upload. */
const LIFETIME_SECONDS = 3 * 24 * 3600;

interface UploadResponse extends IDataObject {
	media_id?: string;
	thumb_media_id?: string;
	created_at?: number;
}

/**
 * Uploads the file of an input item as temporary media (kept 3 days), after checking WeChat's
 * limits. Outputs { type, media_id, created_at, expires_at }. A repeat after a lost answer only
 * stores another copy, so the call is retried like a read.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const type = this.getNodeParameter('type', itemIndex) as MediaType;
	const upload = await fileToUpload(this, itemIndex, 'temporary', type);
	const response = await client.request<UploadResponse>(
		{ method: 'POST', path: '/cgi-bin/media/upload', qs: { type }, upload },
		itemIndex,
	);
	// WeChat answers a thumb's ID as thumb_media_id: give it as media_id too, like every other type.
	const mediaId = response.media_id ?? response.thumb_media_id;
	const createdAt = typeof response.created_at === 'number' ? response.created_at : Math.floor(Date.now() / 1000);
	output.push({
		json: {
			type,
			media_id: mediaId,
			...(response.thumb_media_id !== undefined ? { thumb_media_id: response.thumb_media_id } : {}),
			created_at: createdAt,
			expires_at: new Date((createdAt + LIFETIME_SECONDS) * 1000).toISOString(),
		},
		pairedItem: { item: itemIndex },
	});
};
