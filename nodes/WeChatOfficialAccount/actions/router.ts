import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { createApiClient } from '../transport/request';
import * as blacklist from './blacklist';
import * as customerServiceMessage from './customerServiceMessage';
import * as follower from './follower';
import * as massMessage from './massMessage';
import * as analytics from './analytics';
import * as comment from './comment';
import * as draft from './draft';
import * as media from './media';
import * as menu from './menu';
import * as publication from './publication';
import * as qrCode from './qrCode';
import * as shortLink from './shortLink';
import * as message from './message';
import type { OperationModule, WeChatOfficialAccountType } from './node.type';
import * as quota from './quota';
import * as subscriptionNotice from './subscriptionNotice';
import * as tag from './tag';
import * as templateMessage from './templateMessage';

const operations: { [R in keyof WeChatOfficialAccountType]: Record<WeChatOfficialAccountType[R], OperationModule> } = {
	follower,
	tag,
	blacklist,
	quota,
	message,
	templateMessage,
	customerServiceMessage,
	massMessage,
	subscriptionNotice,
	media,
	draft,
	publication,
	comment,
	menu,
	qrCode,
	shortLink,
	analytics,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	// Resource and operation cannot be expressions: every item runs the same operation.
	const resource = this.getNodeParameter('resource', 0) as keyof WeChatOfficialAccountType;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = (operations[resource] as Record<string, OperationModule> | undefined)?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	// One client per execution: the token is read once and shared by every item and page.
	const client = await createApiClient(this);
	const continueOnFail = this.continueOnFail();
	const fail = (error: unknown, itemIndex: number) => {
		if (!continueOnFail) {
			throw error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
		output.push({ json: errorItem(error as ErrorLike, client.redact), pairedItem: { item: itemIndex } });
	};

	if ('executeBatch' in handler) {
		const outcomes = await handler.executeBatch.call(
			this,
			items.map((_, itemIndex) => itemIndex),
			client,
			continueOnFail,
		);
		// In input order, whatever order the batches finished in.
		outcomes.sort((a, b) => a.itemIndex - b.itemIndex);
		for (const outcome of outcomes) {
			if ('error' in outcome) fail(outcome.error, outcome.itemIndex);
			else for (const json of outcome.json) output.push({ json, pairedItem: { item: outcome.itemIndex } });
		}
		return [output];
	}

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			await handler.execute.call(this, itemIndex, client, output);
		} catch (error) {
			fail(error, itemIndex);
		}
	}
	return [output];
}

type ErrorLike = { message?: string; description?: string | null; context?: IDataObject };

/** The item emitted in place of a failed one when "On Error" continues: message, advice, resume point. */
function errorItem(error: ErrorLike, redact: (text: string) => string): IDataObject {
	const item: IDataObject = { error: redact(String(error.message ?? error)) };
	if (error.description) item.description = redact(error.description);
	// What a failed item must not lose: where to resume, whether it was sent, what WeChat created.
	for (const key of ['received', 'resumeAfter', 'openid', 'sent', 'publish_id', 'msg_data_id', 'publish_status', 'fail_idx', 'ticket', 'url', 'image_url'] as const) {
		if (error.context?.[key] !== undefined) item[key] = error.context[key];
	}
	return item;
}
