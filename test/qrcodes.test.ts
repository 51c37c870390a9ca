import type { INodeExecutionData } from 'n8n-workflow';

import { Fixture, errorOf } from './harness/fixture';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const CREATE = '/cgi-bin/qrcode/create';
const SHOW = '/cgi-bin/showqrcode';
const GEN = '/cgi-bin/shorten/gen';
const FETCH = '/cgi-bin/shorten/fetch';

/** The bytes of an output file: held inline (base64) since no binary data manager is set up. */
function outputBytes(item: INodeExecutionData, field = 'data'): Buffer {
	const binary = item.binary?.[field];
	expect(binary).toBeDefined();
	return Buffer.from(binary!.data, 'base64');
}

function pairedItems(items: INodeExecutionData[]): number[] {
	return items.map((item) => (item.pairedItem as { item: number }).item);
}

describe('QR Code → Create', () => {
	test('a temporary text scene: the request, the output, and the JPEG WeChat served, byte for byte, fetched without the token', async () => {
		fixture = await Fixture.start();
		const before = Date.now();
		const [item] = await fixture.run('qrCode.create', { codeType: 'temporary', sceneType: 'text', sceneStr: 'booth 7/东', expireSeconds: 3600 });
		const after = Date.now();

		expect(fixture.sim.requests(CREATE).map((entry) => entry.body)).toEqual([
			{ expire_seconds: 3600, action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: 'booth 7/东' } } },
		]);
		const ticket = item.json.ticket as string;
		const code = fixture.sim.qrcodes.code(ticket)!;
		expect(code.scene).toBe('booth 7/东');
		expect(item.json).toEqual({
			ticket,
			url: code.url,
			expire_seconds: 3600,
			expires_at: expect.any(String),
			action_name: 'QR_STR_SCENE',
			scene_str: 'booth 7/东',
			scene: 'booth 7/东',
			permanent: false,
			image_url: `https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=${encodeURIComponent(ticket)}`,
			file_name: 'qrcode-booth_7_东.jpg',
			mime_type: 'image/jpeg',
			file_size: code.image.length,
		});
		expect(ticket).toMatch(/[+/=]/);
		// + / = encoded: a browser or mail client reads the same ticket back.
		expect((item.json.image_url as string).split('?ticket=')[1]).not.toMatch(/[+/=]/);
		expect(new URL(item.json.image_url as string).searchParams.get('ticket')).toBe(ticket);
		const expiresAt = Date.parse(item.json.expires_at as string);
		expect(expiresAt).toBeGreaterThanOrEqual(before + 3600_000);
		expect(expiresAt).toBeLessThanOrEqual(after + 3600_000);

		// The image: the simulator's bytes exactly, a JPEG named after the scene.
		expect(outputBytes(item).equals(code.image)).toBe(true);
		expect(item.binary!.data).toMatchObject({ mimeType: 'image/jpeg', fileName: 'qrcode-booth_7_东.jpg', fileExtension: 'jpg' });
		const [show] = fixture.sim.requests(SHOW);
		expect(show.query).toEqual({ ticket });
		expect(JSON.stringify(item.json)).not.toContain(fixture.sim.issuedTokens()[0]);
		expect(pairedItems([item])).toEqual([0]);
	});

	test('a temporary number scene up to 4,294,967,295', async () => {
		fixture = await Fixture.start();
		const [item] = await fixture.run('qrCode.create', { codeType: 'temporary', sceneType: 'number', sceneId: 4_294_967_295, expireSeconds: 60 });
		expect(fixture.sim.requests(CREATE)[0].body).toEqual({ expire_seconds: 60, action_name: 'QR_SCENE', action_info: { scene: { scene_id: 4_294_967_295 } } });
		expect(item.json).toMatchObject({ scene_id: 4_294_967_295, scene: 4_294_967_295, action_name: 'QR_SCENE', expire_seconds: 60 });
		expect(item.binary!.data.fileName).toBe('qrcode-4294967295.jpg');
	});

	test('permanent: no expiry sent or reported; the same scene is the same code; the 100,000 limit (45029) explained', async () => {
		fixture = await Fixture.start();
		const params = { codeType: 'permanent', sceneType: 'number', sceneId: 100_000, options: { downloadImage: false } };
		const [first] = await fixture.run('qrCode.create', params);
		expect(fixture.sim.requests(CREATE)[0].body).toEqual({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 100_000 } } });
		expect(first.json).toMatchObject({ action_name: 'QR_LIMIT_SCENE', scene_id: 100_000, permanent: true, expires_at: null });
		expect(first.json).not.toHaveProperty('expire_seconds');

		const [again] = await fixture.run('qrCode.create', params);
		expect(again.json.ticket).toBe(first.json.ticket);

		fixture.sim.qrcodes.permanentLimit = 2;
		await fixture.run('qrCode.create', { codeType: 'permanent', sceneType: 'text', sceneStr: 'poster', options: { downloadImage: false } });
		expect(fixture.sim.requests(CREATE).at(-1)!.body).toEqual({ action_name: 'QR_LIMIT_STR_SCENE', action_info: { scene: { scene_str: 'poster' } } });
		const error = await errorOf(() =>
			fixture.run('qrCode.create', { codeType: 'permanent', sceneType: 'text', sceneStr: 'one more', options: { downloadImage: false } }),
		);
		expect(error.message).toBe('The account has the most permanent QR codes WeChat allows (100,000) (WeChat errcode 45029)');
		expect(error.description).toContain('temporary');
		expect(fixture.sim.qrcodes.permanentCount()).toBe(2);
	});

	test('Download Image off: no image request, no binary; Put Output File in Field names the field', async () => {
		fixture = await Fixture.start();
		const [plain] = await fixture.run('qrCode.create', { sceneType: 'text', sceneStr: 'a', options: { downloadImage: false } });
		expect(plain.binary).toBeUndefined();
		expect(fixture.sim.callCount(SHOW)).toBe(0);

		const [named] = await fixture.run('qrCode.create', { sceneType: 'text', sceneStr: 'b', options: { binaryPropertyName: 'qr' } });
		expect(Object.keys(named.binary ?? {})).toEqual(['qr']);
		expect(outputBytes(named, 'qr').equals(fixture.sim.qrcodes.code(named.json.ticket as string)!.image)).toBe(true);
	});

	test('one code per input item, each with its own image', async () => {
		fixture = await Fixture.start();
		const input = [{ json: { place: 'gate-1' } }, { json: { place: 'gate-2' } }];
		const items = await fixture.run('qrCode.create', { sceneType: 'text', sceneStr: '={{ $json.place }}' }, { input });
		expect(items.map((item) => item.json.scene)).toEqual(['gate-1', 'gate-2']);
		expect(pairedItems(items)).toEqual([0, 1]);
		for (const item of items) expect(outputBytes(item).equals(fixture.sim.qrcodes.code(item.json.ticket as string)!.image)).toBe(true);
		expect(outputBytes(items[0]).equals(outputBytes(items[1]))).toBe(false);
	});

	const invalid: Array<{ title: string; params: Record<string, unknown>; message: string }> = [
		{
			title: 'temporary number scene 0',
			params: { codeType: 'temporary', sceneType: 'number', sceneId: 0 },
			message: 'Input item 1: "Scene" must be a whole number from 1 to 4,294,967,295, not 0',
		},
		{
			title: 'temporary number scene 4,294,967,296',
			params: { codeType: 'temporary', sceneType: 'number', sceneId: 4_294_967_296 },
			message: 'Input item 1: "Scene" must be a whole number from 1 to 4,294,967,295, not 4294967296',
		},
		{
			title: 'permanent number scene 100,001',
			params: { codeType: 'permanent', sceneType: 'number', sceneId: 100_001 },
			message: 'Input item 1: "Scene" must be a whole number from 1 to 100,000, not 100001',
		},
		{
			title: 'a fractional scene',
			params: { codeType: 'permanent', sceneType: 'number', sceneId: 1.5 },
			message: 'Input item 1: "Scene" must be a whole number from 1 to 100,000, not 1.5',
		},
		{
			title: 'an empty text scene',
			params: { codeType: 'temporary', sceneType: 'text', sceneStr: '' },
			message: 'Input item 1: "Scene" must be 1 to 64 characters, not 0',
		},
		{
			title: 'a text scene of 65 characters',
			params: { codeType: 'permanent', sceneType: 'text', sceneStr: '码'.repeat(65) },
			message: 'Input item 1: "Scene" must be 1 to 64 characters, not 65',
		},
		{
			title: 'an expiry of 59 seconds',
			params: { codeType: 'temporary', sceneType: 'text', sceneStr: 'x', expireSeconds: 59 },
			message: 'Input item 1: "Expires In (Seconds)" must be a whole number from 60 to 2,592,000, not 59',
		},
		{
			title: 'an expiry over 30 days',
			params: { codeType: 'temporary', sceneType: 'text', sceneStr: 'x', expireSeconds: 2_592_001 },
			message: 'Input item 1: "Expires In (Seconds)" must be a whole number from 60 to 2,592,000, not 2592001',
		},
	];
	test.each(invalid)('refused before sending: $title', async ({ params, message }) => {
		fixture = await Fixture.start();
		const error = await errorOf(() => fixture.run('qrCode.create', params));
		expect(error.message).toBe(message);
		expect(fixture.sim.callCount(CREATE)).toBe(0);
	});

	test('64 characters is accepted, and a permanent code takes no expiry even when one is set', async () => {
		fixture = await Fixture.start();
		await fixture.run('qrCode.create', { codeType: 'temporary', sceneType: 'text', sceneStr: '码'.repeat(64), options: { downloadImage: false } });
		await fixture.run('qrCode.create', { codeType: 'permanent', sceneType: 'number', sceneId: 1, expireSeconds: 59, options: { downloadImage: false } });
		expect(fixture.sim.requests(CREATE).map((entry) => entry.errcode)).toEqual([0, 0]);
		expect(fixture.sim.requests(CREATE)[1].body).not.toHaveProperty('expire_seconds');
	});
});

describe('QR Code → Create: failures after WeChat created the code', () => {
	test('the image download fails: the error keeps ticket, url and image_url, advises Get Image, and Get Image later works', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault(SHOW, { httpStatus: 403 }, 1);
		const items = await fixture.run(
			'qrCode.create',
			{ codeType: 'permanent', sceneType: 'text', sceneStr: 'poster-1' },
			{ continueOnFail: true },
		);
		expect(fixture.sim.callCount(CREATE)).toBe(1);
		expect(fixture.sim.qrcodes.permanentCount()).toBe(1);
		expect(items).toHaveLength(1);
		const failed = items[0].json;
		const ticket = failed.ticket as string;
		const code = fixture.sim.qrcodes.code(ticket)!;
		expect(code.scene).toBe('poster-1');
		expect(failed.url).toBe(code.url);
		expect(failed.image_url).toBe(`https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=${encodeURIComponent(ticket)}`);
		expect(failed.error).toMatch(/^The QR code was created, but its image could not be downloaded: /);
		expect(failed.description).toContain('QR Code → Get Image');
		expect(failed.description).toContain(ticket);
		expect(failed.description).toContain('100,000');
		expect(failed.description).not.toContain('API Server" in the credential');
		expect(items[0].binary).toBeUndefined();
		expect(pairedItems(items)).toEqual([0]);

		// The advice works: the image of that ticket, without creating the code again.
		const [image] = await fixture.run('qrCode.getImage', {}, { input: [{ json: failed }] });
		expect(outputBytes(image).equals(code.image)).toBe(true);
		expect(fixture.sim.callCount(CREATE)).toBe(1);
	});

	test('without Continue On Fail the error says the same', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault(SHOW, { httpStatus: 403 }, 1);
		const error = await errorOf(() => fixture.run('qrCode.create', { sceneType: 'text', sceneStr: 'x' }));
		expect(error.message).toMatch(/^The QR code was created, but its image could not be downloaded: /);
		const [ticket] = [...fixture.sim.requests(SHOW).map((entry) => entry.query.ticket)];
		expect(error.description).toContain(ticket);
		expect(error.description).not.toContain('each permanent code');
	});

	test('a dropped connection to qrcode/create is repeated (2 calls, one code)', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault(CREATE, 'drop', 1);
		const [item] = await fixture.run('qrCode.create', { sceneType: 'text', sceneStr: 'again', options: { downloadImage: false } });
		expect(fixture.sim.requests(CREATE).map((entry) => entry.errcode)).toEqual([undefined, 0]);
		expect(fixture.sim.qrcodes.code(item.json.ticket as string)!.scene).toBe('again');
	});

	test('a text scene counts characters, not UTF-16 units: 64 emoji are sent, 65 refused', async () => {
		fixture = await Fixture.start();
		const emoji = '😀'.repeat(64); // 64 characters, 128 UTF-16 units
		await fixture.run('qrCode.create', { sceneType: 'text', sceneStr: emoji, options: { downloadImage: false } });
		expect(fixture.sim.requests(CREATE).map((entry) => entry.body)).toEqual([
			{ expire_seconds: 604_800, action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: emoji } } },
		]);
		const error = await errorOf(() => fixture.run('qrCode.create', { sceneType: 'text', sceneStr: `${emoji}😀` }));
		expect(error.message).toBe('Input item 1: "Scene" must be 1 to 64 characters, not 65');
		expect(fixture.sim.callCount(CREATE)).toBe(1);
	});
});

describe('QR Code → Get Image', () => {
	test('the image of a stored ticket, from the ticket or from its image_url', async () => {
		fixture = await Fixture.start();
		const [created] = await fixture.run('qrCode.create', { sceneType: 'text', sceneStr: 'later', options: { downloadImage: false } });
		const ticket = created.json.ticket as string;
		const image = fixture.sim.qrcodes.code(ticket)!.image;

		const [item] = await fixture.run('qrCode.getImage', {}, { input: [{ json: { ticket } }] });
		expect(item.json).toEqual({ ticket, image_url: created.json.image_url, file_name: 'qrcode.jpg', mime_type: 'image/jpeg', file_size: image.length });
		expect(outputBytes(item).equals(image)).toBe(true);

		const [fromUrl] = await fixture.run('qrCode.getImage', { ticket: created.json.image_url, options: { binaryPropertyName: 'img' } });
		expect(outputBytes(fromUrl, 'img').equals(image)).toBe(true);
		expect(fixture.sim.requests(SHOW).map((entry) => entry.query)).toEqual([{ ticket }, { ticket }]);
	});

	test('the access token never goes to showqrcode, also after a token was fetched', async () => {
		fixture = await Fixture.start();
		const [created] = await fixture.run('qrCode.create', { sceneType: 'text', sceneStr: 'x' });
		await fixture.run('qrCode.getImage', { ticket: created.json.ticket });
		const tokens = fixture.sim.issuedTokens();
		expect(tokens.length).toBeGreaterThan(0);
		for (const entry of fixture.sim.requests(SHOW)) {
			expect(Object.keys(entry.query)).toEqual(['ticket']);
			for (const token of tokens) expect(JSON.stringify(entry)).not.toContain(token);
		}
		expect(fixture.sim.requests(CREATE)[0].query.access_token).toBe(tokens[0]);
	});

	test('an unknown ticket: a readable error (HTTP 404 from WeChat), an error item with Continue', async () => {
		fixture = await Fixture.start();
		const error = await errorOf(() => fixture.run('qrCode.getImage', { ticket: 'gQNotATicket==' }));
		expect(error.message).toBe('WeChat has no QR code for this ticket: it expired or is not a ticket');
		expect(error.description).toContain('QR Code → Create');
		expect(fixture.sim.callCount(SHOW)).toBe(1);

		const items = await fixture.run('qrCode.getImage', { ticket: 'gQNotATicket==' }, { continueOnFail: true });
		expect(items.map((item) => item.json.error)).toEqual(['WeChat has no QR code for this ticket: it expired or is not a ticket']);
	});

	test('the image server failing: advice about mp.weixin.qq.com, not about the credential\'s API Server', async () => {
		fixture = await Fixture.start();
		const [created] = await fixture.run('qrCode.create', { sceneType: 'text', sceneStr: 'x', options: { downloadImage: false } });
		fixture.sim.injectFault(SHOW, { httpStatus: 403 }, 1);
		const error = await errorOf(() => fixture.run('qrCode.getImage', { ticket: created.json.ticket }));
		expect(error.message).toContain('/cgi-bin/showqrcode: HTTP 403');
		expect(error.description).toContain('mp.weixin.qq.com');
		expect(error.description).not.toContain('API Server" in the credential');
	});

	test('an expired temporary code is gone; an empty ticket is refused without a request', async () => {
		fixture = await Fixture.start();
		const [created] = await fixture.run('qrCode.create', { sceneType: 'text', sceneStr: 'soon', expireSeconds: 60, options: { downloadImage: false } });
		fixture.sim.advanceClock(61_000);
		const error = await errorOf(() => fixture.run('qrCode.getImage', { ticket: created.json.ticket }));
		expect(error.message).toBe('WeChat has no QR code for this ticket: it expired or is not a ticket');

		const empty = await errorOf(() => fixture.run('qrCode.getImage', { ticket: ' ' }));
		expect(empty.message).toBe('Input item 1: "Ticket" is empty');
		expect(fixture.sim.callCount(SHOW)).toBe(1);
	});
});

describe('Short Link → Create / Resolve', () => {
	test('create then resolve: requests, outputs, ISO times', async () => {
		fixture = await Fixture.start();
		const longData = JSON.stringify({ url: 'https://example.com/campaign?utm_source=wechat', note: '春节活动' });
		const before = Date.now();
		const [created] = await fixture.run('shortLink.create', { longData, expireSeconds: 86_400 });
		expect(fixture.sim.requests(GEN).map((entry) => entry.body)).toEqual([{ long_data: longData, expire_seconds: 86_400 }]);
		expect(created.json).toEqual({
			short_key: expect.stringMatching(/^[0-9a-zA-Z]{15}$/),
			expire_seconds: 86_400,
			expires_at: expect.any(String),
			long_data_bytes: Buffer.byteLength(longData),
		});
		const after = Date.now();
		// Counted from when the node asked: between the moments before and after the call.
		expect(Date.parse(created.json.expires_at as string)).toBeGreaterThanOrEqual(before + 86_400_000);
		expect(Date.parse(created.json.expires_at as string)).toBeLessThanOrEqual(after + 86_400_000);

		fixture.sim.advanceClock(3_600_000);
		const resolveStart = Date.now();
		const [resolved] = await fixture.run('shortLink.resolve', {}, { input: [created] });
		const resolveEnd = Date.now();
		expect(fixture.sim.requests(FETCH).map((entry) => entry.body)).toEqual([{ short_key: created.json.short_key }]);
		const createTime = resolved.json.create_time as number;
		expect(resolved.json).toEqual({
			short_key: created.json.short_key,
			long_data: longData,
			create_time: createTime,
			create_time_iso: new Date(createTime * 1000).toISOString(),
			expire_seconds: expect.any(Number),
			expires_at: expect.any(String),
		});
		// Seconds left on the simulator's clock: a day minus the hour that passed.
		expect(resolved.json.expire_seconds).toBeGreaterThanOrEqual(82_798);
		expect(resolved.json.expire_seconds).toBeLessThanOrEqual(82_800);
		// expires_at: the seconds left counted from when the node asked (not from create_time).
		const left = (resolved.json.expire_seconds as number) * 1000;
		expect(Date.parse(resolved.json.expires_at as string)).toBeGreaterThanOrEqual(resolveStart + left);
		expect(Date.parse(resolved.json.expires_at as string)).toBeLessThanOrEqual(resolveEnd + left);
	});

	test('a dropped connection is repeated: shorten/gen and shorten/fetch (2 calls each)', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault(GEN, 'drop', 1);
		const [created] = await fixture.run('shortLink.create', { longData: 'retry me' });
		expect(fixture.sim.requests(GEN).map((entry) => entry.errcode)).toEqual([undefined, 0]);
		fixture.sim.injectFault(FETCH, 'drop', 1);
		const [resolved] = await fixture.run('shortLink.resolve', { shortKey: created.json.short_key });
		expect(resolved.json.long_data).toBe('retry me');
		expect(fixture.sim.requests(FETCH).map((entry) => entry.errcode)).toEqual([undefined, 0]);
	});

	test('an expired or unknown key (9410012) is explained', async () => {
		fixture = await Fixture.start();
		const [created] = await fixture.run('shortLink.create', { longData: 'x', expireSeconds: 60 });
		fixture.sim.advanceClock(61_000);
		const error = await errorOf(() => fixture.run('shortLink.resolve', { shortKey: created.json.short_key }));
		expect(error.message).toBe('WeChat does not know this short key (WeChat errcode 9410012)');
		expect(error.description).toContain('expired');
	});

	test('4,096 bytes of UTF-8 are sent; 4,098 bytes in 1,366 Chinese characters are refused before sending (bytes, not characters)', async () => {
		fixture = await Fixture.start();
		await fixture.run('shortLink.create', { longData: 'a'.repeat(4096) });
		expect(fixture.sim.requests(GEN)[0].body).toEqual({ long_data: 'a'.repeat(4096), expire_seconds: 2_592_000 });

		const chinese = '码'.repeat(1366); // 1,366 characters, 4,098 bytes
		const error = await errorOf(() => fixture.run('shortLink.create', { longData: chinese }));
		expect(error.message).toBe('Input item 1: "Data to Shorten" is 4,098 bytes; WeChat stores at most 4,096 bytes (UTF-8)');
		expect(fixture.sim.callCount(GEN)).toBe(1);
	});

	const invalid: Array<{ title: string; operation: 'shortLink.create' | 'shortLink.resolve'; params: Record<string, unknown>; message: string }> = [
		{ title: 'empty data', operation: 'shortLink.create', params: { longData: '' }, message: 'Input item 1: "Data to Shorten" is empty' },
		{
			title: 'an expiry over 30 days',
			operation: 'shortLink.create',
			params: { longData: 'x', expireSeconds: 2_592_001 },
			message: 'Input item 1: "Expires In (Seconds)" must be a whole number from 1 to 2,592,000, not 2592001',
		},
		{
			title: 'an expiry of 0',
			operation: 'shortLink.create',
			params: { longData: 'x', expireSeconds: 0 },
			message: 'Input item 1: "Expires In (Seconds)" must be a whole number from 1 to 2,592,000, not 0',
		},
		{ title: 'no short key', operation: 'shortLink.resolve', params: {}, message: 'Input item 1: "Short Key" is empty' },
	];
	test.each(invalid)('refused before sending: $title', async ({ operation, params, message }) => {
		fixture = await Fixture.start();
		const error = await errorOf(() => fixture.run(operation, params));
		expect(error.message).toBe(message);
		expect(fixture.sim.callCount(GEN) + fixture.sim.callCount(FETCH)).toBe(0);
	});
});
