// The node as tools of n8n's MCP Server Trigger, inside real n8n, with this file as the MCP client
// (plain fetch, Streamable HTTP, no SDK, no LLM): the workflow of examples/wechat-mcp-server.json
// is activated, `n8n start` serves it on /mcp/<path>, tools/list must show each tool with its
// description and model-defined arguments, and tools/call must reach the simulator exactly as a
// model's call would.
// Alone: node e2e/mcp.js [--lines=1,2]; e2e/run.js runs it on the trigger checks' server (mcpAlongside).
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { ROOT, NODE_TYPE, assertNoSecret, log } = require('./lib');
const { waitFor } = require('./services');
const { activate, startServer } = require('./trigger');

const TOOL_TYPE = `${NODE_TYPE}Tool`;
const EXAMPLE_FILE = path.join(ROOT, 'examples', 'wechat-mcp-server.json');
const WORKFLOW_ID = 'wechatMcpServer1';
const TRIGGER_NAME = 'MCP Server Trigger';
const TAG_NAME = 'MCP VIP';
const FOLLOWERS = 25;

/**
 * Tool names are node names with runs of characters outside [A-Za-z0-9_-] replaced by "_".
 * The description n8n would generate for a tool node without its own ("<action> in <node name>"):
 * the node's per-operation descriptions must say more than this.
 */
const AUTO_DESCRIPTIONS = {
	Get_followers: 'Get followers in WeChat Official Account',
	Get_tags: 'Get tags in WeChat Official Account',
	Create_tag: 'Create a tag in WeChat Official Account',
	Add_followers_to_tag: 'Add followers to a tag in WeChat Official Account',
	Get_follower_tags: 'Get the tags of a follower in WeChat Official Account',
};

/** The arguments the model must or may give, per tool: [name, JSON Schema type, required]. */
const ARGUMENTS = {
	Get_followers: [['limit', 'number', false]],
	// WeChat returns every tag at once; the node still cuts the list at the model's limit.
	Get_tags: [['limit', 'number', false]],
	Create_tag: [['name', 'string', true]],
	Add_followers_to_tag: [
		['tagId', 'number', true],
		['openids', 'string', true],
	],
	Get_follower_tags: [['openid', 'string', true]],
};

/** examples/wechat-mcp-server.json with this run's ID and credential: the tools carry only what the example holds. */
function mcpWorkflow(credential) {
	const workflow = { ...JSON.parse(fs.readFileSync(EXAMPLE_FILE, 'utf8')), id: WORKFLOW_ID, active: false };
	for (const node of workflow.nodes) {
		if (node.credentials) node.credentials.weChatOfficialAccountApi = { id: credential.id, name: credential.name };
	}
	return workflow;
}

/** One JSON-RPC message over Streamable HTTP; the answer may come as JSON or as SSE `data:` lines. */
async function rpc(url, message, { sessionId, protocolVersion } = {}) {
	const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
	if (sessionId) headers['mcp-session-id'] = sessionId;
	if (protocolVersion) headers['mcp-protocol-version'] = protocolVersion;
	const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(message), signal: AbortSignal.timeout(60_000) });
	const raw = await response.text();
	const type = response.headers.get('content-type') ?? '';
	let body;
	if (type.includes('text/event-stream')) {
		const messages = raw
			.split('\n')
			.filter((line) => line.startsWith('data:'))
			.map((line) => JSON.parse(line.slice('data:'.length)));
		body = messages.find((each) => each.id === message.id) ?? messages[0];
	} else if (raw && type.includes('json')) {
		body = JSON.parse(raw);
	}
	return { status: response.status, sessionId: response.headers.get('mcp-session-id'), body, raw };
}

/** An MCP client session: initialize, notifications/initialized, then list and call. */
async function openSession(url, onAnswer) {
	const init = await rpc(url, {
		jsonrpc: '2.0',
		id: 1,
		method: 'initialize',
		params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'wechat-e2e', version: '1' } },
	});
	onAnswer(init.raw);
	assert.equal(init.status, 200, init.raw);
	assert.ok(init.sessionId, 'initialize answers with an mcp-session-id');
	assert.ok(init.body?.result?.capabilities?.tools, `the server offers tools: ${init.raw}`);
	const headers = { sessionId: init.sessionId, protocolVersion: init.body.result.protocolVersion };
	const note = await rpc(url, { jsonrpc: '2.0', method: 'notifications/initialized' }, headers);
	assert.ok(note.status === 202 || note.status === 200, `notifications/initialized: HTTP ${note.status}`);
	let id = 2;
	const request = async (method, params) => {
		const answer = await rpc(url, { jsonrpc: '2.0', id: id++, method, params }, headers);
		onAnswer(answer.raw);
		assert.equal(answer.status, 200, answer.raw);
		return answer.body;
	};
	return {
		list: async () => (await request('tools/list', {})).result.tools,
		/** tools/call; the result ({ content, isError }), or the JSON-RPC error. */
		call: async (name, args) => {
			const body = await request('tools/call', { name, arguments: args });
			return body.result ?? { rpcError: body.error };
		},
		close: async () => (await fetch(url, { method: 'DELETE', headers: { 'mcp-session-id': init.sessionId } })).status,
	};
}

/** The items a successful tool call returned (n8n sends them as one JSON text). */
function itemsOf(result, tool) {
	assert.ok(!result.isError && !result.rpcError, `${tool} failed: ${JSON.stringify(result)}`);
	const text = result.content?.find((part) => part.type === 'text')?.text;
	assert.ok(text, `${tool} answered with text: ${JSON.stringify(result)}`);
	return JSON.parse(text);
}

/**
 * The MCP checks on one n8n line, on an instance whose server is stopped: imports and activates the
 * workflow, starts `n8n start`, runs one client session, stops the server. `secrets` is the list
 * (or a function returning it) of values that must appear in no answer and no log.
 */
async function runMcpChecks({ instance, sim, credential, secrets, check, workDir }) {
	const part = await mcpAlongside({ instance, sim, credential, secrets, check });
	await activate(instance, part.workflowIds);
	const server = await startServer(instance, path.join(workDir, `n8n-${instance.install.line}-mcp.log`), []);
	try {
		await part.run(server);
	} finally {
		await server.stop();
	}
}

/**
 * The MCP checks as a part of another running server (e2e/run.js runs them on the trigger's):
 * imports the workflow now; the caller activates `workflowIds` before starting n8n and calls
 * `run(server)` while it serves.
 */
async function mcpAlongside({ instance, sim, credential, secrets, check }) {
	const workflow = mcpWorkflow(credential);
	await instance.importWorkflows([workflow]);
	return { workflowIds: [workflow.id], run: (server) => runMcpSession({ instance, sim, secrets, check, server, workflow }) };
}

/** One client session against the running server's MCP endpoint, and every check of it. */
async function runMcpSession({ instance, sim, secrets, check, server, workflow }) {
	const label = `${instance.install.label}, MCP`;
	const secretList = () => [...(typeof secrets === 'function' ? secrets() : secrets), ...sim.issuedTokens()];
	const started = Date.now();
	const trigger = workflow.nodes.find((node) => node.name === TRIGGER_NAME);
	const url = `${server.base}/mcp/${trigger.parameters.path}`;
	// The MCP endpoint is registered with the production webhooks, after n8n says it is ready.
	await waitFor('the MCP endpoint', async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status !== 404, {
		timeoutMs: 60_000,
		process: server.child,
	});
	log(`    ${label}: MCP endpoint ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);

	const answers = [];
	sim.setFollowers(FOLLOWERS);
	sim.clearLog();
	let session;
	const followers = sim.allFollowers().slice(0, 3);
	try {
		await check(`${label}: tools/list shows the five tools, their descriptions and the arguments the model fills`, async () => {
			session = await openSession(url, (raw) => answers.push(raw));
			const tools = await session.list();
			assert.deepEqual(tools.map((tool) => tool.name).sort(), Object.keys(ARGUMENTS).sort());
			for (const tool of tools) {
				const auto = AUTO_DESCRIPTIONS[tool.name];
				// The node's own per-operation text: more than the generated line, saying what comes back.
				assert.notEqual(tool.description, auto, `${tool.name}: still the generated description`);
				assert.ok(tool.description.length > auto.length, `${tool.name}: description "${tool.description}"`);
				const schema = tool.inputSchema;
				assert.equal(schema.type, 'object', `${tool.name}: input schema`);
				const expected = ARGUMENTS[tool.name];
				assert.deepEqual(Object.keys(schema.properties ?? {}).sort(), expected.map(([name]) => name).sort(), `${tool.name}: arguments`);
				for (const [name, type, required] of expected) {
					assert.equal(schema.properties[name].type, type, `${tool.name}.${name}: type`);
					assert.ok(schema.properties[name].description, `${tool.name}.${name}: described for the model`);
					assert.equal((schema.required ?? []).includes(name), required, `${tool.name}.${name}: required = ${required}`);
				}
			}
			assert.match(tools.find((tool) => tool.name === 'Get_followers').description, /limit/i);
			assert.equal(sim.log.length, 0, 'listing the tools calls nothing at WeChat');
		});

		await check(`${label}: tools/call Get_followers with limit 3: the first 3 followers, one user/get call`, async () => {
			assert.ok(session, 'the session from tools/list');
			const items = itemsOf(await session.call('Get_followers', { limit: 3 }), 'Get_followers');
			assert.deepEqual(items, followers.map((openid) => ({ openid })));
			assert.equal(sim.requests('/cgi-bin/user/get').length, 1);
			assert.equal(sim.requests('/cgi-bin/user/get')[0].query.next_openid ?? '', '');
		});

		let tagId;
		await check(`${label}: tools/call Create_tag "${TAG_NAME}", then Get_tags lists it`, async () => {
			assert.ok(session, 'the session from tools/list');
			assert.ok(![...sim.account.tags.values()].some((tag) => tag.name === TAG_NAME), `no tag "${TAG_NAME}" before`);
			const [created] = itemsOf(await session.call('Create_tag', { name: TAG_NAME }), 'Create_tag');
			const inSimulator = [...sim.account.tags.entries()].filter(([, tag]) => tag.name === TAG_NAME);
			assert.equal(inSimulator.length, 1, 'the simulator has the tag once');
			assert.deepEqual(created, { id: inSimulator[0][0], name: TAG_NAME });
			assert.deepEqual(
				sim.requests('/cgi-bin/tags/create').map((call) => call.body),
				[{ tag: { name: TAG_NAME } }],
			);
			tagId = created.id;
			const tags = itemsOf(await session.call('Get_tags', {}), 'Get_tags');
			assert.ok(tags.some((tag) => tag.id === tagId && tag.name === TAG_NAME), JSON.stringify(tags));
		});

		await check(`${label}: tools/call Add_followers_to_tag with the returned tag ID tags 2 followers; Get_follower_tags reads it back`, async () => {
			assert.ok(session && tagId !== undefined, 'the tag from Create_tag');
			const chosen = followers.slice(0, 2);
			const [tagged] = itemsOf(await session.call('Add_followers_to_tag', { tagId, openids: chosen.join(',') }), 'Add_followers_to_tag');
			assert.equal(tagged.tagId, tagId);
			assert.deepEqual(tagged.openids, chosen);
			assert.deepEqual(
				sim.requests('/cgi-bin/tags/members/batchtagging').map((call) => call.body),
				[{ tagid: tagId, openid_list: chosen }],
			);
			for (const openid of chosen) assert.ok(sim.account.tagsOf(openid).includes(tagId), `${openid} carries the tag in the simulator`);
			assert.ok(!sim.account.tagsOf(followers[2]).includes(tagId), 'the third follower does not');
			const [tags] = itemsOf(await session.call('Get_follower_tags', { openid: chosen[0] }), 'Get_follower_tags');
			assert.equal(tags.openid, chosen[0]);
			assert.ok(tags.tagid_list.includes(tagId), JSON.stringify(tags));
			assert.deepEqual(sim.requests('/cgi-bin/tags/getidlist').map((call) => call.body), [{ openid: chosen[0] }]);
		});

		await check(`${label}: a call without a required argument gets an error result, sends nothing, and the session goes on`, async () => {
			assert.ok(session && tagId !== undefined, 'the session and tag from the calls before');
			const before = sim.log.length;
			const result = await session.call('Add_followers_to_tag', { tagId });
			assert.equal(result.isError, true, JSON.stringify(result));
			assert.match(result.content?.[0]?.text ?? '', /openids/);
			assert.equal(sim.log.length, before, 'no request reached WeChat');
			const unknown = await session.call('No_such_tool', {});
			assert.ok(unknown.isError || unknown.rpcError, JSON.stringify(unknown));
			const tags = itemsOf(await session.call('Get_tags', {}), 'Get_tags');
			assert.ok(tags.some((tag) => tag.id === tagId), 'the next call still works');
		});
	} finally {
		if (session) await session.close().catch(() => undefined);
	}

	await check(`${label}: no AppSecret or access token in any MCP answer or in n8n's log`, async () => {
		assert.ok(answers.length >= 8, `${answers.length} answers recorded`);
		assertNoSecret(answers.join('\n'), secretList());
		assertNoSecret(server.log(), secretList());
	});
	log(`    ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
}

module.exports = { runMcpChecks, mcpAlongside, mcpWorkflow, openSession };

/** Alone: the MCP checks on fresh instances, without the rest of the e2e. */
async function main() {
	const os = require('node:os');
	const { LINES, ensureN8n, packPackage, createInstance, checkRunner, sh } = require('./lib');
	const linesArg = process.argv.find((arg) => arg.startsWith('--lines='));
	const lines = linesArg ? linesArg.slice('--lines='.length).split(',').map(Number) : Object.keys(LINES).map(Number);
	const { check, summary } = checkRunner();
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-e2e-mcp-'));
	try {
		sh('npx', ['tsc', '-p', 'tsconfig.json', '--outDir', '.tout'], { cwd: ROOT });
		const { WeChatSimulator } = require(path.join(ROOT, '.tout', 'test', 'simulator', 'simulator.js'));
		const tarball = packPackage(workDir);
		for (const line of lines) {
			const install = ensureN8n(line);
			log(install.label);
			const instance = await createInstance(install, tarball, workDir);
			const sim = new WeChatSimulator({ followers: 0 });
			const baseUrl = await sim.start();
			try {
				const credential = { id: 'wechatSimGood001', name: 'WeChat simulator' };
				await instance.importCredentials([
					{ ...credential, type: 'weChatOfficialAccountApi', data: { appId: sim.appId, appSecret: sim.appSecret, apiDomain: 'custom', baseUrl } },
				]);
				await runMcpChecks({ instance, sim, credential, secrets: () => [sim.appSecret], check, workDir });
			} finally {
				await sim.stop();
			}
		}
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
	summary('e2e mcp');
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
}
