import { beijingDayOf, dayOfParameter, windowsOf } from '../nodes/WeChatOfficialAccount/actions/analytics/dates';
import * as transport from '../nodes/WeChatOfficialAccount/transport/request';
import { Fixture, errorOf } from './harness/fixture';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const DAY_MS = 86_400_000;
const GROWTH = '/datacube/getusersummary';

// Written here from the simulator's documented formulas, not imported from it.
const dayOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const plus = (date: string, days: number) => dateOf(dayOf(date) + days);
const beijingToday = () => Math.floor((Date.now() + 8 * 3_600_000) / DAY_MS);
const SOURCES = [0, 1, 17, 30, 161];
const SOURCE_NAMES: Record<number, string> = { 0: 'Other', 1: 'Account search', 17: 'Business card share', 30: 'QR code scan', 161: 'Repost by others' };
function expectedGrowthRows(date: string) {
	const d = dayOf(date);
	if (d % 5 === 0) return [];
	return SOURCES.flatMap((source, i) => {
		if ((d + i) % 3 === 2) return [];
		const newUser = (d % 7) + 3 * i + 1;
		const cancelUser = (d + i) % 4;
		return [{ ref_date: date, user_source: source, user_source_name: SOURCE_NAMES[source], new_user: newUser, cancel_user: cancelUser, net_user: newUser - cancelUser }];
	});
}
const daysFrom = (start: string, count: number) => Array.from({ length: count }, (_, i) => plus(start, i));

/** begin/end of every request to `path`, in order. */
const windowsAsked = (path: string) =>
	fixture.sim.requests(path).map((entry) => [entry.body?.begin_date, entry.body?.end_date]);
const datacubeCalls = () => fixture.sim.log.filter((entry) => entry.path.startsWith('/datacube/'));
const custom = (startDate: string, endDate: string) => ({ dateRange: 'custom', startDate, endDate });

describe('Analytics → Get Follower Growth: any range, in the windows WeChat allows', () => {
	test.each([
		[1, [['2024-05-01', '2024-05-01']]],
		[7, [['2024-05-01', '2024-05-07']]],
		[8, [['2024-05-01', '2024-05-07'], ['2024-05-08', '2024-05-08']]],
		[
			30,
			[
				['2024-05-01', '2024-05-07'],
				['2024-05-08', '2024-05-14'],
				['2024-05-15', '2024-05-21'],
				['2024-05-22', '2024-05-28'],
				['2024-05-29', '2024-05-30'],
			],
		],
	])('%i days: exactly these requests, one item per day and source in date order', async (days, windows) => {
		fixture = await Fixture.start();
		const items = await fixture.run('analytics.getFollowerGrowth', custom('2024-05-01', plus('2024-05-01', days - 1)));
		expect(windowsAsked(GROWTH)).toEqual(windows);
		expect(datacubeCalls()).toHaveLength(windows.length);
		expect(items.map((item) => item.json)).toEqual(daysFrom('2024-05-01', days).flatMap(expectedGrowthRows));
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('One Item per Day: sources summed, every day present, zeros on days WeChat lists nothing for', async () => {
		fixture = await Fixture.start();
		const items = await fixture.run('analytics.getFollowerGrowth', { ...custom('2024-05-01', '2024-05-30'), output: 'day' });
		const days = daysFrom('2024-05-01', 30);
		expect(items.map((item) => item.json.ref_date)).toEqual(days);
		for (const [index, date] of days.entries()) {
			const rows = expectedGrowthRows(date);
			const newUser = rows.reduce((sum, row) => sum + row.new_user, 0);
			const cancelUser = rows.reduce((sum, row) => sum + row.cancel_user, 0);
			expect(items[index].json).toEqual({ ref_date: date, new_user: newUser, cancel_user: cancelUser, net_user: newUser - cancelUser });
		}
		// The range holds days without any row (d % 5 == 0): they are there, with zeros.
		const empty = days.filter((date) => expectedGrowthRows(date).length === 0);
		expect(empty.length).toBeGreaterThanOrEqual(5);
		for (const date of empty) expect(items.find((item) => item.json.ref_date === date)!.json).toEqual({ ref_date: date, new_user: 0, cancel_user: 0, net_user: 0 });
		expect(windowsAsked(GROWTH)).toHaveLength(5);
	});

	test('merged in date order even when WeChat lists a window out of order', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault(GROWTH, {
			json: {
				list: [
					{ ref_date: '2024-05-02', user_source: 0, new_user: 2, cancel_user: 0 },
					{ ref_date: '2024-05-01', user_source: 30, new_user: 1, cancel_user: 1 },
				],
			},
		});
		const items = await fixture.run('analytics.getFollowerGrowth', custom('2024-05-01', '2024-05-08'));
		expect(items.map((item) => item.json.ref_date)).toEqual(['2024-05-01', '2024-05-02', ...expectedGrowthRows('2024-05-08').map((row) => row.ref_date)]);
		expect(items[0].json).toMatchObject({ user_source: 30, user_source_name: 'QR code scan', net_user: 0 });
	});

	test('Yesterday, Last 7 Days, Last 30 Days: Beijing days ending yesterday', async () => {
		fixture = await Fixture.start();
		const yesterday = dateOf(beijingToday() - 1);
		await fixture.run('analytics.getFollowerGrowth', { dateRange: 'yesterday' });
		expect(windowsAsked(GROWTH)).toEqual([[yesterday, yesterday]]);

		fixture.sim.log.length = 0;
		await fixture.run('analytics.getFollowerGrowth', { dateRange: 'last7Days' });
		expect(windowsAsked(GROWTH)).toEqual([[dateOf(beijingToday() - 7), yesterday]]);

		fixture.sim.log.length = 0;
		const items = await fixture.run('analytics.getFollowerGrowth', { dateRange: 'last30Days', output: 'day' });
		const first = beijingToday() - 30;
		expect(windowsAsked(GROWTH)).toEqual([0, 7, 14, 21, 28].map((offset) => [dateOf(first + offset), dateOf(Math.min(first + offset + 6, beijingToday() - 1))]));
		expect(items).toHaveLength(30);
		expect(items[29].json.ref_date).toBe(yesterday);
	});

	test('calendar dates as written (picker, yyyy-MM-dd, $today-like DateTimes); times with a zone as the Beijing day of their instant', async () => {
		fixture = await Fixture.start();
		// The date picker's zone-less value and a zoned time still inside the Beijing day 05-03.
		await fixture.run('analytics.getFollowerGrowth', custom('2024-05-01T00:00:00', '2024-05-03T23:30:00.000+09:00'));
		expect(windowsAsked(GROWTH)).toEqual([['2024-05-01', '2024-05-03']]);

		// 16:00 UTC is midnight in Beijing: the next day. 15:59:59 UTC is still the same day.
		fixture.sim.log.length = 0;
		await fixture.run('analytics.getFollowerGrowth', custom('2024-04-30T16:00:00Z', '2024-05-01T15:59:59Z'));
		expect(windowsAsked(GROWTH)).toEqual([['2024-05-01', '2024-05-01']]);

		// Luxon DateTimes at the start of their day ($today and its plus/minus days) keep the date they show.
		fixture.sim.log.length = 0;
		await fixture.run('analytics.getFollowerGrowth', custom("={{ DateTime.fromISO('2024-04-01', { zone: 'Asia/Tokyo' }) }}", "={{ DateTime.fromISO('2024-04-02', { zone: 'America/Los_Angeles' }) }}"));
		expect(windowsAsked(GROWTH)).toEqual([['2024-04-01', '2024-04-02']]);

		// A DateTime with a time of day ($now) is an instant: 00:30 in Tokyo on 04-03 is 23:30 on 04-02 in Beijing.
		fixture.sim.log.length = 0;
		await fixture.run('analytics.getFollowerGrowth', custom("={{ DateTime.fromISO('2024-04-01T09:00', { zone: 'Asia/Shanghai' }) }}", "={{ DateTime.fromISO('2024-04-03T00:30', { zone: 'Asia/Tokyo' }) }}"));
		expect(windowsAsked(GROWTH)).toEqual([['2024-04-01', '2024-04-02']]);
	});
});

describe('Analytics: refusals before any request', () => {
	const refused = async (parameters: Record<string, unknown>) => {
		const error = await errorOf(() => fixture.run('analytics.getFollowerGrowth', parameters));
		expect(datacubeCalls()).toHaveLength(0);
		return error;
	};

	test('an end date of today or later (Beijing time) names yesterday and when its data appears', async () => {
		fixture = await Fixture.start();
		const today = dateOf(beijingToday());
		const yesterday = dateOf(beijingToday() - 1);
		let error = await refused(custom(yesterday, today));
		expect(error.message).toBe(`Input item 1: "End Date" ${today} is today or later in Beijing time; WeChat's analytics end with yesterday, ${yesterday}`);
		expect(error.description).toContain('appears in the morning, Beijing time');
		expect(error.description).toContain(`up to ${yesterday}`);

		error = await refused(custom(yesterday, dateOf(beijingToday() + 30)));
		expect(error.message).toContain('is today or later in Beijing time');
	});

	test('a start date before 2014-12-01, a start after the end, a range over 366 days', async () => {
		fixture = await Fixture.start();
		let error = await refused(custom('2014-11-30', '2014-12-05'));
		expect(error.message).toBe('Input item 1: "Start Date" 2014-11-30 is before 2014-12-01, the first day WeChat keeps analytics for');
		await fixture.run('analytics.getFollowerGrowth', custom('2014-12-01', '2014-12-01'));
		fixture.sim.log.length = 0;

		error = await refused(custom('2024-05-08', '2024-05-01'));
		expect(error.message).toBe('Input item 1: "Start Date" 2024-05-08 is after the End Date 2024-05-01');

		error = await refused(custom('2023-01-01', '2024-01-02'));
		expect(error.message).toBe('Input item 1: "Start Date" 2023-01-01 to the End Date 2024-01-02 is 367 days; one item can ask for at most 366');
		expect(error.description).toContain('several input items');
		await fixture.run('analytics.getFollowerGrowth', custom('2023-01-01', '2024-01-01'));
		expect(windowsAsked(GROWTH)).toHaveLength(53);
	});

	test('dates that are not dates, and empty ones, name the field', async () => {
		fixture = await Fixture.start();
		let error = await refused(custom('2024-02-30', '2024-03-01'));
		expect(error.message).toBe('Input item 1: "Start Date" must be a date such as 2024-05-01, not "2024-02-30"');
		expect(error.description).toContain('yyyy-MM-dd');
		expect(error.description).toContain('from the input item through an expression');
		error = await refused(custom('2024-02-01', 'last tuesday'));
		expect(error.message).toBe('Input item 1: "End Date" must be a date such as 2024-05-01, not "last tuesday"');
		error = await refused(custom('', '2024-03-01'));
		expect(error.message).toBe('Input item 1: "Start Date" is empty');
		error = await refused({ dateRange: 'custom', startDate: '20240501', endDate: '2024-05-02' });
		expect(error.message).toBe('Input item 1: "Start Date" must be a date such as 2024-05-01, not "20240501"');
		error = await refused(custom('2024-05-01T25:00:00Z', '2024-05-02'));
		expect(error.message).toBe('Input item 1: "Start Date" must be a date such as 2024-05-01, not "2024-05-01T25:00:00Z"');
		error = await refused({ dateRange: 'lastYear' });
		expect(error.message).toBe('Input item 1: "Date Range" must be Yesterday, Last 7 Days, Last 30 Days or Custom, not "lastYear"');
		error = await errorOf(() => fixture.run('analytics.getMessageStats', { report: 'quarter', ...custom('2024-05-01', '2024-05-01') }));
		expect(error.message).toMatch(/^Input item 1: "Report" must be one of By Day, .*, not "quarter"$/);
		expect(datacubeCalls()).toHaveLength(0);
	});

	test('with Continue, a refused item becomes an error item and the others go on, each paired', async () => {
		fixture = await Fixture.start();
		const items = await fixture.run(
			'analytics.getFollowerGrowth',
			{ ...custom('={{ $json.from }}', '={{ $json.to }}'), output: 'day' },
			{
				input: [{ json: { from: '2024-05-01', to: '2024-05-02' } }, { json: { from: '2024-05-09', to: '2024-05-03' } }, { json: { from: '2024-06-01', to: '2024-06-01' } }],
				continueOnFail: true,
			},
		);
		expect(items.map((item) => [(item.pairedItem as { item: number }).item, item.json.ref_date ?? item.json.error])).toEqual([
			[0, '2024-05-01'],
			[0, '2024-05-02'],
			[1, 'Input item 2: "Start Date" 2024-05-09 is after the End Date 2024-05-03'],
			[2, '2024-06-01'],
		]);
		expect(windowsAsked(GROWTH)).toEqual([['2024-05-01', '2024-05-02'], ['2024-06-01', '2024-06-01']]);
	});
});

describe('Analytics: what WeChat refuses, and failures part-way', () => {
	test('61501 from WeChat (its clock has not reached the day yet) is readable', async () => {
		fixture = await Fixture.start();
		// WeChat's idea of today is two days behind the node's: yesterday is not over there.
		fixture.sim.advanceClock(-2 * DAY_MS);
		const error = await errorOf(() => fixture.run('analytics.getFollowerGrowth', { dateRange: 'yesterday' }));
		expect(error.message).toContain('WeChat refused the date range');
		expect(error.message).toContain('61501');
		expect(error.description).toContain('yesterday and earlier (Beijing time)');
		expect(datacubeCalls()).toHaveLength(1);
	});

	test('61500 is readable', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault(GROWTH, { errcode: 61500, errmsg: 'date format error' });
		const error = await errorOf(() => fixture.run('analytics.getFollowerGrowth', custom('2024-05-01', '2024-05-01')));
		expect(error.message).toContain('WeChat refused the date format');
		expect(error.message).toContain('61500');
	});

	test('a window that fails ends the item without a partial range; a -1 is retried (a read is safe to repeat)', async () => {
		fixture = await Fixture.start();
		fixture.sim.when(GROWTH, 2, () => fixture.sim.injectFault(GROWTH, { errcode: 48001, errmsg: 'api unauthorized' }));
		const items = await fixture.run('analytics.getFollowerGrowth', custom('2024-05-01', '2024-05-20'), { continueOnFail: true });
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toContain('48001');
		expect(windowsAsked(GROWTH)).toEqual([['2024-05-01', '2024-05-07'], ['2024-05-08', '2024-05-14']]);

		fixture.sim.log.length = 0;
		fixture.sim.injectFault(GROWTH, { errcode: -1, errmsg: 'system error' });
		const retried = await fixture.run('analytics.getFollowerGrowth', custom('2024-05-01', '2024-05-08'));
		expect(windowsAsked(GROWTH)).toEqual([['2024-05-01', '2024-05-07'], ['2024-05-01', '2024-05-07'], ['2024-05-08', '2024-05-08']]);
		expect(retried.map((item) => item.json)).toEqual(daysFrom('2024-05-01', 8).flatMap(expectedGrowthRows));
	});
});

describe('Analytics: a stopped execution, and days WeChat should not list', () => {
	test('stopped between two windows: the item fails with a message saying so, nothing of the range is output, no further request', async () => {
		fixture = await Fixture.start();
		// Stop is clicked after the 2nd answer arrived (a request in flight is cancelled by n8n itself: next test).
		const stopped = jest.spyOn(transport, 'isCancelled').mockImplementation(() => fixture.sim.callCount(GROWTH) >= 2);
		try {
			const error = await errorOf(() => fixture.run('analytics.getFollowerGrowth', { ...custom('2024-05-01', '2024-05-30'), output: 'day' }));
			expect(error.message).toBe('The execution was stopped after 2 of 5 requests for 2024-05-01 to 2024-05-30');
			expect(error.description).toContain('Nothing of the range is output');
			expect(windowsAsked(GROWTH)).toEqual([['2024-05-01', '2024-05-07'], ['2024-05-08', '2024-05-14']]);
			expect(fixture.sim.log.filter((entry) => entry.path === GROWTH).map((entry) => entry.errcode)).toEqual([0, 0]);
		} finally {
			stopped.mockRestore();
		}
	});

	test('stopped during a request: that request is cancelled and the item fails, with Continue too', async () => {
		fixture = await Fixture.start();
		const controller = new AbortController();
		fixture.sim.when(GROWTH, 2, () => controller.abort());
		const items = await fixture.run(
			'analytics.getFollowerGrowth',
			{ ...custom('2024-05-01', '2024-05-30'), output: 'day' },
			{ abortSignal: controller.signal, continueOnFail: true },
		);
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toContain('ERR_CANCELED');
		expect(windowsAsked(GROWTH)).toHaveLength(2);
	});

	test('not stopped: the same run gives all 30 days', async () => {
		fixture = await Fixture.start();
		const controller = new AbortController();
		const items = await fixture.run('analytics.getFollowerGrowth', { ...custom('2024-05-01', '2024-05-30'), output: 'day' }, { abortSignal: controller.signal });
		expect(items).toHaveLength(30);
		expect(windowsAsked(GROWTH)).toHaveLength(5);
	});

	test('One Item per Day: a day WeChat lists outside the range asked for is left out, the range\'s days stay whole', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault(GROWTH, {
			json: {
				list: [
					{ ref_date: '2024-04-30', user_source: 0, new_user: 50, cancel_user: 1 },
					{ ref_date: '2024-05-01', user_source: 0, new_user: 2, cancel_user: 1 },
					{ ref_date: '2024-05-03', user_source: 30, new_user: 9, cancel_user: 0 },
				],
			},
		});
		const items = await fixture.run('analytics.getFollowerGrowth', { ...custom('2024-05-01', '2024-05-02'), output: 'day' });
		expect(items.map((item) => item.json)).toEqual([
			{ ref_date: '2024-05-01', new_user: 2, cancel_user: 1, net_user: 1 },
			{ ref_date: '2024-05-02', new_user: 0, cancel_user: 0, net_user: 0 },
		]);
	});
});

describe('Analytics: each report\'s endpoint and span', () => {
	// A range one day longer than the span: exactly two requests, the first covering the span.
	test.each([
		['getFollowerTotals', {}, 'getusercumulate', 7],
		['getArticleSummary', {}, 'getarticlesummary', 1],
		['getArticleTotals', {}, 'getarticletotal', 1],
		['getArticleReads', { granularity: 'day' }, 'getuserread', 3],
		['getArticleReads', { granularity: 'hour' }, 'getuserreadhour', 1],
		['getArticleShares', { granularity: 'day' }, 'getusershare', 7],
		['getArticleShares', { granularity: 'hour' }, 'getusersharehour', 1],
		['getMessageStats', { report: 'day' }, 'getupstreammsg', 7],
		['getMessageStats', { report: 'hour' }, 'getupstreammsghour', 1],
		['getMessageStats', { report: 'distDay' }, 'getupstreammsgdist', 15],
		['getApiStats', { granularity: 'day' }, 'getinterfacesummary', 30],
		['getApiStats', { granularity: 'hour' }, 'getinterfacesummaryhour', 1],
	])('%s %j → datacube/%s, %i days per request', async (operation, parameters, endpoint, span) => {
		fixture = await Fixture.start();
		const start = '2024-03-01';
		const items = await fixture.run(`analytics.${operation}`, { ...parameters, ...custom(start, plus(start, span)) });
		expect(datacubeCalls().map((entry) => [entry.path, entry.body?.begin_date, entry.body?.end_date])).toEqual([
			[`/datacube/${endpoint}`, start, plus(start, span - 1)],
			[`/datacube/${endpoint}`, plus(start, span), plus(start, span)],
		]);
		expect(items.length).toBeGreaterThan(0);
		const dates = items.map((item) => String(item.json.ref_date));
		expect(dates).toEqual([...dates].sort());
	});

	test('Follower Totals: one item per day', async () => {
		fixture = await Fixture.start();
		const items = await fixture.run('analytics.getFollowerTotals', custom('2014-12-01', '2014-12-09'));
		expect(items.map((item) => item.json)).toEqual(daysFrom('2014-12-01', 9).map((date, i) => ({ ref_date: date, cumulate_user: 10_000 + 3 * i })));
	});

	test('readable extras: hourly ref_time in Beijing time, share scene, message type, interval and average time names', async () => {
		fixture = await Fixture.start();
		const hourly = await fixture.run('analytics.getArticleShares', { granularity: 'hour', ...custom('2024-05-01', '2024-05-01') });
		expect(hourly.map((item) => [item.json.ref_hour, item.json.ref_time, item.json.share_scene_name])).toEqual([
			[800, '2024-05-01T08:00:00+08:00', 'Forwarded to a friend'],
			[800, '2024-05-01T08:00:00+08:00', 'Moments'],
			[1200, '2024-05-01T12:00:00+08:00', 'Forwarded to a friend'],
			[1200, '2024-05-01T12:00:00+08:00', 'Moments'],
			[2100, '2024-05-01T21:00:00+08:00', 'Forwarded to a friend'],
			[2100, '2024-05-01T21:00:00+08:00', 'Moments'],
		]);
		const messages = await fixture.run('analytics.getMessageStats', { report: 'day', ...custom('2024-05-01', '2024-05-01') });
		expect(messages.map((item) => item.json.msg_type_name)).toEqual(['Text', 'Image']);
		const dist = await fixture.run('analytics.getMessageStats', { report: 'distDay', ...custom('2024-05-01', '2024-05-01') });
		expect(dist.map((item) => [item.json.count_interval, item.json.count_interval_name])).toEqual([[1, '1-5'], [2, '6-10']]);
		const api = await fixture.run('analytics.getApiStats', custom('2024-05-01', '2024-05-01'));
		expect(api[0].json.average_time_cost).toBe(120);
	});

	// Windows follow the weeks (from Monday) and months (from the 1st), at most 30 days each.
	test.each([
		['week', 'getupstreammsgweek'],
		['distWeek', 'getupstreammsgdistweek'],
	])('%s → datacube/%s: windows of whole weeks, the first from the Start Date', async (report, endpoint) => {
		fixture = await Fixture.start();
		// 2024-03-01 is a Friday; 03-31 a Sunday.
		await fixture.run('analytics.getMessageStats', { report, ...custom('2024-03-01', '2024-03-31') });
		expect(datacubeCalls().map((entry) => [entry.path, entry.body?.begin_date, entry.body?.end_date])).toEqual([
			[`/datacube/${endpoint}`, '2024-03-01', '2024-03-24'],
			[`/datacube/${endpoint}`, '2024-03-25', '2024-03-31'],
		]);
	});

	test.each([
		['month', 'getupstreammsgmonth'],
		['distMonth', 'getupstreammsgdistmonth'],
	])('%s → datacube/%s: one window per month, a 31-day month as its first 30 days', async (report, endpoint) => {
		fixture = await Fixture.start();
		await fixture.run('analytics.getMessageStats', { report, ...custom('2024-01-15', '2024-05-31') });
		expect(windowsAsked(`/datacube/${endpoint}`)).toEqual([
			['2024-01-15', '2024-01-31'],
			['2024-02-01', '2024-02-29'],
			['2024-03-01', '2024-03-30'],
			['2024-04-01', '2024-04-30'],
			['2024-05-01', '2024-05-30'],
		]);
	});

	test('weekly reports: each week once and in order, its numbers from one request', async () => {
		fixture = await Fixture.start();
		// 2024-05-01 (a Wednesday) to 2024-06-30 (a Sunday).
		const items = await fixture.run('analytics.getMessageStats', { report: 'week', ...custom('2024-05-01', '2024-06-30') });
		expect(windowsAsked('/datacube/getupstreammsgweek')).toEqual([['2024-05-01', '2024-05-26'], ['2024-05-27', '2024-06-23'], ['2024-06-24', '2024-06-30']]);
		const mondays = ['2024-04-29', '2024-05-06', '2024-05-13', '2024-05-20', '2024-05-27', '2024-06-03', '2024-06-10', '2024-06-17', '2024-06-24'];
		expect(items.map((item) => [item.json.ref_date, item.json.msg_type])).toEqual(mondays.flatMap((monday) => [[monday, 1], [monday, 2]]));
	});

	// The simulator's messageRows, written here: msg_user d % 11 + type, msg_count d % 13 + 2 type.
	const summedMessages = (from: string, to: string, type: number) => {
		let msgUser = 0;
		let msgCount = 0;
		for (let d = dayOf(from); d <= dayOf(to); d++) {
			msgUser += (d % 11) + type;
			msgCount += (d % 13) + 2 * type;
		}
		return { msg_user: msgUser, msg_count: msgCount };
	};

	test('when WeChat counts a period only within the window asked for, no week is output with part of its days', async () => {
		fixture = await Fixture.start();
		fixture.sim.analytics.clipPeriods = true;
		const items = await fixture.run('analytics.getMessageStats', { report: 'week', ...custom('2024-05-01', '2024-06-30') });
		const mondays = ['2024-04-29', '2024-05-06', '2024-05-13', '2024-05-20', '2024-05-27', '2024-06-03', '2024-06-10', '2024-06-17', '2024-06-24'];
		// Each week's days within the range: the first week from 05-01 (the Start Date), the others whole.
		const expected = mondays.flatMap((monday) =>
			[1, 2].map((type) => ({
				ref_date: monday,
				msg_type: type,
				msg_type_name: type === 1 ? 'Text' : 'Image',
				...summedMessages(monday < '2024-05-01' ? '2024-05-01' : monday, plus(monday, 6), type),
			})),
		);
		expect(items.map((item) => item.json)).toEqual(expected);
	});

	test('when WeChat counts a period only within the window, each month is one request\'s numbers', async () => {
		fixture = await Fixture.start();
		fixture.sim.analytics.clipPeriods = true;
		const items = await fixture.run('analytics.getMessageStats', { report: 'month', ...custom('2024-04-10', '2024-06-30') });
		expect(items.map((item) => item.json)).toEqual(
			[
				['2024-04-01', '2024-04-10', '2024-04-30'],
				['2024-05-01', '2024-05-01', '2024-05-30'],
				['2024-06-01', '2024-06-01', '2024-06-30'],
			].flatMap(([month, from, to]) =>
				[1, 2].map((type) => ({ ref_date: month, msg_type: type, msg_type_name: type === 1 ? 'Text' : 'Image', ...summedMessages(from, to, type) })),
			),
		);
	});

	test('a period a later window lists again is dropped (the first kept); repeats within one answer are WeChat\'s and stay', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault('/datacube/getupstreammsgdistweek', {
			json: {
				list: [
					{ ref_date: '2024-05-06', count_interval: 1, msg_user: 5 },
					{ ref_date: '2024-05-06', count_interval: 1, msg_user: 5 },
					{ ref_date: '2024-05-06', count_interval: 2, msg_user: 6 },
				],
			},
		});
		fixture.sim.when('/datacube/getupstreammsgdistweek', 2, () =>
			fixture.sim.injectFault('/datacube/getupstreammsgdistweek', {
				json: {
					list: [
						{ ref_date: '2024-05-06', count_interval: 1, msg_user: 99 },
						{ ref_date: '2024-05-06', count_interval: 3, msg_user: 7 },
						{ ref_date: '2024-06-03', count_interval: 1, msg_user: 8 },
					],
				},
			}),
		);
		const items = await fixture.run('analytics.getMessageStats', { report: 'distWeek', ...custom('2024-05-06', '2024-06-09') });
		expect(windowsAsked('/datacube/getupstreammsgdistweek')).toEqual([['2024-05-06', '2024-06-02'], ['2024-06-03', '2024-06-09']]);
		expect(items.map((item) => [item.json.ref_date, item.json.count_interval, item.json.msg_user])).toEqual([
			['2024-05-06', 1, 5],
			['2024-05-06', 1, 5],
			['2024-05-06', 2, 6],
			['2024-05-06', 3, 7],
			['2024-06-03', 1, 8],
		]);
	});
});

describe('Analytics: Beijing calendar days without a date library', () => {
	test('an instant belongs to its Beijing day, whatever the server\'s zone', () => {
		expect(dateOf(beijingDayOf(Date.UTC(2024, 4, 1, 15, 59, 59)))).toBe('2024-05-01');
		expect(dateOf(beijingDayOf(Date.UTC(2024, 4, 1, 16, 0, 0)))).toBe('2024-05-02');
		// A JavaScript Date from an expression: the Beijing day of that instant.
		expect(dateOf(dayOfParameter(new Date(Date.UTC(2024, 11, 31, 16, 0)))!)).toBe('2025-01-01');
		// One instant, one day: a string with a time and a zone is the Beijing day of its instant, like a Date.
		const instant = '2024-05-01T16:00:00Z';
		expect(dateOf(dayOfParameter(instant)!)).toBe('2024-05-02');
		expect(dayOfParameter(instant)).toBe(dayOfParameter(new Date(instant)));
		expect(dateOf(dayOfParameter('2024-05-01T15:59:59.999Z')!)).toBe('2024-05-01');
		expect(dateOf(dayOfParameter('2024-05-02T00:00:00+08:00')!)).toBe('2024-05-02');
		expect(dateOf(dayOfParameter('2024-05-02T00:00:00+0900')!)).toBe('2024-05-01');
		expect(dateOf(dayOfParameter('2024-05-01 20:00-05')!)).toBe('2024-05-02');
		expect(dateOf(dayOfParameter('2024-02-29T23:00:00-05:00')!)).toBe('2024-03-01');
		// Calendar days as written: yyyy-MM-dd and a time without a zone (n8n's date picker).
		expect(dateOf(dayOfParameter('2024-05-01')!)).toBe('2024-05-01');
		expect(dateOf(dayOfParameter('2024-05-01T23:59:59')!)).toBe('2024-05-01');
		expect(dateOf(dayOfParameter(' 2024-02-29 ')!)).toBe('2024-02-29');
		// Not dates: the 29th of February of 2023, a 25th hour, an offset no zone has, trailing text.
		expect(dayOfParameter('2023-02-29')).toBeUndefined();
		expect(dayOfParameter('2024-05-01T24:00:00Z')).toBeUndefined();
		expect(dayOfParameter('2024-05-01T10:00:00+15:00')).toBeUndefined();
		expect(dayOfParameter('2024-05-01junk')).toBeUndefined();
		expect(dayOfParameter('2024-05-01T10:00:00Zjunk')).toBeUndefined();
	});

	test('windows are consecutive, never overlap, and only the last is shorter', () => {
		const start = dayOf('2024-01-01');
		for (const [days, span] of [[1, 1], [29, 7], [30, 7], [100, 30], [366, 15]]) {
			const windows = windowsOf({ start, end: start + days - 1 }, span);
			expect(windows[0].start).toBe(start);
			expect(windows.at(-1)!.end).toBe(start + days - 1);
			expect(windows).toHaveLength(Math.ceil(days / span));
			for (const [i, window] of windows.entries()) {
				if (i > 0) expect(window.start).toBe(windows[i - 1].end + 1);
				if (i < windows.length - 1) expect(window.end - window.start + 1).toBe(span);
			}
		}
	});

	test('windows of weekly and monthly reports: no period in two windows, every period of the range asked for', () => {
		const periodOf = (period: 'week' | 'month', day: number) =>
			period === 'week' ? dateOf(day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7)) : dateOf(day).slice(0, 7);
		for (const period of ['week', 'month'] as const) {
			for (const [from, to] of [['2024-01-01', '2024-12-31'], ['2023-12-27', '2024-03-02'], ['2024-05-31', '2024-06-01'], ['2024-07-03', '2024-07-03']]) {
				const range = { start: dayOf(from), end: dayOf(to) };
				const windows = windowsOf(range, 30, period);
				expect(windows[0].start).toBe(range.start);
				const windowOfPeriod = new Map<string, number>();
				for (const [i, window] of windows.entries()) {
					expect(window.end - window.start + 1).toBeLessThanOrEqual(30);
					expect(window.start).toBeLessThanOrEqual(window.end);
					if (i > 0) expect(window.start).toBeGreaterThan(windows[i - 1].end);
					for (let day = window.start; day <= window.end; day++) {
						const key = periodOf(period, day);
						expect(windowOfPeriod.get(key) ?? i).toBe(i);
						windowOfPeriod.set(key, i);
					}
				}
				const periods = new Set<string>();
				for (let day = range.start; day <= range.end; day++) periods.add(periodOf(period, day));
				expect([...windowOfPeriod.keys()]).toEqual([...periods]);
				// Only the 31st of a month may be left out: WeChat lists a month for any of its days.
				const asked = windows.reduce((sum, window) => sum + window.end - window.start + 1, 0);
				const left = range.end - range.start + 1 - asked;
				if (period === 'week') expect(left).toBe(0);
				for (let day = range.start; day <= range.end; day++) {
					if (!windows.some((window) => window.start <= day && day <= window.end)) expect(dateOf(day).slice(8)).toBe('31');
				}
			}
		}
	});
});

describe('The simulator\'s datacube refuses what WeChat refuses', () => {
	test('more days than the span, begin after end, today, before 2014-12-01: 61501; not yyyy-MM-dd: 61500', async () => {
		fixture = await Fixture.start();
		const route = (name: string, begin: unknown, end: unknown) =>
			fixture.sim.analytics.route(`/datacube/${name}`, { begin_date: begin, end_date: end }) as { errcode?: number; list?: unknown[] };
		const spans: Record<string, number> = { getusersummary: 7, getusercumulate: 7, getarticlesummary: 1, getuserread: 3, getupstreammsgdist: 15, getinterfacesummary: 30 };
		for (const [name, span] of Object.entries(spans)) {
			expect(route(name, '2024-03-01', plus('2024-03-01', span - 1)).errcode).toBeUndefined();
			expect(route(name, '2024-03-01', plus('2024-03-01', span)).errcode).toBe(61501);
		}
		expect(route('getusersummary', '2024-03-02', '2024-03-01').errcode).toBe(61501);
		expect(route('getusersummary', dateOf(beijingToday()), dateOf(beijingToday())).errcode).toBe(61501);
		expect(route('getusersummary', '2014-11-30', '2014-11-30').errcode).toBe(61501);
		expect(route('getusersummary', '2024/03/01', '2024-03-01').errcode).toBe(61500);
		expect(route('getusersummary', '2024-02-30', '2024-03-01').errcode).toBe(61500);
		expect(route('getusersummary', 20240301, '2024-03-01').errcode).toBe(61500);
	});
});

describe('examples/wechat-daily-follower-growth.json', () => {
	test('its WeChat node, as imported, gives one row for yesterday (Beijing time) with one request', async () => {
		fixture = await Fixture.start();
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const workflow = require('../examples/wechat-daily-follower-growth.json') as {
			nodes: Array<{ type: string; parameters: Record<string, unknown> }>;
			settings: { timezone?: string };
		};
		expect(workflow.settings.timezone).toBe('Asia/Shanghai');
		const node = workflow.nodes.find((candidate) => candidate.type.endsWith('.weChatOfficialAccount'))!;
		const { resource, operation, ...parameters } = node.parameters;
		const items = await fixture.run(`${resource as 'analytics'}.${operation as string}`, parameters);
		const yesterday = dateOf(beijingToday() - 1);
		expect(windowsAsked(GROWTH)).toEqual([[yesterday, yesterday]]);
		expect(items).toHaveLength(1);
		expect(Object.keys(items[0].json)).toEqual(['ref_date', 'new_user', 'cancel_user', 'net_user']);
		expect(items[0].json.ref_date).toBe(yesterday);
	});
});
