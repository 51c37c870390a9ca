import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { articleBody, articleJson, articleNumberField, articleOf, commentIdField, commentIdOf, msgDataIdField } from './fields';

/**
 * One comment API call that changes a state and ends the same however often it is made (open,
 * close, elect, unelect, delete, delete reply): sent with the repeat safety `safe`, so a dropped
 * connection, an HTTP 5xx or WeChat's -1 is repeated. Outputs the article (and comment) it
 * changed with `result` added.
 */
export function commentChange(options: {
	operation: string;
	path: string;
	/** whether the call names a comment (user_comment_id) */
	comment: boolean;
	result: IDataObject;
	/**
	 * errcodes a repeat meets when the attempt before it made the change and only its answer was
	 * lost (a deleted comment is unknown, a deleted reply missing): the change is done. The output
	 * then says so with `already: true` under the name given here.
	 */
	alreadyDone?: { errcodes: number[]; field: string };
}): { description: INodeProperties[]; execute: OperationExecute } {
	const fields = options.comment ? [msgDataIdField, articleNumberField, commentIdField] : [msgDataIdField, articleNumberField];
	const description = updateDisplayOptions({ show: { resource: ['comment'], operation: [options.operation] } }, fields);
	const execute: OperationExecute = async function (itemIndex, client, output) {
		const article = articleOf(this, itemIndex);
		const commentId = options.comment ? commentIdOf(this, itemIndex) : undefined;
		const body: IDataObject = { ...articleBody(article), ...(commentId !== undefined ? { user_comment_id: commentId } : {}) };
		const response = await client.request(
			{ method: 'POST', path: options.path, body, repeat: 'safe', acceptOnRepeat: options.alreadyDone?.errcodes },
			itemIndex,
		);
		const already = options.alreadyDone
			? { [options.alreadyDone.field]: options.alreadyDone.errcodes.includes(Number(response.errcode ?? 0)) }
			: {};
		output.push({
			json: { ...articleJson(article), ...(commentId !== undefined ? { user_comment_id: commentId } : {}), ...options.result, ...already },
			pairedItem: { item: itemIndex },
		});
	};
	return { description, execute };
}
