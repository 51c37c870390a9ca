import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BatchEntry } from '../transport/batch';
import type { ItemOutcome } from '../actions/node.type';

/**
 * The OpenIDs a parameter holds for one item: an expression may give one OpenID, a list
 * separated by commas, spaces or line breaks, or an array. Empty values are dropped.
 */
export function parseOpenids(value: unknown): string[] {
	const values = Array.isArray(value) ? value : [value];
	const openids: string[] = [];
	for (const entry of values) {
		if (typeof entry !== 'string' && typeof entry !== 'number') continue;
		for (const part of String(entry).split(/[\s,]+/)) if (part) openids.push(part);
	}
	return openids;
}

/**
 * Reads an OpenID parameter for every input item. Items without any OpenID become failures
 * (before anything is sent); the others become batch entries, each OpenID once per item.
 */
export function collectOpenids(
	context: IExecuteFunctions,
	itemIndexes: number[],
	parameterName: string,
	parameterLabel: string,
): { entries: BatchEntry[]; failures: ItemOutcome[] } {
	const entries: BatchEntry[] = [];
	const failures: ItemOutcome[] = [];
	for (const itemIndex of itemIndexes) {
		const openids = [...new Set(parseOpenids(context.getNodeParameter(parameterName, itemIndex)))];
		if (openids.length === 0) {
			failures.push({
				itemIndex,
				error: new NodeOperationError(context.getNode(), `Input item ${itemIndex + 1} has no OpenID in "${parameterLabel}"`, {
					description: `Set "${parameterLabel}" to an OpenID, a list of OpenIDs, or an expression that reads them from the input item, e.g. {{ $json.openid }}.`,
					itemIndex,
				}),
			});
			continue;
		}
		for (const id of openids) entries.push({ id, itemIndex });
	}
	return { entries, failures };
}

/** The single-OpenID parameter; by default it reads `openid` from the input item. */
export function openidField(description: string): INodeProperties {
	return {
		displayName: 'OpenID',
		name: 'openid',
		type: 'string',
		required: true,
		default: '={{ $json.openid }}',
		placeholder: 'oLVPpjqs9BhvzwPj5A-vTYAX3GLc',
		description,
	};
}

/** The OpenID of one item, refused when empty. */
export function openidOf(context: IExecuteFunctions, itemIndex: number): string {
	const openid = String(context.getNodeParameter('openid', itemIndex) ?? '').trim();
	if (!openid) {
		throw new NodeOperationError(context.getNode(), `Input item ${itemIndex + 1} has no OpenID`, {
			description: 'Set "OpenID" to the follower\'s OpenID, e.g. with the expression {{ $json.openid }}.',
			itemIndex,
		});
	}
	return openid;
}

/** The several-OpenIDs parameter of batch operations; `perRequest` is WeChat's batch size. */
export function openidsField(perRequest: number): INodeProperties {
	return {
		displayName: 'OpenIDs',
		name: 'openids',
		type: 'string',
		required: true,
		default: '={{ $json.openid }}',
		description: `The OpenIDs of this input item: one, several separated by commas, or an expression giving a list. The node sends the OpenIDs of all input items together, ${perRequest} per request.`,
	};
}
