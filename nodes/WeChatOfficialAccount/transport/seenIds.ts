/**
 * The IDs a pull has already emitted, so a list that shifts while it is read never emits one
 * twice. `add` answers whether the ID was new.
 */
export class SeenIds {
	private readonly ids = new Set<string>();

	/** Adds the ID; true when it was not there before. */
	add(id: string): boolean {
		const before = this.ids.size;
		this.ids.add(id);
		return this.ids.size !== before;
	}

	get size(): number {
		return this.ids.size;
	}
}
