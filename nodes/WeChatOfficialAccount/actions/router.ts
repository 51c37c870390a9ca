import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { createApiClient } from '../transport/request';
import * as follower from './follower';
import type { OperationExecute, WeChatOfficialAccountType } from './node.type';

const operations: { [R in keyof WeChatOfficialAccountType]: Record<WeChatOfficialAccountType[R], { execute: OperationExecute }> } = {
	follower,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	// One client per execution: the token is read once and shared by every item and page.
	const client = await createApiClient(this);

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const resource = this.getNodeParameter('resource', itemIndex) as keyof WeChatOfficialAccountType;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const handler = (operations[resource] as Record<string, { execute: OperationExecute }> | undefined)?.[operation];
		if (!handler) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
				itemIndex,
			});
		}
		try {
			await handler.execute.call(this, itemIndex, client, output);
		} catch (error) {
			if (!this.continueOnFail()) {
				throw error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
			output.push({ json: errorItem(error, client.redact), pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}

/** The item emitted in place of a failed one when "On Error" continues: message, advice, resume point. */
function errorItem(error: { message?: string; description?: string | null; context?: IDataObject }, redact: (text: string) => string): IDataObject {
	const item: IDataObject = { error: redact(String(error.message ?? error)) };
	if (error.description) item.description = redact(error.description);
	for (const key of ['received', 'resumeAfter'] as const) {
		if (error.context?.[key] !== undefined) item[key] = error.context[key];
	}
	return item;
}
