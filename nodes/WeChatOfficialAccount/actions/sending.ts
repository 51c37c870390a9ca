import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { createHash } from 'crypto';

import { isCancelled } from '../transport/request';
import type { SendOutcome } from '../transport/sendEach';
import { DEFAULT_MESSAGES_IN_FLIGHT, sendEach } from '../transport/sendEach';

/** What every per-follower send shares: how many at once, and how repeats are recognised. */

export const messagesInFlightOption: INodeProperties = {
	displayName: 'Messages in Flight',
	name: 'messagesInFlight',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 20 },
	default: DEFAULT_MESSAGES_IN_FLIGHT,
	description:
		'How many messages the node sends at the same time. Results keep the input order. Higher is faster; WeChat may answer "too frequent" (the node then waits for the next minute).',
};

/** `window`: how long WeChat remembers a key, e.g. "10 minutes". */
export function idempotencyKeyOption(window: string): INodeProperties {
	return {
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		placeholder: 'order-2026-000123',
		description: `WeChat sends one message per key (and recipient) within ${window}, however often it is submitted. Empty: a key derived from the recipient and the content, so a re-run after a failure does not send the same message twice within ${window}. Set your own, e.g. an order number, to decide what counts as the same message; at most 64 characters.`,
	};
}

/** The user's Idempotency Key of an item ('' when empty), refused over WeChat's 64 characters. */
export function ownIdempotencyKeyOf(context: IExecuteFunctions, itemIndex: number): string {
	const options = context.getNodeParameter('options', itemIndex, {}) as { idempotencyKey?: string };
	const own = String(options.idempotencyKey ?? '').trim();
	if (own.length > 64) {
		throw new NodeOperationError(context.getNode(), 'The Idempotency Key is longer than 64 characters', {
			description: 'WeChat accepts keys of up to 64 characters. Shorten it, or leave it empty for a key derived from the message.',
			itemIndex,
		});
	}
	return own;
}

/** A key derived from what makes a message itself (recipient, content): 44 characters. */
export function derivedKey(content: unknown): string {
	return `n8n-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 40)}`;
}

/** The idempotency key of one message: the user's, or one derived from `content`. */
export function idempotencyKeyOf(context: IExecuteFunctions, itemIndex: number, content: unknown): string {
	return ownIdempotencyKeyOf(context, itemIndex) || derivedKey(content);
}

/**
 * Sends one message per input item with bounded concurrency (Options → Messages in Flight of the
 * first item: one value for the run). Outcomes come back in input order.
 */
export async function sendPerItem(
	context: IExecuteFunctions,
	itemIndexes: number[],
	continueOnFail: boolean,
	send: (itemIndex: number) => Promise<IDataObject>,
): Promise<SendOutcome[]> {
	const options = context.getNodeParameter('options', 0, {}) as { messagesInFlight?: number };
	return await sendEach({
		node: context.getNode(),
		itemIndexes,
		concurrency: options.messagesInFlight ?? DEFAULT_MESSAGES_IN_FLIGHT,
		continueOnFail,
		// Error items name their recipient, so they can be matched without following pairedItem.
		send: async (itemIndex) =>
			await send(itemIndex).catch((error: Error & { context?: IDataObject }) => {
				const openid = String(context.getNodeParameter('openid', itemIndex, '') ?? '').trim();
				if (openid && error.context && error.context.openid === undefined) error.context.openid = openid;
				throw error;
			}),
		isCancelled: () => isCancelled(context),
	});
}

/** Options to open a mini program when the message is tapped (both needed). */
export const miniProgramOptions: INodeProperties[] = [
	{
		displayName: 'Mini Program AppID',
		name: 'miniProgramAppId',
		type: 'string',
		default: '',
		description: 'Open this mini program when the message is tapped (it must be linked to the account); wins over a URL',
	},
	{
		displayName: 'Mini Program Page',
		name: 'miniProgramPagePath',
		type: 'string',
		default: '',
		placeholder: 'pages/order/detail?order=123',
		description: 'The page of the mini program to open, with its query',
	},
];
