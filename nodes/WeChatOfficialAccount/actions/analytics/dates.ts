/**
 * Calendar days in Beijing time (UTC+8, no daylight saving), whatever the n8n server's time zone.
 * A day is a whole number: days since 1970-01-01, so ranges and windows are integer arithmetic
 * and `formatDay` turns one back into WeChat's yyyy-MM-dd.
 */

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The first day WeChat keeps analytics for (its documentation: data from 2014-12-01 on). */
export const FIRST_DATA_DAY = '2014-12-01';

/** The Beijing calendar day of an instant (ms since the epoch). */
export function beijingDayOf(epochMs: number): number {
	return Math.floor((epochMs + BEIJING_OFFSET_MS) / DAY_MS);
}

/** yyyy-MM-dd of a day. */
export function formatDay(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day of a yyyy-MM-dd that names a real date (2024-02-30 is not one), else undefined. */
export function dayOfIsoDate(text: string): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return undefined;
	const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const ms = Date.UTC(year, month - 1, date);
	const check = new Date(ms);
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return undefined;
	return ms / DAY_MS;
}

/**
 * The calendar day a parameter value names, or undefined when it names none. Accepted:
 * - a string starting with yyyy-MM-dd (n8n's date picker gives `2024-05-01T00:00:00`, expressions
 *   may give `2024-05-01T00:00:00.000+02:00`): the date as written, time and zone ignored;
 * - a Luxon DateTime (what `{{ $today.minus(1, 'day') }}` evaluates to): its own calendar date;
 * - a JavaScript Date: the Beijing calendar day of that instant.
 */
export function dayOfParameter(value: unknown): number | undefined {
	if (typeof value === 'string') {
		const text = value.trim();
		if (text.length > 10 && !/^\d{4}-\d{2}-\d{2}[T ]/.test(text)) return undefined;
		return dayOfIsoDate(text.slice(0, 10));
	}
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : beijingDayOf(value.getTime());
	if (value && typeof value === 'object' && typeof (value as { toISODate?: unknown }).toISODate === 'function') {
		const iso = (value as { toISODate: () => unknown }).toISODate();
		return typeof iso === 'string' ? dayOfIsoDate(iso) : undefined;
	}
	return undefined;
}

/** A range of whole days, both ends included. */
export interface DayRange {
	start: number;
	end: number;
}

/**
 * The windows one endpoint needs for a range: consecutive, non-overlapping, in date order, each
 * at most `span` days (WeChat's "maximum time span"); only the last may be shorter.
 */
export function windowsOf(range: DayRange, span: number): DayRange[] {
	const windows: DayRange[] = [];
	for (let start = range.start; start <= range.end; start += span) {
		windows.push({ start, end: Math.min(start + span - 1, range.end) });
	}
	return windows;
}
