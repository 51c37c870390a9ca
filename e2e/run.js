#!/usr/bin/env node
// End-to-end tests: the packed package inside real n8n 1.x and 2.x, against the simulator.
// Usage: node e2e/run.js [--lines=1,2]
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { runContentChecks } = require('./content');
const { runCredentialTestChecks } = require('./credentialTest');
const { runFileOutputChecks } = require('./fileOutput');
const { mcpAlongside } = require('./mcp');
const { runMessagingChecks } = require('./messaging');
const { runTriggerChecks } = require('./trigger');
const { LINES, ROOT, ensureN8n, packPackage, createInstance, followersWorkflow, wechatWorkflow, nodeOutput, checkRunner, assertNoSecret, log, sh } = require('./lib');

const WECHAT = 'WeChat Official Account';
const { check, summary } = checkRunner();

function openids(items) {
	return items.map((item) => item.json.openid);
}

async function runLine(line, tarball, workDir, simulatorPath) {
	const simulatorModule = require(simulatorPath);
	const install = ensureN8n(line);
	log(`${install.label}`);
	const instance = await createInstance(install, tarball, workDir);
	const sim = new simulatorModule.WeChatSimulator({ followers: 0 });
	const baseUrl = await sim.start();
	const good = { id: 'wechatSimGood001', name: 'WeChat simulator' };
	const bad = { id: 'wechatSimBad0001', name: 'WeChat simulator, wrong AppSecret' };
	const wrongSecret = 'e2e-wrong-appsecret-00000000000000';
	const secrets = () => [sim.appSecret, wrongSecret, ...sim.issuedTokens()];
	try {
		await instance.importCredentials([
			{ ...good, type: 'weChatOfficialAccountApi', data: { appId: sim.appId, appSecret: sim.appSecret, apiDomain: 'custom', baseUrl } },
			{ ...bad, type: 'weChatOfficialAccountApi', data: { appId: sim.appId, appSecret: wrongSecret, apiDomain: 'custom', baseUrl } },
		]);
		await instance.importWorkflows([
			followersWorkflow('wechatE2eAll0001', 'All followers', good, { returnAll: true }),
			followersWorkflow('wechatE2eLimit01', 'Limited followers', good, { returnAll: false, limit: 12_345 }),
			followersWorkflow('wechatE2eBadSec1', 'Wrong AppSecret', bad, { returnAll: true }),
			followersWorkflow('wechatE2eProfil1', 'Followers with profiles', good, { returnAll: true, includeProfile: true }),
			wechatWorkflow('wechatE2eTagged1', 'Tag followers, then list the tag', good, [
				{ name: 'Get followers', parameters: { resource: 'follower', operation: 'getAll', returnAll: true } },
				// The OpenIDs parameter defaults to {{ $json.openid }}: each follower item is read as it comes.
				{ name: 'Tag them', parameters: { resource: 'tag', operation: 'addFollowers', tagId: 100 } },
				{
					name: 'Followers of the tag',
					parameters: { resource: 'tag', operation: 'getFollowers', tagId: 100, returnAll: true },
					executeOnce: true,
				},
			]),
		]);

		const pull = async (workflowId) => {
			sim.clearLog();
			const result = await instance.execute(workflowId);
			if (!result.run && result.code === 0) throw new Error(`no run data from n8n execute:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
			return result;
		};

		await check(`${install.label}: 0 followers, first run fetches and stores a token`, async () => {
			sim.setFollowers(0);
			const result = await pull('wechatE2eAll0001');
			assert.equal(result.code, 0, result.stderr.slice(-2000));
			assert.deepEqual(nodeOutput(result.run, WECHAT), []);
			assert.equal(sim.tokenCalls().length, 1);
			assert.equal(sim.requests('/cgi-bin/user/get').length, 1);
		});

		for (const size of [10_000, 23_000]) {
			await check(`${install.label}: ${size} followers reach the next node exactly once, stored token reused`, async () => {
				sim.setFollowers(size);
				const result = await pull('wechatE2eAll0001');
				assert.equal(result.code, 0, result.stderr.slice(-2000));
				assert.deepEqual(openids(nodeOutput(result.run, 'Received')), sim.allFollowers());
				assert.equal(sim.tokenCalls().length, 0, 'the token stored by the first run is reused');
				assertNoSecret(result.stdout + result.stderr, secrets());
			});
		}

		await check(`${install.label}: the limit is honoured`, async () => {
			const result = await pull('wechatE2eLimit01');
			assert.equal(result.code, 0, result.stderr.slice(-2000));
			assert.deepEqual(openids(nodeOutput(result.run, 'Received')), sim.allFollowers().slice(0, 12_345));
			assert.equal(sim.requests('/cgi-bin/user/get').length, 2);
		});

		let refreshedToken;
		await check(`${install.label}: a token expiring mid-pull is refreshed through n8n's credential store`, async () => {
			sim.when('/cgi-bin/user/get', sim.callCount('/cgi-bin/user/get') + 2, () => sim.advanceClock(7_201_000));
			const result = await pull('wechatE2eAll0001');
			assert.equal(result.code, 0, result.stderr.slice(-2000));
			assert.deepEqual(openids(nodeOutput(result.run, 'Received')), sim.allFollowers());
			const calls = sim.requests('/cgi-bin/user/get');
			assert.deepEqual(calls.map((call) => call.errcode), [0, 42001, 0, 0, 0]);
			assert.equal(sim.tokenCalls().length, 1);
			refreshedToken = calls.at(-1).query.access_token;
		});

		await check(`${install.label}: the next execution reuses the refreshed token n8n stored`, async () => {
			const result = await pull('wechatE2eAll0001');
			assert.equal(result.code, 0, result.stderr.slice(-2000));
			assert.equal(sim.tokenCalls().length, 0);
			assert.ok(refreshedToken, 'the previous check stored a token');
			assert.ok(sim.requests('/cgi-bin/user/get').every((call) => call.query.access_token === refreshedToken));
		});

		await check(`${install.label}: a wrong AppSecret fails with the readable error, no secret`, async () => {
			const result = await pull('wechatE2eBadSec1');
			assert.notEqual(result.code, 0);
			assert.match(result.stdout, /WeChat rejected the AppSecret \(WeChat errcode 40125\)/);
			assert.match(result.stdout, /Copy the AppSecret from/);
			assertNoSecret(result.stdout + result.stderr, secrets());
		});

		await check(`${install.label}: an IP outside the whitelist fails naming the IP, no secret`, async () => {
			sim.blockedIp = '203.0.113.9';
			try {
				const result = await pull('wechatE2eAll0001');
				assert.notEqual(result.code, 0);
				assert.match(result.stdout, /WeChat refused the call from IP 203\.0\.113\.9/);
				assertNoSecret(result.stdout + result.stderr, secrets());
			} finally {
				sim.blockedIp = undefined;
			}
		});

		await check(`${install.label}: followers with profiles: every follower once, in order, 100 per profile call`, async () => {
			sim.setFollowers(23_000);
			const result = await pull('wechatE2eProfil1');
			assert.equal(result.code, 0, result.stderr.slice(-2000));
			const items = nodeOutput(result.run, 'Received');
			assert.deepEqual(openids(items), sim.allFollowers());
			assert.equal(sim.requests('/cgi-bin/user/info/batchget').length, 230);
			assert.equal(items[0].json.subscribe_time_iso, '2020-01-01T00:00:00.000Z');
			assert.equal(items[22_999].json.subscribe_time, 1_577_836_800 + 22_999 * 60);
			assertNoSecret(result.stdout + result.stderr, secrets());
		});

		await check(`${install.label}: followers tagged in batches of 50, then the tag's followers read back`, async () => {
			sim.setFollowers(120);
			const tagId = sim.account.addTag(`e2e-${Date.now()}`);
			assert.equal(tagId, 100, 'the workflow names tag 100');
			const result = await pull('wechatE2eTagged1');
			assert.equal(result.code, 0, result.stderr.slice(-2000));
			const tagging = sim.requests('/cgi-bin/tags/members/batchtagging');
			assert.deepEqual(tagging.map((call) => call.body.openid_list.length), [50, 50, 20]);
			assert.equal(nodeOutput(result.run, 'Tag them').length, 120);
			assert.deepEqual(openids(nodeOutput(result.run, 'Received')), sim.allFollowers());
			assert.equal(sim.requests('/cgi-bin/user/tag/get').length, 2, 'Execute Once: one pull, not one per item');
		});

		const templates = require(path.join(path.dirname(simulatorPath), 'templates.js'));
		await runMessagingChecks({ instance, sim, templates, credential: good, secrets, check });
		await runContentChecks({ instance, sim, credential: good, secrets, check });
		await runFileOutputChecks({ instance, sim, credential: good, secrets, check });

		// The same instance as a server, with active trigger workflows on their production URLs.
		await runTriggerChecks({
			instance,
			sim,
			simulatorPath,
			baseUrl,
			workDir,
			check,
			alongside: [
				{ run: (server) => runCredentialTestChecks({ instance, server, sim, baseUrl, secrets, check }) },
				await mcpAlongside({ instance, sim, credential: good, secrets, check }),
			],
		});
	} finally {
		await sim.stop();
	}
}

async function main() {
	const linesArg = process.argv.find((arg) => arg.startsWith('--lines='));
	const lines = linesArg ? linesArg.slice('--lines='.length).split(',').map(Number) : Object.keys(LINES).map(Number);
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-e2e-'));
	try {
		// The simulator is TypeScript; compile it (and the rest of the sources) once.
		sh('npx', ['tsc', '-p', 'tsconfig.json', '--outDir', '.tout'], { cwd: ROOT });
		const simulatorPath = path.join(ROOT, '.tout', 'test', 'simulator', 'simulator.js');
		const tarball = packPackage(workDir);
		log(`packed ${path.basename(tarball)}`);
		for (const line of lines) await runLine(line, tarball, workDir, simulatorPath);
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
	summary('e2e');
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
