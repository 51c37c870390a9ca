/** Bytes per arena chunk; an entry never spans two chunks. */
const CHUNK_BITS = 20;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;
/** Longest ID, in UTF-16 code units, kept in the arena; longer ones go to a plain Set. */
const MAX_ARENA_LENGTH = 127;
/** Offsets are stored + 1 in a Uint32Array (0 = empty slot). */
const MAX_ARENA_BYTES = 0xffff_fff0;
const INITIAL_CAPACITY = 1024;
/** The most IDs `reserve` makes room for at once (a table of 2^25 slots, 160 MiB). */
const MAX_RESERVE = 20_000_000;
/** Bound once: a global lookup per character is slow where globals are intercepted (jest's vm context). */
const imul = Math.imul;

/**
 * The IDs a pull has already emitted, so a list that shifts while it is read never emits one
 * twice. `add` answers whether the ID was new.
 *
 * Exact, and compact enough for 10,000,000 OpenIDs: each ID is copied once into an arena of
 * 1 MiB byte chunks (a length byte, then one byte per character when every character is below
 * U+0100, else two), and an open-addressing table with linear probing holds, per slot, the ID's
 * arena offset and 8 bits of its hash. Probes compare those bits first and the bytes only when
 * they match, so a collision never makes two IDs equal. A 28-character OpenID takes 29 arena bytes
 * plus 5 bytes per table slot at a load of at most 3/4: 36 to 42 bytes per ID, against about 90
 * for a Set of strings, and no object the garbage collector has to trace. IDs longer than 127
 * characters (not OpenIDs) are kept in a Set beside it.
 */
export class SeenIds {
	private capacity: number;
	private mask: number;
	/** arena offset + 1 of the entry in each slot; 0 when the slot is empty */
	private slots: Uint32Array;
	/** the top 8 bits of the hash of the entry in each slot: most probes end here, not in the arena */
	private tags: Uint8Array;
	private readonly chunks: Uint8Array[] = [];
	/** bytes used in each full chunk (an entry that does not fit starts the next one) */
	private readonly chunkEnds: number[] = [];
	/** bytes used in the last chunk */
	private lastChunkUsed = 0;
	private count = 0;
	private readonly overflow = new Set<string>();
	private readonly maxArenaBytes: number;

	/**
	 * The options are for tests: a tiny table forces collisions and growth, a tiny arena limit
	 * sends IDs to the Set beside it.
	 */
	constructor({ initialCapacity = INITIAL_CAPACITY, maxArenaBytes = MAX_ARENA_BYTES } = {}) {
		this.maxArenaBytes = Math.min(maxArenaBytes, MAX_ARENA_BYTES);
		this.capacity = Math.max(2, 2 ** Math.ceil(Math.log2(Math.max(2, initialCapacity))));
		this.mask = this.capacity - 1;
		this.slots = new Uint32Array(this.capacity);
		this.tags = new Uint8Array(this.capacity);
	}

	/** Adds the ID; true when it was not there before. */
	add(id: string): boolean {
		const length = id.length;
		if (length > MAX_ARENA_LENGTH) return this.addOverflow(id);
		let wide = false;
		// FNV-1a over the UTF-16 code units, then a finalizer so nearby IDs spread over the table.
		let hash = 0x811c9dc5 ^ length;
		for (let i = 0; i < length; i++) {
			const code = id.charCodeAt(i);
			if (code > 0xff) wide = true;
			hash = imul(hash ^ code, 0x01000193);
		}
		hash = finish(hash);

		const header = wide ? 0x80 | length : length;
		const slots = this.slots;
		const tags = this.tags;
		const mask = this.mask;
		const tag = hash >>> 24;
		let slot = hash & mask;
		for (;;) {
			const stored = slots[slot];
			if (stored === 0) break;
			if (tags[slot] === tag && this.equals(stored - 1, id, header)) return false;
			slot = (slot + 1) & mask;
		}
		const offset = this.append(id, header);
		if (offset < 0) return this.addOverflow(id);

		slots[slot] = offset + 1;
		tags[slot] = tag;
		this.count++;
		if (this.count * 4 > this.capacity * 3) this.grow();
		return true;
	}

	/**
	 * Makes room for `expected` IDs in one step (a pull knows its list's total from the first
	 * page), instead of growing the table ten times on the way. Capped, so a wrong total cannot
	 * allocate much.
	 */
	reserve(expected: number): void {
		const wanted = Math.min(Math.max(0, expected), MAX_RESERVE);
		if (wanted * 4 <= this.capacity * 3) return;
		this.grow(2 ** Math.ceil(Math.log2((wanted * 4) / 3 + 1)));
	}

	get size(): number {
		return this.count + this.overflow.size;
	}

	/** Bytes held (table and arena), for the benchmark. */
	get bytes(): number {
		return this.capacity * 5 + this.chunks.length * CHUNK_SIZE;
	}

	/** IDs the arena does not take: longer than 127 characters, or any once the arena is full. */
	private addOverflow(id: string): boolean {
		const before = this.overflow.size;
		this.overflow.add(id);
		return this.overflow.size !== before;
	}

	private equals(offset: number, id: string, header: number): boolean {
		const chunk = this.chunks[offset >>> CHUNK_BITS];
		let position = offset & CHUNK_MASK;
		if (chunk[position++] !== header) return false;
		const length = header & 0x7f;
		if (header & 0x80) {
			for (let i = 0; i < length; i++, position += 2) {
				if (chunk[position] !== (id.charCodeAt(i) & 0xff) || chunk[position + 1] !== id.charCodeAt(i) >>> 8) return false;
			}
			return true;
		}
		for (let i = 0; i < length; i++) {
			if (chunk[position + i] !== id.charCodeAt(i)) return false;
		}
		return true;
	}

	/**
	 * Copies the ID to the arena; returns its offset, or -1 when the arena is full. The bytes used
	 * in the last chunk are kept on their own: an entry may end exactly at a chunk's end, where an
	 * offset taken modulo the chunk size would read 0.
	 */
	private append(id: string, header: number): number {
		const length = header & 0x7f;
		const needed = 1 + (header & 0x80 ? 2 * length : length);
		let position = this.lastChunkUsed;
		const newChunk = this.chunks.length === 0 || position + needed > CHUNK_SIZE;
		const offset = newChunk ? this.chunks.length * CHUNK_SIZE : (this.chunks.length - 1) * CHUNK_SIZE + position;
		// Offsets (+ 1) must fit the table's Uint32Array.
		if (offset + needed > this.maxArenaBytes) return -1;
		if (newChunk) {
			if (this.chunks.length > 0) this.chunkEnds.push(position);
			this.chunks.push(new Uint8Array(CHUNK_SIZE));
			position = 0;
		}
		const chunk = this.chunks[this.chunks.length - 1];
		chunk[position++] = header;
		if (header & 0x80) {
			for (let i = 0; i < length; i++) {
				const code = id.charCodeAt(i);
				chunk[position++] = code & 0xff;
				chunk[position++] = code >>> 8;
			}
		} else {
			for (let i = 0; i < length; i++) chunk[position++] = id.charCodeAt(i);
		}
		this.lastChunkUsed = position;
		return offset;
	}

	/**
	 * Enlarges the table (doubles it by default) and puts every entry back, walking the arena in order (sequential reads)
	 * and hashing each entry's bytes again: the same hash as `add` computes from the string.
	 */
	private grow(capacity = this.capacity * 2): void {
		this.capacity = capacity;
		const mask = (this.mask = this.capacity - 1);
		const slots = (this.slots = new Uint32Array(this.capacity));
		const tags = (this.tags = new Uint8Array(this.capacity));
		for (let index = 0; index < this.chunks.length; index++) {
			const chunk = this.chunks[index];
			const end = index < this.chunkEnds.length ? this.chunkEnds[index] : this.lastChunkUsed;
			let position = 0;
			while (position < end) {
				const offset = index * CHUNK_SIZE + position;
				const header = chunk[position++];
				const length = header & 0x7f;
				let hash = 0x811c9dc5 ^ length;
				if (header & 0x80) {
					for (let i = 0; i < length; i++, position += 2) hash = imul(hash ^ (chunk[position] | (chunk[position + 1] << 8)), 0x01000193);
				} else {
					for (let i = 0; i < length; i++) hash = imul(hash ^ chunk[position++], 0x01000193);
				}
				hash = finish(hash);
				let slot = hash & mask;
				while (slots[slot] !== 0) slot = (slot + 1) & mask;
				slots[slot] = offset + 1;
				tags[slot] = hash >>> 24;
			}
		}
	}
}

/** Murmur3's finalizer: every input bit affects every output bit. */
function finish(hash: number): number {
	hash ^= hash >>> 16;
	hash = imul(hash, 0x85ebca6b);
	hash ^= hash >>> 13;
	hash = imul(hash, 0xc2b2ae35);
	return (hash ^ (hash >>> 16)) >>> 0;
}
