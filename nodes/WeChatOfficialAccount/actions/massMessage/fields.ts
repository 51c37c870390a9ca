import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const msgIdField: INodeProperties = {
	displayName: 'Message ID',
	name: 'msgId',
	type: 'string',
	required: true,
	default: '={{ $json.msg_id }}',
	description: 'The msg_id Mass Message → Send returned',
};

/** The msg_id of an item: WeChat's IDs are whole numbers. */
export function msgIdOf(context: IExecuteFunctions, itemIndex: number): number {
	const value = String(context.getNodeParameter('msgId', itemIndex) ?? '').trim();
	if (!/^\d+$/.test(value)) {
		throw new NodeOperationError(context.getNode(), `"${value}" is not a mass message ID`, {
			description: 'Use the msg_id that Mass Message → Send returned, e.g. {{ $json.msg_id }}.',
			itemIndex,
		});
	}
	return Number(value);
}
