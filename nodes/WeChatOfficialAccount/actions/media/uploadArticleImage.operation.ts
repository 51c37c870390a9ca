import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { fileToUpload, inputBinaryField } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['uploadArticleImage'] } }, [inputBinaryField]);

/**
 * Uploads an image (jpg or png, up to 1 MB) for use inside the HTML of an article; outputs
 * { url }. WeChat gives no media_id for it: the image cannot be sent as a message.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const upload = await fileToUpload(this, itemIndex, 'articleImage');
	const response = await client.request<{ url?: string }>({ method: 'POST', path: '/cgi-bin/media/uploadimg', upload }, itemIndex);
	output.push({ json: { url: response.url }, pairedItem: { item: itemIndex } });
};
