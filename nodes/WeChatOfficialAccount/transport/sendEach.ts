import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What happened to one input item's message. */
export type SendOutcome = { itemIndex: number; json: IDataObject[] } | { itemIndex: number; error: Error };

export interface SendEach {
	node: INode;
	itemIndexes: number[];
	/** messages in flight at once; 1 sends them one after the other */
	concurrency: number;
	/** a refused recipient becomes an error item and the others go on ("On Error: Continue") */
	continueOnFail: boolean;
	/** sends one item's message; its answer becomes the item's output */
	send(itemIndex: number): Promise<IDataObject>;
	isCancelled(): boolean;
}

/** Messages in flight at once by default: well inside WeChat's per-minute limits. */
export const DEFAULT_MESSAGES_IN_FLIGHT = 5;

/** WeChat's daily quota for the API is used up: nothing more can be sent today. */
const DAILY_QUOTA = 45009;

/**
 * Sends one message per input item, a bounded number at a time, and returns an outcome per item
 * in input order. The run stops at the daily quota (45009) and, without "Continue", at the first
 * failure: nothing new is sent after it, and the error lists which items were sent and which
 * were not, because n8n drops the output of a failed node and a blind re-run would send twice.
 * With "Continue" every item gets an outcome: sent, refused, or not sent because the run stopped.
 */
export async function sendEach(options: SendEach): Promise<SendOutcome[]> {
	const outcomes = new Map<number, SendOutcome>();
	let next = 0;
	let stop: RunStop | undefined;

	const worker = async () => {
		while (next < options.itemIndexes.length && !stop && !options.isCancelled()) {
			const itemIndex = options.itemIndexes[next++];
			try {
				outcomes.set(itemIndex, { itemIndex, json: [await options.send(itemIndex)] });
			} catch (error) {
				outcomes.set(itemIndex, { itemIndex, error: error as Error });
				stop ??= stopFor(error, itemIndex, options.continueOnFail);
			}
		}
	};
	const workers = Math.min(Math.max(1, options.concurrency), options.itemIndexes.length);
	await Promise.all(Array.from({ length: workers }, worker));

	return settleRun(options.node, options.itemIndexes, outcomes, stop, options.continueOnFail);
}

/** Why a run stopped sending: the item whose failure stopped it, and whether that was the daily quota. */
export interface RunStop {
	itemIndex: number;
	quota: boolean;
}

/**
 * Outcomes in input order once a run is over. When it stopped early, items never tried are
 * reported: with "Continue" as "Not sent" error items, without it in the description of the
 * error the node fails with (the first one in input order, which is the one n8n shows).
 */
export function settleRun(
	node: INode,
	itemIndexes: number[],
	outcomes: Map<number, SendOutcome>,
	stop: RunStop | undefined,
	continueOnFail: boolean,
): SendOutcome[] {
	const ordered = itemIndexes.map((itemIndex) => outcomes.get(itemIndex) ?? { itemIndex, notSent: true as const });
	if (!stop && !ordered.some((outcome) => 'notSent' in outcome)) return ordered as SendOutcome[];
	const summary = deliverySummary(ordered);
	if (!continueOnFail) {
		const first = ordered.find((outcome): outcome is SendOutcome & { error: Error } => 'error' in outcome);
		if (first) appendDescription(first.error, summary);
		return ordered.filter((outcome): outcome is SendOutcome => !('notSent' in outcome));
	}
	const reason = stop?.quota ? `the daily quota ran out at item ${stop.itemIndex + 1}` : 'the execution was cancelled';
	return ordered.map((outcome) => {
		if (!('notSent' in outcome)) return outcome;
		const error = new NodeOperationError(node, `Not sent: ${reason}`, { description: summary, itemIndex: outcome.itemIndex });
		error.context.sent = false;
		return { itemIndex: outcome.itemIndex, error };
	});
}

/** Whether this failure ends the run: always at the daily quota, otherwise unless "Continue". */
export function stopFor(error: unknown, itemIndex: number, continueOnFail: boolean): RunStop | undefined {
	const quota = errcodeOf(error) === DAILY_QUOTA;
	return quota || !continueOnFail ? { itemIndex, quota } : undefined;
}

function errcodeOf(error: unknown): number | undefined {
	return error instanceof NodeApiError || error instanceof NodeOperationError ? Number(error.context.errcode) : undefined;
}

function sentStateOf(outcome: SendOutcome | { itemIndex: number; notSent: true }): 'sent' | 'unknown' | 'not sent' {
	if ('json' in outcome) return 'sent';
	if ('notSent' in outcome) return 'not sent';
	return (outcome.error as { context?: IDataObject }).context?.sent === 'unknown' ? 'unknown' : 'not sent';
}

/** "Sent: items 1–36 and 38 (37 of 100). Not sent: items 37 and 39–100." with 1-based item numbers. */
function deliverySummary(outcomes: Array<SendOutcome | { itemIndex: number; notSent: true }>): string {
	const groups: Record<'sent' | 'unknown' | 'not sent', number[]> = { sent: [], unknown: [], 'not sent': [] };
	for (const outcome of outcomes) groups[sentStateOf(outcome)].push(outcome.itemIndex + 1);
	const parts = [`Sent: ${rangesOf(groups.sent)} (${groups.sent.length} of ${outcomes.length}).`];
	if (groups.unknown.length) parts.push(`May have been sent: ${rangesOf(groups.unknown)}.`);
	if (groups['not sent'].length) parts.push(`Not sent: ${rangesOf(groups['not sent'])}; run those items again.`);
	return parts.join(' ');
}

const MAX_RANGES = 12;

function rangesOf(numbers: number[]): string {
	if (!numbers.length) return 'none';
	const ranges: string[] = [];
	for (let start = 0; start < numbers.length; ) {
		let end = start;
		while (end + 1 < numbers.length && numbers[end + 1] === numbers[end] + 1) end++;
		ranges.push(end === start ? `${numbers[start]}` : `${numbers[start]}–${numbers[end]}`);
		start = end + 1;
	}
	// A long, scattered list stays readable: the first ranges, then how many more.
	if (ranges.length > MAX_RANGES) ranges.splice(MAX_RANGES, ranges.length, `${ranges.length - MAX_RANGES} more ranges`);
	const list = ranges.length > 1 ? `${ranges.slice(0, -1).join(', ')} and ${ranges[ranges.length - 1]}` : ranges[0];
	return `${numbers.length === 1 ? 'item' : 'items'} ${list}`;
}

/** Adds a sentence to an error's description (what the user reads under the message). */
export function appendDescription(error: Error, text: string): void {
	const withDescription = error as Error & { description?: string | null };
	withDescription.description = withDescription.description ? `${withDescription.description} ${text}` : text;
}
