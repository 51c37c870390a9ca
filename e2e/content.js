// Content and growth inside real n8n: a draft whose thumbnail comes from a binary property,
// published with the node waiting for WeChat's result (the article URL in the output); a QR code
// written to a file by n8n's own file node; 30 days of follower growth as one list of 30 days.
// The simulator is the witness: what it stored, served and counted.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { wechatWorkflow, nodeOutput, assertNoSecret } = require('./lib');

// A 1×1 JPEG: a valid thumb (jpg, under 64 KB).
const JPEG_BASE64 =
	'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';
const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

/** yyyy-MM-dd of the Beijing calendar day `daysBack` days before today's. */
function beijingDate(daysBack) {
	return new Date(Date.now() + BEIJING_MS - daysBack * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The simulator's documented follower growth of one day (test/simulator/analytics.ts), computed
 * here from the formula, not read from the simulator: sources [0, 1, 17, 30, 161]; no rows when
 * d % 5 == 0; source i counts when (d + i) % 3 != 2, with new d % 7 + 3i + 1 and cancelled (d + i) % 4.
 */
function expectedGrowth(date) {
	const d = Date.parse(`${date}T00:00:00Z`) / DAY_MS;
	let newUsers = 0;
	let cancelled = 0;
	if (d % 5 !== 0) {
		for (let i = 0; i < 5; i++) {
			if ((d + i) % 3 === 2) continue;
			newUsers += (d % 7) + 3 * i + 1;
			cancelled += (d + i) % 4;
		}
	}
	return { ref_date: date, new_user: newUsers, cancel_user: cancelled };
}

async function runContentChecks({ instance, sim, credential, secrets, check }) {
	const label = `${instance.install.label}, content`;
	const filesDir = instance.filesDir;
	await instance.importWorkflows([
		wechatWorkflow('wechatCntPublsh1', 'Draft with a thumbnail, published', credential, [
			{
				name: 'Cover as base64',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				parameters: {
					mode: 'manual',
					assignments: { assignments: [{ id: 'e2e-cover', name: 'cover', value: JPEG_BASE64, type: 'string' }] },
					options: {},
				},
			},
			{
				name: 'Cover file',
				type: 'n8n-nodes-base.convertToFile',
				typeVersion: 1.1,
				parameters: { operation: 'toBinary', sourceProperty: 'cover', binaryPropertyName: 'data', options: { fileName: 'cover.jpg', mimeType: 'image/jpeg' } },
			},
			{ name: 'Upload cover', parameters: { resource: 'media', operation: 'addMaterial', type: 'thumb', binaryPropertyName: 'data' } },
			{
				name: 'Draft',
				parameters: {
					resource: 'draft',
					operation: 'create',
					articlesInput: 'fields',
					articles: {
						article: [
							{
								title: 'Autumn opening hours',
								content: '<p>We open at <b>9:00</b> from Monday.</p>',
								thumbMediaId: '={{ $json.media_id }}',
								author: 'n8n',
								needOpenComment: true,
							},
						],
					},
				},
			},
			{
				name: 'Publish',
				parameters: { resource: 'publication', operation: 'publish', mediaId: '={{ $json.media_id }}', waitForResult: true, maxWait: 60, options: { pollInterval: 0.2 } },
			},
		]),
		wechatWorkflow('wechatCntQrFile1', 'QR code to a file', credential, [
			{
				name: 'QR code',
				parameters: { resource: 'qrCode', operation: 'create', codeType: 'temporary', sceneType: 'text', sceneStr: 'booth-7', expireSeconds: 86400 },
			},
			{
				name: 'Write file',
				type: 'n8n-nodes-base.readWriteFile',
				typeVersion: 1,
				parameters: { operation: 'write', fileName: `={{ ${JSON.stringify(filesDir + path.sep)} + $binary.data.fileName }}`, dataPropertyName: 'data', options: {} },
			},
		]),
		wechatWorkflow('wechatCntGrowth1', '30 days of follower growth', credential, [
			{ name: 'Growth', parameters: { resource: 'analytics', operation: 'getFollowerGrowth', dateRange: 'last30Days', output: 'day' } },
		]),
	]);

	await check(`${label}: a draft with a thumbnail from a binary property, published and waited for: the article URL in the output`, async () => {
		sim.content.pollsBeforeOutcome = 2;
		const submitsBefore = sim.callCount('/cgi-bin/freepublish/submit');
		const pollsBefore = sim.callCount('/cgi-bin/freepublish/get');
		const result = await instance.execute('wechatCntPublsh1');
		assert.equal(result.code, 0, result.stderr.slice(-2000));
		const [cover] = nodeOutput(result.run, 'Upload cover');
		assert.equal(sim.media.get(cover.json.media_id)?.data.equals(Buffer.from(JPEG_BASE64, 'base64')), true, 'the cover WeChat stored is the file n8n made');
		const [published] = nodeOutput(result.run, 'Received');
		assert.equal(published.json.status, 'published');
		const publication = sim.content.publications.get(String(published.json.article_id));
		assert.ok(publication, 'WeChat has the publication the output names');
		assert.equal(publication.articles[0].title, 'Autumn opening hours');
		assert.equal(publication.articles[0].thumb_media_id, cover.json.media_id);
		assert.equal(published.json.article_url, publication.articles[0].url);
		assert.match(published.json.article_url, /^https:\/\/mp\.weixin\.qq\.com\/s\//);
		assert.equal(sim.callCount('/cgi-bin/freepublish/submit') - submitsBefore, 1, 'published once');
		assert.equal(sim.callCount('/cgi-bin/freepublish/get') - pollsBefore, 3, 'two "publishing" answers, then the result');
		assertNoSecret(result.stdout + result.stderr, secrets());
	});

	await check(`${label}: a QR code to a file: the file holds the image WeChat served, fetched without the access token`, async () => {
		const result = await instance.execute('wechatCntQrFile1');
		assert.equal(result.code, 0, result.stderr.slice(-2000));
		const [code] = nodeOutput(result.run, 'QR code');
		assert.equal(code.json.scene, 'booth-7');
		const file = path.join(filesDir, code.binary.data.fileName);
		assert.equal(path.basename(file), 'qrcode-booth-7.jpg');
		assert.ok(fs.readFileSync(file).equals(sim.qrcodes.code(code.json.ticket).image), 'the file is the image WeChat served for this ticket');
		const [imageRequest] = sim.requests('/cgi-bin/showqrcode').slice(-1);
		assert.deepEqual(Object.keys(imageRequest.query), ['ticket'], 'no access_token to mp.weixin.qq.com');
		assertNoSecret(JSON.stringify(code.json) + result.stdout + result.stderr, secrets());
	});

	await check(`${label}: 30 days of follower growth: one list of 30 days in date order, from 5 requests of at most 7 days`, async () => {
		const before = sim.callCount('/datacube/getusersummary');
		const result = await instance.execute('wechatCntGrowth1');
		assert.equal(result.code, 0, result.stderr.slice(-2000));
		const days = Array.from({ length: 30 }, (_, index) => beijingDate(30 - index));
		const items = nodeOutput(result.run, 'Received');
		assert.deepEqual(
			items.map(({ json }) => ({ ref_date: json.ref_date, new_user: json.new_user, cancel_user: json.cancel_user })),
			days.map(expectedGrowth),
		);
		const windows = sim.requests('/datacube/getusersummary').slice(-5).map((entry) => [entry.body.begin_date, entry.body.end_date]);
		assert.equal(sim.callCount('/datacube/getusersummary') - before, 5);
		assert.deepEqual(windows, [
			[days[0], days[6]],
			[days[7], days[13]],
			[days[14], days[20]],
			[days[21], days[27]],
			[days[28], days[29]],
		]);
	});
}

module.exports = { runContentChecks };
