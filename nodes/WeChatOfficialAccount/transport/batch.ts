import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { appendDescription } from './sendEach';

/** One value sent in a batch call (an OpenID) and the input item it came from. */
export interface BatchEntry {
	id: string;
	itemIndex: number;
}

/** What happened to some entries: the answer of the call that carried them, or its error. */
export interface BatchOutcome<R> {
	entries: BatchEntry[];
	result?: R;
	error?: Error;
}

export interface ChunkedCalls<R> {
	entries: BatchEntry[];
	/** the API's maximum per call (100 for profiles, 50 for tagging, 20 for the blacklist) */
	chunkSize: number;
	/** calls in flight at once; 1 sends them one after the other */
	concurrency: number;
	/** one call; `itemIndex` is the first item of the chunk, for the error */
	send(ids: string[], itemIndex: number): Promise<R>;
	/** keep sending the other chunks after one failed ("On Error" continues) */
	continueOnError: boolean;
}

/** Calls in flight at once for batch operations: a fraction of WeChat's per-minute limits. */
export const DEFAULT_CONCURRENCY = 5;

/**
 * Errcodes WeChat answers for a whole batch when one OpenID in it is wrong: invalid OpenID, an
 * OpenID of another AppID, a follower who already has the maximum number of tags.
 */
const PER_OPENID_ERRCODES = new Set([40003, 49003, 45059]);

/**
 * Extra calls one batch operation may spend finding refused OpenIDs (about 14 find one in a
 * batch of 100). A list where many are wrong, e.g. OpenIDs of another account, is not worth
 * taking apart call by call: each call counts against the daily quota.
 */
export const MAX_ISOLATION_CALLS = 30;

/**
 * Sends `entries` in chunks of the API's batch size, a bounded number at a time, and returns the
 * outcomes in entry order. When WeChat refuses a chunk because of one OpenID, the chunk is split
 * in halves until that OpenID is found (2 calls per halving, MAX_ISOLATION_CALLS in all), so the
 * error names it and the other OpenIDs still go through. Without `continueOnError`, nothing new
 * is sent after a failure, and entries not sent have no outcome.
 */
export async function sendInChunks<R>(calls: ChunkedCalls<R>): Promise<Array<BatchOutcome<R>>> {
	const chunks: BatchEntry[][] = [];
	for (let start = 0; start < calls.entries.length; start += calls.chunkSize) {
		chunks.push(calls.entries.slice(start, start + calls.chunkSize));
	}
	const outcomes: Array<Array<BatchOutcome<R>>> = [];
	let next = 0;
	let failed = false;
	let isolationCalls = 0;

	const sendIsolating = async (entries: BatchEntry[]): Promise<Array<BatchOutcome<R>>> => {
		try {
			const result = await calls.send(
				entries.map((entry) => entry.id),
				entries[0].itemIndex,
			);
			return [{ entries, result }];
		} catch (error) {
			// Anything but a refused OpenID is the outcome of the whole chunk.
			if (!(error instanceof NodeApiError || error instanceof NodeOperationError) || !PER_OPENID_ERRCODES.has(Number(error.context.errcode))) {
				return [{ entries, error: error as Error }];
			}
			if (entries.length === 1) {
				failed = true;
				return [{ entries, error: blameOpenid(error, entries[0]) }];
			}
			if (isolationCalls + 2 > MAX_ISOLATION_CALLS) {
				error.description = `${error.description ?? ''} Several OpenIDs in this batch were refused; the node stopped narrowing them down after ${MAX_ISOLATION_CALLS} extra requests, to spare the daily quota. Check that all OpenIDs belong to this account.`.trim();
				return [{ entries, error }];
			}
			isolationCalls += 2;
			const half = Math.ceil(entries.length / 2);
			const first = await sendIsolating(entries.slice(0, half));
			if (failed && !calls.continueOnError) return first;
			return [...first, ...(await sendIsolating(entries.slice(half)))];
		}
	};

	const worker = async () => {
		while (next < chunks.length && (calls.continueOnError || !failed)) {
			const index = next++;
			outcomes[index] = await sendIsolating(chunks[index]);
			if (outcomes[index].some((outcome) => outcome.error)) failed = true;
		}
	};
	await Promise.all(Array.from({ length: Math.min(Math.max(1, calls.concurrency), chunks.length) }, worker));
	return outcomes.flat();
}

/** Names the OpenID and the input item WeChat refused. */
function blameOpenid<E extends NodeApiError | NodeOperationError>(error: E, entry: BatchEntry): E {
	const note = `The OpenID is ${entry.id}, from input item ${entry.itemIndex + 1}.`;
	appendDescription(error, note);
	error.context.itemIndex = entry.itemIndex;
	error.context.openid = entry.id;
	return error;
}
