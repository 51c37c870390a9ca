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
 * A string with a time: date, hours, minutes, optional seconds and fraction, optional zone (`Z`
 * or an offset such as `+02:00`, `-0500`, `+08`). n8n's date picker gives `2024-05-01T00:00:00`.
 */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Minutes east of UTC of `Z`, `+08`, `+0800`, `-05:30`; undefined for an offset no zone has. */
function offsetMinutesOf(zone: string): number | undefined {
	if (zone.toUpperCase() === 'Z') return 0;
	const digits = zone.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
	if (hours > 14 || minutes > 59) return undefined;
	return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

interface LuxonLike {
	toISODate: () => unknown;
	toMillis: () => number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

function isLuxonLike(value: unknown): value is LuxonLike {
	const candidate = value as Partial<LuxonLike> | null;
	return (
		typeof candidate === 'object' &&
		candidate !== null &&
		typeof candidate.toISODate === 'function' &&
		typeof candidate.toMillis === 'function'
	);
}

/**
 * The Beijing calendar day a parameter value names, or undefined when it names none. Two kinds of
 * value, so that one instant always gives one day:
 * - calendar dates, taken as written: `yyyy-MM-dd`; a time without a zone (n8n's date picker gives
 *   `2024-05-01T00:00:00`); a Luxon DateTime at the start of its day (`$today`,
 *   `$today.minus(1, 'day')`): the date it shows in its own zone;
 * - instants, taken as the Beijing day they fall in: a string with a time and `Z` or an offset
 *   (`2024-05-01T16:00:00Z` is 2024-05-02 in Beijing), a JavaScript Date, a Luxon DateTime with a
 *   time of day (`$now`).
 */
export function dayOfParameter(value: unknown): number | undefined {
	if (typeof value === 'string') {
		const text = value.trim();
		if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return dayOfIsoDate(text);
		const match = DATE_TIME.exec(text);
		if (!match) return undefined;
		const [, date, hh, mm, ss, zone] = match;
		const day = dayOfIsoDate(date);
		if (day === undefined || Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return undefined;
		// No zone: a calendar date (with a time of no meaning here), taken as written.
		if (zone === undefined) return day;
		const offset = offsetMinutesOf(zone);
		if (offset === undefined) return undefined;
		return beijingDayOf(day * DAY_MS + (Number(hh) * 60 + Number(mm) - offset) * 60_000 + Number(ss ?? 0) * 1000);
	}
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : beijingDayOf(value.getTime());
	if (isLuxonLike(value)) {
		const startOfDay = value.hour === 0 && value.minute === 0 && value.second === 0 && value.millisecond === 0;
		if (startOfDay) {
			const iso = value.toISODate();
			return typeof iso === 'string' ? dayOfIsoDate(iso) : undefined;
		}
		const ms = value.toMillis();
		return Number.isFinite(ms) ? beijingDayOf(ms) : undefined;
	}
	return undefined;
}

/** A range of whole days, both ends included. */
export interface DayRange {
	start: number;
	end: number;
}

/** What one entry of a weekly or monthly report stands for. */
export type Period = 'week' | 'month';

/** The first day of the week (its Monday) or month (its 1st) that holds `day`. */
function periodStartOf(period: Period, day: number): number {
	const date = new Date(day * DAY_MS);
	// 1970-01-01 was a Thursday: getUTCDay() is 0 for Sunday, so Monday is (day + 6) % 7 days back.
	return period === 'week' ? day - ((date.getUTCDay() + 6) % 7) : day - (date.getUTCDate() - 1);
}

/**
 * The windows one endpoint needs for a range: consecutive, in date order, each at most `span`
 * days (WeChat's "maximum time span"). Without `period`, they do not overlap and only the last
 * may be shorter. With `period` (weekly and monthly reports), each window after the first starts
 * on a period's first day and ends before a period that would not fit, so no week or month of the
 * range is split between two requests; a period longer than the span (a 31-day month, span 30) is
 * asked for as its first `span` days and the next window starts with the next period.
 */
export function windowsOf(range: DayRange, span: number, period?: Period): DayRange[] {
	const windows: DayRange[] = [];
	let start = range.start;
	while (start <= range.end) {
		const end = Math.min(start + span - 1, range.end);
		if (!period || end === range.end) {
			windows.push({ start, end });
			start = end + 1;
			continue;
		}
		const cut = periodStartOf(period, end + 1);
		if (cut > start) {
			// The period holding the next day starts inside this window: end the window before it.
			windows.push({ start, end: cut - 1 });
			start = cut;
		} else {
			// One period longer than the span: its first `span` days, then the next period.
			windows.push({ start, end });
			start = nextPeriodStart(period, end);
		}
	}
	return windows;
}

/** The first day of the period after the one holding `day`. */
function nextPeriodStart(period: Period, day: number): number {
	if (period === 'week') return periodStartOf('week', day) + 7;
	const date = new Date(day * DAY_MS);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
}
