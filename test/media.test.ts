import { randomBytes } from 'node:crypto';
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

import { Fixture, errorOf } from './harness/fixture';
import { SEEDED_NEWS_MEDIA_ID, SEEDED_THUMB_MEDIA_ID } from './simulator/media';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const KB = 1024;
const MB = 1024 * KB;

const UPLOAD = '/cgi-bin/media/upload';
const ADD_MATERIAL = '/cgi-bin/material/add_material';
const UPLOAD_IMG = '/cgi-bin/media/uploadimg';
const BATCHGET = '/cgi-bin/material/batchget_material';
const UPLOAD_PATHS = [UPLOAD, ADD_MATERIAL, UPLOAD_IMG];

/** Random bytes behind a real magic number, so an encoding slip (UTF-8, base64) shows as a difference. */
function bytes(size: number, head = 'ffd8ffe0'): Buffer {
	const data = randomBytes(size);
	Buffer.from(head, 'hex').copy(data);
	return data;
}

/** An input item carrying a file, as n8n's Read File or HTTP Request nodes output it. */
function fileInput(data: Buffer, fileName: string | undefined, mimeType: string, field = 'data'): INodeExecutionData {
	const binary: IBinaryData = { data: data.toString('base64'), mimeType, ...(fileName !== undefined ? { fileName } : {}) };
	return { json: { note: fileName ?? '' }, binary: { [field]: binary } };
}

/** The bytes of an output file: held inline (base64) since no binary data manager is set up. */
function outputBytes(item: INodeExecutionData, field = 'data'): Buffer {
	const binary = item.binary?.[field];
	expect(binary).toBeDefined();
	expect(binary!.id).toBeUndefined();
	return Buffer.from(binary!.data, 'base64');
}

function pairedItems(items: INodeExecutionData[]): number[] {
	return items.map((item) => (item.pairedItem as { item: number }).item);
}

/** Calls that carried a file to WeChat, of any upload endpoint. */
function uploadCalls(): number {
	return UPLOAD_PATHS.reduce((sum, path) => sum + fixture.sim.callCount(path), 0);
}

describe('Media → Upload (temporary)', () => {
	test('an image: WeChat stores the very bytes; output has the type, media_id and when it expires', async () => {
		fixture = await Fixture.start();
		const png = bytes(3000, '89504e470d0a1a0a');
		const [item] = await fixture.run('media.upload', { type: 'image' }, { input: [fileInput(png, 'photo.png', 'image/png')] });

		expect(item.json).toEqual({ type: 'image', media_id: expect.any(String), created_at: expect.any(Number), expires_at: expect.any(String) });
		expect(item.binary).toBeUndefined();
		expect(Date.parse(item.json.expires_at as string)).toBe(((item.json.created_at as number) + 3 * 24 * 3600) * 1000);
		const stored = fixture.sim.media.get(item.json.media_id as string)!;
		expect(stored).toMatchObject({ kind: 'temporary', type: 'image', fileName: 'photo.png', contentType: 'image/png' });
		expect(stored.data.equals(png)).toBe(true);
		expect(fixture.sim.requests(UPLOAD)[0].query.type).toBe('image');
	});

	test('voice mp3, video mp4 and thumb jpg; a thumb’s thumb_media_id is its media_id too', async () => {
		fixture = await Fixture.start();
		const files = {
			voice: { data: bytes(200 * KB, '494433'), name: 'hello.mp3', mime: 'audio/mpeg' },
			video: { data: bytes(2 * MB, '0000001866747970'), name: 'clip.mp4', mime: 'video/mp4' },
			thumb: { data: bytes(60 * KB), name: 'cover.jpg', mime: 'image/jpeg' },
		};
		for (const [type, file] of Object.entries(files)) {
			const [item] = await fixture.run('media.upload', { type }, { input: [fileInput(file.data, file.name, file.mime)] });
			expect(item.json.type).toBe(type);
			const stored = fixture.sim.media.get(item.json.media_id as string)!;
			expect(stored).toMatchObject({ kind: 'temporary', type, fileName: file.name, contentType: file.mime });
			expect(stored.data.equals(file.data)).toBe(true);
			if (type === 'thumb') expect(item.json.thumb_media_id).toBe(item.json.media_id);
			else expect(item.json).not.toHaveProperty('thumb_media_id');
		}
	});

	test('the file is read from the field named in "Input Binary Field"', async () => {
		fixture = await Fixture.start();
		const gif = bytes(500, '474946383961');
		const [item] = await fixture.run(
			'media.upload',
			{ type: 'image', binaryPropertyName: 'picture' },
			{ input: [fileInput(gif, 'anim.gif', 'image/gif', 'picture')] },
		);
		expect(fixture.sim.media.get(item.json.media_id as string)!.data.equals(gif)).toBe(true);

		const error = await errorOf(() =>
			fixture.run('media.upload', { type: 'image', binaryPropertyName: 'picture' }, { input: [fileInput(gif, 'anim.gif', 'image/gif')] }),
		);
		expect(error.message).toContain('picture');
		expect(fixture.sim.callCount(UPLOAD)).toBe(1);
	});

	test('a file named without extension gets one from its MIME type; with neither it is refused', async () => {
		fixture = await Fixture.start();
		const png = bytes(100, '89504e470d0a1a0a');
		const [named] = await fixture.run('media.upload', { type: 'image' }, { input: [fileInput(png, 'photo', 'image/png')] });
		expect(fixture.sim.media.get(named.json.media_id as string)!.fileName).toBe('photo.png');
		const [unnamed] = await fixture.run('media.upload', { type: 'image' }, { input: [fileInput(png, undefined, 'image/png')] });
		expect(fixture.sim.media.get(unnamed.json.media_id as string)!.fileName).toBe('image.png');

		const error = await errorOf(() =>
			fixture.run('media.upload', { type: 'image' }, { input: [fileInput(png, undefined, 'application/octet-stream')] }),
		);
		expect(error.message).toBe(
			'The file in "data" (application/octet-stream) is not a file type WeChat accepts for an image: use bmp, png, jpeg, jpg or gif',
		);
		expect(fixture.sim.callCount(UPLOAD)).toBe(2);
	});
});

describe('local limits: a file WeChat would refuse is never sent', () => {
	const cases: Array<{ title: string; operation: 'media.upload' | 'media.addMaterial' | 'media.uploadArticleImage'; params: Record<string, unknown>; file: INodeExecutionData; message: string }> = [
		{
			title: 'an image of a type WeChat does not take',
			operation: 'media.upload',
			params: { type: 'image' },
			file: fileInput(bytes(1000), 'photo.heic', 'image/heic'),
			message: 'photo.heic is not a file type WeChat accepts for an image: use bmp, png, jpeg, jpg or gif',
		},
		{
			title: 'the extension decides, not the MIME type',
			operation: 'media.upload',
			params: { type: 'image' },
			file: fileInput(bytes(1000), 'photo.webp', 'image/png'),
			message: 'photo.webp is not a file type WeChat accepts for an image: use bmp, png, jpeg, jpg or gif',
		},
		{
			title: 'an image over 10 MB',
			operation: 'media.upload',
			params: { type: 'image' },
			file: fileInput(bytes(10 * MB + 1), 'poster.png', 'image/png'),
			message: 'poster.png is 10.1 MB; WeChat accepts images up to 10 MB',
		},
		{
			title: 'a thumb over 64 KB',
			operation: 'media.upload',
			params: { type: 'thumb' },
			file: fileInput(bytes(80 * KB), 'thumb.jpg', 'image/jpeg'),
			message: 'thumb.jpg is 80 KB; WeChat accepts thumbs up to 64 KB',
		},
		{
			title: 'a thumb that is not a JPEG',
			operation: 'media.upload',
			params: { type: 'thumb' },
			file: fileInput(bytes(1 * KB), 'thumb.png', 'image/png'),
			message: 'thumb.png is not a file type WeChat accepts for a thumb: use jpg or jpeg',
		},
		{
			title: 'a voice file over 2 MB',
			operation: 'media.upload',
			params: { type: 'voice' },
			file: fileInput(bytes(3 * MB), 'speech.mp3', 'audio/mpeg'),
			message: 'speech.mp3 is 3 MB; WeChat accepts voice files up to 2 MB',
		},
		{
			title: 'a wav file as temporary voice (only permanent voice takes wav)',
			operation: 'media.upload',
			params: { type: 'voice' },
			file: fileInput(bytes(1 * KB), 'speech.wav', 'audio/wav'),
			message: 'speech.wav is not a file type WeChat accepts for a voice file: use amr or mp3',
		},
		{
			title: 'a video that is not mp4',
			operation: 'media.upload',
			params: { type: 'video' },
			file: fileInput(bytes(1 * KB), 'clip.mov', 'video/quicktime'),
			message: 'clip.mov is not a file type WeChat accepts for a video: use mp4',
		},
		{
			title: 'a video over 10 MB as material',
			operation: 'media.addMaterial',
			params: { type: 'video', title: 'Launch' },
			file: fileInput(bytes(11 * MB), 'launch.mp4', 'video/mp4'),
			message: 'launch.mp4 is 11 MB; WeChat accepts videos up to 10 MB',
		},
		{
			title: 'a video material without a title',
			operation: 'media.addMaterial',
			params: { type: 'video', title: '  ' },
			file: fileInput(bytes(1 * KB), 'launch.mp4', 'video/mp4'),
			message: 'A video needs a title',
		},
		{
			title: 'an article image that is a gif',
			operation: 'media.uploadArticleImage',
			params: {},
			file: fileInput(bytes(1 * KB), 'anim.gif', 'image/gif'),
			message: 'anim.gif is not a file type WeChat accepts for an image inside an article: use jpg, jpeg or png',
		},
		{
			title: 'an article image over 1 MB',
			operation: 'media.uploadArticleImage',
			params: {},
			file: fileInput(bytes(1 * MB + 200 * KB), 'big.jpg', 'image/jpeg'),
			message: 'big.jpg is 1.2 MB; WeChat accepts images inside articles up to 1 MB',
		},
		{
			title: 'an empty file',
			operation: 'media.upload',
			params: { type: 'image' },
			file: fileInput(Buffer.alloc(0), 'empty.png', 'image/png'),
			message: 'empty.png is empty',
		},
	];

	test.each(cases)('$title', async ({ operation, params, file, message }) => {
		fixture = await Fixture.start();
		const error = await errorOf(() => fixture.run(operation, params, { input: [file] }));
		expect(error.message).toBe(message);
		expect(uploadCalls()).toBe(0);
		// Nothing at all went out: not even a token was fetched for it.
		expect(fixture.sim.log).toHaveLength(0);
	});

	test('the same limits let through what WeChat takes: a wav as permanent voice, a file exactly at the limit', async () => {
		fixture = await Fixture.start();
		const wav = bytes(2 * MB, '52494646');
		const [voice] = await fixture.run('media.addMaterial', { type: 'voice' }, { input: [fileInput(wav, 'speech.wav', 'audio/wav')] });
		expect(fixture.sim.media.permanent.get(voice.json.media_id as string)!.data.equals(wav)).toBe(true);
		const thumb = bytes(64 * KB);
		const [uploaded] = await fixture.run('media.upload', { type: 'thumb' }, { input: [fileInput(thumb, 'COVER.JPG', 'image/jpeg')] });
		expect(fixture.sim.media.get(uploaded.json.media_id as string)!.data.equals(thumb)).toBe(true);
	});

	test('a missing input file names the field; nothing is sent', async () => {
		fixture = await Fixture.start();
		const error = await errorOf(() => fixture.run('media.upload', { type: 'image' }, { input: [{ json: {} }] }));
		expect(error.message).toContain("to contain a binary file 'data', but none was found");
		expect(uploadCalls()).toBe(0);
	});
});

describe('Media → Download (temporary)', () => {
	test('the file comes back byte for byte with WeChat’s file name, in the chosen field', async () => {
		fixture = await Fixture.start();
		const mp3 = bytes(150 * KB, '494433');
		const mediaId = fixture.sim.media.put('temporary', 'voice', mp3, 'greeting.mp3', 'audio/mpeg');
		const [item] = await fixture.run('media.download', { mediaId, options: { binaryPropertyName: 'audio' } });
		expect(item.json).toEqual({ media_id: mediaId, fileName: 'greeting.mp3', mimeType: 'audio/mpeg', fileSize: mp3.length });
		expect(Object.keys(item.binary ?? {})).toEqual(['audio']);
		expect(item.binary!.audio).toMatchObject({ fileName: 'greeting.mp3', mimeType: 'audio/mpeg' });
		expect(outputBytes(item, 'audio').equals(mp3)).toBe(true);
		expect(fixture.sim.requests('/cgi-bin/media/get')[0].query.media_id).toBe(mediaId);
	});

	test('by default the media ID is read from the input item and the file goes to "data"', async () => {
		fixture = await Fixture.start();
		const png = bytes(5000, '89504e470d0a1a0a');
		const [uploaded] = await fixture.run('media.upload', { type: 'image' }, { input: [fileInput(png, 'round.png', 'image/png')] });
		const [downloaded] = await fixture.run('media.download', {}, { input: [{ json: uploaded.json }] });
		expect(downloaded.json.media_id).toBe(uploaded.json.media_id);
		expect(downloaded.json.fileName).toBe('round.png');
		expect(outputBytes(downloaded).equals(png)).toBe(true);
	});

	test('a file name in Chinese survives the upload and the download', async () => {
		fixture = await Fixture.start();
		const png = bytes(64, '89504e470d0a1a0a');
		const [uploaded] = await fixture.run('media.upload', { type: 'image' }, { input: [fileInput(png, '活动海报.png', 'image/png')] });
		expect(fixture.sim.media.get(uploaded.json.media_id as string)!.fileName).toBe('活动海报.png');
		const [downloaded] = await fixture.run('media.download', {}, { input: [{ json: uploaded.json }] });
		expect(downloaded.json.fileName).toBe('活动海报.png');
		expect(downloaded.binary!.data.fileName).toBe('活动海报.png');
		expect(outputBytes(downloaded).equals(png)).toBe(true);
	});

	test('a video gives its URL as JSON and no file', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.media.put('temporary', 'video', bytes(1000), 'clip.mp4', 'video/mp4');
		const [item] = await fixture.run('media.download', { mediaId });
		expect(item.json).toEqual({ media_id: mediaId, video_url: expect.stringMatching(/^http:\/\/.*\.mp4$/) });
		expect(item.binary).toBeUndefined();
	});

	test('an unknown or expired media ID (40007) is a readable error', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.media.put('temporary', 'image', bytes(100), 'a.png', 'image/png');
		fixture.sim.advanceClock(3 * 24 * 3600 * 1000 + 1000);
		const error = await errorOf(() => fixture.run('media.download', { mediaId }));
		expect(error.message).toBe('WeChat does not know this media ID (WeChat errcode 40007)');
		expect(error.description).toContain('expire 3 days after upload');
	});

	test('an empty media ID is refused before anything is sent', async () => {
		fixture = await Fixture.start();
		const error = await errorOf(() => fixture.run('media.download', {}, { input: [{ json: {} }] }));
		expect(error.message).toBe('Input item 1: "Media ID" is empty');
		expect(fixture.sim.log).toHaveLength(0);
	});
});

describe('Media → Add Material, Get Material, Delete Material (permanent)', () => {
	test('a material whose answer was lost is not added again: the item says it may have been added', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault('/cgi-bin/material/add_material', 'dropAfterServing');
		const error = await errorOf(() => fixture.run('media.addMaterial', { type: 'image' }, { input: [fileInput(bytes(2 * KB), 'banner.jpg', 'image/jpeg')] }));
		expect(error.message).toContain('The material may have been added');
		expect(fixture.sim.callCount('/cgi-bin/material/add_material')).toBe(1);
	});

	test('an image: stored byte for byte, WeChat’s url in the output; read back as a file; deleted', async () => {
		fixture = await Fixture.start();
		const jpg = bytes(40 * KB);
		const [added] = await fixture.run('media.addMaterial', { type: 'image' }, { input: [fileInput(jpg, 'banner.jpg', 'image/jpeg')] });
		expect(added.json).toEqual({ type: 'image', media_id: expect.any(String), url: expect.stringMatching(/^http:\/\/mmbiz\.qpic\.cn\//) });
		const mediaId = added.json.media_id as string;
		expect(fixture.sim.media.permanent.get(mediaId)!.data.equals(jpg)).toBe(true);

		const [read] = await fixture.run('media.getMaterial', { mediaId });
		expect(read.json).toEqual({ media_id: mediaId, fileName: 'banner.jpg', mimeType: 'image/jpeg', fileSize: jpg.length });
		expect(outputBytes(read).equals(jpg)).toBe(true);
		expect(fixture.sim.requests('/cgi-bin/material/get_material')[0].body).toEqual({ media_id: mediaId });

		const [deleted] = await fixture.run('media.deleteMaterial', { mediaId });
		expect(deleted.json).toEqual({ success: true, media_id: mediaId });
		expect(fixture.sim.media.permanent.has(mediaId)).toBe(false);
		const error = await errorOf(() => fixture.run('media.deleteMaterial', { mediaId }));
		expect(error.message).toBe('WeChat does not know this media ID (WeChat errcode 40007)');
	});

	test('a video with title and introduction (sent as the description part); read back as JSON', async () => {
		fixture = await Fixture.start();
		const mp4 = bytes(300 * KB, '0000001866747970');
		const [added] = await fixture.run(
			'media.addMaterial',
			{ type: 'video', title: '新品发布', introduction: 'Our "launch" video' },
			{ input: [fileInput(mp4, 'launch.mp4', 'video/mp4')] },
		);
		expect(added.json).toEqual({ type: 'video', media_id: expect.any(String) });
		const mediaId = added.json.media_id as string;
		const stored = fixture.sim.media.permanent.get(mediaId)!;
		expect(stored).toMatchObject({ type: 'video', title: '新品发布', introduction: 'Our "launch" video', fileName: 'launch.mp4' });
		expect(stored.data.equals(mp4)).toBe(true);
		expect(JSON.parse(fixture.sim.requests(ADD_MATERIAL)[0].body!.description as string)).toEqual({
			title: '新品发布',
			introduction: 'Our "launch" video',
		});

		const [read] = await fixture.run('media.getMaterial', { mediaId });
		expect(read.json).toEqual({
			media_id: mediaId,
			title: '新品发布',
			description: 'Our "launch" video',
			down_url: expect.stringMatching(/\.mp4$/),
		});
		expect(read.binary).toBeUndefined();
	});

	test('voice and thumb material; news is read as its articles', async () => {
		fixture = await Fixture.start();
		const amr = bytes(10 * KB, '2321414d520a');
		const [voice] = await fixture.run('media.addMaterial', { type: 'voice' }, { input: [fileInput(amr, 'note.amr', 'audio/amr')] });
		expect(voice.json).toEqual({ type: 'voice', media_id: expect.any(String) });
		const [voiceRead] = await fixture.run('media.getMaterial', { mediaId: voice.json.media_id });
		expect(outputBytes(voiceRead).equals(amr)).toBe(true);
		expect(voiceRead.json.fileName).toBe('note.amr');

		const [thumb] = await fixture.run('media.getMaterial', { mediaId: SEEDED_THUMB_MEDIA_ID });
		expect(outputBytes(thumb).equals(fixture.sim.media.get(SEEDED_THUMB_MEDIA_ID)!.data)).toBe(true);

		const [news] = await fixture.run('media.getMaterial', { mediaId: SEEDED_NEWS_MEDIA_ID });
		expect(news.json).toEqual({ media_id: SEEDED_NEWS_MEDIA_ID, news_item: fixture.sim.media.get(SEEDED_NEWS_MEDIA_ID)!.news });
		expect((news.json.news_item as Array<{ title: string }>)[0].title).toBe('Welcome to the simulated account');
	});

	test('a refusal WeChat makes itself (40007 injected) is readable', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault('/cgi-bin/material/get_material', { errcode: 40007, errmsg: 'invalid media_id rid: 6789-abc' });
		const error = await errorOf(() => fixture.run('media.getMaterial', { mediaId: SEEDED_THUMB_MEDIA_ID }));
		expect(error.message).toBe('WeChat does not know this media ID (WeChat errcode 40007)');
		expect(error.description).toContain('upload the file again (Media → Upload)');
		expect(error.description).toContain('6789-abc');
	});

	test('WeChat’s own file checks still reach the user readably (40006 injected)', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault(ADD_MATERIAL, { errcode: 40006, errmsg: 'invalid meida size rid: 1-2' });
		const error = await errorOf(() =>
			fixture.run('media.addMaterial', { type: 'image' }, { input: [fileInput(bytes(100), 'a.png', 'image/png')] }),
		);
		expect(error.message).toBe('WeChat refused the file size (WeChat errcode 40006)');
	});
});

describe('Media → Get Many (permanent material)', () => {
	test('Return All pages by 20 over 45 materials: 3 calls, every material once, in order', async () => {
		fixture = await Fixture.start();
		const ids = Array.from({ length: 45 }, (_, i) => fixture.sim.media.put('permanent', 'voice', bytes(10), `v${i}.mp3`, 'audio/mpeg'));
		const items = await fixture.run('media.getMaterials', { materialType: 'voice', returnAll: true });
		expect(items.map((item) => item.json.media_id)).toEqual(ids);
		expect(items[0].json).toEqual({ media_id: ids[0], name: 'v0.mp3', update_time: expect.any(Number) });
		expect(pairedItems(items).every((item) => item === 0)).toBe(true);
		expect(fixture.sim.requests(BATCHGET).map((entry) => entry.body)).toEqual([
			{ type: 'voice', offset: 0, count: 20 },
			{ type: 'voice', offset: 20, count: 20 },
			{ type: 'voice', offset: 40, count: 20 },
		]);
	});

	test('Limit 5 asks for 5 in one call; Limit 25 stops after the second page', async () => {
		fixture = await Fixture.start();
		for (let i = 0; i < 45; i++) fixture.sim.media.put('permanent', 'image', bytes(10), `i${i}.png`, 'image/png');
		let items = await fixture.run('media.getMaterials', { materialType: 'image', returnAll: false, limit: 5 });
		expect(items).toHaveLength(5);
		expect(fixture.sim.requests(BATCHGET).map((entry) => entry.body)).toEqual([{ type: 'image', offset: 0, count: 5 }]);

		fixture.sim.clearLog();
		items = await fixture.run('media.getMaterials', { materialType: 'image', returnAll: false, limit: 25 });
		expect(items).toHaveLength(25);
		expect(fixture.sim.requests(BATCHGET).map((entry) => entry.body)).toEqual([
			{ type: 'image', offset: 0, count: 20 },
			{ type: 'image', offset: 20, count: 5 },
		]);
	});

	test('news material comes one item per material; an account without any gives no items', async () => {
		fixture = await Fixture.start();
		let items = await fixture.run('media.getMaterials', { materialType: 'news', returnAll: true });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ media_id: SEEDED_NEWS_MEDIA_ID, content: { news_item: [expect.objectContaining({ title: expect.any(String) })] } });

		items = await fixture.run('media.getMaterials', { materialType: 'video', returnAll: true });
		expect(items).toHaveLength(0);
		expect(fixture.sim.requests(BATCHGET)).toHaveLength(2);
	});

	test('an empty page ends the pull even when total_count promises more', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault(BATCHGET, { json: { total_count: 100, item_count: 0, item: [] } }, 10);
		const items = await fixture.run('media.getMaterials', { materialType: 'image', returnAll: true });
		expect(items).toHaveLength(0);
		expect(fixture.sim.callCount(BATCHGET)).toBe(1);
	});

	test('a list that keeps answering the same material: output once, then a loud stop after 3 pages with nothing new', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault(BATCHGET, { json: { total_count: 40, item_count: 1, item: [{ media_id: 'same' }] } }, 50);
		const items = await fixture.run('media.getMaterials', { materialType: 'image', returnAll: true }, { continueOnFail: true });
		expect(fixture.sim.callCount(BATCHGET)).toBe(4);
		expect(items.map((item) => item.json.media_id ?? item.json.error)).toEqual([
			'same',
			"WeChat's list of image materials did not end after 4 pages (received 1, WeChat now counts 40); stopped instead of reading on",
		]);
	});

	test('pages shorter than asked: every material once, in order, until total_count', async () => {
		fixture = await Fixture.start();
		const page = (from: number) => ({ json: { total_count: 12, item_count: 5, item: Array.from({ length: Math.min(5, 12 - from) }, (_, i) => ({ media_id: `M${from + i}` })) } });
		for (const from of [0, 5, 10]) fixture.sim.injectFault(BATCHGET, page(from));
		const items = await fixture.run('media.getMaterials', { materialType: 'image', returnAll: true });
		expect(items.map((item) => item.json.media_id)).toEqual(Array.from({ length: 12 }, (_, i) => `M${i}`));
		expect(fixture.sim.requests(BATCHGET).map((entry) => entry.body!.offset)).toEqual([0, 5, 10]);
	});
});

describe('Media → Count Materials and Upload Article Image', () => {
	test('the four counts of the account', async () => {
		fixture = await Fixture.start();
		fixture.sim.media.put('permanent', 'voice', bytes(10), 'a.mp3', 'audio/mpeg');
		fixture.sim.media.put('permanent', 'video', bytes(10), 'a.mp4', 'video/mp4');
		fixture.sim.media.put('permanent', 'video', bytes(10), 'b.mp4', 'video/mp4');
		fixture.sim.media.put('permanent', 'image', bytes(10), 'a.png', 'image/png');
		fixture.sim.media.put('temporary', 'image', bytes(10), 'b.png', 'image/png');
		const items = await fixture.run('media.countMaterials');
		// The seeded thumb counts as an image, the seeded article as news.
		expect(items).toEqual([{ json: { voice_count: 1, video_count: 2, image_count: 2, news_count: 1 }, pairedItem: { item: 0 } }]);
	});

	test('an article image: a URL, the bytes WeChat stored are the file', async () => {
		fixture = await Fixture.start();
		const png = bytes(200 * KB, '89504e470d0a1a0a');
		const [item] = await fixture.run('media.uploadArticleImage', {}, { input: [fileInput(png, 'chart.png', 'image/png')] });
		expect(item.json).toEqual({ url: expect.stringMatching(/^http:\/\/mmbiz\.qpic\.cn\//) });
		const stored = fixture.sim.media.articleImages.get(item.json.url as string)!;
		expect(stored.fileName).toBe('chart.png');
		expect(stored.data.equals(png)).toBe(true);
	});
});

describe('several input items', () => {
	test('On Error Continue: a bad file becomes an error item, the others upload, in input order', async () => {
		fixture = await Fixture.start();
		const first = bytes(100, '89504e470d0a1a0a');
		const third = bytes(100);
		const fourth = bytes(100, '474946383961');
		// The fourth file passes the local checks but WeChat refuses it.
		fixture.sim.when(UPLOAD, 3, () => fixture.sim.injectFault(UPLOAD, { errcode: 40005, errmsg: 'invalid file type rid: x' }));
		const items = await fixture.run(
			'media.upload',
			{ type: 'image' },
			{
				input: [
					fileInput(first, 'one.png', 'image/png'),
					fileInput(bytes(100), 'two.heic', 'image/heic'),
					fileInput(third, 'three.jpg', 'image/jpeg'),
					fileInput(fourth, 'four.gif', 'image/gif'),
				],
				continueOnFail: true,
			},
		);
		expect(pairedItems(items)).toEqual([0, 1, 2, 3]);
		expect(fixture.sim.media.get(items[0].json.media_id as string)!.data.equals(first)).toBe(true);
		expect(items[1].json.error).toBe('two.heic is not a file type WeChat accepts for an image: use bmp, png, jpeg, jpg or gif');
		expect(items[1].json).not.toHaveProperty('media_id');
		expect(fixture.sim.media.get(items[2].json.media_id as string)!.data.equals(third)).toBe(true);
		expect(items[3].json.error).toBe('WeChat refused the file type (WeChat errcode 40005)');
		// two.heic never left n8n.
		expect(fixture.sim.requests(UPLOAD).map((entry) => (entry.body!.media as { fileName: string }).fileName)).toEqual([
			'one.png',
			'three.jpg',
			'four.gif',
		]);
	});

	test('without it, the first bad item stops the node with its item index', async () => {
		fixture = await Fixture.start();
		const error = await errorOf(() =>
			fixture.run(
				'media.upload',
				{ type: 'image' },
				{ input: [fileInput(bytes(100), 'one.png', 'image/png'), fileInput(bytes(100), 'two.tiff', 'image/tiff'), fileInput(bytes(100), 'three.png', 'image/png')] },
			),
		);
		expect(error.message).toContain('two.tiff');
		expect((error.context as { itemIndex?: number }).itemIndex).toBe(1);
		expect(fixture.sim.callCount(UPLOAD)).toBe(1);
	});

	test('downloads of several items keep their own files and pairing', async () => {
		fixture = await Fixture.start();
		const files = [bytes(50, '89504e470d0a1a0a'), bytes(70, '89504e470d0a1a0a')];
		const ids = files.map((data, i) => fixture.sim.media.put('temporary', 'image', data, `f${i}.png`, 'image/png'));
		const items = await fixture.run('media.download', {}, { input: ids.map((media_id) => ({ json: { media_id } })) });
		expect(pairedItems(items)).toEqual([0, 1]);
		expect(items.map((item) => item.json.fileName)).toEqual(['f0.png', 'f1.png']);
		items.forEach((item, i) => expect(outputBytes(item).equals(files[i])).toBe(true));
	});
});
