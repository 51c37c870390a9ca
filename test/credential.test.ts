import { Fixture } from './harness/fixture';
import { testCredential } from './harness/n8n';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

describe('Credential test (the Test button)', () => {
	test('passes with the right AppID and AppSecret, after a token call and a call that uses the token', async () => {
		fixture = await Fixture.start();
		expect(await testCredential(fixture.store, fixture.credentialId)).toEqual({ status: 'OK', message: 'Connection tested successfully' });
		expect(fixture.sim.log.map((call) => [call.path, call.errcode])).toEqual([
			['/cgi-bin/stable_token', 0],
			['/cgi-bin/get_api_domain_ip', 0],
		]);
	});

	test('a wrong AppSecret fails with the readable message', async () => {
		fixture = await Fixture.start({}, { appSecret: 'not-the-secret-000000000000000000' });
		const result = await testCredential(fixture.store, fixture.credentialId);
		expect(result).toEqual({ status: 'Error', message: 'WeChat rejected the AppSecret (WeChat errcode 40125)' });
		expect(result.message).not.toContain('not-the-secret');
	});

	test('an IP outside the whitelist fails naming the IP', async () => {
		fixture = await Fixture.start();
		fixture.sim.blockedIp = '192.0.2.10';
		const result = await testCredential(fixture.store, fixture.credentialId);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('IP 192.0.2.10');
	});

	test('an IP whitelist error on the business call is caught by the test rules', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault('/cgi-bin/get_api_domain_ip', { errcode: 40164, errmsg: 'invalid ip 192.0.2.11 ipv6 ::ffff:192.0.2.11, not in whitelist rid: t' });
		const result = await testCredential(fixture.store, fixture.credentialId);
		expect(result).toEqual({ status: 'Error', message: expect.stringContaining('not in the account\'s IP whitelist') });
	});

	test('a network failure on the token endpoint names the server, not the secret', async () => {
		fixture = await Fixture.start({}, { grantEndpoint: 'classic' });
		fixture.sim.injectFault('/cgi-bin/token', 'drop');
		const result = await testCredential(fixture.store, fixture.credentialId);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^The WeChat token endpoint at 127\.0\.0\.1:\d+ could not be reached$/);
	});
});
