import { msUntilNextMinute } from '../nodes/WeChatOfficialAccount/transport/request';
import type { Operation } from './harness/fixture';
import { errorOf, Fixture, openidsOf } from './harness/fixture';

let fixture: Fixture;
afterEach(async () => {
	jest.restoreAllMocks();
	await fixture?.stop();
});

const busy = { errcode: -1, errmsg: 'system error rid: 6543-busy' };

/** Every secret the simulator handed out or was given, to search errors for. */
function secretsOf(fixture: Fixture): string[] {
	const tokens = fixture.sim.tokenCalls().length ? [String(fixture.stored().accessToken ?? '')] : [];
	return [fixture.sim.appSecret, ...tokens].filter((secret) => secret.length > 0);
}

/** Everything of an error n8n may show or store: own properties, nested objects included. */
function serialise(error: unknown): string {
	const seen = new WeakSet<object>();
	const whole = Object.fromEntries(Object.getOwnPropertyNames(error as object).map((key) => [key, (error as Record<string, unknown>)[key]]));
	return JSON.stringify(whole, (_key, value: unknown) => {
		if (typeof value === 'object' && value !== null) {
			if (seen.has(value)) return '[cycle]';
			seen.add(value);
		}
		return value;
	});
}

function expectNoSecret(fixture: Fixture, error: unknown) {
	const text = serialise(error) + String((error as Error).stack);
	for (const secret of secretsOf(fixture)) expect(text).not.toContain(secret);
	expect(text).not.toMatch(/access_token=(?!\*\*\*)/);
}

describe('Transient failures are retried within bounds', () => {
	test('a burst of errcode -1 is retried and the pull completes', async () => {
		fixture = await Fixture.start({ followers: 15_000 });
		fixture.sim.when('/cgi-bin/user/get', 2, () => fixture.sim.injectFault('/cgi-bin/user/get', busy, 2));
		const items = await fixture.getFollowers();
		expect(openidsOf(items)).toEqual(fixture.sim.allFollowers());
		expect(fixture.sim.requests('/cgi-bin/user/get').map((call) => call.errcode)).toEqual([0, -1, -1, 0, 0]);
	});

	test('errcode -1 that does not stop fails after a bounded number of attempts', async () => {
		fixture = await Fixture.start({ followers: 5 });
		fixture.sim.injectFault('/cgi-bin/user/get', busy, 100);
		const error = await errorOf(() => fixture.getFollowers());
		expect(error.message).toContain('WeChat is busy');
		expect(error.message).toContain('errcode -1');
		expect(error.description).toContain('6543-busy');
		expect(fixture.sim.requests('/cgi-bin/user/get')).toHaveLength(5);
	});

	test('a dropped connection is retried and the pull completes', async () => {
		fixture = await Fixture.start({ followers: 15_000 });
		fixture.sim.when('/cgi-bin/user/get', 2, () => fixture.sim.injectFault('/cgi-bin/user/get', 'drop', 2));
		const items = await fixture.getFollowers();
		expect(openidsOf(items)).toEqual(fixture.sim.allFollowers());
		expect(fixture.sim.requests('/cgi-bin/user/get')).toHaveLength(5);
	});

	test('a gateway error (HTTP 502) is retried', async () => {
		fixture = await Fixture.start({ followers: 3 });
		fixture.sim.injectFault('/cgi-bin/user/get', { httpStatus: 502 }, 1);
		expect(openidsOf(await fixture.getFollowers())).toEqual(fixture.sim.allFollowers());
	});

	test('a server that is down fails with the host and advice, after bounded retries, without secrets', async () => {
		fixture = await Fixture.start({ followers: 3 });
		await fixture.getFollowers(); // store a token
		const { baseUrl } = fixture.sim;
		await fixture.sim.stop();
		const error = await errorOf(() => fixture.getFollowers());
		expect(error.message).toContain(`Could not complete GET ${baseUrl.replace('http://', '')}/cgi-bin/user/get: ECONNREFUSED (after 5 attempts)`);
		expect(error.description).toContain('API Server');
		expectNoSecret(fixture, error);
	});

	test('a token endpoint that drops the connection is retried', async () => {
		fixture = await Fixture.start({ followers: 3 });
		fixture.sim.injectFault('/cgi-bin/stable_token', 'drop', 1);
		expect(openidsOf(await fixture.getFollowers())).toEqual(fixture.sim.allFollowers());
		expect(fixture.sim.tokenCalls()).toHaveLength(2);
	});
});

describe('Per-minute limit (45011)', () => {
	test('waits for the next minute and continues', async () => {
		fixture = await Fixture.start({ followers: 15_000 });
		// Put the clock 200 ms before a minute boundary so the wait is short.
		const realNow = Date.now.bind(Date);
		const start = realNow();
		const offset = 60_000 - (start % 60_000) - 200;
		jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
		fixture.sim.when('/cgi-bin/user/get', 2, () =>
			fixture.sim.injectFault('/cgi-bin/user/get', { errcode: 45011, errmsg: 'api minute-quota reach limit  mustslower  retry next minute rid: m' }),
		);

		const items = await fixture.getFollowers();

		expect(openidsOf(items)).toEqual(fixture.sim.allFollowers());
		expect(fixture.sim.requests('/cgi-bin/user/get').map((call) => call.errcode)).toEqual([0, 45011, 0, 0]);
		expect(realNow() - start).toBeGreaterThanOrEqual(1_100);
	});

	test('a stopped execution stops waiting within about a second', async () => {
		fixture = await Fixture.start({ followers: 15_000 });
		// 30 s before a minute boundary: the wait would be 31 s.
		const realNow = Date.now.bind(Date);
		const start = realNow();
		const offset = 60_000 - (start % 60_000) - 30_000;
		jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
		fixture.sim.injectFault('/cgi-bin/user/get', { errcode: 45011, errmsg: 'api minute-quota reach limit rid: c' });
		const abort = new AbortController();
		setTimeout(() => abort.abort(), 300);
		await errorOf(() => fixture.getFollowers({ returnAll: true }, { abortSignal: abort.signal }));
		expect(realNow() - start).toBeLessThan(3_000);
	});

	test('the wait ends one second into the next minute', () => {
		expect(msUntilNextMinute(Date.UTC(2026, 0, 1, 8, 0, 59, 500))).toBe(1_500);
		expect(msUntilNextMinute(Date.UTC(2026, 0, 1, 8, 0, 0, 0))).toBe(61_000);
	});
});

describe('Daily quota (45009) in the middle of a pull', () => {
	test('fails saying how many followers were received and where to resume', async () => {
		fixture = await Fixture.start({ followers: 23_000 });
		fixture.sim.userGetDailyQuota = 2;
		const error = await errorOf(() => fixture.getFollowers());
		const resumeAfter = fixture.sim.allFollowers()[19_999];
		expect(error.message).toBe("The account's daily quota for this WeChat API is used up (WeChat errcode 45009)");
		expect(error.description).toContain('midnight Beijing time');
		expect(error.description).toContain('Received 20000 followers in 2 page(s)');
		expect(error.description).toContain(`set "Start After OpenID" to ${resumeAfter}`);
		expectNoSecret(fixture, error);
	});

	test('with "On Error: Continue", the received followers are output with the resume point; resuming later completes the list exactly once', async () => {
		fixture = await Fixture.start({ followers: 23_000 });
		fixture.sim.userGetDailyQuota = 2;
		const items = await fixture.getFollowers({ returnAll: true }, { continueOnFail: true });

		const received = openidsOf(items);
		expect(received).toEqual(fixture.sim.allFollowers().slice(0, 20_000));
		const errorItem = items.at(-1)!;
		expect(errorItem.json).toMatchObject({
			error: expect.stringContaining('45009'),
			received: 20_000,
			resumeAfter: received.at(-1),
		});
		expect(errorItem.pairedItem).toEqual({ item: 0 });

		fixture.sim.userGetDailyQuota = undefined; // the next day
		const rest = openidsOf(
			await fixture.getFollowers({ returnAll: true, options: { startAfterOpenid: errorItem.json.resumeAfter } }),
		);
		expect([...received, ...rest]).toEqual(fixture.sim.allFollowers());
	});
});

describe('Configuration errors say what to change', () => {
	test('IP not whitelisted on the token call (40164): names the IP and where to add it', async () => {
		fixture = await Fixture.start({ followers: 3 });
		fixture.sim.blockedIp = '203.0.113.7';
		const error = await errorOf(() => fixture.getFollowers());
		expect(error.message).toBe(
			"WeChat refused the call from IP 203.0.113.7: it is not in the account's IP whitelist (WeChat errcode 40164)",
		);
		expect(error.description).toContain('Add n8n\'s outgoing IP address 203.0.113.7 to the IP whitelist');
		expect(error.description).toContain('Basic Configuration → IP Whitelist');
		expect(fixture.sim.requests('/cgi-bin/user/get')).toHaveLength(0);
		expectNoSecret(fixture, error);
	});

	test('IP not whitelisted on a business call with a stored token (40164)', async () => {
		fixture = await Fixture.start({ followers: 3 });
		await fixture.getFollowers();
		fixture.sim.blockedIp = '198.51.100.23';
		const error = await errorOf(() => fixture.getFollowers());
		expect(error.message).toContain('IP 198.51.100.23');
		expectNoSecret(fixture, error);
	});

	test('wrong AppID (40013)', async () => {
		fixture = await Fixture.start({ followers: 3 }, { appId: 'wxwrongappid00000' });
		const error = await errorOf(() => fixture.getFollowers());
		expect(error.message).toBe('WeChat does not recognise the AppID (WeChat errcode 40013)');
		expect(error.description).toContain('Copy the AppID (Developer ID)');
	});

	test('wrong AppSecret on the stable endpoint (40125)', async () => {
		fixture = await Fixture.start({ followers: 3 }, { appSecret: 'wrong-secret-00000000000000000000' });
		const error = await errorOf(() => fixture.getFollowers());
		expect(error.message).toBe('WeChat rejected the AppSecret (WeChat errcode 40125)');
		expect(error.description).toContain('Copy the AppSecret');
		expect(serialise(error)).not.toContain('wrong-secret-00000000000000000000');
		expectNoSecret(fixture, error);
	});

	test('wrong AppSecret on the classic endpoint (40001 from cgi-bin/token) is a secret problem, not a token retry', async () => {
		fixture = await Fixture.start({ followers: 3 }, { appSecret: 'wrong-secret-11111111111111111111', grantEndpoint: 'classic' });
		const error = await errorOf(() => fixture.getFollowers());
		expect(error.message).toBe('WeChat rejected the AppSecret (WeChat errcode 40001)');
		expect(fixture.sim.tokenCalls()).toHaveLength(1);
		const text = serialise(error) + String(error.stack);
		expect(text).not.toContain('wrong-secret-11111111111111111111');
	});

	test('approval needed for a new IP (89503)', async () => {
		fixture = await Fixture.start({ followers: 3 });
		fixture.sim.injectFault('/cgi-bin/stable_token', { errcode: 89503, errmsg: 'risky ip, need admin confirm rid: a' });
		const error = await errorOf(() => fixture.getFollowers());
		expect(error.message).toContain("need the account administrator's approval (WeChat errcode 89503)");
		expect(error.description).toContain('approve it in WeChat');
	});

	test('an unknown errcode quotes WeChat\'s message', async () => {
		fixture = await Fixture.start({ followers: 3 });
		fixture.sim.injectFault('/cgi-bin/user/get', { errcode: 61024, errmsg: 'something new, hints: [ req_id: z ] rid: q' });
		const error = await errorOf(() => fixture.getFollowers());
		expect(error.message).toBe('WeChat returned an error: something new (WeChat errcode 61024)');
	});
});

describe('No secret in errors or error items', () => {
	test('an error item under "On Error: Continue" holds no secret', async () => {
		fixture = await Fixture.start({ followers: 3 });
		await fixture.getFollowers();
		fixture.sim.injectFault('/cgi-bin/user/get', { errcode: 48001, errmsg: 'api unauthorized rid: u' });
		const items = await fixture.getFollowers({ returnAll: true }, { continueOnFail: true });
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toBe('This account type is not authorised for this WeChat API (WeChat errcode 48001)');
		const text = JSON.stringify(items);
		for (const secret of secretsOf(fixture)) expect(text).not.toContain(secret);
	});

	test('an errmsg that echoes the token is redacted', async () => {
		fixture = await Fixture.start({ followers: 3 });
		await fixture.getFollowers();
		const token = String(fixture.stored().accessToken);
		fixture.sim.injectFault('/cgi-bin/user/get', { errcode: 61000, errmsg: `bad call access_token=${token}&x=1 rid: e` });
		const error = await errorOf(() => fixture.getFollowers());
		expect(error.message).toContain('access_token=***');
		expectNoSecret(fixture, error);
	});

	test('a bare token or AppSecret in an errmsg is redacted', async () => {
		fixture = await Fixture.start({ followers: 3 });
		await fixture.getFollowers();
		const token = String(fixture.stored().accessToken);
		fixture.sim.injectFault('/cgi-bin/user/get', { errcode: 61001, errmsg: `token ${token} and ${fixture.sim.appSecret} refused rid: e` });
		const error = await errorOf(() => fixture.getFollowers());
		expect(error.message).toBe('WeChat returned an error: token *** and *** refused (WeChat errcode 61001)');
		expectNoSecret(fixture, error);
	});
});

describe('48001 says what the API needs', () => {
	test.each([
		['draft.count', '/cgi-bin/draft/count', 'The draft API needs a verified account'],
		['analytics.getFollowerTotals', '/datacube/getusercumulate', 'Analytics through the API need a verified account'],
	])('%s: the advice names the permission of that API', async (operation, path, advice) => {
		fixture = await Fixture.start();
		fixture.sim.injectFault(path, { errcode: 48001, errmsg: 'api unauthorized rid: p' });
		const error = await errorOf(() => fixture.run(operation as Operation));
		expect(error.message).toBe('This account type is not authorised for this WeChat API (WeChat errcode 48001)');
		expect(error.description).toContain(advice);
		expect(error.description).toContain('Interface Permissions');
	});
});
