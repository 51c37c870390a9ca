import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** WeChat's publish_status values (freepublish/get), with what each means for the user. */
const PUBLISH_STATUS: Record<number, { status: string; failure?: { message: string; advice: string } }> = {
	0: { status: 'published' },
	1: { status: 'publishing' },
	2: {
		status: 'original content check failed',
		failure: {
			message: 'its declaration of original content was refused',
			advice: 'WeChat did not accept the original-content declaration: remove the declaration, or content copied from elsewhere, in the draft and publish again.',
		},
	},
	3: {
		status: 'failed',
		failure: {
			message: 'publishing failed',
			advice: 'WeChat gives no reason for this general failure: publish the draft again later; if it fails again, open it in the WeChat Official Accounts Platform and publish it there to see what WeChat objects to.',
		},
	},
	4: {
		status: 'platform audit failed',
		failure: {
			message: "WeChat's platform audit refused it",
			advice: "The content breaks WeChat's platform rules: review the text, images and links of the failed articles, fix the draft and publish again.",
		},
	},
	5: { status: 'deleted after publishing' },
	6: { status: 'banned after publishing' },
};

/**
 * A freepublish/get answer as an output item: WeChat's fields, plus `status` in words and
 * `article_url` (the first article's), and `msg_data_id` when the submit gave it.
 */
export function statusItem(answer: IDataObject, extra: IDataObject = {}): IDataObject {
	const code = Number(answer.publish_status);
	const item: IDataObject = {
		publish_id: answer.publish_id,
		publish_status: answer.publish_status,
		status: PUBLISH_STATUS[code]?.status ?? `unknown (${String(answer.publish_status)})`,
		...extra,
	};
	if (answer.article_id !== undefined) item.article_id = answer.article_id;
	const detail = answer.article_detail as { item?: Array<{ idx?: number; article_url?: string }> } | undefined;
	if (detail) {
		item.article_detail = detail;
		const first = detail.item?.[0]?.article_url;
		if (first) item.article_url = first;
	}
	item.fail_idx = Array.isArray(answer.fail_idx) ? answer.fail_idx : [];
	return item;
}

/**
 * The error for a job that ended in failure (2, 3, 4): what WeChat said and which articles failed;
 * `extra` (Publish: media_id, msg_data_id) goes into the error item too.
 */
export function publishFailure(node: INode, itemIndex: number, answer: IDataObject, extra: IDataObject = {}): NodeOperationError | undefined {
	const code = Number(answer.publish_status);
	const failure = PUBLISH_STATUS[code]?.failure;
	if (!failure) return undefined;
	const failed = Array.isArray(answer.fail_idx) ? (answer.fail_idx as number[]) : [];
	const which = failed.length ? `; failed article${failed.length > 1 ? 's' : ''}: ${failed.join(', ')} (numbered from 1)` : '';
	const error = new NodeOperationError(
		node,
		`WeChat did not publish the draft: ${failure.message} (publish_status ${code}${which})`,
		{
			description: `${failure.advice} publish_id: ${String(answer.publish_id)}. The draft stays in the draft box.`,
			itemIndex,
		},
	);
	Object.assign(error.context, { publish_id: answer.publish_id, publish_status: code, fail_idx: failed, ...extra });
	return error;
}

export const publishIdHint = 'Set "Publish ID" to the publish_id that Publication → Publish returned, e.g. with the expression {{ $json.publish_id }}.';
export const articleIdHint = 'Set "Article ID" to the article_id of a published article (Publication → Get Status or Get Many shows it), e.g. {{ $json.article_id }}.';
