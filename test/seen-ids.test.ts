import { SeenIds } from '../nodes/WeChatOfficialAccount/transport/seenIds';

// Globals bound once: jest's vm context makes each global lookup slow in a hot loop.
const imul = Math.imul;

/** A deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (imul(state, 1664525) + 1013904223) >>> 0;
		return state / 4294967296;
	};
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function openid(next: () => number): string {
	let id = 'oLVPp';
	for (let i = 0; i < 23; i++) id += ALPHABET[(next() * 64) | 0];
	return id;
}

describe('SeenIds: the exact set of IDs a pull has emitted', () => {
	it('answers true for a new ID and false for one already added, and counts each once', () => {
		const seen = new SeenIds();
		expect(seen.add('oA')).toBe(true);
		expect(seen.add('oB')).toBe(true);
		expect(seen.add('oA')).toBe(false);
		expect(seen.add('oB')).toBe(false);
		expect(seen.size).toBe(2);
	});

	it('tells apart IDs that differ in length, in one character, or only by a prefix', () => {
		const seen = new SeenIds();
		const ids = ['', 'a', 'aa', 'aaa', 'ab', 'ba', 'oSIMx00AAAAAAAAAAAAAAAAAAAAA', 'oSIMx00AAAAAAAAAAAAAAAAAAAAB', 'oSIMx00AAAAAAAAAAAAAAAAAAAA'];
		for (const id of ids) expect(seen.add(id)).toBe(true);
		for (const id of ids) expect(seen.add(id)).toBe(false);
		expect(seen.size).toBe(ids.length);
	});

	it('is exact when every ID lands in the same few slots (a table of 2 that grows)', () => {
		const seen = new SeenIds({ initialCapacity: 2 });
		const ids = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
		expect(ids.filter((id) => seen.add(id))).toEqual(ids);
		expect(seen.size).toBe(5000);
		expect(ids.filter((id) => seen.add(id))).toEqual([]);
		expect(seen.add('id-5000')).toBe(true);
		expect(seen.add('id-')).toBe(true);
		expect(seen.size).toBe(5002);
	});

	it('keeps non-ASCII IDs exact, including characters that share a low byte with ASCII ones', () => {
		const seen = new SeenIds({ initialCapacity: 2 });
		// U+4141 is 'AA' byte for byte in little-endian UTF-16; U+0141 shares the low byte with 'A'.
		const ids = ['AA', '\u4141', 'A', '\u0141', 'é', 'e\u0301', '微信', '微信用户', '😀', '\ud83d', 'oSIMx00é', 'oSIMx00e'];
		for (const id of ids) expect(seen.add(id)).toBe(true);
		for (const id of ids) expect(seen.add(id)).toBe(false);
		expect(seen.size).toBe(ids.length);
	});

	it('keeps IDs longer than the arena takes (127 characters) exact too', () => {
		const seen = new SeenIds();
		const long = 'x'.repeat(127);
		const longer = 'x'.repeat(128);
		const wideLong = '微'.repeat(200);
		for (const id of [long, longer, wideLong, `${longer}y`]) expect(seen.add(id)).toBe(true);
		for (const id of [long, longer, wideLong, `${longer}y`]) expect(seen.add(id)).toBe(false);
		expect(seen.size).toBe(4);
	});

	it('stays exact once the arena is full: later IDs go to the set beside it', () => {
		const seen = new SeenIds({ initialCapacity: 4, maxArenaBytes: 100 });
		const ids = Array.from({ length: 50 }, (_, i) => `oFULL${i}`);
		for (const id of ids) expect(seen.add(id)).toBe(true);
		for (const id of ids) expect(seen.add(id)).toBe(false);
		expect(seen.size).toBe(50);
	});

	it('agrees with a JavaScript Set on 1,000,000 random OpenIDs with repeats, across many growths', () => {
		const next = random(2026);
		const pool = Array.from({ length: 700_000 }, () => openid(next));
		const seen = new SeenIds({ initialCapacity: 2 });
		const reference = new Set<string>();
		let disagreements = 0;
		let repeats = 0;
		for (let i = 0; i < 1_000_000; i++) {
			const id = pool[(next() * pool.length) | 0];
			const expected = !reference.has(id);
			reference.add(id);
			if (!expected) repeats++;
			if (seen.add(id) !== expected) disagreements++;
		}
		expect(repeats).toBeGreaterThan(100_000);
		expect(disagreements).toBe(0);
		expect(seen.size).toBe(reference.size);
		// every ID of the pool is known exactly: in the set or not
		let wrong = 0;
		for (const id of pool) if (seen.add(id) !== !reference.has(id)) wrong++;
		expect(wrong).toBe(0);
		// the arena now spans many chunks: growing the table must not read a chunk's unused tail as IDs
		expect(seen.add('')).toBe(true);
		expect(seen.add('')).toBe(false);
	});

	it('takes about 40 bytes per 28-character OpenID, not a string object each', () => {
		const seen = new SeenIds();
		const next = random(7);
		for (let i = 0; i < 200_000; i++) seen.add(openid(next));
		expect(seen.bytes / seen.size).toBeLessThan(48);
	});
});

describe('SeenIds.reserve', () => {
	it('makes room once and stays exact for IDs added before and after', () => {
		const seen = new SeenIds({ initialCapacity: 2 });
		expect(seen.add('before')).toBe(true);
		seen.reserve(10_000);
		const bytes = seen.bytes;
		const ids = Array.from({ length: 7000 }, (_, i) => `oR${i}`);
		expect(ids.filter((id) => seen.add(id))).toEqual(ids);
		expect(seen.bytes).toBe(bytes);
		expect(seen.add('before')).toBe(false);
		expect(ids.filter((id) => seen.add(id))).toEqual([]);
	});

	it('does not allocate for an absurd total', () => {
		const seen = new SeenIds();
		seen.reserve(1e12);
		expect(seen.bytes).toBeLessThan(200 * 2 ** 20);
		expect(seen.add('x')).toBe(true);
	});
});

describe('SeenIds at chunk boundaries', () => {
	it('stays exact when entries end exactly at a chunk end (31-character IDs: 32 bytes each)', () => {
		// 2^20 / 32 entries fill a chunk exactly; 40,000 IDs span two chunks, with growths on the way.
		const seen = new SeenIds({ initialCapacity: 2 });
		const ids = Array.from({ length: 40_000 }, (_, i) => `o${String(i).padStart(30, '0')}`);
		for (const id of ids) expect(seen.add(id)).toBe(true);
		for (const id of ids) expect(seen.add(id)).toBe(false);
		expect(seen.size).toBe(40_000);
	});

	it('stays exact with mixed lengths that end at chunk ends now and then', () => {
		const seen = new SeenIds({ initialCapacity: 2 });
		const reference = new Set<string>();
		for (let i = 0; i < 120_000; i++) {
			const id = `o${i}`.padEnd([6, 14, 30, 27, 62][i % 5], 'x');
			expect(seen.add(id)).toBe(!reference.has(id));
			reference.add(id);
		}
		for (const id of reference) expect(seen.add(id)).toBe(false);
		expect(seen.size).toBe(reference.size);
	});
});
