// Section 5 of the benchmark: the trigger inside real n8n (safe mode: signature, msg_signature,
// AES, XML) against n8n's own Webhook node receiving the same requests, and what an event the
// trigger is not listening for costs. Both workflows end in the same HTTP Request to a sink, so
// "processed" counts executions that ran to the end.
'use strict';

const crypto = require('node:crypto');
const http = require('node:http');
const path = require('node:path');

const { createInstance, ensureN8n, log } = require('../e2e/lib');
const { PUSH_ACCOUNT, activate, pushCredential, startServer, triggerWorkflow } = require('../e2e/trigger');

/** Sends every request with at most `concurrency` in flight; returns acknowledgement latencies. */
async function fire(url, requests, concurrency, expectBody) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const latencies = [];
	let next = 0;
	const one = (request) =>
		new Promise((resolve, reject) => {
			const started = process.hrtime.bigint();
			const req = http.request(`${url}?${request.query}`, { method: 'POST', agent, headers: { 'content-type': 'text/xml' } }, (res) => {
				let body = '';
				res.on('data', (chunk) => (body += chunk));
				res.on('end', () => {
					if (res.statusCode !== 200 || (expectBody && body !== expectBody)) reject(new Error(`HTTP ${res.statusCode}: ${body.slice(0, 200)}`));
					else resolve(Number(process.hrtime.bigint() - started) / 1e6);
				});
			});
			req.on('error', reject);
			req.end(request.body);
		});
	const started = process.hrtime.bigint();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < requests.length) latencies.push(await one(requests[next++]));
		}),
	);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	agent.destroy();
	return { latencies, seconds };
}

function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Counts what the workflows post; resolves when `count` arrived. */
async function startCounter() {
	let count = 0;
	const waiters = [];
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			count++;
			res.end('{}');
			for (const waiter of waiters.filter((w) => count >= w.count)) waiter.resolve();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/done`,
		reset: () => (count = 0),
		until: (target, timeoutMs = 300_000) =>
			count >= target
				? Promise.resolve()
				: new Promise((resolve, reject) => {
						const timer = setTimeout(() => reject(new Error(`only ${count} of ${target} executions finished`)), timeoutMs);
						waiters.push({ count: target, resolve: () => (clearTimeout(timer), resolve()) });
					}),
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

const countStep = (url) => ({
	name: 'Done',
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	parameters: { method: 'POST', url, options: {} },
});

/**
 * Each line as installed; n8n 2.x also with its legacy expression engine, to show what the
 * isolate n8n acquires per request costs (n8n skips it for its own Webhook node only).
 */
function variantsOf(lines) {
	return lines.flatMap((line) => (line === 2 ? [{ line }, { line, legacyExpressions: true }] : [{ line }]));
}

async function triggerBench(compiled, tarball, workDir, results, { lines, events, concurrency }) {
	const { WeChatSimulator } = require(path.join(compiled, 'test', 'simulator', 'simulator.js'));
	const { WeChatPushSender } = require(path.join(compiled, 'test', 'simulator', 'push.js'));
	results.trigger = [];
	for (const { line, legacyExpressions } of variantsOf(lines)) {
		const install = ensureN8n(line);
		const instance = await createInstance(install, tarball, workDir);
		if (legacyExpressions) instance.env.N8N_EXPRESSION_ENGINE = 'legacy';
		const label = `${install.label}${legacyExpressions ? ', N8N_EXPRESSION_ENGINE=legacy' : ''}`;
		const sim = new WeChatSimulator({ followers: 0 });
		const baseUrl = await sim.start();
		const counter = await startCounter();
		const sender = new WeChatPushSender({ ...PUSH_ACCOUNT, appId: sim.appId });
		const credential = pushCredential('wechatBenchPush1', 'WeChat push (bench)', sim, 'safe', baseUrl);
		await instance.importCredentials([credential]);
		const trigger = triggerWorkflow({ id: 'wechatBenchTrig1', name: 'Bench: trigger', credential, parameters: {}, steps: [countStep(counter.url)] });
		const unselected = triggerWorkflow({ id: 'wechatBenchUnsl1', name: 'Bench: trigger, follows only', credential, parameters: { events: ['event:subscribe'] }, steps: [countStep(counter.url)] });
		const webhookPath = `bench-${crypto.randomUUID()}`;
		const webhook = {
			id: 'wechatBenchHook1',
			name: "Bench: n8n's Webhook node",
			active: false,
			nodes: [
				{ id: 'h1', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: crypto.randomUUID(), parameters: { httpMethod: 'POST', path: webhookPath, options: {} } },
				{ id: 'h2', position: [220, 0], ...countStep(counter.url) },
			],
			connections: { Webhook: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
			pinData: {},
		};
		await instance.importWorkflows([trigger.workflow, unselected.workflow, webhook]);
		await activate(instance, [trigger.workflow.id, unselected.workflow.id, webhook.id]);
		const server = await startServer(instance, path.join(workDir, `bench-trigger-${line}${legacyExpressions ? '-legacy' : ''}.log`), [trigger.path, unselected.path]);
		try {
			// Every request a distinct text message (WeChat's retries would be answered without an execution).
			const texts = (count) => Array.from({ length: count }, (_, i) => sender.push(sender.text(`oBench${String(i).padStart(23, '0')}`, `message ${i}`)));
			const scenarios = [
				['WeChat trigger (safe mode)', `${server.base}/webhook/${trigger.path}`, 'success', true],
				["n8n's Webhook node (same requests)", `${server.base}/webhook/${webhookPath}`, undefined, true],
				['WeChat trigger, event not selected', `${server.base}/webhook/${unselected.path}`, 'success', false],
			];
			for (const [name, url, expectBody, executes] of scenarios) {
				await fire(url, texts(100), concurrency, expectBody); // warm-up
				if (executes) await counter.until(100);
				counter.reset();
				const requests = texts(events);
				const started = process.hrtime.bigint();
				const { latencies, seconds } = await fire(url, requests, concurrency, expectBody);
				if (executes) await counter.until(events);
				const processedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
				const entry = {
					line: label,
					scenario: name,
					events,
					concurrency,
					acknowledgedPerSecond: events / seconds,
					processedPerSecond: executes ? events / processedSeconds : undefined,
					latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
				};
				results.trigger.push(entry);
				log(`${label} ${name}: ${entry.acknowledgedPerSecond.toFixed(0)} acknowledged/s, ${executes ? `${entry.processedPerSecond.toFixed(0)} executions/s, ` : ''}p50 ${entry.latencyMs.p50.toFixed(1)} ms, p99 ${entry.latencyMs.p99.toFixed(1)} ms`);
				counter.reset();
			}
		} finally {
			await server.stop();
			await counter.close();
			await sim.stop();
		}
	}
}

/** "trigger executions / Webhook node executions" per row label, as a sentence. */
function ratios(entries) {
	const parts = [];
	for (const trigger of entries.filter((e) => e.scenario.startsWith('WeChat trigger (safe'))) {
		const webhook = entries.find((e) => e.line === trigger.line && e.scenario.startsWith("n8n's Webhook"));
		if (webhook) parts.push(`${((trigger.processedPerSecond / webhook.processedPerSecond) * 100).toFixed(0)}% on ${trigger.line}`);
	}
	return parts.length ? `The trigger's executions per second, relative to the Webhook node's: ${parts.join(', ')}.` : '';
}

function triggerReport(entries) {
	if (!entries?.length) return [];
	const f = (n) => (n === undefined ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
	const [first] = entries;
	const lines = ['', '## 5. Trigger: pushes through real n8n (`n8n start`, production URL)', ''];
	lines.push(
		`${first.events.toLocaleString('en')} distinct safe-mode text messages, ${first.concurrency} in flight, after 100 for warm-up, sent to: the WeChat trigger (signature, msg_signature, AES-256-CBC, XML; "success" once n8n has started the execution); n8n's Webhook node (POST, respond immediately) receiving the same requests, which checks nothing and parses the XML with n8n's parser; the trigger when the event is not selected (verified and answered, no execution). Both executing workflows end in the same HTTP Request node, so "executions/s" counts executions that ran to the end. SQLite, regular mode, one run each.`,
		'',
		"On n8n 2.x's default expression engine every webhook request takes a fresh V8 isolate, except for n8n's own Webhook node, which n8n exempts by type (\`webhookPhaseNeedsIsolate\` in n8n's live-webhooks): a community trigger pays one isolate for the request and one for the execution, the Webhook node one. The rows with \`N8N_EXPRESSION_ENGINE=legacy\` show the same comparison without isolates. The trigger's own work (signatures, decryption, XML) takes about 25 µs per safe-mode push, measured in-process; it declares a native resolver for its response mode, so n8n 2.x evaluates no expression for it, but n8n still evaluates one expression of its own per request for version-1 webhook nodes (\`options.binaryData\`). " + ratios(entries) + " One measured contributor, in sequential requests outside this table: n8n checks the credential permissions of every node before each execution, which made a Webhook workflow with one credentialed node 1.5 ms (1.x) to 3 ms (2.x) slower per request; one at a time, the trigger answered in 16.9 ms against the Webhook node's 19.6 ms on n8n 1.x.",
		'',
	);
	lines.push('| n8n | receiver | acknowledged / s | executions / s | latency p50 ms | p95 ms | p99 ms |', '|---|---|---|---|---|---|---|');
	for (const e of entries) {
		lines.push(`| ${e.line} | ${e.scenario} | ${f(e.acknowledgedPerSecond)} | ${f(e.processedPerSecond)} | ${f(e.latencyMs.p50)} | ${f(e.latencyMs.p95)} | ${f(e.latencyMs.p99)} |`);
	}
	return lines;
}

module.exports = { triggerBench, triggerReport };
