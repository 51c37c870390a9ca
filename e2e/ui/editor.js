// A real n8n for the browser test: the packed package installed, the simulator as WeChat's API,
// credentials and workflows imported, `n8n start` on loopback, the owner account set up.
'use strict';

const path = require('node:path');

const { NODE_TYPE, createInstance, ensureN8n, log } = require('../lib');
const { startServer } = require('../trigger');

const OWNER = { email: 'owner@example.com', firstName: 'UI', lastName: 'Owner', password: 'Ui-owner-Passw0rd-2026' };
const FOLLOWERS = 23_000;
/** The account's own tags (IDs from 100 on; 0 to 2 are WeChat's system tags) and how many followers carry each. */
const TAGS = [
	{ name: 'VIP customers', followers: 120 },
	{ name: 'Beijing store', followers: 2_300 },
	{ name: 'Newsletter', followers: 17_450 },
];
const WRONG_APP_SECRET = 'ui-wrong-appsecret-000000000000000';

const CREDENTIAL = { id: 'wechatUiCred0001', name: 'WeChat (simulator)' };
const WRONG_CREDENTIAL = { id: 'wechatUiBadSec01', name: 'WeChat (wrong AppSecret)' };
const PANEL_WORKFLOW = { id: 'wechatUiPanel001', name: 'UI: every operation' };
const RUN_WORKFLOW = { id: 'wechatUiRun00001', name: 'UI: all followers' };

function workflow({ id, name }, parameters) {
	return {
		id,
		name,
		active: false,
		nodes: [
			{ id: `${id}-t`, name: 'When clicking Execute workflow', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-w`,
				name: 'WeChat Official Account',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [260, 0],
				parameters,
				credentials: { weChatOfficialAccountApi: CREDENTIAL },
			},
		],
		connections: { 'When clicking Execute workflow': { main: [[{ node: 'WeChat Official Account', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** n8n started with the package, the simulator and the owner; `stop()` ends all of it. */
async function startEditor({ line, tarball, workDir, simulatorPath }) {
	const { WeChatSimulator } = require(simulatorPath);
	const install = ensureN8n(line);
	log(install.label);
	const instance = await createInstance(install, tarball, workDir);
	const sim = new WeChatSimulator({ followers: FOLLOWERS });
	const tagIds = TAGS.map((tag) => sim.account.addTag(tag.name, sim.allFollowers().slice(0, tag.followers)));
	const baseUrl = await sim.start();
	let server;
	try {
		const data = { appId: sim.appId, appSecret: sim.appSecret, apiDomain: 'custom', baseUrl, grantEndpoint: 'stable' };
		await instance.importCredentials([
			{ ...CREDENTIAL, type: 'weChatOfficialAccountApi', data },
			{ ...WRONG_CREDENTIAL, type: 'weChatOfficialAccountApi', data: { ...data, appSecret: WRONG_APP_SECRET } },
		]);
		await instance.importWorkflows([
			workflow(PANEL_WORKFLOW, { resource: 'follower', operation: 'getAll' }),
			workflow(RUN_WORKFLOW, { resource: 'follower', operation: 'getAll', returnAll: true }),
		]);
		server = await startServer(instance, path.join(workDir, `n8n-${line}-ui-server.log`), []);
		const setup = await fetch(`${server.base}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (setup.status !== 200) throw new Error(`owner setup answered ${setup.status}: ${await setup.text()}`);
	} catch (error) {
		await server?.stop();
		await sim.stop();
		throw error;
	}
	return {
		install,
		instance,
		sim,
		server,
		base: server.base,
		tagIds,
		secrets: () => [sim.appSecret, WRONG_APP_SECRET, ...sim.issuedTokens()],
		async stop() {
			await server.stop();
			await sim.stop();
		},
	};
}

module.exports = { startEditor, OWNER, FOLLOWERS, TAGS, CREDENTIAL, WRONG_CREDENTIAL, PANEL_WORKFLOW, RUN_WORKFLOW, WRONG_APP_SECRET };
