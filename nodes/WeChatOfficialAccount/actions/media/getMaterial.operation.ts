import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { mediaIdField, mediaIdOf, mediaItem, outputFieldOf, outputFileOptions } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['getMaterial'] } }, [
	{ ...mediaIdField, description: 'The media_id of permanent material (from Add Material or Get Many)' },
	outputFileOptions,
]);

/**
 * Reads permanent material. Images, voice files and thumbs come as a file in a binary field with
 * { media_id, fileName, mimeType, fileSize }; WeChat answers videos with { title, description,
 * down_url } and news with { news_item }, which become the item's json.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const mediaId = mediaIdOf(this, itemIndex);
	const propertyName = outputFieldOf(this, itemIndex);
	const answer = await client.download({ method: 'POST', path: '/cgi-bin/material/get_material', body: { media_id: mediaId } }, itemIndex);
	output.push(await mediaItem(this, itemIndex, mediaId, answer, propertyName));
};
