import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { mediaIdField, mediaIdOf, mediaItem, outputFieldOf, outputFileOptions } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['download'] } }, [
	{ ...mediaIdField, description: 'The media_id of temporary media (from Upload, or of a file a follower sent), at most 3 days old' },
	outputFileOptions,
]);

/**
 * Downloads temporary media into a binary field, with { media_id, fileName, mimeType, fileSize }
 * (fileSize in bytes). WeChat does not serve videos as files: for a video the item is
 * { media_id, video_url } and carries no binary data.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const mediaId = mediaIdOf(this, itemIndex);
	const propertyName = outputFieldOf(this, itemIndex);
	const answer = await client.download({ method: 'GET', path: '/cgi-bin/media/get', qs: { media_id: mediaId } }, itemIndex);
	output.push(await mediaItem(this, itemIndex, mediaId, answer, propertyName));
};
