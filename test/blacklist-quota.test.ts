import { Fixture, errorOf, openidItems, openidsOf } from './harness/fixture';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const GET_BLACKLIST = '/cgi-bin/tags/members/getblacklist';

describe('Blacklist → Get Many', () => {
	test('every blacklisted user once, following the cursor whatever the page size', async () => {
		fixture = await Fixture.start({ followers: 2_500 });
		const all = fixture.sim.allFollowers();
		fixture.sim.account.blacklist.push(...all);
		// Older servers send 10,000 per page, newer ones 1,000: the size changes mid-pull here.
		fixture.sim.when(GET_BLACKLIST, 2, () => (fixture.sim.account.blacklistPageSize = 700));
		const items = await fixture.run('blacklist.getAll', { returnAll: true });

		expect(openidsOf(items)).toEqual(all);
		const cursors = fixture.sim.requests(GET_BLACKLIST).map((entry) => entry.body!.begin_openid);
		expect(cursors).toEqual(['', all[999], all[1_699], all[2_399], all[2_499]]);
	});

	test('the documented end shape (empty cursor on the last page) and an empty blacklist', async () => {
		fixture = await Fixture.start({ followers: 5, endShape: 'empty-cursor' });
		expect(await fixture.run('blacklist.getAll', { returnAll: true })).toEqual([]);
		fixture.sim.account.blacklist.push(...fixture.sim.allFollowers());
		const items = await fixture.run('blacklist.getAll', { returnAll: true });
		expect(openidsOf(items)).toEqual(fixture.sim.allFollowers());
	});

	test('limit', async () => {
		fixture = await Fixture.start({ followers: 2_500 });
		fixture.sim.account.blacklist.push(...fixture.sim.allFollowers());
		const items = await fixture.run('blacklist.getAll', { returnAll: false, limit: 1_200 });
		expect(openidsOf(items)).toEqual(fixture.sim.allFollowers().slice(0, 1_200));
		expect(fixture.sim.requests(GET_BLACKLIST)).toHaveLength(2);
	});
});

describe('Blacklist → Add / Remove', () => {
	test('45 items make 3 calls of at most 20; remove takes them off again', async () => {
		fixture = await Fixture.start({ followers: 45 });
		const all = fixture.sim.allFollowers();
		const items = await fixture.run('blacklist.add', {}, { input: openidItems(all) });
		expect(fixture.sim.openidListSizes('/cgi-bin/tags/members/batchblacklist')).toEqual([20, 20, 5]);
		expect(fixture.sim.account.blacklist).toEqual(all);
		expect(items[44].json).toEqual({ success: true, openids: [all[44]] });

		await fixture.run('blacklist.remove', {}, { input: openidItems(all.slice(0, 21)) });
		expect(fixture.sim.openidListSizes('/cgi-bin/tags/members/batchunblacklist')).toEqual([20, 1]);
		expect(fixture.sim.account.blacklist).toEqual(all.slice(21));
	});

	test('an OpenID of another account is named (40003/49003) and the rest is blacklisted with "Continue"', async () => {
		fixture = await Fixture.start({ followers: 20 });
		const input = openidItems(fixture.sim.allFollowers());
		input[3] = { json: { openid: 'oOfAnotherAppId0000000000000' } };
		const items = await fixture.run('blacklist.add', {}, { input, continueOnFail: true });
		expect(items[3].json).toMatchObject({ openid: 'oOfAnotherAppId0000000000000', error: expect.stringContaining('40003') });
		expect(fixture.sim.account.blacklist).toHaveLength(19);
	});

	test('an item without OpenIDs fails before anything is sent', async () => {
		fixture = await Fixture.start({ followers: 2 });
		const error = await errorOf(() => fixture.run('blacklist.add', { openids: '' }));
		expect(error.message).toBe('Input item 1 has no OpenID in "OpenIDs"');
		expect(fixture.sim.requests('/cgi-bin/tags/members/batchblacklist')).toHaveLength(0);
	});

	test('with "On Error: Continue" an item without OpenIDs gets its error item in its own place', async () => {
		fixture = await Fixture.start({ followers: 2 });
		const [a, b] = fixture.sim.allFollowers();
		const items = await fixture.run('blacklist.add', {}, { input: [{ json: { openid: a } }, { json: {} }, { json: { openid: b } }], continueOnFail: true });
		expect(items.map((item) => [(item.pairedItem as { item: number }).item, item.json.success ?? item.json.error])).toEqual([
			[0, true],
			[1, 'Input item 2 has no OpenID in "OpenIDs"'],
			[2, true],
		]);
		expect(fixture.sim.account.blacklist).toEqual([a, b]);
	});
});

describe('Quota → Get', () => {
	test('the daily quota of user/get, counting the calls made', async () => {
		fixture = await Fixture.start({ followers: 25_000 });
		await fixture.getFollowers({ returnAll: true });
		const [quota] = await fixture.run('quota.get', { cgiPath: '/cgi-bin/user/get' });
		expect(quota.json).toEqual({
			cgi_path: '/cgi-bin/user/get',
			daily_limit: 500,
			used: 4,
			remain: 496,
			rate_limit: { call_count: 100, refresh_second: 60 },
		});
	});

	test('a pasted URL is reduced to its path', async () => {
		fixture = await Fixture.start();
		const [quota] = await fixture.run('quota.get', { cgiPath: 'https://api.weixin.qq.com/cgi-bin/user/info/batchget?access_token=X' });
		expect(quota.json.cgi_path).toBe('/cgi-bin/user/info/batchget');
		expect(fixture.sim.requests('/cgi-bin/openapi/quota/get')[0].body).toEqual({ cgi_path: '/cgi-bin/user/info/batchget' });
	});

	test('an unknown path says how to write one (76021); the node never calls clear_quota', async () => {
		fixture = await Fixture.start({ followers: 10 });
		fixture.sim.userGetDailyQuota = 0;
		const error = await errorOf(() => fixture.run('quota.get', { cgiPath: '/cgi-bin/nope' }));
		expect(error.message).toContain('errcode 76021');
		expect(error.description).toContain('/cgi-bin/user/get');
		await errorOf(() => fixture.getFollowers({ returnAll: true }));
		expect(fixture.sim.requests('/cgi-bin/clear_quota')).toHaveLength(0);
	});
});
