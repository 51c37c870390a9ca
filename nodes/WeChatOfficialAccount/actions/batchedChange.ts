import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collectOpenids } from '../helpers/openids';
import type { BatchEntry } from '../transport/batch';
import { DEFAULT_CONCURRENCY, sendInChunks } from '../transport/batch';
import type { WeChatApiClient } from '../transport/request';
import type { BatchOperationExecute, ItemOutcome } from './node.type';

/** A change WeChat applies to a list of OpenIDs per call: tagging, untagging, blacklisting. */
export interface BatchedChange {
	/** e.g. /cgi-bin/tags/members/batchtagging; the OpenIDs go into `openid_list` */
	path: string;
	/** the most OpenIDs WeChat takes per call */
	chunkSize: number;
	/** the parameter that holds the OpenIDs, and its label for messages */
	openidsParameter: { name: string; label: string };
	/**
	 * What else a call needs for an item (e.g. the tag ID). Items whose `key` is equal share
	 * calls; `output` is added to the item's output.
	 */
	targetOf(itemIndex: number): { key: string; body: IDataObject; output: IDataObject };
	/** for messages, e.g. "added to the tag" */
	pastTense: string;
}

/**
 * Applies a change to the OpenIDs of every input item with one call per chunk (not per item).
 * An OpenID given by several items is sent once. Each item is output as `{ success, ..., openids }`
 * when all its OpenIDs went through.
 */
export async function changeInBatches(
	this: IExecuteFunctions,
	itemIndexes: number[],
	client: WeChatApiClient,
	continueOnFail: boolean,
	change: BatchedChange,
): Promise<ItemOutcome[]> {
	const { entries, failures } = collectOpenids(this, itemIndexes, change.openidsParameter.name, change.openidsParameter.label);
	const itemTargets = new Map<number, { key: string; output: IDataObject; openids: string[] }>();
	const groups = new Map<string, { body: IDataObject; entries: BatchEntry[]; ids: Set<string> }>();
	for (const entry of entries) {
		if (!itemTargets.has(entry.itemIndex)) {
			try {
				const { key, body, output } = change.targetOf(entry.itemIndex);
				itemTargets.set(entry.itemIndex, { key, output, openids: [] });
				if (!groups.has(key)) groups.set(key, { body, entries: [], ids: new Set() });
			} catch (error) {
				failures.push({ itemIndex: entry.itemIndex, error: error as Error });
				itemTargets.set(entry.itemIndex, { key: '', output: {}, openids: [] });
			}
		}
		const target = itemTargets.get(entry.itemIndex)!;
		const group = groups.get(target.key);
		if (!group) continue;
		target.openids.push(entry.id);
		// An OpenID given by several items is sent once.
		if (!group.ids.has(entry.id)) {
			group.ids.add(entry.id);
			group.entries.push(entry);
		}
	}
	// Nothing is sent when an item is wrong and the node stops on errors.
	if (failures.length > 0 && !continueOnFail) return failures.slice(0, 1);

	const total = [...groups.values()].reduce((sum, group) => sum + group.entries.length, 0);
	let done = 0;
	const failedIds = new Map<string, Map<string, Error>>();
	for (const [key, group] of groups) {
		const outcomes = await sendInChunks({
			entries: group.entries,
			chunkSize: change.chunkSize,
			concurrency: DEFAULT_CONCURRENCY,
			continueOnError: continueOnFail,
			send: async (ids, itemIndex) =>
				await client.request({ method: 'POST', path: change.path, body: { ...group.body, openid_list: ids } }, itemIndex),
		});
		const failed = new Map<string, Error>();
		failedIds.set(key, failed);
		for (const outcome of outcomes) {
			if (outcome.error) for (const entry of outcome.entries) failed.set(entry.id, outcome.error);
			else done += outcome.entries.length;
		}
		const failedOutcome = outcomes.find((outcome) => outcome.error);
		if (failedOutcome && !continueOnFail) {
			const error = failedOutcome.error as Error & { description?: string | null };
			const note = `${done} of ${total} OpenIDs were ${change.pastTense} before this error; the others were not.`;
			error.description = error.description ? `${error.description} ${note}` : note;
			return [{ itemIndex: failedOutcome.entries[0].itemIndex, error }];
		}
	}

	const outcomes: ItemOutcome[] = [...failures];
	for (const [itemIndex, target] of itemTargets) {
		const failed = failedIds.get(target.key);
		if (!failed) continue; // the item failed before anything was sent
		const error = target.openids.map((id) => failed.get(id)).find((found) => found !== undefined);
		outcomes.push(error ? { itemIndex, error } : { itemIndex, json: [{ success: true, ...target.output, openids: target.openids }] });
	}
	return outcomes;
}

/** The executeBatch of an operation that is one BatchedChange (tagging, blacklisting, ...). */
export function batchedChangeOperation(changeFor: (context: IExecuteFunctions) => BatchedChange): BatchOperationExecute {
	return async function (this: IExecuteFunctions, itemIndexes, client, continueOnFail) {
		return await changeInBatches.call(this, itemIndexes, client, continueOnFail, changeFor(this));
	};
}
