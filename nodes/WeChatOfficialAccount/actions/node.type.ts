import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { WeChatApiClient } from '../transport/request';

/**
 * What every operation module exports besides its description: it appends its output items
 * (each with pairedItem) to `output` as they arrive, so a failure part-way keeps what came before.
 */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	client: WeChatApiClient,
	output: INodeExecutionData[],
) => Promise<void>;

export type WeChatOfficialAccountType = {
	follower: 'getAll';
};
