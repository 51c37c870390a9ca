import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CursorListProgress } from '../transport/pagination';

/**
 * How an OpenID list (followers, followers of a tag, blacklist) reaches the workflow: one item
 * per OpenID (n8n's usual shape; the whole list is in memory as items), one item per WeChat page,
 * or one file streamed page by page into n8n's binary data (on disk in filesystem mode).
 */
export type ListOutputMode = 'items' | 'pages' | 'file';
export type ListFileFormat = 'csv' | 'ndjson';

const FORMATS: Record<ListFileFormat, { extension: string; mimeType: string }> = {
	csv: { extension: 'csv', mimeType: 'text/csv' },
	ndjson: { extension: 'ndjson', mimeType: 'application/x-ndjson' },
};

/** The Output, File Format and binary field parameters; `one` names one entry of the list, e.g. "Follower". */
export function listOutputProperties(one: string, noun: string): INodeProperties[] {
	const itemsName = `One Item per ${one}`;
	const itemsDescription = `Each of the ${noun} as its own item. The whole list is held in memory: fine up to some 100,000.`;
	const outputOptions: INodePropertyOptions[] = [
		{ name: itemsName, value: 'items', description: itemsDescription },
		{
			name: 'One Item per Page',
			value: 'pages',
			description: 'One item per WeChat page (up to 10,000 OpenIDs) with the page number, count and the OpenIDs as a list',
		},
		{
			name: 'One File',
			value: 'file',
			description: `All ${noun} in one CSV or NDJSON file, written page by page. Keeps memory flat when n8n stores binary data on disk (filesystem mode).`,
		},
	];
	return [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: outputOptions,
			default: 'items',
			description: `How the ${noun} are output. For large lists choose One File; see the package's docs/followers.md.`,
		},
		{
			displayName: 'File Format',
			name: 'fileFormat',
			type: 'options',
			options: [
				{ name: 'CSV', value: 'csv', description: 'A header line, then one line per OpenID' },
				{ name: 'NDJSON', value: 'ndjson', description: 'One JSON object per line' },
			],
			default: 'csv',
			displayOptions: { show: { output: ['file'] } },
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the output binary field to put the file in',
			displayOptions: { show: { output: ['file'] } },
		},
	];
}

/** The File Name option, for the Options collection of a list. */
export function fileNameOption(example: string): INodeProperties {
	return {
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: example,
		description: `Name of the output file; empty gives ${example} (or .ndjson)`,
		displayOptions: { show: { '/output': ['file'] } },
	};
}

export interface ListOutputSpec {
	/** for messages and the default file name, e.g. "followers" */
	noun: string;
	/** the default file name without extension */
	baseName: string;
	/** fields every item carries besides the list's own, e.g. { tagId } */
	itemFields?: IDataObject;
	/**
	 * The rows of a page when the list carries more than OpenIDs (profiles): one per OpenID, in
	 * order. Without it a row is `{ openid }`.
	 */
	profiles?: (openids: string[]) => Promise<IDataObject[]>;
	/** the CSV columns when `profiles` is set */
	profileColumns?: readonly string[];
	/** runs the pull, handing each page's new OpenIDs to `emit`; `how` goes into the pull's options */
	pull(emit: (openids: string[]) => Promise<void>, how: { partialOutput: boolean }): Promise<CursorListProgress>;
}

/** Runs the pull of one input item and outputs it as the item's Output parameter says. */
export async function outputList(
	this: IExecuteFunctions,
	itemIndex: number,
	output: INodeExecutionData[],
	spec: ListOutputSpec,
): Promise<void> {
	const mode = this.getNodeParameter('output', itemIndex, 'items') as ListOutputMode;
	const pairedItem = { item: itemIndex };
	const itemFields = spec.itemFields ?? {};
	const hasItemFields = Object.keys(itemFields).length > 0;

	if (mode === 'items') {
		await spec.pull(async (openids) => {
			if (spec.profiles) {
				for (const profile of await spec.profiles(openids)) output.push({ json: hasItemFields ? { ...profile, ...itemFields } : profile, pairedItem });
			} else if (hasItemFields) {
				for (const openid of openids) output.push({ json: { openid, ...itemFields }, pairedItem });
			} else {
				// One pairedItem object for all items of an input item, as n8n's constructExecutionMetaData does.
				for (const openid of openids) output.push({ json: { openid }, pairedItem });
			}
		}, { partialOutput: true });
		return;
	}

	if (mode === 'pages') {
		let page = 0;
		await spec.pull(async (openids) => {
			const json: IDataObject = { ...itemFields, page: ++page, count: openids.length, openids };
			if (spec.profiles) json.profiles = await spec.profiles(openids);
			output.push({ json, pairedItem });
		}, { partialOutput: true });
		return;
	}

	if (mode !== 'file') {
		throw new NodeOperationError(this.getNode(), `Unknown output "${String(mode)}"`, { itemIndex });
	}
	const format = this.getNodeParameter('fileFormat', itemIndex, 'csv') as ListFileFormat;
	if (!(format in FORMATS)) {
		throw new NodeOperationError(this.getNode(), `Unknown file format "${String(format)}"`, { itemIndex, description: 'Choose CSV or NDJSON.' });
	}
	const binaryPropertyName = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (binaryPropertyName === '') {
		throw new NodeOperationError(this.getNode(), '"Put Output File in Field" is empty', {
			itemIndex,
			description: 'Enter the name of the binary field for the file, e.g. data.',
		});
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as { fileName?: string };
	const fileName = (options.fileName ?? '').trim() || `${spec.baseName}.${FORMATS[format].extension}`;
	const columns = spec.profiles ? (spec.profileColumns ?? ['openid']) : ['openid'];

	const encodePage = async (openids: string[]): Promise<string> => {
		if (spec.profiles) {
			const rows = await spec.profiles(openids);
			return format === 'csv' ? csvRows(rows, columns) : ndjsonRows(rows);
		}
		// OpenIDs alone: one line each, without a row object per follower (10 M of them in a big pull).
		let text = '';
		if (format === 'csv') for (const openid of openids) text += `${csvField(openid)}\n`;
		else for (const openid of openids) text += `{"openid":${JSON.stringify(openid)}}\n`;
		return text;
	};
	const header = format === 'csv' ? `${columns.map(csvField).join(',')}\n` : '';

	const { binary, progress } = await streamToBinary(this, itemIndex, {
		fileName,
		mimeType: FORMATS[format].mimeType,
		noun: spec.noun,
		header,
		pull: async (put) => await spec.pull(async (openids) => await put(await encodePage(openids)), { partialOutput: false }),
	});
	output.push({
		json: {
			...itemFields,
			count: progress.received,
			pages: progress.pages,
			lastOpenid: progress.received > 0 ? progress.resumeAfter : '',
			format,
			fileName,
		},
		binary: { [binaryPropertyName]: binary },
		pairedItem,
	});
}

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180); lists joined by commas. */
export function csvField(value: unknown): string {
	let text: string;
	if (value === undefined || value === null) text = '';
	else if (Array.isArray(value)) text = value.map((entry) => (typeof entry === 'object' && entry !== null ? JSON.stringify(entry) : String(entry))).join(',');
	else if (typeof value === 'object') text = JSON.stringify(value);
	else text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV lines (each ending in \n) of the rows' `columns`. */
export function csvRows(rows: readonly IDataObject[], columns: readonly string[]): string {
	let text = '';
	for (const row of rows) text += `${columns.map((column) => csvField(row[column])).join(',')}\n`;
	return text;
}

/** One JSON object per line (each ending in \n). */
export function ndjsonRows(rows: readonly IDataObject[]): string {
	let text = '';
	for (const row of rows) text += `${JSON.stringify(row)}\n`;
	return text;
}

/** Raised into the pull when the file writer stopped taking pages. */
class WriterStopped extends Error {}

/**
 * A bounded hand-over from the pull (which pushes pages) to the file writer (which pulls them):
 * `put` waits while `capacity` chunks wait, so at most that many encoded pages are held besides
 * the one being written. `fail` ends both sides: a waiting `put` or `take` rejects with the error.
 * One producer and one consumer (the pull emits its pages one after the other).
 */
export class PageChannel<T> {
	private readonly queue: T[] = [];
	private closed = false;
	private failure: { error: unknown } | undefined;
	private wakeReader: (() => void) | undefined;
	private wakeWriter: (() => void) | undefined;

	constructor(private readonly capacity = 1) {}

	async put(value: T): Promise<void> {
		while (!this.failure && this.queue.length >= this.capacity) {
			await new Promise<void>((resolve) => (this.wakeWriter = resolve));
		}
		if (this.failure) throw this.failure.error;
		this.queue.push(value);
		this.wake('reader');
	}

	/** The next chunk; undefined once the writer side closed and every chunk was taken. */
	async take(): Promise<T | undefined> {
		while (!this.failure && this.queue.length === 0 && !this.closed) {
			await new Promise<void>((resolve) => (this.wakeReader = resolve));
		}
		if (this.failure) throw this.failure.error;
		const value = this.queue.shift();
		this.wake('writer');
		return value;
	}

	close(): void {
		this.closed = true;
		this.wake('reader');
	}

	fail(error: unknown): void {
		if (this.failure) return;
		this.failure = { error };
		this.queue.length = 0;
		this.wake('reader');
		this.wake('writer');
	}

	private wake(side: 'reader' | 'writer'): void {
		const wake = side === 'reader' ? this.wakeReader : this.wakeWriter;
		if (side === 'reader') this.wakeReader = undefined;
		else this.wakeWriter = undefined;
		wake?.();
	}
}

interface StreamedFile {
	fileName: string;
	mimeType: string;
	noun: string;
	/** the file's first bytes (a CSV header), before any page */
	header: string;
	/** runs the pull, handing each page's encoded text to `put` (which waits while the writer is behind) */
	pull(put: (text: string) => Promise<void>): Promise<CursorListProgress>;
}

type BinaryInput = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

/**
 * Stores the pull's pages as one binary file while they arrive. n8n's filesystem mode writes
 * what `prepareBinaryData` receives with fs.promises.writeFile, which takes an async iterable:
 * pages go to disk one by one and the heap holds a page or two. The other modes (memory, S3,
 * database) read the body as a Node stream and refuse an iterable before reading any of it;
 * then the pages are collected into one Buffer, which is what those modes hold anyway. A failure
 * on either side ends both; no file is output for a failed pull.
 */
async function streamToBinary(
	context: IExecuteFunctions,
	itemIndex: number,
	file: StreamedFile,
): Promise<{ binary: IBinaryData; progress: CursorListProgress }> {
	const channel = new PageChannel<Buffer>(1);
	const pulling = (async () => {
		if (file.header !== '') await channel.put(Buffer.from(file.header, 'utf8'));
		return await file.pull(async (text) => await channel.put(Buffer.from(text, 'utf8')));
	})().then(
		(progress) => {
			channel.close();
			return progress;
		},
		(error: unknown) => {
			channel.fail(error);
			throw error;
		},
	);
	// Settled below on every path; this keeps a rejection from counting as unhandled meanwhile.
	pulling.catch(() => undefined);

	let started = false;
	async function* pages(): AsyncGenerator<Buffer> {
		started = true;
		let finished = false;
		try {
			for (let chunk = await channel.take(); chunk !== undefined; chunk = await channel.take()) yield chunk;
			finished = true;
		} finally {
			// The writer stopped early (a disk error): the pull must not wait for it forever.
			if (!finished) channel.fail(new WriterStopped('the file writer stopped'));
		}
	}

	const streamed = await settle(context.helpers.prepareBinaryData(pages() as unknown as BinaryInput, file.fileName, file.mimeType));
	if (streamed.ok) {
		// n8n read the pages to their end (the pull has finished) unless it stopped early: then
		// the stored file is short, and the pull, still waiting to hand on a page, must end too.
		channel.fail(new WriterStopped('the file writer stopped'));
		const pulled = await settle(pulling);
		if (pulled.ok) return { binary: streamed.value, progress: pulled.value };
		if (!(pulled.error instanceof WriterStopped)) throw fileModeError(pulled.error);
		throw new NodeOperationError(context.getNode(), `The file of ${file.noun} was stored incomplete: n8n stopped reading it early`, {
			itemIndex,
			description: 'Run the node again. No file was output.',
		});
	}

	// Memory, S3 and database modes read the body as a Node stream: calling its stream methods on
	// the pages throws a TypeError before a byte is read. Any other refusal is a storage failure.
	if (!started && streamed.error instanceof TypeError) {
		// This storage mode does not take a stream: the same pages, collected, up to a bound.
		const collected = await settle(collect(channel));
		if (!collected.ok) channel.fail(collected.error);
		const pulled = await settle(pulling);
		if (!collected.ok && collected.error instanceof FileTooLarge) {
			throw new NodeOperationError(context.getNode(), `The file of ${file.noun} is larger than n8n can hold in memory (over ${collectedFileLimit.megabytes} MB)`, {
				itemIndex,
				description:
					'n8n keeps binary data in memory in its default mode. Run n8n with N8N_DEFAULT_BINARY_DATA_MODE=filesystem to write the file to disk page by page, or choose One Item per Page. No file was output.',
			});
		}
		if (!pulled.ok) throw fileModeError(pulled.error);
		if (!collected.ok) throw fileModeError(collected.error);
		return { binary: await context.helpers.prepareBinaryData(collected.value, file.fileName, file.mimeType), progress: pulled.value };
	}

	// The writer gave up (it may not have said so to the pages it was reading): end the pull.
	channel.fail(new WriterStopped('the file writer stopped'));
	const pulled = await settle(pulling);
	if (!pulled.ok && !(pulled.error instanceof WriterStopped)) throw fileModeError(pulled.error);
	throw new NodeOperationError(context.getNode(), `The file of ${file.noun} could not be stored: ${messageOf(streamed.error)}`, {
		itemIndex,
		description:
			'n8n could not write its binary data. Check the disk space and permissions of n8n\'s binary data folder (or its S3 settings), then run the node again. No file was output.',
	});
}

/**
 * The most a file collected in memory may hold: n8n's memory mode turns it into one base64
 * string, and V8's longest string (about 512 MiB characters) holds some 400 MB of file.
 */
export const collectedFileLimit = { megabytes: 350 };

class FileTooLarge extends Error {}

async function collect(channel: PageChannel<Buffer>, maxBytes = collectedFileLimit.megabytes * 1_000_000): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let bytes = 0;
	for (let chunk = await channel.take(); chunk !== undefined; chunk = await channel.take()) {
		bytes += chunk.length;
		if (bytes > maxBytes) throw new FileTooLarge(`over ${maxBytes} bytes`);
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}

/** A failure of a file pull says that no file was output (the pull's own note says so when it got a page). */
function fileModeError(error: unknown): unknown {
	if ((error instanceof NodeApiError || error instanceof NodeOperationError) && !/no file is output/.test(error.description ?? '')) {
		error.description = error.description ? `${error.description} No file was output.` : 'No file was output.';
	}
	return error;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return await promise.then(
		(value): Settled<T> => ({ ok: true, value }),
		(error: unknown): Settled<T> => ({ ok: false, error }),
	);
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
