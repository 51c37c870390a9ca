#!/usr/bin/env node
// `npm run demo`: the packed package inside a real n8n, pulling 23,000 followers (the size of the
// WeChat documentation's own example) from the bundled simulator, then n8n as a server with an
// active trigger workflow that answers a follow and a text, pushed as WeChat pushes them.
//   npm run demo                 n8n 1.x, execute the demo workflow, print a summary
//   npm run demo -- --n8n=2      the same on n8n 2.x (Node 24, from the npm registry)
//   npm run demo -- --ui         keep n8n running and print the editor URL (loopback)
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { LINES, ROOT, ensureN8n, packPackage, createInstance, followersWorkflow, nodeOutput, runError, log, sh, duration } = require('./lib');
const { PUSH_ACCOUNT, activate, pushCredential, startServer } = require('./trigger');

const FOLLOWERS = Number(process.env.DEMO_FOLLOWERS || 23_000);
const STEPS = 8;
let stepNumber = 0;

/**
 * One line per step on stderr: what runs and how long it usually takes (measured on 2 cores),
 * completed with the time it took. Results go to stdout.
 */
async function step(title, expected, body) {
	stepNumber++;
	const started = Date.now();
	process.stderr.write(`[demo] ${stepNumber}/${STEPS} ${title} (${expected})... `);
	const result = await body();
	process.stderr.write(`${duration(Date.now() - started)}\n`);
	return result;
}

async function main() {
	const ui = process.argv.includes('--ui');
	const line = Number((process.argv.find((arg) => arg.startsWith('--n8n=')) || '--n8n=1').slice(6));
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-demo-'));
	const demoStarted = Date.now();
	await step('compiling the WeChat simulator', 'about 30 s', () => sh('npx', ['tsc', '-p', 'tsconfig.json', '--outDir', '.tout'], { cwd: ROOT }));
	const { WeChatSimulator } = require(path.join(ROOT, '.tout', 'test', 'simulator', 'simulator.js'));
	const tarball = await step('building and packing the package', 'about 25 s', () => packPackage(workDir));
	// The install, when there is one, prints its own lines: this step's line ends first.
	stepNumber++;
	process.stderr.write(`[demo] ${stepNumber}/${STEPS} n8n ${line === 2 ? '2.41.1' : '1.123.81'} from the cache (installed there the first time: ${LINES[line].installTime})\n`);
	const install = ensureN8n(line);
	const instance = await step('installing the package into a fresh n8n user folder', 'about 5 s', () => createInstance(install, tarball, workDir));

	const sim = new WeChatSimulator({ followers: FOLLOWERS });
	const baseUrl = await sim.start();
	try {
		const credential = { id: 'wechatDemoCred01', name: 'WeChat simulator (demo)' };
		stepNumber++;
		process.stderr.write(`[demo] ${stepNumber}/${STEPS} importing the credentials and three workflows into n8n (about 30 s)... `);
		const importStarted = Date.now();
		await instance.importCredentials([
			{ ...credential, type: 'weChatOfficialAccountApi', data: { appId: sim.appId, appSecret: sim.appSecret, apiDomain: 'custom', baseUrl } },
		]);
		const workflow = followersWorkflow('wechatDemoFlow01', 'WeChat followers (demo)', credential, { returnAll: true });
		// The example workflow: follows and texts start it; it answers both at once, encrypted like
		// the pushes (Safe Mode).
		const push = pushCredential('wechatDemoPush01', 'WeChat simulator push (demo)', sim, 'safe', baseUrl);
		const replies = exampleWorkflow('wechat-welcome-and-reply.json', 'wechatDemoTrig01', push);
		const notices = exampleWorkflow('wechat-template-to-followers.json', 'wechatDemoTmpl01', credential).workflow;
		await instance.importCredentials([push]);
		await instance.importWorkflows([workflow, replies.workflow, notices]);
		await activate(instance, [replies.workflow.id]);
		process.stderr.write(`${duration(Date.now() - importStarted)}\n`);

		if (ui) {
			const url = `http://127.0.0.1:${instance.env.N8N_PORT}/workflow/${workflow.id}`;
			log(`starting ${install.label}; the simulator serves ${FOLLOWERS} followers on ${baseUrl}`);
			log(`the trigger workflow ${replies.workflow.id} is active on http://127.0.0.1:${instance.env.N8N_PORT}/webhook/${replies.path}`);
			const child = require('node:child_process').spawn(path.join(install.nodeBin, 'node'), [install.n8n, 'start'], {
				env: instance.env,
				stdio: ['ignore', 'pipe', 'inherit'],
			});
			child.stdout.on('data', (chunk) => {
				process.stdout.write(chunk);
				if (String(chunk).includes('Editor is now accessible')) {
					console.log(
						`\nOpen ${url}\n(create the owner account on first visit), then "Execute workflow". Ctrl+C stops n8n and the simulator.\n`,
					);
				}
			});
			const stop = () => child.kill('SIGTERM');
			process.on('SIGINT', stop);
			process.on('SIGTERM', stop);
			await new Promise((resolve) => child.on('close', resolve));
			return;
		}

		const result = await step(`running the workflow that gets ${FOLLOWERS} followers (n8n execute)`, 'about 10 s', () => instance.execute(workflow.id));
		const received = nodeOutput(result.run, 'Received').map((item) => item.json.openid);
		const wechatRun = result.run?.data?.resultData?.runData?.['WeChat Official Account']?.[0];
		if (result.code !== 0 || !result.run) {
			console.error(JSON.stringify(runError(result.run) ?? result.stderr.slice(-2000), null, 2));
			throw new Error('the demo workflow failed');
		}
		console.log(
			[
				'',
				`${install.label}: workflow "Start -> WeChat Official Account -> Received"`,
				`  followers received  ${received.length} (distinct: ${new Set(received).size}, expected ${FOLLOWERS})`,
				`  user/get pages      ${sim.requests('/cgi-bin/user/get').length}`,
				`  token calls         ${sim.tokenCalls().length}`,
				`  node time           ${wechatRun?.executionTime ?? '?'} ms (as n8n recorded it)`,
				`  whole run           ${(result.ms / 1000).toFixed(1)} s (n8n start-up included)`,
				`  first item          ${JSON.stringify(received.length ? { openid: received[0] } : null)}`,
				'',
			].join('\n'),
		);
		if (received.length !== FOLLOWERS || new Set(received).size !== FOLLOWERS) throw new Error('not every follower arrived exactly once');

		await templateDemo(instance, install, sim, notices);

		await triggerDemo(instance, install, sim, replies, workDir);
		process.stderr.write(`[demo] finished in ${duration(Date.now() - demoStarted)}\n`);
	} finally {
		await sim.stop();
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}

/** An example workflow from examples/ with an ID and this credential; its trigger's webhook path. */
function exampleWorkflow(file, id, credential) {
	const workflow = { ...JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8')), id, active: false };
	for (const node of workflow.nodes) if (node.credentials) node.credentials.weChatOfficialAccountApi = { id: credential.id, name: credential.name };
	const trigger = workflow.nodes.find((node) => node.webhookId);
	return { workflow, path: trigger ? `${trigger.webhookId}/webhook` : undefined };
}

/** The example "template message to followers": every message delivered once, counted by the simulator. */
async function templateDemo(instance, install, sim, notices) {
	const before = sim.callCount('/cgi-bin/message/template/send');
	const result = await step('running the example workflow that sends 200 template messages', 'about 10 s', () => instance.execute(notices.id));
	if (result.code !== 0 || !result.run) {
		console.error(JSON.stringify(runError(result.run) ?? result.stderr.slice(-2000), null, 2));
		throw new Error('the template example failed');
	}
	const sent = nodeOutput(result.run, 'Send order shipped');
	const delivered = sim.messaging.deliveryCounts();
	const run = result.run.data.resultData.runData['Send order shipped'][0];
	console.log(
		[
			`${install.label}: workflow "${notices.name}" (examples/)`,
			`  messages sent        ${sent.filter((item) => item.json.msgid).length} of ${sent.length} items, 5 in flight`,
			`  followers reached    ${delivered.size}, each exactly once: ${[...delivered.values()].every((count) => count === 1)}`,
			`  template/send calls  ${sim.callCount('/cgi-bin/message/template/send') - before}`,
			`  node time            ${run.executionTime} ms`,
			`  first item           ${JSON.stringify(sent[0]?.json)}`,
			'',
		].join('\n'),
	);
	if (delivered.size !== sent.length || [...delivered.values()].some((count) => count !== 1)) throw new Error('a template message was lost or doubled');
}

/** n8n as a server with the trigger workflow active; pushes as WeChat sends them, replies read back. */
async function triggerDemo(instance, install, sim, replies, workDir) {
	const { WeChatPushSender } = require(path.join(ROOT, '.tout', 'test', 'simulator', 'push.js'));
	const sender = new WeChatPushSender({ ...PUSH_ACCOUNT, appId: sim.appId });
	const server = await step('starting n8n as a server with the trigger workflow active', 'about 15 s', () =>
		startServer(instance, path.join(workDir, 'n8n-server.log'), replies.path),
	);
	const url = `${server.base}/webhook/${replies.path}`;
	const post = async (request) => {
		const started = Date.now();
		const response = await fetch(`${url}?${request.query}`, { method: 'POST', body: request.body, headers: { 'content-type': 'text/xml' } });
		return { status: response.status, body: await response.text(), ms: Date.now() - started };
	};
	const reply = async (push) => {
		const answer = await post(sender.push(push));
		if (answer.status !== 200) throw new Error(`the trigger answered HTTP ${answer.status}: ${answer.body}`);
		const { fields, signatureValid } = sender.readEncryptedReply(answer.body);
		if (!signatureValid) throw new Error('the reply is not signed correctly');
		return `reply "${fields.Content}" (encrypted, ${answer.ms} ms)`;
	};
	try {
		const verification = await fetch(`${url}?${sender.verification('1234567890')}`);
		const echoed = (await verification.text()) === '1234567890';
		const follower = 'oDemoFollower0000000000000001';
		const lines = [
			`${install.label}: workflow "${replies.workflow.name}" (examples/), Safe Mode, production URL`,
			`  URL verification (GET)   ${echoed ? 'echostr returned' : `HTTP ${verification.status}`}`,
			`  follow via QR "booth-7"  ${await reply(sender.qrSubscribe(follower, 'booth-7'))}`,
			`  text "价格是多少？"        ${await reply(sender.text(follower, '价格是多少？'))}`,
			`  forged signature         HTTP ${(await post(sender.push(sender.text(follower, 'x'), { signWithToken: 'guessed' }))).status}, no execution`,
		];
		console.log(`${lines.join('\n')}\n`);
		if (!echoed) throw new Error('URL verification failed');
	} finally {
		await server.stop();
	}
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
