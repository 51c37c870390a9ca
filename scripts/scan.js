#!/usr/bin/env node
// n8n's community-package scanner (@n8n/scan-community-package) on this package before it is
// published. The scanner's command line downloads a package by name from the registry, requires
// an npm provenance statement and fetches the attested source from GitHub; its 0.32.0 release also
// fails before that (it asks the registry for "https://registry.npmjs.org//<name>", which the
// registry answers with HTTP 400). So this runs the scanner's own analysis, `analyzePackage` from
// its scanner.mjs, on the same two legs its command line lints after the download:
//   source:  package.json and nodes/, credentials/ of the repository (its SOURCE_FILE_PATTERNS)
//   tarball: every .js file and package.json of the packed package
// The scanner is installed once into the cache, pinned by scripts/scanner/package-lock.json;
// only the npm registry is needed, and only for that install.
//   node scripts/scan.js                        packs the package (prepack builds dist/), scans
//   node scripts/scan.js --tarball=x.tgz        scans that tarball
//   node scripts/scan.js --source=dir           lints that folder as the source leg
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-wechat-official-account');
const PINNED = path.join(__dirname, 'scanner');
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

function log(message) {
	process.stderr.write(`[scan] ${message}\n`);
}

/** The pinned scanner in the cache (installed once per lock file content); its folder. */
function ensureScanner() {
	const hash = crypto
		.createHash('sha256')
		.update(fs.readFileSync(path.join(PINNED, 'package.json')))
		.update(fs.readFileSync(path.join(PINNED, 'package-lock.json')))
		.digest('hex')
		.slice(0, 12);
	const dir = path.join(CACHE, `scanner-${hash}`);
	if (fs.existsSync(path.join(dir, '.complete'))) return dir;
	const staging = `${dir}.installing-${process.pid}`;
	const logFile = `${dir}.install.log`;
	fs.mkdirSync(CACHE, { recursive: true });
	fs.rmSync(staging, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(PINNED, file), path.join(staging, file));
	log(`installing n8n's package scanner 0.32.0 (once, about 30 s; npm's output in ${logFile})`);
	const out = fs.openSync(logFile, 'w');
	try {
		// No install scripts: none of the scanner's dependencies needs one to lint.
		execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: staging, stdio: ['ignore', out, out] });
	} catch {
		throw new Error(`installing the scanner failed; npm's output is in ${logFile}`);
	} finally {
		fs.closeSync(out);
	}
	fs.writeFileSync(path.join(staging, '.complete'), new Date().toISOString());
	fs.rmSync(dir, { recursive: true, force: true });
	fs.renameSync(staging, dir);
	return dir;
}

/** `npm pack` of the repository as `npm publish` does it (prepack builds dist/); the tarball's path. */
function pack(destination) {
	const output = execFileSync('npm', ['pack', '--pack-destination', destination, '--json'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		maxBuffer: 1 << 28,
	});
	// prepack's build prints to the same stdout before npm's JSON.
	const [{ filename }] = JSON.parse(output.slice(output.lastIndexOf('\n[') + 1));
	return path.join(destination, filename);
}

function extract(tarball, destination) {
	fs.mkdirSync(destination, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', destination, '--strip-components=1']);
	return destination;
}

/**
 * Lints a source folder and an unpacked tarball with the scanner's rules. Returns
 * { passed, details, legs: [{ leg, dir, files, passed, message, details }] }. A leg with no file to
 * lint fails (the scanner would call that a pass).
 */
async function scan({ sourceDir, packageDir }) {
	const scannerDir = ensureScanner();
	const scannerModule = path.join(scannerDir, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs');
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scannerModule).href);
	const glob = require(path.join(scannerDir, 'node_modules', 'fast-glob'));
	const legs = [];
	for (const [leg, dir, patterns] of [
		['source', sourceDir, SOURCE_FILE_PATTERNS],
		['tarball', packageDir, TARBALL_PATTERNS],
	]) {
		// The same file selection as analyzePackage, to know that it linted something.
		const files = glob.sync(patterns, { cwd: dir, ignore: ['node_modules/**', '**/package-lock.json'] });
		const result = files.length === 0 ? { passed: false, message: `no file matches ${patterns.join(', ')}` } : await analyzePackage(dir, patterns);
		legs.push({ leg, dir, files: files.length, passed: result.passed, message: result.message, details: result.details });
	}
	return {
		passed: legs.every((leg) => leg.passed),
		details: legs
			.filter((leg) => !leg.passed)
			.map((leg) => `${leg.leg} (${leg.dir}): ${leg.message ?? ''}\n${leg.details ?? ''}`)
			.join('\n'),
		legs,
	};
}

async function main() {
	const arg = (name) => process.argv.find((value) => value.startsWith(`--${name}=`))?.slice(name.length + 3);
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-scan-'));
	try {
		const tarball = arg('tarball') ? path.resolve(arg('tarball')) : pack(work);
		const result = await scan({ sourceDir: path.resolve(arg('source') ?? ROOT), packageDir: extract(tarball, path.join(work, 'package')) });
		for (const leg of result.legs) log(`${leg.passed ? 'ok  ' : 'FAIL'} ${leg.leg}: ${leg.files} files linted with n8n's scanner rules`);
		if (!result.passed) {
			console.log(`n8n's package scanner: failed\n${result.details}`);
			process.exitCode = 1;
		} else {
			console.log(`n8n's package scanner: passed (${path.basename(tarball)} and its source)`);
		}
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

module.exports = { ensureScanner, pack, extract, scan, CACHE };

if (require.main === module) {
	main().catch((error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	});
}
