/**
 * Analytics of the simulated account (datacube/*): every report WeChat's data statistics API
 * offers, with WeChat's maximum span per request, its date checks and errcodes.
 *
 * The data are a function of the date alone, so a test can compute what to expect without the
 * simulator. With d = days since 1970-01-01 of ref_date (2024-05-01 is 19844):
 *
 * - getusersummary: nothing on days with d % 5 == 0 (no follows, no unfollows). Otherwise, for
 *   each source s = FOLLOWER_SOURCES[i] with (d + i) % 3 != 2, one row
 *   { ref_date, user_source: s, new_user: d % 7 + 3i + 1, cancel_user: (d + i) % 4 }, in that order.
 * - getusercumulate: { ref_date, cumulate_user: 10000 + 3 (d - d(2014-12-01)) } every day.
 * - every other daily report: one or more rows per day with counts derived from d (see ROWS);
 *   hourly reports repeat each day's rows with ref_hour 800, 1200 and 2100; weekly and monthly reports list every
 *   week (from its Monday) or month (from its 1st) that overlaps the range asked for, with that
 *   first day as ref_date, so neighbouring requests can list the same period. Its numbers are
 *   those of its first day's rows, whatever the window (WeChat's documentation: any days of a
 *   month give that month's entry). With `clipPeriods` set, a period's numbers are instead the
 *   sums of its days' rows within the window asked for (msg_user, msg_count summed per msg_type or
 *   count_interval), so a period split between two requests comes back with two sets of numbers.
 *
 * Refused like WeChat: a date that is not yyyy-MM-dd (61500); begin after end, more days than the
 * report's span, an end date of today or later on the simulator's clock in Beijing time (UTC+8),
 * or a begin date before 2014-12-01 (61501).
 */
type Reply = Record<string, unknown>;

export interface AnalyticsContext {
	now(): number;
	rid(): string;
}

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
export const FIRST_DATA_DATE = '2014-12-01';
/** the user_source codes the simulated account's followers come from */
export const FOLLOWER_SOURCES = [0, 1, 17, 30, 161];
const HOURS = [800, 1200, 2100];

/** Days since 1970-01-01 of a yyyy-MM-dd naming a real date, else undefined. */
export function dayNumber(date: string): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!match) return undefined;
	const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	const back = new Date(ms).toISOString().slice(0, 10);
	return back === date ? ms / DAY_MS : undefined;
}

export function dateOf(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

type DailyRows = (d: number, date: string) => Reply[];

interface Report {
	/** WeChat's maximum time span: days one request may cover */
	span: number;
	/** rows of one day (daily, hourly) */
	rows?: DailyRows;
	/** rows of one week or month, listed when the period overlaps the range */
	period?: { startOf: (day: number) => number; endOf: (start: number) => number; rows: DailyRows };
}

const hourly = (rows: DailyRows): DailyRows => (d, date) =>
	HOURS.flatMap((hour) => rows(d, date).map((row) => ({ ref_date: date, ref_hour: hour, ...withoutDate(row) })));
const withoutDate = (row: Reply) => Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'ref_date'));

const growthRows: DailyRows = (d, date) =>
	d % 5 === 0
		? []
		: FOLLOWER_SOURCES.flatMap((source, i) =>
				(d + i) % 3 === 2 ? [] : [{ ref_date: date, user_source: source, new_user: (d % 7) + 3 * i + 1, cancel_user: (d + i) % 4 }],
			);

const readRows: DailyRows = (d, date) =>
	[99999999, 0, 2].map((source, i) => ({
		ref_date: date,
		user_source: source,
		int_page_read_user: (d % 50) + 10 * (3 - i),
		int_page_read_count: (d % 50) + 20 * (3 - i),
		ori_page_read_user: d % 3,
		ori_page_read_count: d % 5,
		share_user: d % 4,
		share_count: d % 6,
		add_to_fav_user: d % 2,
		add_to_fav_count: d % 3,
	}));

const shareRows: DailyRows = (d, date) =>
	[1, 2].map((scene) => ({ ref_date: date, share_scene: scene, share_count: Math.floor(d % 9) + scene, share_user: Math.floor(d % 5) + scene }));

const messageRows: DailyRows = (d, date) =>
	[1, 2].map((type) => ({ ref_date: date, msg_type: type, msg_user: Math.floor(d % 11) + type, msg_count: Math.floor(d % 13) + 2 * type }));

const distributionRows: DailyRows = (d, date) =>
	[1, 2].map((interval) => ({ ref_date: date, count_interval: interval, msg_user: Math.floor(d % 17) + interval }));

const interfaceRows: DailyRows = (d, date) => [
	{
		ref_date: date,
		callback_count: Math.floor(d % 40) + 10,
		fail_count: Math.floor(d % 3),
		total_time_cost: (Math.floor(d % 40) + 10) * 120,
		max_time_cost: 400 + Math.floor(d % 100),
	},
];

const mondayOf = (day: number) => day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7);
const firstOfMonthOf = (day: number) => day - (new Date(day * DAY_MS).getUTCDate() - 1);
const sundayOf = (monday: number) => monday + 6;
const lastOfMonthOf = (first: number) => {
	const date = new Date(first * DAY_MS);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS - 1;
};
const WEEKLY = { startOf: mondayOf, endOf: sundayOf };
const MONTHLY = { startOf: firstOfMonthOf, endOf: lastOfMonthOf };

export const REPORTS: Record<string, Report> = {
	getusersummary: { span: 7, rows: growthRows },
	getusercumulate: {
		span: 7,
		rows: (d, date) => [{ ref_date: date, cumulate_user: 10_000 + 3 * (d - dayNumber(FIRST_DATA_DATE)!) }],
	},
	getarticlesummary: {
		span: 1,
		rows: (d, date) =>
			[1, 2].map((index) => ({
				ref_date: date,
				msgid: `${2_247_000_000 + d}_${index}`,
				title: `Article ${index} of ${date}`,
				int_page_read_user: (d % 50) + index,
				int_page_read_count: (d % 50) + 2 * index,
				ori_page_read_user: 0,
				ori_page_read_count: 0,
				share_user: index,
				share_count: index,
				add_to_fav_user: 0,
				add_to_fav_count: 0,
			})),
	},
	getarticletotal: {
		span: 1,
		rows: (d, date) => [
			{
				ref_date: date,
				msgid: `${2_247_000_000 + d}_1`,
				title: `Article 1 of ${date}`,
				details: [
					{ stat_date: date, target_user: 10_000, int_page_read_user: (d % 50) + 1, int_page_read_count: (d % 50) + 2, share_user: 1, share_count: 1 },
				],
			},
		],
	},
	getuserread: { span: 3, rows: readRows },
	getuserreadhour: { span: 1, rows: hourly(readRows) },
	getusershare: { span: 7, rows: shareRows },
	getusersharehour: { span: 1, rows: hourly(shareRows) },
	getupstreammsg: { span: 7, rows: messageRows },
	getupstreammsghour: { span: 1, rows: hourly(messageRows) },
	getupstreammsgweek: { span: 30, period: { ...WEEKLY, rows: messageRows } },
	getupstreammsgmonth: { span: 30, period: { ...MONTHLY, rows: messageRows } },
	getupstreammsgdist: { span: 15, rows: distributionRows },
	getupstreammsgdistweek: { span: 30, period: { ...WEEKLY, rows: distributionRows } },
	getupstreammsgdistmonth: { span: 30, period: { ...MONTHLY, rows: distributionRows } },
	getinterfacesummary: { span: 30, rows: interfaceRows },
	getinterfacesummaryhour: { span: 1, rows: hourly(interfaceRows) },
};

/** The fields that say which row of a period an entry is; every other number is summed when clipping. */
const ROW_KEYS = new Set(['ref_date', 'msg_type', 'count_interval']);

/** Rows of the days `from`..`to` of a period starting at `start`, summed row by row, with the period's first day as ref_date. */
function clippedRows(rows: DailyRows, start: number, from: number, to: number): Reply[] {
	const sums: Reply[] = [];
	for (let day = from; day <= to; day++) {
		for (const [index, row] of rows(day, dateOf(start)).entries()) {
			const sum = (sums[index] ??= Object.fromEntries(Object.entries(row).map(([key, value]) => [key, ROW_KEYS.has(key) ? value : 0])));
			for (const [key, value] of Object.entries(row)) if (!ROW_KEYS.has(key)) sum[key] = (sum[key] as number) + (value as number);
		}
	}
	return sums;
}

export class SimulatedAnalytics {
	/** Weekly and monthly numbers count only the days of the period within the window asked for. */
	clipPeriods = false;

	constructor(private readonly context: AnalyticsContext) {}

	/** Today in Beijing time on the simulator's clock, as days since 1970-01-01. */
	today(): number {
		return Math.floor((this.context.now() + BEIJING_OFFSET_MS) / DAY_MS);
	}

	route(path: string, body: Record<string, unknown>): Reply | undefined {
		if (!path.startsWith('/datacube/')) return undefined;
		const report = REPORTS[path.slice('/datacube/'.length)];
		if (!report) return undefined;
		const rid = this.context.rid();
		const begin = typeof body.begin_date === 'string' ? dayNumber(body.begin_date) : undefined;
		const end = typeof body.end_date === 'string' ? dayNumber(body.end_date) : undefined;
		if (begin === undefined || end === undefined) return { errcode: 61500, errmsg: `date format error rid: ${rid}` };
		if (begin > end || end - begin + 1 > report.span || end >= this.today() || begin < dayNumber(FIRST_DATA_DATE)!) {
			return { errcode: 61501, errmsg: `date range error rid: ${rid}` };
		}
		const list: Reply[] = [];
		if (report.rows) {
			for (let day = begin; day <= end; day++) list.push(...report.rows(day, dateOf(day)));
		} else if (report.period) {
			const starts = new Set<number>();
			for (let day = begin; day <= end; day++) starts.add(report.period.startOf(day));
			for (const start of starts) {
				if (!this.clipPeriods) {
					list.push(...report.period.rows(start, dateOf(start)));
					continue;
				}
				const periodEnd = report.period.endOf(start);
				list.push(...clippedRows(report.period.rows, start, Math.max(start, begin), Math.min(periodEnd, end)));
			}
		}
		return { list };
	}
}
