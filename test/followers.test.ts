import { Fixture, openidsOf } from './harness/fixture';
import type { EndShape } from './simulator/simulator';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const PAGE = 10_000;

describe('Get followers pages through the whole list', () => {
	const sizes = [0, 1, 9_999, 10_000, 10_001, 23_000];
	const shapes: EndShape[] = ['echo-then-empty', 'empty-cursor'];

	for (const endShape of shapes) {
		for (const size of sizes) {
			test(`${size} followers, list ending "${endShape}": each exactly once, in order`, async () => {
				fixture = await Fixture.start({ followers: size, endShape });
				const items = await fixture.getFollowers({ returnAll: true });

				expect(openidsOf(items)).toEqual(fixture.sim.allFollowers());
				expect(items.every((item) => Object.keys(item.json).join() === 'openid')).toBe(true);
				expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);

				// Pages are fetched once each; real servers need one more call for their count-0 tail.
				const dataPages = Math.ceil(size / PAGE);
				const expectedCalls =
					size === 0 ? 1 : endShape === 'echo-then-empty' ? dataPages + 1 : dataPages;
				expect(fixture.sim.requests('/cgi-bin/user/get')).toHaveLength(expectedCalls);
				// Each cursor is the last OpenID of the page before; never a restart from ''.
				const cursors = fixture.sim.userGetCursors();
				expect(cursors[0]).toBe('');
				expect(cursors.slice(1)).toEqual(
					Array.from({ length: expectedCalls - 1 }, (_, page) => fixture.sim.allFollowers()[(page + 1) * PAGE - 1] ?? fixture.sim.allFollowers()[size - 1]),
				);
			});
		}
	}

	test('the count-0 tail without a data key ends the list', async () => {
		fixture = await Fixture.start({ followers: 3, pageSize: 2 });
		const items = await fixture.getFollowers({ returnAll: true });
		expect(openidsOf(items)).toEqual(fixture.sim.allFollowers());
		const tail = fixture.sim.requests('/cgi-bin/user/get').at(-1)!;
		expect(tail.query.next_openid).toBe(fixture.sim.allFollowers()[2]);
	});
});

describe('Limit', () => {
	test('stops in the middle of a page and fetches no further page', async () => {
		fixture = await Fixture.start({ followers: 23_000 });
		const items = await fixture.getFollowers({ returnAll: false, limit: 12_345 });
		expect(openidsOf(items)).toEqual(fixture.sim.allFollowers().slice(0, 12_345));
		expect(fixture.sim.requests('/cgi-bin/user/get')).toHaveLength(2);
	});

	test('a limit equal to a page boundary fetches no further page', async () => {
		fixture = await Fixture.start({ followers: 23_000 });
		const items = await fixture.getFollowers({ returnAll: false, limit: 10_000 });
		expect(openidsOf(items)).toHaveLength(10_000);
		expect(fixture.sim.requests('/cgi-bin/user/get')).toHaveLength(1);
	});

	test('defaults to 50 followers', async () => {
		fixture = await Fixture.start({ followers: 120 });
		const items = await fixture.getFollowers({});
		expect(openidsOf(items)).toEqual(fixture.sim.allFollowers().slice(0, 50));
	});

	test('a limit above the follower count returns them all', async () => {
		fixture = await Fixture.start({ followers: 7 });
		const items = await fixture.getFollowers({ returnAll: false, limit: 1000 });
		expect(openidsOf(items)).toEqual(fixture.sim.allFollowers());
	});
});

describe('Start After OpenID', () => {
	test('resumes right after the given OpenID; the two runs together hold every follower once', async () => {
		fixture = await Fixture.start({ followers: 23_000 });
		const first = openidsOf(await fixture.getFollowers({ returnAll: false, limit: 15_000 }));
		const rest = openidsOf(
			await fixture.getFollowers({ returnAll: true, options: { startAfterOpenid: first.at(-1) } }),
		);
		// The second run starts with the resume point as its cursor.
		expect(fixture.sim.userGetCursors()[2]).toBe(first.at(-1));
		expect([...first, ...rest]).toEqual(fixture.sim.allFollowers());
	});

	test('an OpenID of another account fails with advice about the parameter', async () => {
		fixture = await Fixture.start({ followers: 5 });
		await expect(
			fixture.getFollowers({ returnAll: true, options: { startAfterOpenid: 'oNotAFollowerOfThisAccount00' } }),
		).rejects.toMatchObject({
			message: expect.stringContaining('errcode 40003'),
			description: expect.stringContaining('Start After OpenID'),
		});
	});
});

describe('Shapes a careless client gets wrong', () => {
	test('empty-string OpenIDs are dropped', async () => {
		fixture = await Fixture.start({ followers: 4 });
		const [a, b, c, d] = fixture.sim.allFollowers();
		fixture.sim.injectFault('/cgi-bin/user/get', { json: { total: 4, count: 3, data: { openid: [a, '', b] }, next_openid: b } });
		const items = await fixture.getFollowers({ returnAll: true });
		expect(openidsOf(items)).toEqual([a, b, c, d]);
	});

	test('an OpenID repeated on a later page (the list shifted) is emitted once', async () => {
		fixture = await Fixture.start({ followers: 6, pageSize: 3 });
		const all = fixture.sim.allFollowers();
		// Page 2 overlaps page 1 by one follower, as when someone unfollows during the pull.
		fixture.sim.when('/cgi-bin/user/get', 2, () =>
			fixture.sim.injectFault('/cgi-bin/user/get', { json: { total: 6, count: 3, data: { openid: [all[2], all[3], all[4]] }, next_openid: all[4] } }),
		);
		const items = await fixture.getFollowers({ returnAll: true });
		expect(openidsOf(items)).toEqual(all);
	});

	test('a cursor that comes back is detected instead of looping', async () => {
		fixture = await Fixture.start({ followers: 30, pageSize: 10 });
		const all = fixture.sim.allFollowers();
		// The third page points back to the cursor of the second.
		fixture.sim.when('/cgi-bin/user/get', 3, () =>
			fixture.sim.injectFault('/cgi-bin/user/get', { json: { total: 30, count: 10, data: { openid: all.slice(20, 30) }, next_openid: all[9] } }),
		);
		const error = await fixture.getFollowers({ returnAll: true }).catch((e) => e);
		expect(error.message).toMatch(/same followers cursor twice/);
		expect(error.description).toContain('Received 30 followers in 3 page(s)');
		expect(fixture.sim.requests('/cgi-bin/user/get')).toHaveLength(3);
	});

	test('pages that bring no new follower end the pull instead of looping', async () => {
		fixture = await Fixture.start({ followers: 3, pageSize: 3 });
		const all = fixture.sim.allFollowers();
		for (let call = 2; call <= 10; call++) {
			fixture.sim.when('/cgi-bin/user/get', call, () =>
				fixture.sim.injectFault('/cgi-bin/user/get', { json: { total: 3, count: 3, data: { openid: all }, next_openid: `oCursor${call}` } }),
			);
		}
		const error = await fixture.getFollowers({ returnAll: true }).catch((e) => e);
		expect(error.message).toMatch(/3 pages in a row with no new followers/);
		expect(fixture.sim.requests('/cgi-bin/user/get')).toHaveLength(4);
	});

	test('a total that disagrees with the pages does not stop the pull early', async () => {
		fixture = await Fixture.start({ followers: 25, pageSize: 10 });
		const all = fixture.sim.allFollowers();
		fixture.sim.injectFault('/cgi-bin/user/get', { json: { total: 10, count: 10, data: { openid: all.slice(0, 10) }, next_openid: all[9] } });
		const items = await fixture.getFollowers({ returnAll: true });
		expect(openidsOf(items)).toEqual(all);
	});
});

describe('Several input items', () => {
	test('each item runs its own pull with its own parameters, paired to it', async () => {
		fixture = await Fixture.start({ followers: 30 });
		const all = fixture.sim.allFollowers();
		const items = await fixture.getFollowers(
			{ returnAll: false, limit: '={{ $json.limit }}' },
			{ input: [{ json: { limit: 2 } }, { json: { limit: 3 } }] },
		);
		expect(items.map((item) => [item.json.openid, (item.pairedItem as { item: number }).item])).toEqual([
			[all[0], 0],
			[all[1], 0],
			[all[0], 1],
			[all[1], 1],
			[all[2], 1],
		]);
		// One token for the whole execution.
		expect(fixture.sim.tokenCalls()).toHaveLength(1);
	});
});
