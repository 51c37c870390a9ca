import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { invalidParameter } from '../../helpers/itemParameters';
import { isCancelled } from '../../transport/request';
import type { WeChatApiClient } from '../../transport/request';
import type { OperationExecute } from '../node.type';
import type { DayRange, Period } from './dates';
import { FIRST_DATA_DAY, beijingDayOf, dayOfIsoDate, dayOfParameter, formatDay, windowsOf } from './dates';

/** The longest range one input item may ask for: bounds the requests (366 for hourly reports). */
const MAX_RANGE_DAYS = 366;

/** One datacube endpoint: its path and WeChat's maximum time span per request, in days. */
export interface Endpoint {
	path: string;
	span: number;
	/**
	 * Entries stand for weeks or months (ref_date is the period's first day): windows follow the
	 * periods, and an entry a later window lists again (same ref_date, msg_type, count_interval)
	 * is dropped, the first one kept.
	 */
	period?: Period;
}

/** Date Range, Start Date, End Date: the same three parameters on every analytics operation. */
export const dateRangeProperties: INodeProperties[] = [
	{
		displayName: 'Date Range',
		name: 'dateRange',
		type: 'options',
		options: [
			{ name: 'Custom', value: 'custom', description: 'From Start Date to End Date' },
			{ name: 'Last 30 Days', value: 'last30Days', description: 'The 30 days up to yesterday, Beijing time' },
			{ name: 'Last 7 Days', value: 'last7Days', description: 'The 7 days up to yesterday, Beijing time' },
			{ name: 'Yesterday', value: 'yesterday', description: 'The latest day WeChat has analytics for (Beijing time)' },
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
		description: 'The first day: a date or yyyy-MM-dd, taken as written; a time with a zone (Z, +02:00) counts as its day in Beijing time. WeChat keeps analytics from 2014-12-01 on.',
		displayOptions: { show: { dateRange: ['custom'] } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		required: true,
		placeholder: '2024-05-07',
		description: 'The last day, included: a date or yyyy-MM-dd, taken as written; a time with a zone (Z, +02:00) counts as its day in Beijing time. At the latest yesterday, Beijing time.',
		displayOptions: { show: { dateRange: ['custom'] } },
	},
];

/** Day or Hour, for the reports WeChat offers both ways. */
export function granularityProperty(): INodeProperties {
	return {
		displayName: 'Granularity',
		name: 'granularity',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day', description: 'Figures per day' },
			{ name: 'Hour', value: 'hour', description: 'Figures per hour of each day (Beijing time)' },
		],
		default: 'day',
	};
}

const CUSTOM_HINT = 'Start Date and End Date are set on the node (Date Range "Custom"), or come from the input item through an expression such as {{ $json.date }}.';

/** The days an input item asks for, checked against what WeChat can have; refused with a message otherwise. */
export function dayRangeOf(context: IExecuteFunctions, itemIndex: number, nowMs: number): DayRange {
	const today = beijingDayOf(nowMs);
	const yesterday = today - 1;
	const choice = context.getNodeParameter('dateRange', itemIndex, 'yesterday') as string;
	if (choice === 'yesterday') return { start: yesterday, end: yesterday };
	if (choice === 'last7Days') return { start: today - 7, end: yesterday };
	if (choice === 'last30Days') return { start: today - 30, end: yesterday };
	if (choice !== 'custom') {
		throw invalidParameter(
			context,
			itemIndex,
			'Date Range',
			`must be Yesterday, Last 7 Days, Last 30 Days or Custom, not ${JSON.stringify(choice)}`,
			'Date Range is chosen on the node; with an expression it must give yesterday, last7Days, last30Days or custom.',
		);
	}
	const range = {
		start: dayParameter(context, itemIndex, 'startDate', 'Start Date'),
		end: dayParameter(context, itemIndex, 'endDate', 'End Date'),
	};
	if (range.end >= today) {
		throw invalidParameter(
			context,
			itemIndex,
			'End Date',
			`${formatDay(range.end)} is today or later in Beijing time; WeChat's analytics end with yesterday, ${formatDay(yesterday)}`,
			`WeChat computes a day's analytics after the day ends in Beijing time (UTC+8); yesterday's data appears in the morning, Beijing time. Choose an End Date up to ${formatDay(yesterday)}, or the Date Range "Yesterday". ${CUSTOM_HINT}`,
		);
	}
	const firstDay = dayOfIsoDate(FIRST_DATA_DAY)!;
	if (range.start < firstDay) {
		throw invalidParameter(
			context,
			itemIndex,
			'Start Date',
			`${formatDay(range.start)} is before ${FIRST_DATA_DAY}, the first day WeChat keeps analytics for`,
			`Choose a Start Date from ${FIRST_DATA_DAY} on. ${CUSTOM_HINT}`,
		);
	}
	if (range.start > range.end) {
		throw invalidParameter(
			context,
			itemIndex,
			'Start Date',
			`${formatDay(range.start)} is after the End Date ${formatDay(range.end)}`,
			`Swap Start Date and End Date: both days are included. ${CUSTOM_HINT}`,
		);
	}
	const days = range.end - range.start + 1;
	if (days > MAX_RANGE_DAYS) {
		throw invalidParameter(
			context,
			itemIndex,
			'Start Date',
			`${formatDay(range.start)} to the End Date ${formatDay(range.end)} is ${days} days; one item can ask for at most ${MAX_RANGE_DAYS}`,
			`Split the range over several input items (each with its own Start Date and End Date) or several runs. ${CUSTOM_HINT}`,
		);
	}
	return range;
}

function dayParameter(context: IExecuteFunctions, itemIndex: number, name: string, label: string): number {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === '' || value === undefined || value === null) {
		throw invalidParameter(context, itemIndex, label, 'is empty', `With Date Range "Custom", set ${label} to a date, e.g. 2024-05-01. ${CUSTOM_HINT}`);
	}
	const day = dayOfParameter(value);
	if (day === undefined) {
		throw invalidParameter(
			context,
			itemIndex,
			label,
			`must be a date such as 2024-05-01, not ${JSON.stringify(String(value))}`,
			`Pick a date, or give yyyy-MM-dd (a calendar day in Beijing time), or a time with its zone such as 2024-05-01T16:00:00Z (the Beijing day of that instant). ${CUSTOM_HINT}`,
		);
	}
	return day;
}

/**
 * Every entry of an endpoint for a range: one request per window, sequential and in date order,
 * the lists merged in date (and hour) order. A stopped execution fails the item rather than
 * output part of the range.
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
	const windows = windowsOf(range, endpoint.span, endpoint.period);
	for (const [index, window] of windows.entries()) {
		if (isCancelled(context)) {
			throw new NodeOperationError(
				context.getNode(),
				`The execution was stopped after ${index} of ${windows.length} requests for ${formatDay(range.start)} to ${formatDay(range.end)}`,
				{
					itemIndex,
					description: 'Nothing of the range is output, so that no partial range passes for a whole one. Run the workflow again for the whole range.',
				},
			);
		}
		const response = await client.request<IDataObject>(
			{
				method: 'POST',
				path: endpoint.path,
				body: { begin_date: formatDay(window.start), end_date: formatDay(window.end) },
			},
			itemIndex,
		);
		const list = Array.isArray(response.list) ? (response.list as IDataObject[]) : [];
		// A period an earlier window listed is dropped; within one window, WeChat's list as it is.
		const added: string[] = [];
		for (const entry of list) {
			if (endpoint.period) {
				const key = periodKeyOf(entry);
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

/** Which period and row a weekly or monthly entry is: its first day and message type or interval. */
function periodKeyOf(entry: IDataObject): string {
	return JSON.stringify([entry.ref_date, entry.msg_type, entry.count_interval]);
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
