import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { wholeNumberOf } from './itemParameters';

/** Return All and Limit, as every n8n "Get Many" has them. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** The resume option of a cursor list; `noun` says what the list holds. */
export function startAfterOpenidOption(noun: string): INodeProperties {
	return {
		displayName: 'Start After OpenID',
		name: 'startAfterOpenid',
		type: 'string',
		default: '',
		placeholder: 'oLVPpjqs9BhvzwPj5A-vTYAX3GLc',
		description: `Continue a previous pull: return the ${noun} that come after this OpenID (the last one a previous run returned, or the one an error named)`,
	};
}

/** The Options collection of a cursor list: Start After OpenID, after any `extra` options. */
export function listOptions(noun: string, extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...extra, startAfterOpenidOption(noun)],
	};
}

/** Where an item's pull starts: after its "Start After OpenID", or at the beginning. */
export function startAfterOf(context: IExecuteFunctions, itemIndex: number): string {
	const options = context.getNodeParameter('options', itemIndex, {}) as { startAfterOpenid?: string };
	return (options.startAfterOpenid ?? '').trim();
}

/** The limit (undefined for Return All) of one input item: a whole number from 1 (an agent may pass anything). */
export function limitOf(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex)) return undefined;
	return wholeNumberOf(context, itemIndex, 'limit', 'Limit', { min: 1, max: Number.MAX_SAFE_INTEGER }, 'Set how many results to return at most, e.g. 50.');
}
