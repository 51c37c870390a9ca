/**
 * The pushes a trigger has seen lately, to start one execution per message although WeChat
 * retries it when no answer comes within 5 seconds. In memory, bounded in time and size: each
 * n8n process that receives webhooks has its own (see the README).
 */
export class RecentPushes {
	/** key → when it stops counting as seen (epoch ms); Map keeps insertion order */
	private readonly seen = new Map<string, number>();

	constructor(private readonly maxEntries: number) {}

	/** Records `key`; false when it was already seen and has not expired. */
	firstSeen(key: string, now: number, ttlMs: number): boolean {
		this.dropExpired(now);
		const expiry = this.seen.get(key);
		if (expiry !== undefined && expiry > now) return false;
		this.seen.delete(key);
		this.seen.set(key, now + ttlMs);
		// Full: forget the oldest; WeChat's retries come within seconds, long before that.
		while (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value as string);
		return true;
	}

	get size(): number {
		return this.seen.size;
	}

	/** Entries are in insertion order and share a lifetime, so the expired ones are at the front. */
	private dropExpired(now: number): void {
		for (const [key, expiry] of this.seen) {
			if (expiry > now) return;
			this.seen.delete(key);
		}
	}
}
