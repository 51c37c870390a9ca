// The OpenID lists' Output option inside real n8n: 25,000 followers as One File (CSV), written to
// disk by n8n's Read/Write Files node, in both binary data modes (filesystem, where the node
// streams the file page by page, and memory, where n8n refuses a stream and the node hands it one
// Buffer); One Item per Page; the example workflow. The simulator is the witness: the file on
// disk must hold exactly its followers (count and SHA-256), once each, in order.
'use strict';

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { ROOT, wechatWorkflow, nodeOutput, assertNoSecret } = require('./lib');

const FOLLOWERS = 25_000;

function sha256(text) {
	return crypto.createHash('sha256').update(text).digest('hex');
}

/** Runs `body` with n8n's binary data mode set for the n8n processes it starts. */
async function withBinaryMode(instance, mode, body) {
	const before = instance.env.N8N_DEFAULT_BINARY_DATA_MODE;
	instance.env.N8N_DEFAULT_BINARY_DATA_MODE = mode;
	try {
		return await body();
	} finally {
		if (before === undefined) delete instance.env.N8N_DEFAULT_BINARY_DATA_MODE;
		else instance.env.N8N_DEFAULT_BINARY_DATA_MODE = before;
	}
}

async function runFileOutputChecks({ instance, sim, credential, secrets, check }) {
	const label = `${instance.install.label}, list output`;
	const filesDir = instance.filesDir;
	const writeStep = (fileName) => ({
		name: 'Write file',
		type: 'n8n-nodes-base.readWriteFile',
		typeVersion: 1,
		parameters: { operation: 'write', fileName: path.join(filesDir, fileName), dataPropertyName: 'data', options: {} },
	});
	const fileStep = { name: 'Followers file', parameters: { resource: 'follower', operation: 'getAll', returnAll: true, output: 'file', fileFormat: 'csv' } };
	await instance.importWorkflows([
		wechatWorkflow('wechatLstFileFs1', 'Followers to a CSV file (filesystem mode)', credential, [fileStep, writeStep('followers-filesystem.csv')]),
		wechatWorkflow('wechatLstFileMem', 'Followers to a CSV file (memory mode)', credential, [fileStep, writeStep('followers-memory.csv')]),
		wechatWorkflow('wechatLstPages01', 'Followers, one item per page', credential, [
			{ name: 'Follower pages', parameters: { resource: 'follower', operation: 'getAll', returnAll: true, output: 'pages' } },
		]),
	]);

	// 'default' is n8n's in-memory mode (1.x's default; 2.x defaults to filesystem).
	for (const [mode, workflowId, fileName] of [
		['filesystem', 'wechatLstFileFs1', 'followers-filesystem.csv'],
		['default', 'wechatLstFileMem', 'followers-memory.csv'],
	]) {
		await check(`${label}: ${FOLLOWERS} followers as One File (CSV) written to disk by Read/Write Files, binary mode "${mode}"`, async () => {
			sim.setFollowers(FOLLOWERS);
			sim.clearLog();
			const result = await withBinaryMode(instance, mode, () => instance.execute(workflowId));
			assert.equal(result.code, 0, `${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
			const [item, ...more] = nodeOutput(result.run, 'Followers file');
			assert.equal(more.length, 0, 'one item for the whole list');
			assert.equal(item.json.count, FOLLOWERS);
			assert.equal(item.json.lastOpenid, sim.allFollowers().at(-1));
			assert.equal(item.json.pages, sim.requests('/cgi-bin/user/get').length);
			assert.equal(item.binary.data.mimeType, 'text/csv');
			if (mode === 'filesystem') assert.match(String(item.binary.data.id), /^filesystem/, 'n8n stored the file on disk');
			else assert.equal(item.binary.data.id, undefined, 'n8n kept the file in memory');

			const written = fs.readFileSync(path.join(filesDir, fileName), 'utf8');
			const expected = `openid\n${sim.allFollowers().join('\n')}\n`;
			const lines = written.split('\n');
			assert.equal(lines[0], 'openid');
			assert.equal(lines.length - 2, FOLLOWERS, 'one line per follower after the header');
			assert.equal(new Set(lines.slice(1, -1)).size, FOLLOWERS, 'no follower twice');
			assert.equal(sha256(written), sha256(expected), 'the file holds every follower, in order');
			assertNoSecret(result.stdout + result.stderr + written, secrets());
		});
	}

	await check(`${label}: One Item per Page: ${FOLLOWERS} followers in 3 items of 10,000, 10,000 and 5,000`, async () => {
		sim.setFollowers(FOLLOWERS);
		const result = await instance.execute('wechatLstPages01');
		assert.equal(result.code, 0, result.stderr.slice(-2000));
		const pages = nodeOutput(result.run, 'Received');
		assert.deepEqual(pages.map((page) => [page.json.page, page.json.count]), [[1, 10_000], [2, 10_000], [3, 5_000]]);
		assert.deepEqual(pages.flatMap((page) => page.json.openids), sim.allFollowers());
	});

	await check(`${label}: the example workflow writes the followers' CSV file`, async () => {
		const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'wechat-followers-to-csv.json'), 'utf8'));
		example.id = 'wechatE2eExampl1';
		for (const node of example.nodes) {
			if (node.credentials) node.credentials.weChatOfficialAccountApi = { id: credential.id, name: credential.name };
			// The example writes to n8n's Docker file folder; here, to this instance's.
			if (node.type === 'n8n-nodes-base.readWriteFile') node.parameters.fileName = path.join(filesDir, 'example-followers.csv');
		}
		await instance.importWorkflows([example]);
		sim.setFollowers(1_234);
		const result = await instance.execute(example.id);
		assert.equal(result.code, 0, result.stderr.slice(-2000));
		const [file] = nodeOutput(result.run, 'Followers as CSV file');
		assert.equal(file?.binary?.data?.fileName, 'wechat-followers.csv');
		assert.equal(fs.readFileSync(path.join(filesDir, 'example-followers.csv'), 'utf8'), `openid\n${sim.allFollowers().join('\n')}\n`);
	});
}

module.exports = { runFileOutputChecks };
