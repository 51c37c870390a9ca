import { tokenFingerprint } from '../nodes/WeChatOfficialAccount/transport/token';
import { Fixture, openidsOf } from './harness/fixture';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

describe('First run and stored token', () => {
	test('an empty stored token is fetched once from stable_token and saved by n8n', async () => {
		fixture = await Fixture.start({ followers: 5 });
		expect(fixture.stored().accessToken).toBeUndefined();

		await fixture.getFollowers();

		const tokenCalls = fixture.sim.tokenCalls();
		expect(tokenCalls.map((call) => [call.method, call.path])).toEqual([['POST', '/cgi-bin/stable_token']]);
		expect(tokenCalls[0].body).toMatchObject({ grant_type: 'client_credential', appid: fixture.sim.appId, force_refresh: false });
		const stored = fixture.stored();
		expect(stored.accessToken).toMatch(/^STB_/);
		expect(stored.issuedFor).toBe(tokenFingerprint(stored));
		expect(Number(stored.expiresAt)).toBeGreaterThan(Date.now() + 7_000_000);
		// The token reached WeChat in the query string of the business call.
		expect(fixture.sim.requests('/cgi-bin/user/get')[0].query.access_token).toBe(stored.accessToken);
	});

	test('the next execution reuses the stored token without a token call', async () => {
		fixture = await Fixture.start({ followers: 5 });
		await fixture.getFollowers();
		fixture.sim.clearLog();

		await fixture.getFollowers();

		expect(fixture.sim.tokenCalls()).toHaveLength(0);
		expect(fixture.store.writes).toHaveLength(1);
	});

	test('a whole 23,000-follower pull uses one token call', async () => {
		fixture = await Fixture.start({ followers: 23_000 });
		const items = await fixture.getFollowers();
		expect(items).toHaveLength(23_000);
		expect(fixture.sim.tokenCalls()).toHaveLength(1);
	});

	test('the classic endpoint is used when chosen', async () => {
		fixture = await Fixture.start({ followers: 5 }, { grantEndpoint: 'classic' });
		await fixture.getFollowers();
		const [call] = fixture.sim.tokenCalls();
		expect([call.method, call.path, call.query.grant_type, call.query.appid]).toEqual([
			'GET',
			'/cgi-bin/token',
			'client_credential',
			fixture.sim.appId,
		]);
	});

	test('a stored token close to its expiry is replaced before the first call', async () => {
		fixture = await Fixture.start({ followers: 5 }, { grantEndpoint: 'classic' });
		await fixture.getFollowers();
		const first = fixture.stored().accessToken;
		fixture.store.edit(fixture.credentialId, { expiresAt: Date.now() + 60_000 });
		fixture.sim.clearLog();

		await fixture.getFollowers();

		expect(fixture.sim.tokenCalls()).toHaveLength(1);
		expect(fixture.stored().accessToken).not.toBe(first);
		// No call was made with the old token: the refresh came first.
		expect(fixture.sim.requests('/cgi-bin/user/get').every((call) => call.errcode === 0)).toBe(true);
	});
});

describe('A token that stops working during a pull', () => {
	test('expires in the middle of a 23,000-follower pull: renewed once, no follower lost or repeated', async () => {
		fixture = await Fixture.start({ followers: 23_000 });
		// Before the second page, two hours pass.
		fixture.sim.when('/cgi-bin/user/get', 2, () => fixture.sim.advanceClock(7_201_000));

		const items = await fixture.getFollowers();

		expect(openidsOf(items)).toEqual(fixture.sim.allFollowers());
		const calls = fixture.sim.requests('/cgi-bin/user/get');
		expect(calls.map((call) => call.errcode)).toEqual([0, 42001, 0, 0, 0]);
		// The failed page was asked again with the same cursor.
		expect(calls[1].query.next_openid).toBe(calls[2].query.next_openid);
		expect(fixture.sim.tokenCalls()).toHaveLength(2);
		expect(fixture.stored().accessToken).toBe(calls[2].query.access_token);
	});

	test('another system takes the classic token: renewed, pull completes', async () => {
		fixture = await Fixture.start({ followers: 23_000 }, { grantEndpoint: 'classic' });
		fixture.sim.when('/cgi-bin/user/get', 2, () => fixture.sim.anotherSystemTakesClassicToken(0));

		const items = await fixture.getFollowers();

		expect(openidsOf(items)).toEqual(fixture.sim.allFollowers());
		expect(fixture.sim.requests('/cgi-bin/user/get').map((call) => call.errcode)).toEqual([0, 40001, 0, 0, 0]);
		expect(fixture.sim.tokenCalls()).toHaveLength(2);
	});

	test('another worker already stored a new token: it is used, and no token call is made', async () => {
		fixture = await Fixture.start({ followers: 23_000 });
		await fixture.getFollowers({ returnAll: false, limit: 1 });
		fixture.sim.clearLog();
		// During the pull another worker force-refreshes the stable token and n8n stores it.
		fixture.sim.when('/cgi-bin/user/get', 3, () => {
			const token = fixture.sim.anotherSystemForcesStableRefresh();
			fixture.store.save(fixture.credentialId, { ...fixture.stored(), accessToken: token, expiresAt: Date.now() + 7_200_000 });
		});

		const items = await fixture.getFollowers();

		expect(openidsOf(items)).toEqual(fixture.sim.allFollowers());
		expect(fixture.sim.tokenCalls()).toHaveLength(0);
	});

	test('a token rejected again right after renewal fails with advice instead of looping', async () => {
		fixture = await Fixture.start({ followers: 5 }, { grantEndpoint: 'classic' });
		const notLatest = { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest rid: x' };
		fixture.sim.injectFault('/cgi-bin/user/get', notLatest, 5);

		const error = await fixture.getFollowers().catch((e) => e);

		expect(error.message).toContain('WeChat rejected the access token even after a fresh one was fetched');
		expect(error.description).toContain('Stable Token');
		expect(fixture.sim.requests('/cgi-bin/user/get')).toHaveLength(2);
	});
});

describe('Several executions share the credential', () => {
	test('concurrent first runs with stable tokens all get the same token and all succeed', async () => {
		fixture = await Fixture.start({ followers: 23_000 });
		const runs = await Promise.all([1, 2, 3].map(() => fixture.getFollowers()));
		for (const items of runs) expect(openidsOf(items)).toEqual(fixture.sim.allFollowers());
		const usedTokens = new Set(fixture.sim.requests('/cgi-bin/user/get').map((call) => call.query.access_token));
		expect(usedTokens.size).toBe(1);
		expect(fixture.sim.requests('/cgi-bin/user/get').every((call) => call.errcode === 0)).toBe(true);
	});
});

describe('Editing the credential', () => {
	test('a new AppSecret makes the stored token unusable: a new one is fetched first', async () => {
		fixture = await Fixture.start({ followers: 5 });
		await fixture.getFollowers();
		fixture.sim.clearLog();
		fixture.sim.appSecret = 'a-reset-secret-0000000000000000';
		fixture.store.edit(fixture.credentialId, { appSecret: 'a-reset-secret-0000000000000000' });

		await fixture.getFollowers();

		expect(fixture.sim.log.map((call) => call.path)[0]).toBe('/cgi-bin/stable_token');
		expect(fixture.sim.tokenCalls()[0].body?.secret).toBe('a-reset-secret-0000000000000000');
	});

	test('another AppID makes the stored token unusable', async () => {
		fixture = await Fixture.start({ followers: 5 });
		await fixture.getFollowers();
		fixture.sim.clearLog();
		fixture.store.edit(fixture.credentialId, { appId: 'wxanotheraccount00' });

		const error = await fixture.getFollowers().catch((e) => e);

		expect(fixture.sim.tokenCalls()[0].body?.appid).toBe('wxanotheraccount00');
		expect(error.message).toContain('WeChat does not recognise the AppID (WeChat errcode 40013)');
	});
});

test('the harness applies n8n credential rules: undeclared stored fields are dropped on read', async () => {
	fixture = await Fixture.start({ followers: 1 }, { leftover: 'not declared' });
	await fixture.getFollowers();
	expect(fixture.stored().leftover).toBeUndefined();
});
