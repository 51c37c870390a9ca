#!/usr/bin/env node
// `npm run test:package`: what `npm publish` would upload, checked before it can be.
// - `npm pack` with dist/ removed first: prepack must build it (a global ignore-scripts would not);
// - the tarball holds every file package.json's "n8n" block names (with the codex files and icons)
//   and nothing from test/, e2e/, bench/, scripts/ or the TypeScript sources;
// - the packed package.json: MIT, a bugs URL, no runtime dependency, n8n-workflow as the only peer;
// - .github/workflows/publish.yml: a version tag runs npm ci, build, npm test, then
//   `npm publish --provenance --access public` with `id-token: write`;
// - package-lock.json is what `npm install` writes (so a fresh clone's install leaves git clean);
// - n8n's package scanner passes on the tarball and the source, and fails on a copy of each that
//   breaks one of its rules (so a pass means something).
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const YAML = require('yaml');

const { checkRunner } = require('../e2e/lib');
const { pack, extract, scan } = require('./scan');

const ROOT = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const runner = checkRunner();
const { check } = runner;

/** The n8n block's files (nodes and credentials), as package-relative paths. */
function n8nFiles(pkg) {
	return [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
}

/** Paths in the tarball, relative to its package/ folder. */
function tarballFiles(tarball) {
	return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
		.split('\n')
		.filter(Boolean)
		.map((entry) => entry.replace(/^package\//, ''));
}

/** Checks the publish workflow's steps; returns nothing, throws what is wrong. */
function checkPublishWorkflow(text) {
	const workflow = YAML.parse(text);
	const tags = workflow?.on?.push?.tags;
	assert.ok(Array.isArray(tags) && tags.length > 0, 'publish.yml: runs on pushed tags (on.push.tags)');
	const jobs = Object.values(workflow.jobs ?? {});
	assert.equal(jobs.length, 1, 'publish.yml: one job');
	const [job] = jobs;
	assert.equal(job.permissions?.['id-token'], 'write', 'publish.yml: permissions id-token: write (provenance)');
	const steps = job.steps ?? [];
	const setupNode = steps.find((step) => String(step.uses ?? '').startsWith('actions/setup-node@'));
	assert.ok(setupNode?.with?.['node-version'], 'publish.yml: actions/setup-node with a node-version');
	const at = (description, test) => {
		const index = steps.findIndex((step) => typeof step.run === 'string' && step.run.split('\n').some((line) => test(line.trim())));
		assert.ok(index >= 0, `publish.yml: a step runs ${description}`);
		return index;
	};
	const checkout = steps.findIndex((step) => String(step.uses ?? '').startsWith('actions/checkout@'));
	const install = at('npm ci', (line) => /^npm ci\b/.test(line));
	const build = at('npm run build', (line) => /^npm run build\b/.test(line));
	const test = at('npm test', (line) => /^npm (test|run test)$/.test(line));
	const publish = at('npm publish --provenance --access public', (line) => /^npm publish\b/.test(line) && line.includes('--provenance') && line.includes('--access public'));
	assert.ok(checkout >= 0 && checkout < install, 'publish.yml: checkout before npm ci');
	assert.ok(install < build && build < test && test < publish, 'publish.yml: npm ci, build, test, publish in this order');
	for (const step of steps.slice(0, publish)) {
		assert.ok(!step['continue-on-error'], `publish.yml: step "${step.name ?? step.run ?? step.uses}" must not continue on error`);
	}
}

async function main() {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-package-'));
	let tarball;
	let files = [];
	let packageDir;
	try {
		await check('npm pack builds dist/ through prepack (dist/ removed first)', () => {
			fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
			tarball = pack(work);
			files = tarballFiles(tarball);
			packageDir = extract(tarball, path.join(work, 'package'));
			assert.ok(files.some((file) => file.startsWith('dist/')), `the tarball has no dist/: ${files.join(', ')}`);
		});

		await check("the tarball holds every file of package.json's n8n block, its codex files and icons", () => {
			assert.ok(tarball, 'no tarball');
			const named = n8nFiles(manifest);
			assert.ok(named.length >= 3, 'the n8n block names the nodes and the credential');
			for (const file of named) {
				assert.ok(files.includes(file), `${file} is missing from the tarball`);
				if (file.endsWith('.node.js')) assert.ok(files.includes(file.replace(/\.js$/, '.json')), `the codex file beside ${file} is missing`);
			}
			for (const file of named) {
				const source = fs.readFileSync(path.join(packageDir, file), 'utf8');
				for (const [, icon] of source.matchAll(/file:([\w./-]+\.svg)/g)) {
					const iconPath = path.posix.normalize(path.posix.join(path.posix.dirname(file), icon));
					assert.ok(files.includes(iconPath), `${file} uses the icon ${icon}, which is not in the tarball`);
				}
			}
			for (const file of ['package.json', 'README.md', 'LICENSE', manifest.main]) assert.ok(files.includes(file), `${file} is missing from the tarball`);
		});

		await check('nothing from test/, e2e/, bench/, scripts/ or the TypeScript sources is in the tarball', () => {
			assert.ok(files.length > 0, 'no tarball');
			const allowed = new Set(['package.json', 'README.md', 'LICENSE', manifest.main]);
			const stray = files.filter((file) => !allowed.has(file) && !file.startsWith('dist/'));
			assert.deepEqual(stray, [], 'files outside dist/');
			const inside = files.filter((file) => /^dist\/(test|e2e|bench|scripts)\//.test(file) || /(^|\/)(simulator|\.tout)\//.test(file) || /\.ts$/.test(file));
			assert.deepEqual(inside, [], 'test, e2e, bench or script files, or TypeScript sources, in dist/');
		});

		await check('the packed package.json: MIT, a bugs URL, no runtime dependency, n8n-workflow as the only peer', () => {
			const packed = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
			assert.equal(packed.license, 'MIT');
			assert.match(fs.readFileSync(path.join(packageDir, 'LICENSE'), 'utf8'), /^MIT License/);
			assert.match(packed.bugs?.url ?? '', /^https:\/\/\S+\/issues$/, 'bugs.url');
			assert.deepEqual(packed.dependencies ?? {}, {}, 'runtime dependencies');
			assert.deepEqual(packed.peerDependencies, { 'n8n-workflow': '*' });
			assert.ok(packed.keywords?.includes('n8n-community-node-package'), 'keyword n8n-community-node-package');
			assert.deepEqual(n8nFiles(packed), n8nFiles(manifest));
		});

		await check('.github/workflows/publish.yml: a tag runs npm ci, build, npm test, then npm publish --provenance', () => {
			checkPublishWorkflow(fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'publish.yml'), 'utf8'));
		});

		await check('package-lock.json is the one npm install writes (npm install --package-lock-only in a copy changes nothing)', () => {
			const copy = path.join(work, 'lock');
			fs.mkdirSync(copy);
			for (const file of ['package.json', 'package-lock.json', '.npmrc']) fs.copyFileSync(path.join(ROOT, file), path.join(copy, file));
			execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: copy, stdio: 'ignore' });
			const committed = fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8');
			const rewritten = fs.readFileSync(path.join(copy, 'package-lock.json'), 'utf8');
			if (rewritten !== committed) {
				const [before, after] = [committed.split('\n'), rewritten.split('\n')];
				const line = before.findIndex((text, index) => text !== after[index]);
				assert.fail(
					`npm install would rewrite package-lock.json (${before.length} -> ${after.length} lines, first change at line ${line + 1}): ` +
						'run npm install and commit the lock file it writes',
				);
			}
		});

		await check("n8n's package scanner passes on the tarball and the source", async () => {
			assert.ok(packageDir, 'no tarball');
			const result = await scan({ sourceDir: ROOT, packageDir });
			assert.ok(result.passed, result.details);
		});

		await check("n8n's package scanner fails on a copy that imports fs (source) and calls setTimeout (tarball)", async () => {
			assert.ok(packageDir, 'no tarball');
			const badSource = path.join(work, 'bad-source');
			for (const dir of ['nodes', 'credentials', 'icons']) fs.cpSync(path.join(ROOT, dir), path.join(badSource, dir), { recursive: true });
			fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(badSource, 'package.json'));
			const nodeSource = path.join(badSource, manifest.n8n.nodes[0].replace(/^dist\//, '').replace(/\.js$/, '.ts'));
			fs.writeFileSync(nodeSource, `import * as fs from 'fs';\nexport const readAnything = (file: string) => fs.readFileSync(file);\n${fs.readFileSync(nodeSource, 'utf8')}`);
			const badPackage = path.join(work, 'bad-package');
			fs.cpSync(packageDir, badPackage, { recursive: true });
			const nodeBuilt = path.join(badPackage, manifest.n8n.nodes[0]);
			fs.writeFileSync(nodeBuilt, `${fs.readFileSync(nodeBuilt, 'utf8')}\nsetTimeout(() => {}, 1);\n`);
			const result = await scan({ sourceDir: badSource, packageDir: badPackage });
			const [source, packed] = result.legs;
			assert.ok(!source.passed && /no-restricted-imports/.test(source.details ?? ''), `the source leg passed an fs import: ${source.message}`);
			assert.ok(!packed.passed && /no-restricted-globals/.test(packed.details ?? ''), `the tarball leg passed a setTimeout: ${packed.message}`);
		});
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
	runner.summary('package');
}

module.exports = { checkPublishWorkflow };

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
}
