import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { isCancelled } from '../../transport/request';
import type { WeChatApiClient } from '../../transport/request';
import type { OperationExecute } from '../node.type';
import type { DayRange } from './dates';
import { FIRST_DATA_DAY, beijingDayOf, dayOfIsoDate, dayOfParameter, formatDay, windowsOf } from './dates';

/** The longest range one input item may ask for: bounds the requests (366 for hourly reports). */
export const MAX_RANGE_DAYS = 366;

/** One datacube endpoint: its path and WeChat's maximum time span per request, in days. */
export interface Endpoint {
	path: string;
	span: number;
	/**
	 * Entries stand for weeks or months: one that overlaps two windows may be listed by both
	 * requests, so repeats across windows are dropped.
	 */
	periodic?: boolean;
}

/** Date Range, Start Date, End Date: the same three parameters on every analytics operation. */
export const dateRangeProperties: INodeProperties[] = [
	{
		displayName: 'Date Range',
		name: 'dateRange',
		type: 'options',
		options: [
			{ name: 'Custom', value: 'custom', description: 'From Start Date to End Date' },
			{ name: 'Last 30 Days', value: 'last30Days', description: 'The 30 days up to yesterday' },
			{ name: 'Last 7 Days', value: 'last7Days', description: 'The 7 days up to yesterday' },
			{ name: 'Yesterday', value: 'yesterday', description: 'The latest day WeChat has analytics for' },
		],
		default: 'yesterday',
		description: 'Which days to get, as calendar days in Beijing time (UTC+8) whatever the n8n server\'s time zone',
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		required: true,
		placeholder: '2024-05-01',
		description: 'The first day (a date or yyyy-MM-dd; the time is ignored). WeChat keeps analytics from 2014-12-01 on.',
		displayOptions: { show: { dateRange: ['custom'] } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		required: true,
		placeholder: '2024-05-07',
		description: 'The last day, included (a date or yyyy-MM-dd; the time is ignored). At the latest yesterday, Beijing time.',
		displayOptions: { show: { dateRange: ['custom'] } },
	},
];

/** Day or Hour, for the reports WeChat offers both ways. */
export function granularityProperty(daySpan: number): INodeProperties {
	return {
		displayName: 'Granularity',
		name: 'granularity',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day', description: `One request per ${daySpan} day${daySpan === 1 ? '' : 's'}` },
			{ name: 'Hour', value: 'hour', description: 'Each day broken down by hour; one request per day' },
		],
		default: 'day',
	};
}

/** The days an input item asks for, checked against what WeChat can have; refused with a message otherwise. */
export function dayRangeOf(context: IExecuteFunctions, itemIndex: number, nowMs: number): DayRange {
	const today = beijingDayOf(nowMs);
	const yesterday = today - 1;
	const choice = context.getNodeParameter('dateRange', itemIndex, 'yesterday') as string;
	let range: DayRange;
	if (choice === 'yesterday') range = { start: yesterday, end: yesterday };
	else if (choice === 'last7Days') range = { start: today - 7, end: yesterday };
	else if (choice === 'last30Days') range = { start: today - 30, end: yesterday };
	else if (choice === 'custom') {
		range = {
			start: dayParameter(context, itemIndex, 'startDate', 'Start Date'),
			end: dayParameter(context, itemIndex, 'endDate', 'End Date'),
		};
	} else {
		throw new NodeOperationError(context.getNode(), `"${choice}" is not a date range`, {
			itemIndex,
			description: 'Date Range is one of Yesterday, Last 7 Days, Last 30 Days or Custom.',
		});
	}

	const refuse = (message: string, description: string) =>
		new NodeOperationError(context.getNode(), message, { itemIndex, description });
	if (range.end >= today) {
		throw refuse(
			`The end date ${formatDay(range.end)} is today or later in Beijing time; WeChat's analytics end with yesterday, ${formatDay(yesterday)}`,
			`WeChat computes a day's analytics after the day ends in Beijing time (UTC+8); yesterday's data appears in the morning, Beijing time. Choose an End Date up to ${formatDay(yesterday)}, or the Date Range "Yesterday".`,
		);
	}
	const firstDay = dayOfIsoDate(FIRST_DATA_DAY)!;
	if (range.start < firstDay) {
		throw refuse(
			`The start date ${formatDay(range.start)} is before ${FIRST_DATA_DAY}, the first day WeChat keeps analytics for`,
			`Choose a Start Date from ${FIRST_DATA_DAY} on.`,
		);
	}
	if (range.start > range.end) {
		throw refuse(
			`The start date ${formatDay(range.start)} is after the end date ${formatDay(range.end)}`,
			'Swap Start Date and End Date: both days are included.',
		);
	}
	const days = range.end - range.start + 1;
	if (days > MAX_RANGE_DAYS) {
		throw refuse(
			`The date range has ${days} days; one item can ask for at most ${MAX_RANGE_DAYS}`,
			'Split the range over several input items (each with its own Start Date and End Date) or several runs.',
		);
	}
	return range;
}

function dayParameter(context: IExecuteFunctions, itemIndex: number, name: string, label: string): number {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === '' || value === undefined || value === null) {
		throw new NodeOperationError(context.getNode(), `${label} is empty`, {
			itemIndex,
			description: `With Date Range "Custom", set ${label} to a date, e.g. 2024-05-01.`,
		});
	}
	const day = dayOfParameter(value);
	if (day === undefined) {
		throw new NodeOperationError(context.getNode(), `${label} ${JSON.stringify(String(value))} is not a date`, {
			itemIndex,
			description: `Pick a date, or give one as yyyy-MM-dd (e.g. 2024-05-01); a time after it is ignored.`,
		});
	}
	return day;
}

/**
 * Every entry of an endpoint for a range: one request per window, sequential and in date order,
 * the lists merged in date (and hour) order.
 */
export async function pullEntries(
	context: IExecuteFunctions,
	client: WeChatApiClient,
	itemIndex: number,
	endpoint: Endpoint,
	range: DayRange,
): Promise<IDataObject[]> {
	const entries: IDataObject[] = [];
	const seen = new Set<string>();
	for (const window of windowsOf(range, endpoint.span)) {
		if (isCancelled(context)) break;
		const response = await client.request<IDataObject>(
			{
				method: 'POST',
				path: endpoint.path,
				body: { begin_date: formatDay(window.start), end_date: formatDay(window.end) },
			},
			itemIndex,
		);
		const list = Array.isArray(response.list) ? (response.list as IDataObject[]) : [];
		const added: string[] = [];
		for (const entry of list) {
			if (endpoint.periodic) {
				const key = JSON.stringify(entry);
				if (seen.has(key)) continue;
				added.push(key);
			}
			entries.push(entry);
		}
		for (const key of added) seen.add(key);
	}
	// Stable: entries of one day (and hour) keep WeChat's order.
	return entries
		.map((entry, index) => ({ entry, index }))
		.sort((a, b) => compareEntries(a.entry, b.entry) || a.index - b.index)
		.map(({ entry }) => entry);
}

function compareEntries(a: IDataObject, b: IDataObject): number {
	const byDate = String(a.ref_date ?? '').localeCompare(String(b.ref_date ?? ''));
	return byDate || Number(a.ref_hour ?? 0) - Number(b.ref_hour ?? 0);
}

/** An hourly entry's hour (WeChat's ref_hour: 0, 100, …, 2300) as an ISO time in Beijing time. */
export function withRefTime(entry: IDataObject): IDataObject {
	const hour = Number(entry.ref_hour);
	if (typeof entry.ref_date !== 'string' || !Number.isInteger(hour) || hour < 0 || hour > 2300) return entry;
	const hh = String(Math.floor(hour / 100)).padStart(2, '0');
	const mm = String(hour % 100).padStart(2, '0');
	return { ...entry, ref_time: `${entry.ref_date}T${hh}:${mm}:00+08:00` };
}

/**
 * An operation that pulls one endpoint (chosen per item by `endpointOf`) for the item's range and
 * outputs one item per entry, readable through `toItem`.
 */
export function reportOperation(
	operation: string,
	properties: INodeProperties[],
	endpointOf: (context: IExecuteFunctions, itemIndex: number) => Endpoint,
	toItem: (entry: IDataObject) => IDataObject = (entry) => entry,
): { description: INodeProperties[]; execute: OperationExecute } {
	return {
		description: updateDisplayOptions({ show: { resource: ['analytics'], operation: [operation] } }, [
			...dateRangeProperties,
			...properties,
		]),
		execute: async function (itemIndex, client, output) {
			const endpoint = endpointOf(this, itemIndex);
			const range = dayRangeOf(this, itemIndex, Date.now());
			const entries = await pullEntries(this, client, itemIndex, endpoint, range);
			for (const entry of entries) output.push({ json: toItem(entry), pairedItem: { item: itemIndex } });
		},
	};
}
