/**
 * The ISO time of a WeChat Unix timestamp (seconds), or undefined when WeChat sent none. Items
 * carry it as `<field>_iso` beside WeChat's own field (subscribe_time_iso, update_time_iso,
 * create_time_iso), which spreadsheets and CRMs read as a date.
 */
function isoOfUnixSeconds(seconds: unknown): string | undefined {
	const value = Number(seconds);
	return seconds !== null && seconds !== '' && Number.isFinite(value) && value > 0 ? new Date(value * 1000).toISOString() : undefined;
}

/** Adds `<field>_iso` beside each of `fields` that holds a Unix timestamp; returns the entry. */
export function withIsoTimes<T extends Record<string, unknown>>(entry: T, ...fields: string[]): T {
	for (const field of fields) {
		const iso = isoOfUnixSeconds(entry[field]);
		if (iso !== undefined) (entry as Record<string, unknown>)[`${field}_iso`] = iso;
	}
	return entry;
}
