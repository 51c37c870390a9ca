import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/** A file sent to WeChat as multipart/form-data (media uploads). */
export interface UploadedFile {
	/** the form field WeChat reads the file from: `media` */
	field: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
	/** text fields sent beside the file, e.g. a video's `description` */
	fields?: Record<string, string>;
}

/** A file WeChat answered with (media downloads). */
export interface DownloadedFile {
	data: Buffer;
	mimeType: string;
	fileName?: string;
}

/** The answer to one HTTP call: WeChat's JSON, or a file when the request asked for one. */
export type HttpAnswer = { json: IDataObject } | { file: DownloadedFile };

/**
 * The multipart body for an upload, built by hand: n8n's lint allows no form-data import, and
 * a Buffer body with its Content-Type goes through n8n's request helper unchanged.
 */
function multipartBody(file: UploadedFile, boundary: string): { body: Buffer; contentType: string } {
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(file.fields ?? {})) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`, 'utf8'));
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.field)}"; filename="${quoted(file.fileName)}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
			'utf8',
		),
		file.data,
		Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Quotes and line breaks would end the header value early. */
function quoted(value: string): string {
	return value.replace(/["\r\n\\]/g, '_');
}

/** Options for n8n's request helper: JSON in and out, a multipart body, or a file back. */
export function httpOptionsFor(
	url: string,
	method: IHttpRequestOptions['method'],
	options: { qs?: IDataObject; body?: IDataObject; upload?: UploadedFile; download?: boolean; boundary: string },
): IHttpRequestOptions {
	const request: IHttpRequestOptions = { method, url, qs: options.qs, json: true };
	if (options.upload) {
		const { body, contentType } = multipartBody(options.upload, options.boundary);
		request.body = body;
		request.headers = { 'Content-Type': contentType };
	} else {
		request.body = options.body;
	}
	if (options.download) {
		// WeChat answers a file, or JSON when it refuses: read bytes, decide by Content-Type.
		request.encoding = 'arraybuffer';
		request.returnFullResponse = true;
	}
	return request;
}

/** A full response read as bytes: WeChat's JSON (errors, video links, articles) or the file. */
export function answerOfDownload(response: { body?: unknown; headers?: Record<string, unknown> }): HttpAnswer | string {
	const data = toBuffer(response.body);
	const mimeType = String(response.headers?.['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
	if (/json|^text\//i.test(mimeType)) {
		const text = data.toString('utf8');
		try {
			const json = JSON.parse(text) as unknown;
			return typeof json === 'object' && json !== null ? { json: json as IDataObject } : text.slice(0, 200);
		} catch {
			return text.slice(0, 200);
		}
	}
	return { file: { data, mimeType, fileName: fileNameOf(response.headers?.['content-disposition']) } };
}

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.alloc(0);
}

/** `attachment; filename="a.jpg"` (WeChat writes "Content-disposition"; headers arrive lowercased). */
function fileNameOf(contentDisposition: unknown): string | undefined {
	if (typeof contentDisposition !== 'string') return undefined;
	const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(contentDisposition);
	return match?.[1] ? utf8Name(decodeURIComponentSafe(match[1].trim())) : undefined;
}

/**
 * A non-ASCII name sent as raw UTF-8 bytes (servers that do not encode header values do so)
 * arrives read as Latin-1, e.g. "ç\u0085§ç\u0089\u0087.png" for "照片.png": decode it again when
 * those bytes are valid UTF-8; leave every other name as it is.
 */
function utf8Name(name: string): string {
	if (!/[\u0080-\u00ff]/.test(name) || /[\u0100-\uffff]/.test(name)) return name;
	const decoded = Buffer.from(name, 'latin1').toString('utf8');
	return decoded.includes('\ufffd') ? name : decoded;
}

function decodeURIComponentSafe(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/**
 * Connection failures where the request provably never reached WeChat: the connection was never
 * made. Anything later (reset, timeout, a gateway's 5xx) may have been after WeChat got it.
 */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export interface TransportFailure {
	/** HTTP status, when a server answered */
	status?: number;
	/** e.g. "HTTP 502", "ECONNRESET" */
	summary: string;
	/** the request never left this machine: repeating it cannot deliver anything twice */
	neverConnected: boolean;
}

/** Status and error code of a failed HTTP call, looked up through n8n's error wrappers. */
export function transportFailureOf(error: unknown): TransportFailure {
	let status: number | undefined;
	let code: string | undefined;
	for (let current = error as Record<string, unknown> | undefined, depth = 0; current && depth < 5; depth++) {
		const response = current.response as { status?: unknown } | undefined;
		if (status === undefined && typeof response?.status === 'number') status = response.status;
		if (code === undefined && typeof current.code === 'string' && /^[A-Z_]+$/.test(current.code)) code = current.code;
		current = current.cause as Record<string, unknown> | undefined;
	}
	const summary = status !== undefined ? `HTTP ${status}` : (code ?? 'network error');
	return { status, summary, neverConnected: status === undefined && code !== undefined && NEVER_CONNECTED.has(code) };
}
