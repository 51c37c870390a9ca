// Section 7 of the benchmark: huge follower lists inside real n8n with
// N8N_DEFAULT_BINARY_DATA_MODE=filesystem. Follower → Get Many with Output "One File" (CSV) written
// to disk by Read/Write Files, against the item output and the HTTP Request route where those can
// finish. The simulator generates its followers from their positions, so 10,000,000 of them cost
// the bench nothing; the file is checked against the simulator's list by count and SHA-256, read as
// a stream, never whole.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const { createInstance, ensureN8n, followersWorkflow, nodeOutput, log, wechatWorkflow } = require('../e2e/lib');

const PAGE = 10_000;

/** Count and SHA-256 of the OpenIDs of a CSV file (after its "openid" header), joined by "\n", read line by line. */
async function digestCsv(file) {
	const hash = crypto.createHash('sha256');
	const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
	let header;
	let count = 0;
	for await (const line of lines) {
		if (header === undefined) {
			header = line;
			continue;
		}
		if (line === '') continue;
		hash.update(count === 0 ? line : `\n${line}`);
		count++;
	}
	return { header, count, sha256: hash.digest('hex') };
}

function nodeTimes(run) {
	const runData = run?.data?.resultData?.runData ?? {};
	return Object.fromEntries(Object.entries(runData).map(([name, tasks]) => [name, tasks.reduce((sum, task) => sum + (task.executionTime ?? 0), 0)]));
}

function machineLoad() {
	const [one, five] = os.loadavg();
	return { load1: Number(one.toFixed(2)), load5: Number(five.toFixed(2)), cpus: os.cpus().length };
}

/**
 * @param {object} options { lines, fileSizes, itemSizes, httpSizes, runs, httpRequestWorkflow }
 */
async function hugeBench(compiled, tarball, workDir, results, options) {
	const { WeChatSimulator } = require(path.join(compiled, 'test', 'simulator', 'simulator.js'));
	results.huge = { date: new Date().toISOString().slice(0, 10), rows: [] };
	for (const line of options.lines) {
		const install = ensureN8n(line);
		const instance = await createInstance(install, tarball, workDir);
		instance.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
		const sim = new WeChatSimulator({ followers: 0 });
		const baseUrl = await sim.start();
		const credential = { id: 'wechatHugeCred01', name: 'WeChat simulator (huge bench)' };
		await instance.importCredentials([
			{ ...credential, type: 'weChatOfficialAccountApi', data: { appId: sim.appId, appSecret: sim.appSecret, apiDomain: 'custom', baseUrl } },
		]);
		const csvPath = path.join(instance.filesDir, 'followers-huge.csv');
		const fileWorkflow = wechatWorkflow('wechatHugeFile01', 'Followers to one CSV file on disk', credential, [
			{ name: 'WeChat Official Account', parameters: { resource: 'follower', operation: 'getAll', returnAll: true, output: 'file', fileFormat: 'csv' } },
			{
				name: 'Write file',
				type: 'n8n-nodes-base.readWriteFile',
				typeVersion: 1,
				parameters: { operation: 'write', fileName: csvPath, dataPropertyName: 'data', options: {} },
			},
		]);
		const itemWorkflow = followersWorkflow('wechatHugeItems1', 'Followers as items', credential, { returnAll: true });
		itemWorkflow.nodes = itemWorkflow.nodes.filter((node) => node.name !== 'Received');
		delete itemWorkflow.connections['WeChat Official Account'];
		await instance.importWorkflows([fileWorkflow, itemWorkflow, options.httpRequestWorkflow('wechatHugeHttp01', baseUrl, sim)]);
		// a first pull for the token, so every measured run is warm
		sim.setFollowers(1);
		await instance.execute('wechatHugeItems1');

		const variants = [
			['file', 'One File (CSV) → Read/Write Files', 'wechatHugeFile01', ['WeChat Official Account', 'Write file'], options.fileSizes],
			['items', 'item output (one item per follower)', 'wechatHugeItems1', ['WeChat Official Account'], options.itemSizes],
			['http', 'HTTP Request + Split Out', 'wechatHugeHttp01', ['Token', 'Followers pages', 'Split Out'], options.httpSizes],
		];
		try {
			for (const [kind, label, workflowId, timedNodes, sizes] of variants) {
				for (const size of sizes) {
					sim.setFollowers(size);
					const expected = kind === 'file' ? sim.followersDigest() : undefined;
					for (let run = 0; run < options.runs; run++) {
						fs.rmSync(csvPath, { force: true });
						sim.clearLog();
						const loadBefore = machineLoad();
						const result = await instance.execute(workflowId, { measureRss: true });
						const entry = {
							line: install.label,
							kind,
							label,
							size,
							run: run + 1,
							code: result.code,
							wallMs: result.ms,
							peakRssMb: Math.round(result.peakRssKb / 1024),
							nodeMs: timedNodes.reduce((sum, name) => sum + (nodeTimes(result.run)[name] ?? 0), 0),
							userGet: sim.requests('/cgi-bin/user/get').length,
							expectedUserGet: Math.ceil(size / PAGE) + 1,
							loadBefore,
							loadAfter: machineLoad(),
						};
						if (result.code !== 0) {
							entry.error = `${result.stdout.slice(-800)}\n${result.stderr.slice(-800)}`;
						} else if (kind === 'file') {
							const [item] = nodeOutput(result.run, 'WeChat Official Account');
							const onDisk = await digestCsv(csvPath);
							entry.fileCount = onDisk.count;
							entry.fileBytes = fs.statSync(csvPath).size;
							entry.itemCount = item?.json?.count;
							entry.exact = onDisk.header === 'openid' && onDisk.count === expected.count && onDisk.sha256 === expected.sha256;
							entry.sha256 = onDisk.sha256;
						} else {
							const outputNode = kind === 'items' ? 'WeChat Official Account' : 'Split Out';
							entry.itemCount = nodeOutput(result.run, outputNode).length;
							entry.exact = entry.itemCount === size;
						}
						fs.rmSync(csvPath, { force: true });
						results.huge.rows.push(entry);
						log(
							`${install.label} ${label} N=${size}: exit ${entry.code}, wall ${(entry.wallMs / 1000).toFixed(1)} s, node ${entry.nodeMs} ms, ` +
								`RSS ${entry.peakRssMb} MB, user/get ${entry.userGet}/${entry.expectedUserGet}, exact ${entry.exact}, load ${loadBefore.load1}`,
						);
						if (options.onRow) options.onRow(results);
					}
				}
			}
		} finally {
			await sim.stop();
		}
	}
}

function hugeReport(huge) {
	if (!huge?.rows?.length) return [];
	const f = (n) => (n === undefined ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
	const lines = ['', '## 7. Huge lists: 100,000 to 10,000,000 followers inside real n8n (file output)', ''];
	lines.push(
		'`n8n execute` with `N8N_DEFAULT_BINARY_DATA_MODE=filesystem`, warm token, simulator in the bench process (it generates OpenIDs from their positions). ' +
			'"One File": Follower → Get Many with Output One File (CSV) → Read/Write Files writing it to n8n\'s files folder; the bench then reads that file as a stream and compares count and SHA-256 (OpenIDs in order, newline-joined) with the simulator\'s list. ' +
			'"item output": the same node with one item per follower. "HTTP Request + Split Out": section 3\'s workflow (b). Peak RSS: the n8n process\'s VmHWM. Node time: what n8n records for the nodes of the row (file: the WeChat node and Read/Write Files). ' +
			'Load: the 1-minute load average of this 2-core machine (shared with other jobs) before the run. Regenerate with `npm run bench -- --only=huge`.',
		'',
	);
	lines.push('| n8n | followers | workflow | peak RSS MB | wall s | node time s | user/get calls | ceil(N / 10,000) + 1 | exactly the simulator\'s list | load before |');
	lines.push('|---|---|---|---|---|---|---|---|---|---|');
	for (const e of huge.rows) {
		const exact = e.code !== 0 ? `**failed** (exit ${e.code})` : e.kind === 'file' ? (e.exact ? `yes: ${e.fileCount.toLocaleString('en')} lines, SHA-256 equal` : '**no**') : e.exact ? `${e.itemCount.toLocaleString('en')} items` : '**no**';
		lines.push(
			`| ${e.line} | ${e.size.toLocaleString('en')} | ${e.label} | ${e.peakRssMb} | ${f(e.wallMs / 1000)} | ${f(e.nodeMs / 1000)} | ${e.userGet} | ${e.expectedUserGet} | ${exact} | ${e.loadBefore.load1} |`,
		);
	}
	if (huge.notes?.length) lines.push('', ...huge.notes);
	return lines;
}

module.exports = { hugeBench, hugeReport, digestCsv };
