#!/usr/bin/env node
// `npm run test:ui`: the packed package in a real n8n 2.x, used through its editor in Chromium
// (Debian's package, driven by playwright-core): every resource and operation picked in the node
// panel and its fields checked against a hand-written table, the Tag lists filled from the
// simulator, a workflow executed from the editor (23,000 items on the canvas), the credential
// tested (right and wrong AppSecret), and no browser error that comes from this package.
// Screenshots go to a new temporary folder each run (printed at the end).
// Usage: node e2e/ui.js [--only=<text>]
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ROOT, NODE_TYPE, checkRunner, packPackage, log, sh } = require('./lib');
const { ensureChromium, loadPlaywright, editor } = require('./ui/browser');
const { startEditor, OWNER, FOLLOWERS, TAGS, CREDENTIAL, WRONG_CREDENTIAL, PANEL_WORKFLOW, RUN_WORKFLOW } = require('./ui/editor');
const EXPECTED = require('./ui/expected-fields');

const PACKAGE = NODE_TYPE.split('.')[0];
/** Options n8n adds to every node with a credential; not this package's. */
const N8N_OPERATIONS = new Set(['Custom API Call']);
const ALWAYS = ['Credential', 'Resource', 'Operation'];
const WECHAT = 'WeChat Official Account';

/** Does a browser message or request come from this package (its node, icons, schemas, list calls)? */
function fromPackage(text) {
	return /wechat|weChatOfficialAccount/i.test(text) || text.includes(PACKAGE);
}

async function main() {
	const chromiumPath = ensureChromium(log);
	const { chromium } = loadPlaywright();
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-ui-'));
	const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-ui-screenshots-'));
	const { check, summary } = checkRunner();
	let ed;
	let browser;
	try {
		sh('npx', ['tsc', '-p', 'tsconfig.json', '--outDir', '.tout'], { cwd: ROOT });
		const tarball = packPackage(workDir);
		log(`packed ${path.basename(tarball)}`);
		ed = await startEditor({ line: 2, tarball, workDir, simulatorPath: path.join(ROOT, '.tout', 'test', 'simulator', 'simulator.js') });
		const { sim } = ed;

		browser = await chromium.launch({
			executablePath: chromiumPath,
			headless: true,
			args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-dev-shm-usage'],
		});
		const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
		page.setDefaultTimeout(60_000);
		// Leaving a workflow whose panel was changed: the browser asks (beforeunload); leave.
		page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
		const problems = [];
		page.on('console', (message) => {
			if (message.type() === 'error') problems.push({ kind: 'console error', text: `${message.text()} (${message.location().url})` });
		});
		page.on('pageerror', (error) => problems.push({ kind: 'page error', text: String(error.stack || error) }));
		page.on('requestfailed', (request) => {
			problems.push({ kind: 'failed request', text: `${request.method()} ${request.url()}: ${request.failure()?.errorText} ${request.postData() ?? ''}` });
		});
		page.on('response', (response) => {
			if (response.status() < 400) return;
			const request = response.request();
			problems.push({ kind: `HTTP ${response.status()}`, text: `${request.method()} ${response.url()} ${request.postData() ?? ''}` });
		});
		let shotCount = 0;
		const shot = (name) => page.screenshot({ path: path.join(shots, `${String(++shotCount).padStart(2, '0')}-${name}.png`) });
		// A screenshot of the page a check failed on, before the next check moves on.
		const step = (name, body) =>
			check(name, async () => {
				try {
					await body();
				} catch (error) {
					await shot('failure').catch(() => {});
					throw error;
				}
			});
		const ui = editor(page, ed.base);

		await ui.signIn(OWNER);

		await step(`${ed.install.label}, editor: a workflow executed from the editor shows ${FOLLOWERS.toLocaleString('en')} items on the canvas and in the output panel`, async () => {
			await ui.openWorkflow(RUN_WORKFLOW.id);
			sim.clearLog();
			await page.locator('[data-test-id="execute-workflow-button"]').click();
			const handle = page.locator(`[data-test-id="canvas-node"][data-node-name="${WECHAT}"] [data-test-id="canvas-node-output-handle"]`);
			await handle.filter({ hasText: /\d\s*items?/ }).waitFor({ timeout: 180_000 });
			assert.match(await handle.innerText(), new RegExp(`^\\s*${FOLLOWERS}\\s+items\\s*$`));
			await ui.openNode(WECHAT);
			const output = page.locator('[data-test-id="output-panel"]');
			await output.getByText(/items/).first().waitFor();
			assert.match(await output.innerText(), new RegExp(`${FOLLOWERS.toLocaleString('en')} items|${FOLLOWERS} items`));
			await output.getByText(sim.allFollowers()[0]).first().waitFor();
			await shot('output');
			assert.equal(sim.requests('/cgi-bin/user/get').length, 4, '3 pages of 10,000 and the closing call');
			await ui.closeNode();
		});

		await step(`${ed.install.label}, editor: every resource and operation, picked from the dropdowns, shows the fields of the hand-written table`, async () => {
			await ui.openWorkflow(PANEL_WORKFLOW.id);
			await ui.openNode(WECHAT);
			const missing = [];
			const resources = (await ui.optionNames('resource')).filter((name) => !N8N_OPERATIONS.has(name));
			assert.deepEqual([...resources].sort(), Object.keys(EXPECTED).sort(), 'the resources');
			for (const resource of resources) {
				// A fresh panel per resource: the editor slows down as one panel's changes pile up.
				await ui.closeNode();
				await ui.openNode(WECHAT);
				await ui.choose('resource', resource);
				const operations = (await ui.optionNames('operation')).filter((name) => !N8N_OPERATIONS.has(name));
				assert.deepEqual([...operations].sort(), Object.keys(EXPECTED[resource]).sort(), `the operations of ${resource}`);
				for (const operation of operations) {
					await ui.choose('operation', operation);
					const labels = await ui.labels();
					for (const label of [...ALWAYS, ...EXPECTED[resource][operation]]) {
						if (!labels.includes(label)) missing.push(`${resource} → ${operation}: no "${label}" (the panel shows ${labels.join(', ')})`);
					}
					if (resource === 'Tag' && operation === 'Add Followers') await shot('node-panel');
				}
			}
			assert.deepEqual(missing, [], `fields missing:\n${missing.join('\n')}`);
		});

		await step(`${ed.install.label}, editor: the Tag list (Tag → Get Followers, From List) and the tag dropdown of Menu → Create Conditional show the account's tags`, async () => {
			await ui.closeNode();
			await ui.openNode(WECHAT);
			await ui.choose('resource', 'Tag');
			await ui.choose('operation', 'Get Followers');
			await page.locator('[data-test-id="rlc-input"]').first().click();
			const items = page.locator('[data-test-id="rlc-item"]');
			await items.filter({ hasText: TAGS[0].name }).first().waitFor();
			const listed = (await items.allInnerTexts()).join('\n');
			for (const tag of TAGS) {
				// The list names each tag with the number of followers WeChat counts for it.
				assert.ok(listed.includes(`${tag.name} (${tag.followers.toLocaleString('en')} followers)`), `"${tag.name}" with its count in the Tag list:\n${listed}`);
			}
			await shot('tag-list');
			await page.keyboard.press('Escape');

			await ui.choose('resource', 'Menu');
			await ui.choose('operation', 'Create Conditional');
			const { input, items: options } = await ui.openOptions('tagId');
			await options.filter({ hasText: TAGS[0].name }).first().waitFor();
			const offered = (await options.allInnerTexts()).join('\n');
			for (const tag of TAGS) assert.ok(offered.includes(tag.name), `"${tag.name}" in the tag dropdown:\n${offered}`);
			await shot('menu-tags');
			await input.click();
		});

		await step(`${ed.install.label}, editor: the credential's test passes when opened; with a wrong AppSecret it fails saying the AppSecret is wrong`, async () => {
			const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
			const tokenCalls = sim.tokenCalls().length;
			await page.goto(`${ed.base}/home/credentials/${CREDENTIAL.id}`);
			await dialog.getByText('Connection tested successfully').waitFor();
			assert.ok(sim.tokenCalls().length > tokenCalls, 'the test asked the simulator for a token');
			await shot('credential');

			await page.goto(`${ed.base}/home/credentials/${WRONG_CREDENTIAL.id}`);
			await dialog.getByText(/Couldn.t connect with these settings/).waitFor();
			await dialog.getByText('More details').click();
			// n8n 2.41.1 shows the error's message here, not its description: the credential puts the
			// advice (where to copy the AppSecret from) into the message.
			const detail = dialog.getByText(/WeChat rejected the AppSecret \(WeChat errcode 40125\)\. Copy the AppSecret from/).first();
			await detail.waitFor();
			const text = await dialog.innerText();
			for (const secret of ed.secrets()) assert.ok(!text.includes(secret), 'no secret in the credential dialog');
			await shot('credential-wrong-appsecret');
		});

		await step(`${ed.install.label}, editor: no browser error or failed request comes from this package`, async () => {
			const ours = problems.filter((problem) => fromPackage(problem.text));
			for (const problem of problems.filter((p) => !ours.includes(p))) log(`  warning (not from this package): ${problem.kind}: ${problem.text.slice(0, 300)}`);
			assert.deepEqual(ours.map((problem) => `${problem.kind}: ${problem.text.slice(0, 500)}`), []);
		});
	} finally {
		await browser?.close();
		await ed?.stop();
		fs.rmSync(workDir, { recursive: true, force: true });
		log(`screenshots: ${shots}`);
	}
	summary('ui');
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
