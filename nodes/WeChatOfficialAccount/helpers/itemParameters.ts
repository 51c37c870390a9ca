import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Parameters of one input item, checked before any request. Every refusal reads
 * `Input item N: "<Field>" …` and says in its description where the value comes from.
 */

/** A refusal of one item's parameter, in the package's one wording. */
export function invalidParameter(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
	description: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Input item ${itemIndex + 1}: "${field}" ${problem}`, { description, itemIndex });
}

/** A text parameter that must not be empty (IDs, tickets, keys), trimmed. */
export function requiredTextOf(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	field: string,
	hint: string,
): string {
	const value = String(context.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
	if (!value) throw invalidParameter(context, itemIndex, field, 'is empty', hint);
	return value;
}

/** A whole number from `min` to `max` from a parameter that may hold a number or a string of digits. */
export function wholeNumberOf(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	field: string,
	range: { min: number; max: number },
	hint: string,
): number {
	const raw = context.getNodeParameter(parameter, itemIndex, '') as unknown;
	const text = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim();
	const number = /^\d{1,16}$/.test(text) ? Number(text) : NaN;
	if (!(number >= range.min && number <= range.max)) {
		throw invalidParameter(
			context,
			itemIndex,
			field,
			`must be a whole number from ${range.min.toLocaleString('en-US')} to ${range.max.toLocaleString('en-US')}, not ${JSON.stringify(raw ?? '')}`,
			hint,
		);
	}
	return number;
}

/** The most articles one draft or publication holds. */
export const MAX_ARTICLES = 8;

/** "Which article" everywhere in this node: 1 for the first, whatever the API counts from. */
export function articleNumberOf(context: IExecuteFunctions, itemIndex: number, parameter = 'articleNumber', max = MAX_ARTICLES): number {
	return wholeNumberOf(context, itemIndex, parameter, 'Article Number', { min: 1, max }, `Articles are numbered from 1 (the first article) to ${max} at most.`);
}
