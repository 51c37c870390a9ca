/**
 * What a trigger has seen lately: the pushes it took (one execution per message although WeChat
 * retries it when no answer comes within 5 seconds) and the signed queries they came with. In
 * memory, bounded in time and size: each n8n process that receives webhooks has its own (see
 * docs/trigger.md).
 */
export class RecentPushes {
	/** key → what was recorded and until when (epoch ms); Map keeps insertion order */
	private readonly seen = new Map<string, { value: string; until: number }>();

	constructor(private readonly maxEntries: number) {}

	/**
	 * Records `value` under `key` until `until`, unless the key is still remembered: then returns
	 * the value recorded first and changes nothing.
	 */
	record(key: string, value: string, now: number, until: number): string | undefined {
		this.dropExpired(now);
		const earlier = this.seen.get(key);
		if (earlier !== undefined && earlier.until > now) return earlier.value;
		this.seen.delete(key);
		this.seen.set(key, { value, until });
		// Full: forget the oldest; WeChat's retries come within seconds, long before that.
		while (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value as string);
		return undefined;
	}

	/**
	 * Drops expired entries from the front (the oldest). An expired entry behind a younger one
	 * that lives longer stays until the size limit or a lookup removes it: `record` checks the
	 * time of every entry it finds, so this only bounds memory.
	 */
	private dropExpired(now: number): void {
		for (const [key, entry] of this.seen) {
			if (entry.until > now) return;
			this.seen.delete(key);
		}
	}
}
