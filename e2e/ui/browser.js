// Chromium from Debian's packages driven by playwright-core (which downloads no browser), and
// what a user does in n8n's editor: sign in, open a node, pick from a dropdown, read labels.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

function findChromium() {
	return CANDIDATES.find((candidate) => fs.existsSync(candidate));
}

/** Chromium's path; as root with apt-get (CI, containers) it installs Debian's package when missing. */
function ensureChromium(log) {
	let found = findChromium();
	if (found) return found;
	const hasAptGet = fs.existsSync('/usr/bin/apt-get');
	if (process.getuid?.() === 0 && hasAptGet) {
		log("installing chromium from Debian's packages (apt-get, once)");
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		try {
			execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
			execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
		} catch (error) {
			throw new Error(`The browser test needs Chromium and installing it failed (apt-get install chromium): ${error.message}`);
		}
		found = findChromium();
	}
	if (!found) {
		throw new Error(
			`The browser test needs Chromium: none at ${CANDIDATES.join(', ')}. Install it (apt-get install chromium), ` +
				'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
		);
	}
	return found;
}

function loadPlaywright() {
	try {
		return require('playwright-core');
	} catch {
		throw new Error('The browser test needs the devDependency playwright-core: run npm install (or npm ci) first.');
	}
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The editor's operations on one page. */
function editor(page, base) {
	const ui = {
		async signIn({ email, password }) {
			await page.goto(`${base}/signin`);
			await page.locator('input[type=email]').fill(email);
			await page.locator('input[type=password]').fill(password);
			await page.keyboard.press('Enter');
			await page.waitForURL((url) => !url.pathname.includes('signin'));
		},
		async openWorkflow(id) {
			await page.goto(`${base}/workflow/${id}`);
			await page.locator('[data-test-id="canvas-node"]').first().waitFor();
		},
		async openNode(name) {
			await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
			await page.locator('[data-test-id="node-parameters"]').waitFor();
		},
		async closeNode() {
			await page.locator('[data-test-id="ndv-close-button"]').click();
			await page.locator('[data-test-id="node-parameters"]').waitFor({ state: 'hidden' });
		},
		/** The select of a parameter and its option list (scoped to that select, not another's closing one). */
		async openOptions(parameter) {
			const input = page.locator(`[data-test-id="parameter-input-${parameter}"] input`).first();
			const listId = await input.getAttribute('aria-controls');
			await input.click();
			const items = page.locator(`[id="${listId}"] [data-test-id="parameter-input-item"]`);
			await items.first().waitFor();
			return { input, items };
		},
		async optionNames(parameter) {
			const { input, items } = await ui.openOptions(parameter);
			const names = (await items.locator('.option-headline').allInnerTexts()).map((text) => text.trim());
			await input.click();
			await items.first().waitFor({ state: 'hidden' });
			return names;
		},
		value: (parameter) => page.locator(`[data-test-id="parameter-input-${parameter}"] input`).first().inputValue(),
		async choose(parameter, name) {
			if ((await ui.value(parameter)) === name) return;
			const { items } = await ui.openOptions(parameter);
			await items.filter({ has: page.locator('.option-headline', { hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) }) }).click();
			await items.first().waitFor({ state: 'hidden' });
			await page.waitForFunction(
				([parameter, name]) => document.querySelector(`[data-test-id="parameter-input-${parameter}"] input`)?.value === name,
				[parameter, name],
			);
		},
		/** The labels of the parameters the panel shows now (first line: not the Fixed/Expression toggle). */
		async labels() {
			const texts = await page.locator('[data-test-id="node-parameters"] label.n8n-input-label:visible').allInnerTexts();
			return texts.map((text) => text.split('\n')[0].replace(/\s*\*\s*$/, '').trim()).filter(Boolean);
		},
	};
	return ui;
}

module.exports = { ensureChromium, loadPlaywright, editor };
