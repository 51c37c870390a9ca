import { Fixture, errorOf, openidItems, openidsOf } from './harness/fixture';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const BATCHGET = '/cgi-bin/user/info/batchget';

/** The OpenIDs of every batchget call, in call order. */
function batchgetLists(): string[][] {
	return fixture.sim
		.requests(BATCHGET)
		.map((entry) => (entry.body!.user_list as Array<{ openid: string }>).map((user) => user.openid));
}

describe('Get Many with "Include Profile"', () => {
	test('every follower once, in list order, with its profile; 100 OpenIDs per call', async () => {
		fixture = await Fixture.start({ followers: 23_456 });
		const all = fixture.sim.allFollowers();
		const items = await fixture.getFollowers({ returnAll: true, includeProfile: true });

		expect(openidsOf(items)).toEqual(all);
		expect(fixture.sim.requests(BATCHGET)).toHaveLength(Math.ceil(23_456 / 100));
		const lists = batchgetLists();
		expect(lists.every((list) => list.length <= 100)).toBe(true);
		expect(lists.flat().sort()).toEqual([...all].sort());
		// Fields a CRM needs; the ISO date is the same instant as WeChat's seconds.
		const first = items[0].json;
		expect(first).toMatchObject({
			subscribe: 1,
			openid: all[0],
			subscribe_time: 1_577_836_800,
			subscribe_time_iso: '2020-01-01T00:00:00.000Z',
			subscribe_scene: 'ADD_SCENE_SEARCH',
			unionid: expect.any(String),
			remark: '',
			tagid_list: [],
		});
		expect(items[1].json.unionid).toBeUndefined();
		expect(items[1].json).toMatchObject({ qr_scene: 98_765, qr_scene_str: 'campaign-2026' });
		expect(new Date(items[123].json.subscribe_time_iso as string).getTime() / 1000).toBe(items[123].json.subscribe_time);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('profile requests run in parallel, never more than the option allows', async () => {
		fixture = await Fixture.start({ followers: 2_000, latencyMs: 20 });
		await fixture.getFollowers({ returnAll: true, includeProfile: true, options: { profileConcurrency: 3 } });
		expect(fixture.sim.maxConcurrent(BATCHGET)).toBe(3);
	});

	test('"Parallel Profile Requests" 1 sends them one after the other', async () => {
		fixture = await Fixture.start({ followers: 500, latencyMs: 5 });
		await fixture.getFollowers({ returnAll: true, includeProfile: true, options: { profileConcurrency: 1 } });
		expect(fixture.sim.maxConcurrent(BATCHGET)).toBe(1);
	});

	test('with a limit, only the followers returned are looked up', async () => {
		fixture = await Fixture.start({ followers: 1_000 });
		const items = await fixture.getFollowers({ returnAll: false, limit: 150, includeProfile: true });
		expect(openidsOf(items)).toEqual(fixture.sim.allFollowers().slice(0, 150));
		expect(batchgetLists().map((list) => list.length)).toEqual([100, 50]);
	});

	test('the language option is sent with every OpenID', async () => {
		fixture = await Fixture.start({ followers: 3 });
		const items = await fixture.getFollowers({ returnAll: true, includeProfile: true, options: { lang: 'en' } });
		const users = fixture.sim.requests(BATCHGET)[0].body!.user_list as Array<{ lang: string }>;
		expect(users.map((user) => user.lang)).toEqual(['en', 'en', 'en']);
		expect(items[0].json.language).toBe('en');
	});

	test('a follower who unfollows during the pull is still output, with subscribe 0', async () => {
		fixture = await Fixture.start({ followers: 5 });
		const all = [...fixture.sim.allFollowers()];
		fixture.sim.when(BATCHGET, 1, () => fixture.sim.unfollow(all[2]));
		const items = await fixture.getFollowers({ returnAll: true, includeProfile: true });
		expect(openidsOf(items)).toEqual(all);
		expect(items[2].json).toMatchObject({ openid: all[2], subscribe: 0 });
	});

	test('profiles answered out of order still land on their own follower', async () => {
		fixture = await Fixture.start({ followers: 3 });
		const all = fixture.sim.allFollowers();
		fixture.sim.injectFault(BATCHGET, {
			json: { user_info_list: [all[2], all[0]].map((openid, index) => ({ subscribe: 1, openid, remark: `r${index}` })) },
		});
		const items = await fixture.getFollowers({ returnAll: true, includeProfile: true });
		expect(items.map((item) => [item.json.openid, item.json.remark])).toEqual([
			[all[0], 'r1'],
			// left out by WeChat: kept, with just its OpenID
			[all[1], undefined],
			[all[2], 'r0'],
		]);
	});

	test('a failing profile call fails the pull with the resume point before the page it broke', async () => {
		fixture = await Fixture.start({ followers: 300, pageSize: 100 });
		const all = fixture.sim.allFollowers();
		fixture.sim.when(BATCHGET, 2, () => fixture.sim.injectFault(BATCHGET, { errcode: 45009, errmsg: 'reach max api daily quota limit rid: x' }));
		const error = await errorOf(() => fixture.getFollowers({ returnAll: true, includeProfile: true }));
		expect(error.message).toContain('errcode 45009');
		expect(error.description).toContain('Received 100 followers in 2 page(s)');
		expect(error.description).toContain(`set "Start After OpenID" to ${all[99]}`);

		// Resuming there completes the list exactly once.
		const rest = await fixture.getFollowers({ returnAll: true, includeProfile: true, options: { startAfterOpenid: all[99] } });
		expect(openidsOf(rest)).toEqual(all.slice(100));
	});

	test('with "On Error: Continue" the followers before the failing page are output, then the error item', async () => {
		fixture = await Fixture.start({ followers: 300, pageSize: 100 });
		const all = fixture.sim.allFollowers();
		fixture.sim.when(BATCHGET, 3, () => fixture.sim.injectFault(BATCHGET, { errcode: 48001, errmsg: 'api unauthorized rid: x' }));
		const items = await fixture.getFollowers({ returnAll: true, includeProfile: true }, { continueOnFail: true });
		expect(openidsOf(items)).toEqual(all.slice(0, 200));
		expect(items.at(-1)!.json).toMatchObject({ received: 200, resumeAfter: all[199], error: expect.stringContaining('48001') });
	});
});

describe('Follower → Get', () => {
	test('one profile per input item, in input order, 100 items per call', async () => {
		fixture = await Fixture.start({ followers: 300 });
		const wanted = [...fixture.sim.allFollowers()].reverse().slice(0, 250);
		const items = await fixture.run('follower.get', {}, { input: openidItems(wanted) });

		expect(items.map((item) => item.json.openid)).toEqual(wanted);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(wanted.map((_, index) => index));
		expect(batchgetLists().map((list) => list.length)).toEqual([100, 100, 50]);
		expect(items[0].json.subscribe_time_iso).toEqual(expect.stringMatching(/^2020-01-01T04:59:00/));
	});

	test('100 items make one call, 101 make two', async () => {
		fixture = await Fixture.start({ followers: 101 });
		const all = fixture.sim.allFollowers();
		await fixture.run('follower.get', {}, { input: openidItems(all.slice(0, 100)) });
		expect(fixture.sim.requests(BATCHGET)).toHaveLength(1);
		await fixture.run('follower.get', {}, { input: openidItems(all) });
		expect(fixture.sim.requests(BATCHGET)).toHaveLength(3);
	});

	test('an OpenID WeChat does not know is named, with its item; nothing is output', async () => {
		fixture = await Fixture.start({ followers: 120 });
		const input = openidItems(fixture.sim.allFollowers());
		input[57] = { json: { openid: 'oNotAFollowerOfThisAccount00' } };
		const error = await errorOf(() => fixture.run('follower.get', {}, { input }));
		expect(error.message).toContain('errcode 40003');
		expect(error.description).toContain('The OpenID is oNotAFollowerOfThisAccount00, from input item 58');
	});

	test('with "On Error: Continue" only the unknown OpenID fails; the others get their profiles, at a bounded cost', async () => {
		fixture = await Fixture.start({ followers: 120 });
		const all = fixture.sim.allFollowers();
		const input = openidItems(all);
		input[57] = { json: { openid: 'oNotAFollowerOfThisAccount00' } };
		const items = await fixture.run('follower.get', {}, { input, continueOnFail: true });

		expect(items).toHaveLength(120);
		expect(items[57].json).toMatchObject({ openid: 'oNotAFollowerOfThisAccount00', error: expect.stringContaining('40003') });
		expect(items.filter((item) => item.json.subscribe === 1)).toHaveLength(119);
		expect((items[58].pairedItem as { item: number }).item).toBe(58);
		// 2 chunks, then halving the refused chunk of 100 down to the one OpenID: 2 calls per level.
		expect(fixture.sim.requests(BATCHGET).length).toBeLessThanOrEqual(2 + 2 * Math.ceil(Math.log2(100)));
	});

	test('a list of OpenIDs of another account is not taken apart call by call', async () => {
		fixture = await Fixture.start({ followers: 1 });
		const input = openidItems(Array.from({ length: 300 }, (_, index) => `oOtherAccount${String(index).padStart(15, '0')}`));
		const items = await fixture.run('follower.get', {}, { input, continueOnFail: true });
		expect(items).toHaveLength(300);
		expect(items.every((item) => String(item.json.error).includes('40003'))).toBe(true);
		// 3 chunks plus the bounded search for the refused OpenIDs.
		expect(fixture.sim.requests(BATCHGET).length).toBeLessThanOrEqual(3 + 30);
		expect(items.at(-1)!.json.description).toContain('stopped narrowing them down');
	});

	test('without "Continue", the search stops at the first refused OpenID', async () => {
		fixture = await Fixture.start({ followers: 100 });
		const input = openidItems(fixture.sim.allFollowers());
		input[10] = { json: { openid: 'oNotAFollowerOfThisAccount00' } };
		input[90] = { json: { openid: 'oNotAFollowerOfThisAccount01' } };
		const error = await errorOf(() => fixture.run('follower.get', {}, { input }));
		expect(error.description).toContain('oNotAFollowerOfThisAccount00, from input item 11');
		// The whole batch, then at most 2 calls per halving down to item 11; the half holding the
		// second refused OpenID is never sent on its own.
		expect(fixture.sim.requests(BATCHGET).length).toBeLessThanOrEqual(1 + 2 * 7);
		expect(batchgetLists().filter((list) => list.includes('oNotAFollowerOfThisAccount01'))).toHaveLength(1);
	});

	test('an item without an OpenID fails before anything is sent', async () => {
		fixture = await Fixture.start({ followers: 2 });
		const input = [...openidItems(fixture.sim.allFollowers()), { json: { name: 'no openid here' } }];
		const error = await errorOf(() => fixture.run('follower.get', {}, { input }));
		expect(error.message).toBe('Input item 3 has no OpenID in "OpenID"');
		expect(fixture.sim.requests(BATCHGET)).toHaveLength(0);
	});

	test('the OpenID can be typed in instead of read from the item', async () => {
		fixture = await Fixture.start({ followers: 2 });
		const openid = fixture.sim.allFollowers()[1];
		const items = await fixture.run('follower.get', { openid, options: { lang: 'zh_TW' } });
		expect(items).toHaveLength(1);
		expect(items[0].json.openid).toBe(openid);
		expect((fixture.sim.requests(BATCHGET)[0].body!.user_list as Array<{ lang: string }>)[0].lang).toBe('zh_TW');
	});
});

describe('Follower → Update Remark', () => {
	test('sets the remark; Get shows it', async () => {
		fixture = await Fixture.start({ followers: 3 });
		const openid = fixture.sim.allFollowers()[1];
		const items = await fixture.run('follower.updateRemark', { remark: '老客户 Zhang' }, { input: openidItems([openid]) });
		expect(items[0].json).toEqual({ success: true, openid, remark: '老客户 Zhang' });
		expect(fixture.sim.account.remarks.get(openid)).toBe('老客户 Zhang');
		const [profile] = await fixture.run('follower.get', {}, { input: openidItems([openid]) });
		expect(profile.json.remark).toBe('老客户 Zhang');
	});

	test('one call per item, each with its own remark', async () => {
		fixture = await Fixture.start({ followers: 3 });
		const all = fixture.sim.allFollowers();
		await fixture.run('follower.updateRemark', { remark: '={{ $json.name }}' }, {
			input: all.map((openid, index) => ({ json: { openid, name: `customer ${index}` } })),
		});
		expect(all.map((openid) => fixture.sim.account.remarks.get(openid))).toEqual(['customer 0', 'customer 1', 'customer 2']);
	});

	test('a remark over 30 characters is refused before it is sent', async () => {
		fixture = await Fixture.start({ followers: 1 });
		const error = await errorOf(() =>
			fixture.run('follower.updateRemark', { remark: '备'.repeat(31) }, { input: openidItems(fixture.sim.allFollowers()) }),
		);
		expect(error.message).toContain('30 characters');
		expect(fixture.sim.requests('/cgi-bin/user/info/updateremark')).toHaveLength(0);
		// 30 is allowed.
		await fixture.run('follower.updateRemark', { remark: '备'.repeat(30) }, { input: openidItems(fixture.sim.allFollowers()) });
	});

	test('an unknown OpenID fails with advice (40003)', async () => {
		fixture = await Fixture.start({ followers: 1 });
		const error = await errorOf(() => fixture.run('follower.updateRemark', { openid: 'oNotAFollowerOfThisAccount00', remark: 'x' }));
		expect(error.message).toContain('errcode 40003');
	});
});
