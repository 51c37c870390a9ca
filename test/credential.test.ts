import { Fixture } from './harness/fixture';
import { testCredential } from './harness/n8n';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const OK = { status: 'OK', message: 'Connection successful!' };

/** A credential that has been used: n8n stores the token it fetched. */
async function usedCredential(credential: Record<string, string> = {}): Promise<Fixture> {
	const started = await Fixture.start({ followers: 3 }, credential);
	await started.getFollowers();
	expect(started.store.get(started.credentialId).data.accessToken).not.toBe('');
	started.sim.clearLog();
	return started;
}

function paths(): string[] {
	return fixture.sim.log.map((call) => call.path);
}

describe('Credential test (the Test button): a new credential', () => {
	test('passes with the right AppID and AppSecret: the token fetched and kept, then the test asks the stable endpoint itself', async () => {
		fixture = await Fixture.start();
		expect(await testCredential(fixture.store, fixture.credentialId)).toEqual(OK);
		expect(fixture.sim.log.map((call) => [call.path, call.errcode])).toEqual([
			['/cgi-bin/stable_token', 0],
			['/cgi-bin/stable_token', 0],
		]);
		expect(fixture.store.get(fixture.credentialId).data.accessToken).not.toBe('');
	});

	test('a wrong AppSecret fails with the readable message', async () => {
		fixture = await Fixture.start({}, { appSecret: 'not-the-secret-000000000000000000' });
		const result = await testCredential(fixture.store, fixture.credentialId);
		// n8n's dialog shows only the message of a failed token fetch: it must carry the advice.
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^WeChat rejected the AppSecret \(WeChat errcode 40125\)\. Copy the AppSecret from WeChat Official Accounts Platform/);
		expect(result.message).not.toContain('not-the-secret');
	});

	test('an IP outside the whitelist fails naming the IP', async () => {
		fixture = await Fixture.start();
		fixture.sim.blockedIp = '192.0.2.10';
		const result = await testCredential(fixture.store, fixture.credentialId);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('IP 192.0.2.10');
	});

	test('a network failure on the token endpoint names the server, not the secret', async () => {
		fixture = await Fixture.start({}, { grantEndpoint: 'classic' });
		fixture.sim.injectFault('/cgi-bin/token', 'drop');
		const result = await testCredential(fixture.store, fixture.credentialId);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^The WeChat token endpoint at 127\.0\.0\.1:\d+ could not be reached$/);
	});

	test('with the classic endpoint chosen, the one classic call is the token n8n stores; the test itself asks the stable endpoint', async () => {
		fixture = await Fixture.start({}, { grantEndpoint: 'classic' });
		expect(await testCredential(fixture.store, fixture.credentialId)).toEqual(OK);
		expect(paths()).toEqual(['/cgi-bin/token', '/cgi-bin/stable_token']);
	});
});

describe('Credential test: a stored credential that has been used (its token is kept by n8n)', () => {
	test('unchanged: passes, with one stable_token call and no new token', async () => {
		fixture = await usedCredential();
		const token = fixture.store.get(fixture.credentialId).data.accessToken;
		expect(await testCredential(fixture.store, fixture.credentialId)).toEqual(OK);
		expect(paths()).toEqual(['/cgi-bin/stable_token']);
		// Without force_refresh: the account's stable token stays valid for everyone holding it.
		expect(fixture.sim.log[0].body).toMatchObject({ grant_type: 'client_credential', appid: fixture.sim.appId, force_refresh: false });
		expect(fixture.store.get(fixture.credentialId).data.accessToken).toBe(token);
		fixture.sim.clearLog();
		expect(await fixture.getFollowers()).toHaveLength(3);
		expect(fixture.sim.log.map((call) => [call.path, call.errcode])).toEqual([
			['/cgi-bin/user/get', 0],
			['/cgi-bin/user/get', 0],
		]);
	});

	test('AppSecret edited to a wrong value: fails with the 40125 message, although the stored token still works', async () => {
		fixture = await usedCredential();
		const result = await testCredential(fixture.store, fixture.credentialId, { appSecret: 'edited-wrong-secret-0000000000000' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^WeChat rejected the AppSecret \(WeChat errcode 40125\)\. Copy the AppSecret from /);
		expect(result.message).not.toContain('edited-wrong-secret');
		expect(fixture.sim.log.map((call) => [call.path, call.errcode])).toEqual([['/cgi-bin/stable_token', 40125]]);
		// The test saves nothing: the stored secret and token are as they were.
		expect(fixture.store.get(fixture.credentialId).data.appSecret).toBe(fixture.sim.appSecret);
	});

	test('AppID edited to a wrong value: fails with the 40013 message', async () => {
		fixture = await usedCredential();
		const result = await testCredential(fixture.store, fixture.credentialId, { appId: 'wx0000000000000000' });
		expect(result.message).toMatch(/^WeChat does not recognise the AppID \(WeChat errcode 40013\)\./);
	});

	test('the IP whitelist changed: fails with the whitelist message', async () => {
		fixture = await usedCredential();
		fixture.sim.blockedIp = '192.0.2.11';
		const result = await testCredential(fixture.store, fixture.credentialId);
		expect(result.status).toBe('Error');
		expect(result.message).toContain("not in the account's IP whitelist");
	});

	test('with the classic endpoint chosen: no classic token call, so no other system loses its token', async () => {
		fixture = await usedCredential({ grantEndpoint: 'classic' });
		expect(await testCredential(fixture.store, fixture.credentialId)).toEqual(OK);
		expect(paths()).toEqual(['/cgi-bin/stable_token']);
		expect(await testCredential(fixture.store, fixture.credentialId, { appSecret: 'edited-wrong-secret-0000000000000' })).toMatchObject({ status: 'Error' });
		expect(paths()).not.toContain('/cgi-bin/token');
	});

	test('a refusal the test has no sentence for still fails: an answer without a token is never a success', async () => {
		fixture = await usedCredential();
		fixture.sim.injectFault('/cgi-bin/stable_token', { errcode: 40999, errmsg: 'something new rid: x' });
		const result = await testCredential(fixture.store, fixture.credentialId);
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^WeChat did not issue an access token\./) });
	});
});
