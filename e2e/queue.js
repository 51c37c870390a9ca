#!/usr/bin/env node
// Queue mode: n8n with PostgreSQL, Redis, one main instance and two workers, each process with the
// packed package installed, sharing one encryption key. A webhook-started workflow (Webhook ->
// WeChat Official Account -> Respond to Webhook) is fired several times at once against the
// simulator, also while the token expires and while another system takes the classic token.
// Usage: node e2e/queue.js [--lines=1,2]
// Needs Debian's postgresql and redis-server: as root it installs them with apt-get; otherwise,
// without them, it says so and skips, except under CI (CI=true), where that is a failure.
'use strict';

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { LINES, ROOT, NODE_TYPE, ensureN8n, packPackage, createInstance, freePort, checkRunner, assertNoSecret, log, sh } = require('./lib');
const { installMissingServices, temporaryDir, startPostgres, startRedis, startProcess, waitFor } = require('./services');
const { PUSH_ACCOUNT, pushCredential, replyStep, triggerWorkflow } = require('./trigger');

const FOLLOWERS = 12_000;
const PAGE_SIZE = 1_000;
const CONCURRENT = 8;
const WORKER_CONCURRENCY = 2;

const runner = checkRunner();
const { check } = runner;

/**
 * Webhook (POST /webhook/<path>) -> WeChat Official Account (all followers) -> Respond to Webhook
 * with the number of followers and a SHA-256 of their OpenIDs in order: equal to the simulator's
 * list means every follower exactly once. (Responding with the items themselves would send
 * megabytes through Redis pub/sub; see the README's queue-mode section.)
 */
function webhookWorkflow(id, webhookPath, credential) {
	return {
		id,
		name: `Queue mode: ${webhookPath}`,
		active: false,
		nodes: [
			{
				id: `${id}-hook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: crypto.randomUUID(),
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'responseNode', options: {} },
			},
			{
				id: `${id}-wechat`,
				name: 'WeChat Official Account',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'follower', operation: 'getAll', returnAll: true },
				credentials: { weChatOfficialAccountApi: { id: credential.id, name: credential.name } },
			},
			{
				id: `${id}-respond`,
				name: 'Respond',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1.1,
				position: [440, 0],
				parameters: {
					respondWith: 'json',
					responseBody:
						"={{ JSON.stringify({ count: $input.all().length, digest: $input.all().map(item => item.json.openid).join(',').hash('sha256') }) }}",
					options: {},
				},
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'WeChat Official Account', type: 'main', index: 0 }]] },
			'WeChat Official Account': { main: [[{ node: 'Respond', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** How many executions each worker has started so far, from its log. */
function jobsPerWorker(workers) {
	return workers.map((worker) => (worker.log().match(/Worker started execution/g) ?? []).length);
}

async function runLine(line, tarball, workDir, simulatorModule, services) {
	const install = ensureN8n(line);
	const label = `${install.label}, queue mode`;
	log(label);
	const sim = new simulatorModule.WeChatSimulator({ followers: FOLLOWERS, pageSize: PAGE_SIZE, latencyMs: 5 });
	const baseUrl = await sim.start();
	const database = `n8n_queue_${line}`;
	services.postgres.createDatabase(database);

	// One user folder per process, each with the package installed, as on separate machines.
	const instances = [];
	for (const role of ['main', 'worker-1', 'worker-2']) {
		const instance = await createInstance(install, tarball, workDir);
		Object.assign(instance.env, {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(services.postgres.port),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(services.redis.port),
			QUEUE_BULL_PREFIX: `wechat-queue-${line}`,
			QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_ROLE: role,
		});
		instances.push(instance);
	}
	const [mainInstance, ...workerInstances] = instances;
	const processes = [];
	runner.afterFailure = () => {
		for (const proc of processes) log(`  last lines of ${proc.name}:\n${proc.log().split('\n').slice(-15).join('\n').replace(/^/gm, '       ')}`);
	};
	const stable = { id: 'wechatQueueStab1', name: 'WeChat simulator (stable token)' };
	const classic = { id: 'wechatQueueClas1', name: 'WeChat simulator (classic token)' };
	const common = { appId: sim.appId, appSecret: sim.appSecret, apiDomain: 'custom', baseUrl };
	const secrets = () => [sim.appSecret, PUSH_ACCOUNT.token, PUSH_ACCOUNT.encodingAesKey, ...sim.issuedTokens()];
	try {
		await mainInstance.importCredentials([
			{ ...stable, type: 'weChatOfficialAccountApi', data: { ...common, grantEndpoint: 'stable' } },
			{ ...classic, type: 'weChatOfficialAccountApi', data: { ...common, grantEndpoint: 'classic' } },
		]);
		// The trigger in reply mode: a worker runs the execution, the main instance holds WeChat's request.
		const push = pushCredential('wechatQueuePush1', 'WeChat push (safe)', sim, 'safe', baseUrl);
		await mainInstance.importCredentials([push]);
		const replyFlow = triggerWorkflow({
			id: 'wechatQueueRply1',
			name: 'Queue mode: reply',
			credential: push,
			triggerName: 'Messages',
			parameters: { respond: 'replyOperation' },
			steps: [replyStep(push, { replyType: 'text', text: '={{ "Worker says: " + $json.Content }}' })],
		});
		const failingFlow = triggerWorkflow({
			id: 'wechatQueueFail1',
			name: 'Queue mode: reply, fails first',
			credential: push,
			parameters: { respond: 'replyOperation' },
			steps: [
				{ name: 'Fail', type: 'n8n-nodes-base.stopAndError', parameters: { errorMessage: 'failing on purpose before the reply' } },
				replyStep(push, { replyType: 'text', text: 'never sent' }),
			],
		});
		const workflows = [
			webhookWorkflow('wechatQueueStab1', `wechat-stable-${line}`, stable),
			webhookWorkflow('wechatQueueClas1', `wechat-classic-${line}`, classic),
			replyFlow.workflow,
			failingFlow.workflow,
		];
		await mainInstance.importWorkflows(workflows);
		for (const workflow of workflows) {
			// 1.x activates with update:workflow; 2.x publishes the current version.
			const args = line === 1 ? ['update:workflow', `--id=${workflow.id}`, '--active=true'] : ['publish:workflow', `--id=${workflow.id}`];
			const result = await mainInstance.n8n(args);
			if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
		}

		const n8nProcess = (instance, role, args) =>
			startProcess(role, path.join(install.nodeBin, 'node'), [install.n8n, ...args], {
				env: instance.env,
				cwd: instance.userFolder,
				logFile: path.join(workDir, `${line}-${role}.log`),
			});
		const mainProcess = n8nProcess(mainInstance, 'main', ['start']);
		processes.push(mainProcess);
		const workerProcesses = workerInstances.map((instance, index) => n8nProcess(instance, `worker-${index + 1}`, ['worker', `--concurrency=${WORKER_CONCURRENCY}`]));
		processes.push(...workerProcesses);
		await waitFor('n8n main', () => mainProcess.log().includes('Editor is now accessible'), { timeoutMs: 180_000, process: mainProcess.child });
		for (const worker of workerProcesses) {
			await waitFor(`n8n ${worker.name}`, () => worker.log().includes('n8n worker is now ready'), { timeoutMs: 180_000, process: worker.child });
		}

		const webhookUrl = (webhookPath) => `http://127.0.0.1:${mainInstance.env.N8N_PORT}/webhook/${webhookPath}`;
		/** One execution through the webhook: the followers it answered with. */
		const fire = async (webhookPath) => {
			const response = await fetch(webhookUrl(webhookPath), { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(180_000) });
			const text = await response.text();
			assert.equal(response.status, 200, `HTTP ${response.status}: ${text.slice(0, 500)}`);
			assertNoSecret(text, secrets());
			return JSON.parse(text);
		};
		/**
		 * CONCURRENT executions at once: each must return every follower exactly once, and both
		 * workers must have run some of them.
		 */
		const fireAll = async (webhookPath) => {
			const before = jobsPerWorker(workerProcesses);
			assertEveryFollowerOnce(await Promise.all(Array.from({ length: CONCURRENT }, () => fire(webhookPath))));
			const ran = jobsPerWorker(workerProcesses).map((count, index) => count - before[index]);
			assert.ok(ran.every((count) => count > 0), `both workers ran executions (${ran.join(' + ')})`);
		};
		const expected = { count: FOLLOWERS, digest: crypto.createHash('sha256').update(sim.allFollowers().join(',')).digest('hex') };
		const assertEveryFollowerOnce = (answers) => {
			for (const answer of answers) assert.deepEqual(answer, expected, 'an execution did not return every follower exactly once, in order');
		};
		/** The tokens of the successful user/get calls since the log was cleared. */
		const tokensUsed = () => new Set(sim.requests('/cgi-bin/user/get').filter((entry) => entry.errcode === 0).map((entry) => entry.query.access_token));

		// The main instance registers the production webhooks once it is up; retry until then. The
		// trigger's GET answers 400 (no signature) once registered, 404 before: a probe that tells.
		await waitFor('the production webhooks', async () => (await fetch(webhookUrl(replyFlow.path))).status !== 404, {
			timeoutMs: 60_000,
			process: mainProcess.child,
		});

		await check(`${label}: the first execution fetches the token once and stores it for every process`, async () => {
			sim.clearLog();
			assertEveryFollowerOnce([await fire(`wechat-stable-${line}`)]);
			assert.equal(sim.tokenCalls().length, 1);
		});

		await check(`${label}: ${CONCURRENT} executions at once on both workers share the stored stable token`, async () => {
			sim.clearLog();
			await fireAll(`wechat-stable-${line}`);
			assert.equal(sim.tokenCalls().length, 0, 'no process fetched a token of its own');
			assert.equal(tokensUsed().size, 1);
		});

		await check(`${label}: a token one worker refreshed is used by the other worker without a token call`, async () => {
			sim.advanceClock(7_201_000);
			sim.clearLog();
			assertEveryFollowerOnce([await fire(`wechat-stable-${line}`)]);
			assert.equal(sim.tokenCalls().length, 1, 'the expired token is refreshed once');
			const [refreshed] = tokensUsed();
			sim.clearLog();
			await fireAll(`wechat-stable-${line}`);
			assert.equal(sim.tokenCalls().length, 0, 'every worker read the refreshed token from the credential store');
			assert.deepEqual([...tokensUsed()], [refreshed]);
			assert.ok(sim.requests('/cgi-bin/user/get').every((entry) => entry.errcode === 0), 'no call was made with the expired token');
		});

		await check(`${label}: the token expires while ${CONCURRENT} executions run: none fails, all move to one new token`, async () => {
			sim.clearLog();
			sim.when('/cgi-bin/user/get', sim.callCount('/cgi-bin/user/get') + 3 * CONCURRENT, () => sim.advanceClock(7_201_000));
			await fireAll(`wechat-stable-${line}`);
			const calls = sim.requests('/cgi-bin/user/get');
			const firstExpired = calls.findIndex((entry) => entry.errcode === 42001);
			assert.ok(firstExpired >= 0, 'the token expired during the run');
			const after = new Set(calls.slice(firstExpired).filter((entry) => entry.errcode === 0).map((entry) => entry.query.access_token));
			assert.equal(after.size, 1, 'the stable token endpoint gave every worker the same new token');
			assert.ok(sim.tokenCalls().length <= CONCURRENT, `token calls: ${sim.tokenCalls().length}`);
		});

		await check(`${label}: another system takes the classic token while ${CONCURRENT} executions run: none fails`, async () => {
			sim.clearLog();
			assertEveryFollowerOnce([await fire(`wechat-classic-${line}`)]);
			sim.clearLog();
			// Harsher than WeChat, which keeps the old token valid for 5 minutes: ours stops at once.
			sim.when('/cgi-bin/user/get', sim.callCount('/cgi-bin/user/get') + 3 * CONCURRENT, () => sim.anotherSystemTakesClassicToken(0));
			await fireAll(`wechat-classic-${line}`);
			assert.ok(sim.requests('/cgi-bin/user/get').some((entry) => entry.errcode === 40001), 'the token was taken during the run');
		});

		const { WeChatPushSender } = require(path.join(ROOT, '.tout', 'test', 'simulator', 'push.js'));
		const sender = new WeChatPushSender({ ...PUSH_ACCOUNT, appId: sim.appId });
		const postPush = async (flow, request) => {
			const response = await fetch(`${webhookUrl(flow.path)}?${request.query}`, { method: 'POST', body: request.body, headers: { 'content-type': 'text/xml' }, signal: AbortSignal.timeout(30_000) });
			return { status: response.status, body: await response.text() };
		};

		await check(`${label}: a worker runs the trigger's execution and its encrypted reply reaches WeChat's request`, async () => {
			const before = jobsPerWorker(workerProcesses);
			const answers = await Promise.all(
				['一', 'two', 'three', 'four'].map((text) => postPush(replyFlow, sender.push(sender.text('oQueueFollower000000000000001', text)))),
			);
			for (const [index, text] of ['一', 'two', 'three', 'four'].entries()) {
				assert.equal(answers[index].status, 200, answers[index].body);
				const { fields, signatureValid } = sender.readEncryptedReply(answers[index].body);
				assert.equal(signatureValid, true);
				assert.equal(fields.Content, `Worker says: ${text}`);
				assert.equal(fields.ToUserName, 'oQueueFollower000000000000001');
			}
			const ran = jobsPerWorker(workerProcesses).map((count, index) => count - before[index]);
			assert.equal(ran.reduce((sum, count) => sum + count, 0), 4, `executions on the workers: ${ran.join(' + ')}`);
		});

		await check(`${label}: an execution that fails on a worker before its reply still answers WeChat with an empty 200`, async () => {
			assert.deepEqual(await postPush(failingFlow, sender.push(sender.text('oQueueFollower000000000000001', 'fail'))), { status: 200, body: '' });
		});

		await check(`${label}: every n8n process is still running, no secret in any process log`, async () => {
			for (const proc of processes) {
				assert.equal(proc.child.exitCode, null, `${proc.name} exited`);
				assertNoSecret(proc.log(), secrets());
			}
		});
	} finally {
		// Workers first, so no job is left half-done when the main instance goes.
		for (const proc of processes.reverse()) await proc.stop();
		await sim.stop();
	}
}

async function main() {
	const missing = installMissingServices(log);
	if (missing.length > 0) {
		const message = `queue mode: needs ${missing.join(' and ')} (Debian: apt-get install ${missing.join(' ')}, as root)`;
		if (process.env.CI === 'true') throw new Error(message);
		console.log(`${message}; skipped.\nqueue: 0 passed, 0 failed, 1 skipped`);
		return;
	}
	const linesArg = process.argv.find((arg) => arg.startsWith('--lines='));
	const lines = linesArg ? linesArg.slice('--lines='.length).split(',').map(Number) : Object.keys(LINES).map(Number);
	const workDir = process.env.WECHAT_E2E_KEEP === '1' ? fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-queue-')) : temporaryDir('wechat-queue-');
	const services = {};
	try {
		sh('npx', ['tsc', '-p', 'tsconfig.json', '--outDir', '.tout'], { cwd: ROOT });
		const simulatorModule = require(path.join(ROOT, '.tout', 'test', 'simulator', 'simulator.js'));
		const tarball = packPackage(workDir);
		services.postgres = await startPostgres(await freePort(), workDir);
		services.redis = await startRedis(await freePort(), workDir);
		log(`PostgreSQL (pid ${services.postgres.pid}) and Redis (pid ${services.redis.pid}) on 127.0.0.1`);
		for (const line of lines) await runLine(line, tarball, workDir, simulatorModule, services);
	} finally {
		await services.redis?.stop();
		await services.postgres?.stop();
		// WECHAT_E2E_KEEP=1 keeps the logs of every process for a look after a failure.
		if (process.env.WECHAT_E2E_KEEP === '1') log(`kept ${workDir}`);
	}
	runner.summary('queue');
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
