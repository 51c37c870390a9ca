/**
 * The account's follower list, in follow order. A list set by a count is generated: the OpenID
 * of follower i is computed from i when asked for, so 10,000,000 followers hold no strings; a
 * list set by OpenIDs, or changed by an unfollow, is an array.
 */
import { createHash } from 'node:crypto';

const OPENID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** the value of each alphabet character by its char code; undefined for others */
const DIGIT: Array<number | undefined> = [];
for (let value = 0; value < 64; value++) DIGIT[OPENID_ALPHABET.charCodeAt(value)] = value;
const PREFIX = 'oSIMx';

/** A 28-character OpenID shaped like WeChat's, unique per index. */
export function simulatedOpenid(index: number): string {
	// No global lookups in here (Math, String): jest's vm context makes each one slow, and a
	// 10,000,000-follower pull calls this for every follower.
	let suffix = '';
	let rest = index;
	let digits = 0;
	while (digits < 21 && (rest > 0 || digits === 0)) {
		const digit = rest % 64;
		suffix = OPENID_ALPHABET[digit] + suffix;
		rest = (rest - digit) / 64;
		digits++;
	}
	const check = index % 97;
	return `${PREFIX}${check < 10 ? '0' : ''}${check}${ZEROS[21 - digits]}${suffix}`;
}

/** 'A' (the digit 0) repeated 0 to 21 times */
const ZEROS = Array.from({ length: 22 }, (_, n) => 'A'.repeat(n));

/** The index an OpenID of `simulatedOpenid` was made from, or undefined when it is not one. */
export function simulatedOpenidIndex(openid: string): number | undefined {
	if (openid.length !== 28 || !openid.startsWith(PREFIX)) return undefined;
	let index = 0;
	for (let i = 7; i < 28; i++) {
		const digit = DIGIT[openid.charCodeAt(i)];
		if (digit === undefined) return undefined;
		index = index * 64 + digit;
		if (index > Number.MAX_SAFE_INTEGER) return undefined;
	}
	return simulatedOpenid(index) === openid ? index : undefined;
}

export class FollowerList {
	/** set when the list is generated: followers 0 .. count - 1 */
	private count: number | undefined;
	private ids: string[] | undefined;
	private index: Map<string, number> | undefined;

	constructor(followers: number | readonly string[] = 0) {
		this.set(followers);
	}

	set(followers: number | readonly string[]): void {
		if (typeof followers === 'number') {
			this.count = followers;
			this.ids = undefined;
			this.index = undefined;
		} else {
			this.count = undefined;
			this.ids = [...followers];
			this.index = new Map(this.ids.map((openid, position) => [openid, position]));
		}
	}

	get length(): number {
		return this.count ?? this.ids!.length;
	}

	/** The OpenIDs from `start` up to `end` (not included), as Array.slice. */
	slice(start: number, end: number = this.length): string[] {
		if (this.count === undefined) return this.ids!.slice(start, end);
		const from = Math.max(0, start);
		const to = Math.min(this.count, end);
		const page: string[] = [];
		for (let i = from; i < to; i++) page.push(simulatedOpenid(i));
		return page;
	}

	/** The follower's position in the list, or undefined when not following. */
	indexOf(openid: string): number | undefined {
		if (this.count === undefined) return this.index!.get(openid);
		const index = simulatedOpenidIndex(openid);
		return index !== undefined && index < this.count ? index : undefined;
	}

	/** Every OpenID, as an array (built once per change; for tests, not for 10 M followers). */
	all(): readonly string[] {
		if (this.count !== undefined) this.set(this.slice(0, this.count));
		return this.ids!;
	}

	remove(openid: string): void {
		this.set(this.all().filter((candidate) => candidate !== openid));
	}

	/**
	 * How many followers and the SHA-256 (hex) of their OpenIDs in order, joined by "\n" (no
	 * trailing newline), computed page by page: no array of the whole list.
	 */
	digest(): { count: number; sha256: string } {
		const hash = createHash('sha256');
		const total = this.length;
		for (let start = 0; start < total; start += 10_000) {
			const page = this.slice(start, Math.min(total, start + 10_000));
			hash.update(start === 0 ? page.join('\n') : `\n${page.join('\n')}`);
		}
		return { count: total, sha256: hash.digest('hex') };
	}
}
