// The trigger inside real n8n, on the production URL of active workflows: n8n started as a
// server, WeChat's pushes sent by the simulator's push sender, executions observed through a
// sink the workflows post to and, at the end, counted in n8n's own database.
'use strict';

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const http = require('node:http');
const path = require('node:path');

const { NODE_TYPE, log, sh } = require('./lib');
const { startProcess, waitFor } = require('./services');

const TRIGGER_TYPE = NODE_TYPE.replace(/weChatOfficialAccount$/, 'weChatOfficialAccountTrigger');
/** The account's server configuration in WeChat, and in every push credential here. */
const PUSH_ACCOUNT = { token: 'e2ePushToken2026', encodingAesKey: 'Kq3vXb7Ty2LmN8pQr4StUv6WxYz0Ab1Cd5Ef9Gh3Ij7' };

function pushCredential(id, name, sim, messageEncryption, baseUrl) {
	return {
		id,
		name,
		type: 'weChatOfficialAccountApi',
		data: {
			appId: sim.appId,
			appSecret: sim.appSecret,
			apiDomain: 'custom',
			baseUrl,
			messageToken: PUSH_ACCOUNT.token,
			encodingAesKey: PUSH_ACCOUNT.encodingAesKey,
			messageEncryption,
		},
	};
}

/**
 * WeChat trigger -> `steps` (n8n node definitions without id/position), in a chain. The webhook
 * path is the node's webhookId: /webhook/<webhookId>/webhook.
 */
function triggerWorkflow({ id, name, credential, triggerName = 'WeChat Official Account Trigger', parameters, steps }) {
	const webhookId = crypto.randomUUID();
	const nodes = [
		{
			id: `${id}-trigger`,
			name: triggerName,
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			parameters,
			credentials: { weChatOfficialAccountApi: { id: credential.id, name: credential.name } },
		},
		...steps.map((step, index) => ({ id: `${id}-step${index}`, typeVersion: 1, position: [220 * (index + 1), 0], ...step })),
	];
	const connections = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { workflow: { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} }, path: `${webhookId}/webhook` };
}

/** An HTTP Request node that posts the item it receives to the sink, under `label`. */
function sinkStep(sinkUrl, label) {
	return {
		name: 'To sink',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${sinkUrl}/${label}`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify($json) }}',
			options: {},
		},
	};
}

function replyStep(credential, parameters) {
	return {
		name: 'Reply',
		type: NODE_TYPE,
		parameters: { resource: 'message', operation: 'reply', ...parameters },
		credentials: { weChatOfficialAccountApi: { id: credential.id, name: credential.name } },
	};
}

/** Collects what the workflows post, by label. */
async function startSink() {
	const received = new Map();
	const waiters = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			const label = req.url.slice(1);
			if (!received.has(label)) received.set(label, []);
			received.get(label).push(JSON.parse(body));
			res.end('{}');
			for (const waiter of waiters.splice(0)) waiter();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const sink = {
		url: `http://127.0.0.1:${server.address().port}`,
		items: (label) => received.get(label) ?? [],
		/** Waits until `label` has received `count` items (in all), or fails. */
		async waitFor(label, count, timeoutMs = 20_000) {
			const deadline = Date.now() + timeoutMs;
			while (sink.items(label).length < count) {
				if (Date.now() > deadline) throw new Error(`the sink got ${sink.items(label).length} of ${count} items for ${label}`);
				await new Promise((resolve) => {
					waiters.push(resolve);
					setTimeout(resolve, 200);
				});
			}
			return sink.items(label);
		},
		close: () => new Promise((resolve) => server.close(resolve)),
	};
	return sink;
}

/** Activates workflows while n8n is stopped: 1.x update:workflow, 2.x publish:workflow. */
async function activate(instance, workflowIds) {
	for (const id of workflowIds) {
		const args = instance.install.line === 1 ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`];
		const result = await instance.n8n(args);
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	}
}

/**
 * `n8n start` for an instance, ready when every trigger webhook in `probePaths` is registered
 * (a GET gets the trigger's 400 instead of n8n's 404).
 */
async function startServer(instance, logFile, probePaths) {
	const server = startProcess('n8n', path.join(instance.install.nodeBin, 'node'), [instance.install.n8n, 'start'], {
		env: instance.env,
		cwd: instance.userFolder,
		logFile,
	});
	const base = `http://127.0.0.1:${instance.env.N8N_PORT}`;
	await waitFor('n8n', () => server.log().includes('Editor is now accessible'), { timeoutMs: 180_000, process: server.child });
	// 2.x registers production webhooks after that line, one workflow after another.
	for (const probePath of [probePaths].flat()) {
		await waitFor('the production webhooks', async () => (await fetch(`${base}/webhook/${probePath}`)).status !== 404, { timeoutMs: 60_000, process: server.child });
	}
	return { ...server, base };
}

/** Executions per workflow and status, from n8n's SQLite database (n8n stopped). */
function executionCounts(instance) {
	const database = path.join(instance.userFolder, '.n8n', 'database.sqlite');
	const script = `
		const sqlite3 = require(${JSON.stringify(path.join(instance.install.dir, 'node_modules', 'sqlite3'))});
		const db = new sqlite3.Database(${JSON.stringify(database)}, sqlite3.OPEN_READONLY);
		db.all('SELECT "workflowId" AS workflow, status, COUNT(*) AS n FROM execution_entity GROUP BY 1, 2', (error, rows) => {
			if (error) throw error;
			process.stdout.write(JSON.stringify(rows));
		});`;
	const rows = JSON.parse(sh(path.join(instance.install.nodeBin, 'node'), ['-e', script]));
	const counts = {};
	for (const row of rows) counts[row.workflow] = { ...counts[row.workflow], [row.status]: row.n };
	return counts;
}

/**
 * Every check of the trigger on one n8n line. `instance` is a fresh user folder with the package
 * installed; `sim` the API simulator (its AppID is the account's). `alongside`: other parts that
 * need the running server, `{ workflowIds (to activate), run(server) }`, run after the trigger's.
 */
async function runTriggerChecks({ instance, sim, simulatorPath, baseUrl, workDir, check, alongside = [] }) {
	const label = `${instance.install.label}, trigger`;
	const { WeChatPushSender } = require(path.join(path.dirname(simulatorPath), 'push.js'));
	const sender = new WeChatPushSender({ ...PUSH_ACCOUNT, appId: sim.appId });
	const sink = await startSink();
	const credentials = {
		plaintext: pushCredential('wechatPushPlain1', 'WeChat push (plaintext)', sim, 'plaintext', baseUrl),
		compatible: pushCredential('wechatPushCompa1', 'WeChat push (compatible)', sim, 'compatible', baseUrl),
		safe: pushCredential('wechatPushSafe01', 'WeChat push (safe)', sim, 'safe', baseUrl),
	};
	const flows = {
		plain: triggerWorkflow({ id: 'wechatTrigPlain1', name: 'Trigger: plaintext', credential: credentials.plaintext, parameters: {}, steps: [sinkStep(sink.url, 'plain')] }),
		compatible: triggerWorkflow({
			id: 'wechatTrigCompa1',
			name: 'Trigger: compatible, follows, unfollows, clicks and texts only',
			credential: credentials.compatible,
			parameters: { events: ['event:subscribe', 'event:unsubscribe', 'event:CLICK', 'message:text'] },
			steps: [sinkStep(sink.url, 'compatible')],
		}),
		safe: triggerWorkflow({ id: 'wechatTrigSafe01', name: 'Trigger: safe', credential: credentials.safe, parameters: {}, steps: [sinkStep(sink.url, 'safe')] }),
		reply: triggerWorkflow({
			id: 'wechatTrigReply1',
			name: 'Trigger: safe, reply',
			credential: credentials.safe,
			triggerName: 'Inbox (renamed trigger)',
			parameters: { respond: 'replyOperation' },
			steps: [replyStep(credentials.safe, { replyType: 'text', text: '={{ "You said: " + $json.Content }}' })],
		}),
		failing: triggerWorkflow({
			id: 'wechatTrigFail01',
			name: 'Trigger: safe, reply, fails first',
			credential: credentials.safe,
			parameters: { respond: 'replyOperation' },
			steps: [
				{ name: 'Fail', type: 'n8n-nodes-base.stopAndError', parameters: { errorMessage: 'failing on purpose before the reply' } },
				replyStep(credentials.safe, { replyType: 'text', text: 'never sent' }),
			],
		}),
		silent: triggerWorkflow({
			id: 'wechatTrigQuiet1',
			name: 'Trigger: plaintext, reply mode, no reply',
			credential: credentials.plaintext,
			parameters: { respond: 'replyOperation' },
			steps: [{ name: 'Nothing', type: 'n8n-nodes-base.noOp', parameters: {} }],
		}),
	};
	/** Executions each workflow must have started by the end, counted as the checks run. */
	const expected = Object.fromEntries(Object.values(flows).map(({ workflow }) => [workflow.id, 0]));
	await instance.importCredentials(Object.values(credentials));
	await instance.importWorkflows(Object.values(flows).map(({ workflow }) => workflow));
	await activate(instance, [...Object.keys(expected), ...alongside.flatMap((part) => part.workflowIds ?? [])]);
	const server = await startServer(
		instance,
		path.join(workDir, `n8n-${instance.install.line}-server.log`),
		Object.values(flows).map((flow) => flow.path),
	);
	const secrets = [PUSH_ACCOUNT.token, PUSH_ACCOUNT.encodingAesKey, sim.appSecret];

	const url = (flow) => `${server.base}/webhook/${flow.path}`;
	const post = async (flow, request, contentType = 'text/xml') => {
		const response = await fetch(`${url(flow)}?${request.query}`, { method: 'POST', body: request.body, headers: { 'content-type': contentType }, signal: AbortSignal.timeout(30_000) });
		return { status: response.status, body: await response.text() };
	};
	const accepted = async (flow, request) => {
		const answer = await post(flow, request);
		assert.deepEqual(answer, { status: 200, body: 'success' });
		expected[flow.workflow.id]++;
	};
	const refused = async (flow, request, status, reason, contentType) => {
		const answer = await post(flow, request, contentType);
		assert.equal(answer.status, status, answer.body);
		if (reason) assert.match(answer.body, reason);
		for (const secret of secrets) assert.ok(!answer.body.includes(secret), 'a secret in the answer');
	};

	try {
		await check(`${label}: GET URL verification answers echostr; a wrong signature gets 403`, async () => {
			const good = await fetch(`${url(flows.safe)}?${sender.verification('5826358217393710937')}`);
			assert.equal(good.status, 200);
			assert.equal(await good.text(), '5826358217393710937');
			const bad = await fetch(`${url(flows.safe)}?${sender.verification('5826358217393710937', { signWithToken: 'notTheToken' })}`);
			assert.equal(bad.status, 403);
		});

		const follower = 'oE2eFollower00000000000000001';
		await check(`${label}: plaintext follow through a QR code, unfollow, text and menu click each start one execution`, async () => {
			const pushes = [
				sender.qrSubscribe(follower, 'booth-7'),
				sender.event(follower, 'unsubscribe'),
				sender.text(follower, 'hello from e2e'),
				sender.event(follower, 'CLICK', { EventKey: 'MENU_PRICES' }),
			];
			for (const push of pushes) await accepted(flows.plain, sender.push(push, { mode: 'plaintext' }));
			const items = await sink.waitFor('plain', 4);
			const subscribe = items.find((item) => item.Event === 'subscribe');
			assert.equal(subscribe.scene, 'booth-7');
			assert.equal(subscribe.openid, follower);
			assert.equal(subscribe.encrypted, false);
			assert.ok(items.some((item) => item.Event === 'unsubscribe'));
			assert.ok(items.some((item) => item.Event === 'CLICK' && item.EventKey === 'MENU_PRICES'));
			const text = items.find((item) => item.MsgType === 'text');
			assert.equal(text.Content, 'hello from e2e');
			assert.equal(text.MsgId, pushes[2].MsgId, '64-bit MsgId kept exact');
		});

		await check(`${label}: compatible mode: follow, unfollow, click and text read from the encrypted copy; an unselected event starts nothing`, async () => {
			for (const push of [
				sender.text(follower, '兼容模式 ✓'),
				sender.qrSubscribe(follower, '42'),
				sender.event(follower, 'unsubscribe'),
				sender.event(follower, 'CLICK', { EventKey: 'MENU_HELP' }),
			]) {
				await accepted(flows.compatible, sender.push(push, { mode: 'compatible' }));
			}
			const unselected = await post(flows.compatible, sender.push(sender.event(follower, 'VIEW', { EventKey: 'https://example.com' }), { mode: 'compatible' }));
			assert.deepEqual(unselected, { status: 200, body: 'success' });
			const items = await sink.waitFor('compatible', 4);
			assert.equal(items.find((item) => item.MsgType === 'text').Content, '兼容模式 ✓');
			assert.equal(items.find((item) => item.Event === 'subscribe').scene, '42');
			assert.equal(items.find((item) => item.Event === 'CLICK').EventKey, 'MENU_HELP');
			assert.ok(items.some((item) => item.Event === 'unsubscribe'));
			assert.ok(items.every((item) => item.encrypted === true));
		});

		await check(`${label}: safe mode: follow, text, click and unfollow decrypted; WeChat's retry starts no second execution`, async () => {
			const text = sender.text(follower, 'safe and sound');
			for (const push of [sender.qrSubscribe(follower, 'poster'), text, sender.event(follower, 'CLICK', { EventKey: 'K' }), sender.event(follower, 'unsubscribe')]) {
				await accepted(flows.safe, sender.push(push));
			}
			// The retry: same message, new nonce and signature, as WeChat sends it after 5 s.
			assert.deepEqual(await post(flows.safe, sender.push(text)), { status: 200, body: 'success' });
			const items = await sink.waitFor('safe', 4);
			assert.equal(items.filter((item) => item.Content === 'safe and sound').length, 1);
			assert.equal(items.find((item) => item.Event === 'subscribe').scene, 'poster');
		});

		await check(`${label}: forged signature, forged msg_signature, downgrades, stale timestamp, reused query: 403, no execution`, async () => {
			await refused(flows.plain, sender.push(sender.text(follower, 'forged'), { mode: 'plaintext', signWithToken: 'guessed' }), 403, /signature does not match/);
			await refused(flows.safe, sender.push(sender.text(follower, 'forged'), { msgSignature: '0'.repeat(40) }), 403, /msg_signature/);
			await refused(flows.safe, sender.push(sender.text(follower, 'downgrade'), { mode: 'plaintext' }), 403, /unencrypted message was refused/);
			const stale = Math.floor(Date.now() / 1000) - 3600;
			await refused(flows.safe, sender.push(sender.text(follower, 'replayed'), { timestamp: stale }), 403, /replay window/);
			await refused(flows.safe, sender.push(sender.text(follower, 'other app'), { encryptForAppId: 'wxSomeoneElse000' }), 403, /not valid for this credential/);
			await refused(flows.compatible, sender.push(sender.text(follower, 'downgrade'), { mode: 'plaintext' }), 403, /unencrypted message was refused/);
			// A query someone saw, reused with other content (the plain signature does not cover the body).
			const seen = sender.push(sender.text(follower, 'seen once'), { mode: 'plaintext' });
			await accepted(flows.plain, seen);
			await refused(flows.plain, { query: seen.query, body: seen.body.replace('seen once', 'forged').replace(/<MsgId>\d+/, '<MsgId>7') }, 403, /came before with another body/);
		});

		await check(`${label}: DOCTYPE, truncated XML, oversized body: 4xx, no execution; XML requests keep working after them`, async () => {
			const { query } = sender.push(sender.text(follower, 'x'), { mode: 'plaintext' });
			const doctype = '<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content></xml>';
			await refused(flows.plain, { query, body: doctype }, 400, /DOCTYPE/);
			// A truncated XML body wedges n8n's own XML parser for every later XML request; the
			// trigger keeps n8n from parsing its bodies, so it answers 400 and goes on working.
			const truncated = sender.push(sender.text(follower, 'cut'), { mode: 'plaintext' }).body.slice(0, 70);
			await refused(flows.plain, { query, body: truncated }, 400, /not WeChat's XML/);
			await refused(flows.plain, { query, body: '<xml><a>' }, 400, /not WeChat's XML/);
			await refused(flows.plain, sender.push(sender.text(follower, 'x'.repeat(300 * 1024)), { mode: 'plaintext' }), 413, /larger than 256 KiB/);
			await accepted(flows.plain, sender.push(sender.text(follower, 'still alive'), { mode: 'plaintext' }));
			await accepted(flows.safe, sender.push(sender.text(follower, 'safe still alive')));
			await sink.waitFor('plain', 6);
			await sink.waitFor('safe', 5);
		});

		await check(`${label}: a safe-mode text gets an encrypted reply from a renamed trigger, within the request`, async () => {
			const push = sender.text(follower, '你好, n8n');
			const started = Date.now();
			const answer = await post(flows.reply, sender.push(push));
			expected[flows.reply.workflow.id]++;
			assert.equal(answer.status, 200, answer.body);
			const { fields, signatureValid } = sender.readEncryptedReply(answer.body);
			assert.equal(signatureValid, true, 'MsgSignature of the reply');
			assert.equal(fields.Content, 'You said: 你好, n8n');
			assert.equal(fields.ToUserName, follower);
			assert.equal(fields.FromUserName, sender.originalId);
			assert.equal(fields.MsgType, 'text');
			log(`    reply received after ${Date.now() - started} ms`);
		});

		await check(`${label}: reply mode: a failing execution and one without a reply still answer WeChat with an empty 200`, async () => {
			const failed = await post(flows.failing, sender.push(sender.text(follower, 'make it fail')));
			expected[flows.failing.workflow.id]++;
			assert.deepEqual(failed, { status: 200, body: '' });
			const silent = await post(flows.silent, sender.push(sender.text(follower, 'no answer'), { mode: 'plaintext' }));
			expected[flows.silent.workflow.id]++;
			assert.deepEqual(silent, { status: 200, body: '' });
		});

		// Other checks that need n8n as a server (the credential test over REST, MCP) share it.
		for (const part of alongside) await part.run(server);

		await check(`${label}: the server log holds no Token, EncodingAESKey or AppSecret`, async () => {
			for (const secret of secrets) assert.ok(!server.log().includes(secret), `a secret (${secret.slice(0, 4)}…) in n8n's log`);
			assert.match(server.log(), /refused a request \(HTTP 403\): The msg_signature does not match/);
		});
	} finally {
		// Let the last executions finish before stopping, so the database has them all.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await server.stop();
		await sink.close();
	}

	await check(`${label}: n8n's database holds exactly one execution per accepted push, none for refused ones`, async () => {
		const counts = executionCounts(instance);
		for (const [workflowId, count] of Object.entries(expected)) {
			const statuses = counts[workflowId] ?? {};
			const total = Object.values(statuses).reduce((sum, n) => sum + n, 0);
			assert.equal(total, count, `${workflowId}: ${JSON.stringify(statuses)}`);
		}
		assert.deepEqual(counts[flows.failing.workflow.id], { error: 1 });
	});
}

module.exports = { runTriggerChecks, triggerWorkflow, replyStep, pushCredential, activate, startServer, PUSH_ACCOUNT, TRIGGER_TYPE };
