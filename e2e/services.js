// PostgreSQL and Redis for the queue-mode test: Debian's servers, started by hand on loopback in
// temporary folders, stopped by PID. Nothing here touches a system-wide instance.
'use strict';

const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

/** Where Debian puts PostgreSQL's server programs (not on PATH), newest major version first. */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => b - a) : [];
	for (const version of versions) {
		const bin = path.join(root, version, 'bin');
		if (fs.existsSync(path.join(bin, 'postgres')) && fs.existsSync(path.join(bin, 'initdb'))) return bin;
	}
	return undefined;
}

function commandPath(name) {
	for (const dir of (process.env.PATH ?? '').split(':')) {
		const candidate = path.join(dir, name);
		if (dir && fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** What is missing to run the queue-mode test, or an empty list. */
function missingServices() {
	const missing = [];
	if (!postgresBin() || !commandPath('psql')) missing.push('postgresql');
	if (!commandPath('redis-server')) missing.push('redis-server');
	return missing;
}

/**
 * Installs what is missing from Debian's packages when that is possible without asking anyone:
 * as root with apt-get (CI, containers). Returns what is still missing.
 */
function installMissingServices(log) {
	const missing = missingServices();
	if (missing.length === 0 || process.getuid?.() !== 0 || !commandPath('apt-get')) return missing;
	log(`installing ${missing.join(' and ')} from Debian's packages (apt-get, once)`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, stdio: ['ignore', 'ignore', 'inherit'] });
	return missingServices();
}

async function waitFor(description, probe, { timeoutMs = 60_000, intervalMs = 250, process: child } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child && child.exitCode !== null) throw new Error(`${description}: the process exited with ${child.exitCode}`);
		try {
			if (await probe()) return;
		} catch {
			// not yet
		}
		if (Date.now() > deadline) throw new Error(`${description}: not ready after ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** Every process started here that is still running: killed if this script is interrupted. */
const running = new Set();
/** Temporary folders removed when this script exits, however it exits. */
const temporaryDirs = new Set();
process.on('exit', () => {
	for (const child of running) {
		try {
			process.kill(child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder, removed when the script exits. */
function temporaryDir(prefix) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	temporaryDirs.add(dir);
	return dir;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		process.stderr.write(`[e2e] ${signal}: stopping ${running.size} process(es) started by this test\n`);
		process.exit(130);
	});
}

/** A child process with its output in a file, stopped by PID: SIGTERM (or `signal`), SIGKILL after a grace period. */
function startProcess(name, command, args, { env = process.env, cwd, logFile, uid, gid, stopSignal = 'SIGTERM' }) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(command, args, { env, cwd, stdio: ['ignore', out, out], uid, gid });
	fs.closeSync(out);
	running.add(child);
	const exited = new Promise((resolve) => child.on('exit', resolve));
	exited.then(() => running.delete(child));
	return {
		name,
		pid: child.pid,
		child,
		logFile,
		log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
		async stop(graceMs = 20_000) {
			if (child.exitCode !== null || child.signalCode !== null) return;
			process.kill(child.pid, stopSignal);
			const timer = setTimeout(() => {
				try {
					process.kill(child.pid, 'SIGKILL');
				} catch {
					// already gone
				}
			}, graceMs);
			await exited;
			clearTimeout(timer);
		},
	};
}

async function canConnect(port) {
	return await new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/**
 * A PostgreSQL cluster in a temporary folder, listening on 127.0.0.1:`port` only, trusting local
 * connections (loopback, test data). As root, the server runs as the `postgres` user, which
 * Debian's package creates: PostgreSQL refuses to run as root.
 */
async function startPostgres(port, workDir) {
	const bin = postgresBin();
	const dataDir = temporaryDir('wechat-queue-pg-');
	let uid;
	let gid;
	if (process.getuid?.() === 0) {
		uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		fs.chownSync(dataDir, uid, gid);
	}
	const logFile = path.join(workDir, 'postgres.log');
	fs.writeFileSync(logFile, '');
	if (uid !== undefined) fs.chownSync(logFile, uid, gid);
	execFileSync(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'], {
		uid,
		gid,
		cwd: dataDir,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const server = startProcess('postgres', path.join(bin, 'postgres'), ['-D', dataDir, '-h', '127.0.0.1', '-p', String(port), '-k', dataDir, '-c', 'fsync=off', '-c', 'max_connections=200'], {
		cwd: dataDir,
		logFile,
		uid,
		gid,
		// SIGINT is PostgreSQL's fast shutdown.
		stopSignal: 'SIGINT',
	});
	await waitFor(
		'PostgreSQL',
		() => {
			execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-tAc', 'select 1'], { stdio: 'pipe' });
			return true;
		},
		{ process: server.child },
	);
	return {
		...server,
		port,
		createDatabase(name) {
			execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', `CREATE DATABASE ${name}`], { stdio: 'pipe' });
		},
		async stop() {
			await server.stop();
			fs.rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

/** A Redis server on 127.0.0.1:`port`, nothing persisted. */
async function startRedis(port, workDir) {
	const server = startProcess(
		'redis',
		commandPath('redis-server'),
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', workDir],
		{ cwd: workDir, logFile: path.join(workDir, 'redis.log') },
	);
	await waitFor('Redis', () => canConnect(port), { process: server.child });
	return { ...server, port };
}

module.exports = { temporaryDir, installMissingServices, missingServices, startPostgres, startRedis, startProcess, waitFor };
