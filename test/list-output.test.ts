/**
 * The Output option of the OpenID lists (helpers/listOutput.ts): one item per page, and one file
 * streamed page by page into n8n's binary data. n8n-core's real BinaryDataService stores the
 * file: in memory (its state when n8n did not initialise it, and n8n 1.x's default) or on disk
 * (filesystem mode, n8n 2.x's default), switched per test.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

import { PageChannel, collectedFileLimit, csvField } from '../nodes/WeChatOfficialAccount/helpers/listOutput';
import { Fixture, errorOf } from './harness/fixture';

// n8n-core resolves its services from its own copy of the DI container.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] })) as typeof import('@n8n/di');

type Mode = 'memory' | 'filesystem';
const MODES: Mode[] = ['memory', 'filesystem'];

let fixture: Fixture;
let storage: string;
/** The parts of n8n-core's BinaryDataService the tests reach into. */
interface BinaryDataServiceInside {
	mode: string;
	managers: Record<string, unknown>;
	config: { localStoragePath: string };
	init(): Promise<void>;
	getAsBuffer(binary: IBinaryData): Promise<Buffer>;
	setManager(mode: string, manager: unknown): void;
}
const service = () => Container.get(BinaryDataService) as unknown as BinaryDataServiceInside;

beforeAll(async () => {
	storage = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-list-output-'));
	service().config.localStoragePath = storage;
	await service().init();
});
afterAll(() => fs.rmSync(storage, { recursive: true, force: true }));
afterEach(async () => await fixture?.stop());

function useMode(mode: Mode): void {
	// 'default' has no manager: the data stays in the item, base64, as in n8n 1.x's default mode.
	service().mode = mode === 'filesystem' ? 'filesystem-v2' : 'default';
}

async function fileOf(binary: IBinaryData): Promise<string> {
	return (await service().getAsBuffer(binary)).toString('utf8');
}

/** Files written under the storage folder (the filesystem mode's binary data). */
function storedFiles(): string[] {
	return (fs.readdirSync(storage, { recursive: true }) as string[]).filter((name) => !name.endsWith('.metadata') && fs.statSync(path.join(storage, name)).isFile());
}

/** A minimal RFC 4180 reader, to read back what the node wrote. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') row.push(field), (field = '');
		else if (char === '\n') row.push(field), rows.push(row), (row = []), (field = '');
		else field += char;
	}
	if (field !== '' || row.length > 0) throw new Error('the file does not end with a line break');
	return rows;
}

const fileRun = (parameters: Record<string, unknown> = {}) => ({ returnAll: true, output: 'file', ...parameters });

describe.each(MODES)('One File, binary data in %s mode', (mode) => {
	beforeEach(() => useMode(mode));

	test('CSV and NDJSON stay well-formed whatever an ID holds (quoted, escaped), read back equal', async () => {
		fixture = await Fixture.start({ followers: 0 });
		const odd = ['oPlain000000000000000000000', 'o,comma', 'o"quote', 'o\nline', 'o\\back'];
		fixture.sim.setFollowers(odd);
		const [csv] = await fixture.getFollowers(fileRun());
		expect(parseCsv(await fileOf(csv.binary!.data))).toEqual([['openid'], ...odd.map((id) => [id])]);
		const [ndjson] = await fixture.getFollowers(fileRun({ fileFormat: 'ndjson' }));
		const lines = (await fileOf(ndjson.binary!.data)).split('\n');
		expect(lines.pop()).toBe('');
		expect(lines.map((line) => JSON.parse(line))).toEqual(odd.map((openid) => ({ openid })));
	});

	test('CSV: a header, then every follower once, in order; the item says what the file holds', async () => {
		fixture = await Fixture.start({ followers: 23_000 });
		const all = fixture.sim.allFollowers();
		const [item, ...rest] = await fixture.getFollowers(fileRun());
		expect(rest).toHaveLength(0);
		expect(item.json).toEqual({ count: 23_000, pages: 4, lastOpenid: all[22_999], format: 'csv', fileName: 'followers.csv' });
		expect(item.pairedItem).toEqual({ item: 0 });
		const binary = item.binary!.data;
		expect(binary.mimeType).toBe('text/csv');
		expect(binary.fileName).toBe('followers.csv');
		expect(await fileOf(binary)).toBe(`openid\n${all.join('\n')}\n`);
		if (mode === 'filesystem') {
			expect(binary.id).toMatch(/^filesystem-v2:/);
			expect(binary.data).toBe('filesystem-v2');
		} else {
			expect(binary.id).toBeUndefined();
		}
	});

	test('NDJSON, with a custom field and file name', async () => {
		fixture = await Fixture.start({ followers: 3 });
		const all = fixture.sim.allFollowers();
		const [item] = await fixture.getFollowers(fileRun({ fileFormat: 'ndjson', binaryPropertyName: 'followers', options: { fileName: 'fans.jsonl' } }));
		expect(item.json).toMatchObject({ count: 3, format: 'ndjson', fileName: 'fans.jsonl' });
		expect(Object.keys(item.binary!)).toEqual(['followers']);
		expect(item.binary!.followers.mimeType).toBe('application/x-ndjson');
		expect(await fileOf(item.binary!.followers)).toBe(all.map((openid) => `{"openid":"${openid}"}\n`).join(''));
	});

	test('an empty list gives a file with the header only', async () => {
		fixture = await Fixture.start({ followers: 0 });
		const [item] = await fixture.getFollowers(fileRun());
		expect(item.json).toMatchObject({ count: 0, lastOpenid: '' });
		expect(await fileOf(item.binary!.data)).toBe('openid\n');
	});

	test('Limit stops in the middle of a page; Start After OpenID resumes after it; the two files hold every follower once', async () => {
		fixture = await Fixture.start({ followers: 23_000 });
		const all = fixture.sim.allFollowers();
		const [first] = await fixture.getFollowers(fileRun({ returnAll: false, limit: 12_345 }));
		expect(fixture.sim.requests('/cgi-bin/user/get')).toHaveLength(2);
		expect(first.json).toMatchObject({ count: 12_345, lastOpenid: all[12_344] });
		const [second] = await fixture.getFollowers(fileRun({ options: { startAfterOpenid: first.json.lastOpenid } }));
		const lines = [...(await fileOf(first.binary!.data)).split('\n').slice(1, -1), ...(await fileOf(second.binary!.data)).split('\n').slice(1, -1)];
		expect(lines).toEqual(all);
	});

	test('Include Profile: the profile columns, fields with commas, quotes and line breaks quoted; rows equal the profile items', async () => {
		fixture = await Fixture.start({ followers: 250 });
		const all = fixture.sim.allFollowers();
		fixture.sim.account.remarks.set(all[0], 'VIP, "gold"\nsince 2020');
		fixture.sim.account.remarks.set(all[1], '老客户');
		const vip = fixture.sim.account.addTag('vip', [all[0]]);
		const star = fixture.sim.account.addTag('star', [all[0]]);

		const [item] = await fixture.getFollowers(fileRun({ includeProfile: true }));
		const text = await fileOf(item.binary!.data);
		const header = 'openid,subscribe,subscribe_time,subscribe_time_iso,subscribe_scene,qr_scene,qr_scene_str,unionid,remark,tagid_list,language,groupid';
		expect(text.split('\n')[0]).toBe(header);
		// Written out by hand: the quoting of RFC 4180 and the tag IDs joined by commas.
		expect(text.split('\n').slice(1, 3).join('\n')).toBe(
			`${all[0]},1,1577836800,2020-01-01T00:00:00.000Z,ADD_SCENE_SEARCH,0,,uSIM${all[0].slice(5)},"VIP, ""gold""\nsince 2020","${vip},${star}",zh_CN,0`,
		);
		expect(text.split('\n')[3]).toBe(`${all[1]},1,1577836860,2020-01-01T00:01:00.000Z,ADD_SCENE_QR_CODE,98765,campaign-2026,,老客户,,zh_CN,0`);

		// Every row equals the item the same pull gives in item mode, column by column.
		const items = await fixture.getFollowers({ returnAll: true, includeProfile: true });
		const rows = parseCsv(text);
		expect(rows).toHaveLength(251);
		const columns = rows[0];
		const expected = items.map((profile) => columns.map((column) => {
			const value = profile.json[column];
			return value === undefined ? '' : Array.isArray(value) ? value.join(',') : String(value);
		}));
		expect(rows.slice(1)).toEqual(expected);
		expect(fixture.sim.requests('/cgi-bin/user/info/batchget')).toHaveLength(6);
	});

	test('a failure on the 3rd page fails the node, outputs no file, and points back to the start (resuming after the last page would lose the first ones)', async () => {
		fixture = await Fixture.start({ followers: 35_000 });
		const all = fixture.sim.allFollowers();
		fixture.sim.when('/cgi-bin/user/get', 3, () => fixture.sim.injectFault('/cgi-bin/user/get', { errcode: 45009, errmsg: 'reach max api daily quota limit' }));
		const filesBefore = storedFiles().length;
		const error = await errorOf(() => fixture.getFollowers(fileRun()));
		expect(error.context).toMatchObject({ received: 0, resumeAfter: '' });
		expect(error.description).toContain('Received 20000 followers in 2 page(s)');
		expect(error.description).toContain('no file is output for a failed pull, so run it again from the start');
		expect(error.description).not.toContain(all[19_999]);
		expect(error.description).not.toContain('in the output only when');
		expect(storedFiles()).toHaveLength(filesBefore);

		// With On Error: Continue the item is the error; a workflow resuming from it starts over.
		fixture.sim.when('/cgi-bin/user/get', 6, () => fixture.sim.injectFault('/cgi-bin/user/get', { errcode: 45009, errmsg: 'reach max api daily quota limit' }));
		const items = await fixture.getFollowers(fileRun(), { continueOnFail: true });
		expect(items).toHaveLength(1);
		expect(items[0].binary).toBeUndefined();
		expect(items[0].json).toMatchObject({ received: 0, resumeAfter: '' });
		expect(items[0].json.description).toContain('no file is output');
	});

	test('a failed file pull that started after an OpenID points back to that OpenID', async () => {
		fixture = await Fixture.start({ followers: 35_000 });
		const all = fixture.sim.allFollowers();
		fixture.sim.when('/cgi-bin/user/get', 2, () => fixture.sim.injectFault('/cgi-bin/user/get', { errcode: 45009, errmsg: 'reach max api daily quota limit' }));
		const error = await errorOf(() => fixture.getFollowers(fileRun({ options: { startAfterOpenid: all[4_999] } })));
		expect(error.context).toMatchObject({ received: 0, resumeAfter: all[4_999] });
		expect(error.description).toContain(`run it again with "Start After OpenID" still ${all[4_999]}`);
	});

	test('a stopped execution ends the pull and the file; no file is output', async () => {
		fixture = await Fixture.start({ followers: 50_000, pageSize: 1_000 });
		const abort = new AbortController();
		fixture.sim.when('/cgi-bin/user/get', 3, () => abort.abort());
		const filesBefore = storedFiles().length;
		await errorOf(() => fixture.getFollowers(fileRun(), { abortSignal: abort.signal }));
		expect(fixture.sim.requests('/cgi-bin/user/get').length).toBeLessThanOrEqual(4);
		expect(storedFiles()).toHaveLength(filesBefore);
	});

	test('a follower the shifting list repeats on a later page is written once', async () => {
		fixture = await Fixture.start({ followers: 6, pageSize: 3 });
		const all = fixture.sim.allFollowers();
		fixture.sim.when('/cgi-bin/user/get', 2, () =>
			fixture.sim.injectFault('/cgi-bin/user/get', { json: { total: 6, count: 3, data: { openid: [all[2], all[3], all[4]] }, next_openid: all[4] } }),
		);
		const [item] = await fixture.getFollowers(fileRun());
		expect(await fileOf(item.binary!.data)).toBe(`openid\n${all.join('\n')}\n`);
		expect(item.json.count).toBe(6);
	});

	test('Tag → Get Followers and Blacklist → Get Many write their files too', async () => {
		fixture = await Fixture.start({ followers: 30 });
		const all = fixture.sim.allFollowers();
		const tagId = fixture.sim.account.addTag('vip', all.slice(0, 12));
		fixture.sim.account.blacklist.push(...all.slice(20, 25));
		const [tagged] = await fixture.run('tag.getFollowers', { tagId, ...fileRun({ fileFormat: 'ndjson' }) });
		expect(tagged.json).toMatchObject({ tagId, count: 12, fileName: `tag-${tagId}-followers.ndjson` });
		expect(await fileOf(tagged.binary!.data)).toBe(all.slice(0, 12).map((openid) => `{"openid":"${openid}"}\n`).join(''));
		const [blacklisted] = await fixture.run('blacklist.getAll', fileRun({ returnAll: false, limit: 4 }));
		expect(blacklisted.json).toMatchObject({ count: 4, fileName: 'blacklist.csv', lastOpenid: all[23] });
		expect(await fileOf(blacklisted.binary!.data)).toBe(`openid\n${all.slice(20, 24).join('\n')}\n`);
	});
});

describe('One File keeps memory bounded', () => {
	beforeEach(() => useMode('filesystem'));

	test('the pull waits for the writer: while the writer holds its first page, at most two more pages are fetched', async () => {
		fixture = await Fixture.start({ followers: 100_000, pageSize: 1_000 });
		const real = service().managers['filesystem-v2'];
		let requestsWhileStalled = -1;
		service().setManager('filesystem-v2', {
			store: async (_location: unknown, body: AsyncIterable<Buffer>) => {
				// The pages arrive as they come, not as one Buffer collected first.
				expect(Buffer.isBuffer(body)).toBe(false);
				const hash = createHash('sha256');
				let chunks = 0;
				for await (const chunk of body) {
					hash.update(chunk);
					if (++chunks === 2) {
						// Stall after the header and the first page, long enough for a runaway pull to go on.
						await new Promise((resolve) => setTimeout(resolve, 300));
						requestsWhileStalled = fixture.sim.requests('/cgi-bin/user/get').length;
					}
				}
				return { fileId: 'test', fileSize: 0 };
			},
		});
		try {
			const [item] = await fixture.getFollowers(fileRun());
			expect(item.json.count).toBe(100_000);
		} finally {
			service().setManager('filesystem-v2', real);
		}
		// Page 1 is being written, page 2 waits in the channel, page 3 waits to be put.
		expect(requestsWhileStalled).toBeGreaterThanOrEqual(2);
		expect(requestsWhileStalled).toBeLessThanOrEqual(3);
	});

	test('a writer that fails stops the pull and fails the node; no hang', async () => {
		fixture = await Fixture.start({ followers: 50_000, pageSize: 1_000 });
		const real = service().managers['filesystem-v2'];
		service().setManager('filesystem-v2', {
			store: async (_location: unknown, body: AsyncIterable<Buffer>) => {
				let chunks = 0;
				for await (const chunk of body) if (chunk && ++chunks === 3) throw new Error('ENOSPC: no space left on device');
				return { fileId: 'test', fileSize: 0 };
			},
		});
		try {
			const error = await errorOf(() => fixture.getFollowers(fileRun()));
			expect(error.message).toBe('The file of followers could not be stored: ENOSPC: no space left on device');
			expect(error.description).toContain('No file was output');
		} finally {
			service().setManager('filesystem-v2', real);
		}
		// The pull stopped soon after (a page or two ahead), not at the end of the 50 pages.
		expect(fixture.sim.requests('/cgi-bin/user/get').length).toBeLessThanOrEqual(5);
	});
	test('a store that refuses before reading for another reason than the stream (e.g. a missing bucket) fails at once: no pull collected into memory', async () => {
		fixture = await Fixture.start({ followers: 50_000, pageSize: 1_000 });
		const real = service().managers['filesystem-v2'];
		service().setManager('filesystem-v2', {
			store: async () => {
				throw new Error('the S3 bucket n8n-binary does not exist');
			},
		});
		try {
			const error = await errorOf(() => fixture.getFollowers(fileRun()));
			expect(error.message).toBe('The file of followers could not be stored: the S3 bucket n8n-binary does not exist');
		} finally {
			service().setManager('filesystem-v2', real);
		}
		expect(fixture.sim.requests('/cgi-bin/user/get').length).toBeLessThanOrEqual(3);
	});

	test('a binary store that stops reading early without failing: the node fails instead of outputting a short file', async () => {
		fixture = await Fixture.start({ followers: 50_000, pageSize: 1_000 });
		const real = service().managers['filesystem-v2'];
		service().setManager('filesystem-v2', {
			store: async (_location: unknown, body: AsyncIterable<Buffer>) => {
				const iterator = body[Symbol.asyncIterator]();
				await iterator.next();
				await iterator.next();
				return { fileId: 'test', fileSize: 0 };
			},
		});
		try {
			const error = await errorOf(() => fixture.getFollowers(fileRun()));
			expect(error.message).toBe('The file of followers was stored incomplete: n8n stopped reading it early');
		} finally {
			service().setManager('filesystem-v2', real);
		}
		expect(fixture.sim.requests('/cgi-bin/user/get').length).toBeLessThanOrEqual(4);
	});
});

describe('One Item per Page', () => {
	test('Follower → Get Many: one item per WeChat page with its number, count and OpenIDs; Limit cuts the last', async () => {
		fixture = await Fixture.start({ followers: 23_000 });
		const all = fixture.sim.allFollowers();
		const pages = await fixture.getFollowers({ returnAll: false, limit: 22_000, output: 'pages' });
		expect(pages.map((page) => [page.json.page, page.json.count])).toEqual([[1, 10_000], [2, 10_000], [3, 2_000]]);
		expect(pages.flatMap((page) => page.json.openids as string[])).toEqual(all.slice(0, 22_000));
		expect(pages.every((page) => Object.keys(page.json).join() === 'page,count,openids')).toBe(true);
		expect(pages.every((page: INodeExecutionData) => (page.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('with Include Profile a page carries the profiles, in list order', async () => {
		fixture = await Fixture.start({ followers: 150, pageSize: 100 });
		const all = fixture.sim.allFollowers();
		const pages = await fixture.getFollowers({ returnAll: true, includeProfile: true, output: 'pages' });
		expect(pages.map((page) => (page.json.profiles as Array<{ openid: string }>).map((profile) => profile.openid))).toEqual([all.slice(0, 100), all.slice(100)]);
	});

	test('Tag → Get Followers pages carry the tag ID; Blacklist → Get Many pages follow its page size', async () => {
		fixture = await Fixture.start({ followers: 30 });
		const all = fixture.sim.allFollowers();
		const tagId = fixture.sim.account.addTag('vip', all.slice(0, 12));
		const tagged = await fixture.run('tag.getFollowers', { tagId, returnAll: true, output: 'pages' });
		expect(tagged.map((page) => page.json)).toEqual([{ tagId, page: 1, count: 12, openids: all.slice(0, 12) }]);
		fixture.sim.account.blacklistPageSize = 2;
		fixture.sim.account.blacklist.push(...all.slice(0, 5));
		const blacklisted = await fixture.run('blacklist.getAll', { returnAll: true, output: 'pages' });
		expect(blacklisted.map((page) => page.json.openids)).toEqual([all.slice(0, 2), all.slice(2, 4), all.slice(4, 5)]);
	});

	test('a failure on the 3rd page keeps the pages before it when On Error continues, with the resume point', async () => {
		fixture = await Fixture.start({ followers: 35_000 });
		const all = fixture.sim.allFollowers();
		fixture.sim.when('/cgi-bin/user/get', 3, () => fixture.sim.injectFault('/cgi-bin/user/get', { errcode: 45009, errmsg: 'reach max api daily quota limit' }));
		const items = await fixture.getFollowers({ returnAll: true, output: 'pages' }, { continueOnFail: true });
		expect(items.map((item) => item.json.page ?? 'error')).toEqual([1, 2, 'error']);
		expect(items[2].json).toMatchObject({ received: 20_000, resumeAfter: all[19_999] });
	});
});

describe('Profiles leave out the fields WeChat always sends empty', () => {
	test('no nickname, sex, city, province, country, headimgurl in profile items; a value WeChat sends is kept', async () => {
		fixture = await Fixture.start({ followers: 2 });
		const all = fixture.sim.allFollowers();
		fixture.sim.injectFault('/cgi-bin/user/info/batchget', {
			json: {
				user_info_list: [
					{ subscribe: 1, openid: all[0], nickname: '', sex: 0, city: '', province: '', country: '', headimgurl: '', privilege: [], remark: '', subscribe_time: 1577836800 },
					{ subscribe: 1, openid: all[1], nickname: 'Zhang', sex: 1, city: '', remark: '', subscribe_time: 1577836860 },
				],
			},
		});
		const items = await fixture.getFollowers({ returnAll: true, includeProfile: true });
		expect(items[0].json).toEqual({ subscribe: 1, openid: all[0], remark: '', subscribe_time: 1577836800, subscribe_time_iso: '2020-01-01T00:00:00.000Z' });
		expect(items[1].json).toEqual({ subscribe: 1, openid: all[1], nickname: 'Zhang', sex: 1, remark: '', subscribe_time: 1577836860, subscribe_time_iso: '2020-01-01T00:01:00.000Z' });
	});

	test('Follower → Get leaves them out too', async () => {
		fixture = await Fixture.start({ followers: 1 });
		const [item] = await fixture.run('follower.get', { openid: fixture.sim.allFollowers()[0] });
		for (const field of ['nickname', 'sex', 'city', 'province', 'country', 'headimgurl']) expect(item.json).not.toHaveProperty(field);
		expect(item.json).toHaveProperty('subscribe_scene');
	});
});

describe('CSV fields and the page channel', () => {
	test('quoting follows RFC 4180', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\rhere')).toBe('"cr\rhere"');
		expect(csvField([128, 2])).toBe('"128,2"');
		expect(csvField([])).toBe('');
		expect(csvField(undefined)).toBe('');
		expect(csvField(0)).toBe('0');
	});

	test('put waits until the reader took the previous value (capacity 1)', async () => {
		const channel = new PageChannel<number>(1);
		await channel.put(1);
		let secondPut = false;
		const putting = channel.put(2).then(() => (secondPut = true));
		await new Promise((resolve) => setImmediate(resolve));
		expect(secondPut).toBe(false);
		expect(await channel.take()).toBe(1);
		await putting;
		expect(secondPut).toBe(true);
		channel.close();
		expect(await channel.take()).toBe(2);
		expect(await channel.take()).toBeUndefined();
	});

	test('fail ends a waiting writer and a waiting reader with the error', async () => {
		const writerSide = new PageChannel<number>(1);
		await writerSide.put(1);
		const blockedPut = writerSide.put(2);
		writerSide.fail(new Error('reader gone'));
		await expect(blockedPut).rejects.toThrow('reader gone');

		const readerSide = new PageChannel<number>(1);
		const blockedTake = readerSide.take();
		readerSide.fail(new Error('pull failed'));
		await expect(blockedTake).rejects.toThrow('pull failed');
		await expect(readerSide.put(3)).rejects.toThrow('pull failed');
	});
});

describe('One File in memory mode is bounded', () => {
	beforeEach(() => useMode('memory'));

	test('a file larger than memory mode can hold fails early, saying to use filesystem mode; no file', async () => {
		fixture = await Fixture.start({ followers: 50_000, pageSize: 1_000 });
		const before = collectedFileLimit.megabytes;
		collectedFileLimit.megabytes = 0.1; // 100,000 bytes: about 3,400 OpenIDs
		try {
			const error = await errorOf(() => fixture.getFollowers(fileRun()));
			expect(error.message).toBe('The file of followers is larger than n8n can hold in memory (over 0.1 MB)');
			expect(error.description).toContain('N8N_DEFAULT_BINARY_DATA_MODE=filesystem');
		} finally {
			collectedFileLimit.megabytes = before;
		}
		// The pull stopped a page or two after the bound, not at the end of the 50 pages.
		expect(fixture.sim.requests('/cgi-bin/user/get').length).toBeLessThanOrEqual(7);
	});
});
