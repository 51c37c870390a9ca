// The credential's Test button through the REST calls n8n's editor makes, on a running n8n:
// a new credential, then the stored one edited to a wrong AppSecret or AppID (the bug of issue
// 15: the stored token made such a test pass), and the IP whitelist. With the stable endpoint
// chosen no classic token call may happen: it would cancel the tokens other systems hold.
'use strict';

const assert = require('node:assert/strict');

const OWNER = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-owner-Passw0rd' };

/** A REST session as the editor holds it: the n8n-auth cookie, tied to a browser id. */
function restSession(base) {
	let cookie = '';
	return async (method, url, body) => {
		const response = await fetch(base + url, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': 'wechat-e2e', cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) cookie = setCookie.split(';')[0];
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = text;
		}
		return { status: response.status, json: json?.data ?? json };
	};
}

/** What the editor sends to test the credential form: the stored data (secrets as placeholders) with the user's edits. */
function formData(stored, edits = {}) {
	const data = Object.fromEntries(Object.entries(stored.data).filter(([, value]) => value !== ''));
	return { ...data, homeProject: stored.homeProject, ...edits };
}

async function runCredentialTestChecks({ instance, server, sim, baseUrl, secrets, check }) {
	const label = `${instance.install.label}, credential test`;
	const rest = restSession(server.base);
	let stored;
	const test = async (edits) => {
		const result = await rest('POST', '/rest/credentials/test', {
			credentials: { id: stored.id, name: stored.name, type: 'weChatOfficialAccountApi', data: formData(stored, edits) },
		});
		assert.equal(result.status, 200, JSON.stringify(result.json));
		return result.json;
	};

	await check(`${label}: a new credential passes; the same credential edited to a wrong AppSecret fails with the 40125 message, through the editor's REST calls`, async () => {
		assert.equal((await rest('POST', '/rest/owner/setup', OWNER)).status, 200);
		assert.equal((await rest('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password })).status, 200);
		const created = await rest('POST', '/rest/credentials', {
			name: 'WeChat, tested from the editor',
			type: 'weChatOfficialAccountApi',
			data: { appId: sim.appId, appSecret: sim.appSecret, apiDomain: 'custom', baseUrl, grantEndpoint: 'stable' },
		});
		assert.equal(created.status, 200, JSON.stringify(created.json));
		const logFrom = sim.log.length;
		const fetchStored = async () => (await rest('GET', `/rest/credentials/${created.json.id}?includeData=true`)).json;
		stored = await fetchStored();
		assert.deepEqual(await test(), { status: 'OK', message: 'Connection successful!' });
		// n8n stored the token it fetched for the test: from now on the form carries it (as a placeholder).
		stored = await fetchStored();
		assert.match(String(stored.data.accessToken), /^__n8n_BLANK_VALUE_/);

		const edited = await test({ appSecret: 'edited-wrong-appsecret-0000000000' });
		assert.equal(edited.status, 'Error');
		assert.match(edited.message, /^WeChat rejected the AppSecret \(WeChat errcode 40125\)\. Copy the AppSecret from /);
		assert.deepEqual(await test(), { status: 'OK', message: 'Connection successful!' }, 'the stored credential itself still passes');
		assert.ok(!sim.log.slice(logFrom).some((call) => call.path === '/cgi-bin/token'), 'no classic token call');
		const answers = JSON.stringify([edited]);
		for (const secret of secrets()) assert.ok(!answers.includes(secret), 'no secret in the answer');
	});

	await check(`${label}: the stored credential edited to a wrong AppID, or called from an IP outside the whitelist, fails with WeChat's reason`, async () => {
		const wrongAppId = await test({ appId: 'wx00000000e2e00000' });
		assert.equal(wrongAppId.status, 'Error');
		assert.match(wrongAppId.message, /^WeChat does not recognise the AppID \(WeChat errcode 40013\)/);
		sim.blockedIp = '192.0.2.44';
		try {
			const blocked = await test();
			assert.equal(blocked.status, 'Error');
			assert.match(blocked.message, /not in the account's IP whitelist/);
		} finally {
			sim.blockedIp = undefined;
		}
	});
}

module.exports = { runCredentialTestChecks };
