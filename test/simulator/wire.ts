/**
 * What travels beside JSON: multipart/form-data request bodies (the media uploads) and answers
 * that are files (media/get, material/get_material). Hand-written and Buffer-based, so binary
 * parts arrive byte for byte, and without a dependency.
 */

export interface UploadedFile {
	fileName: string;
	contentType: string;
	data: Buffer;
}

export interface MultipartBody {
	/** parts without a filename, decoded as UTF-8 */
	fields: Record<string, string>;
	/** parts with a filename, by part name */
	files: Record<string, UploadedFile>;
}

/**
 * An answer that is a file: sent as its bytes with its Content-Type and
 * `Content-disposition: attachment; filename="..."`, as WeChat sends media.
 */
export class FileReply {
	constructor(
		readonly data: Buffer,
		readonly contentType: string,
		readonly fileName: string,
	) {}
}

export function isMultipart(contentType: string | undefined): boolean {
	return /^\s*multipart\/form-data\b/i.test(contentType ?? '');
}

const CRLF = Buffer.from('\r\n');

/**
 * The parts of a multipart/form-data body (RFC 7578), or undefined when it is malformed: no
 * boundary, no opening delimiter, a part without headers end or name, no closing delimiter.
 */
export function parseMultipart(raw: Buffer, contentType: string): MultipartBody | undefined {
	const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	if (!boundary) return undefined;
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const closingSearch = Buffer.concat([CRLF, delimiter]);
	const body: MultipartBody = { fields: {}, files: {} };
	// Anything before the first delimiter is a preamble, ignored.
	let position = raw.indexOf(delimiter);
	if (position < 0) return undefined;
	for (;;) {
		position += delimiter.length;
		const after = raw.subarray(position, position + 2).toString('latin1');
		if (after === '--') return body;
		if (after !== '\r\n') return undefined;
		// Headers run from after the CRLF to an empty line (at once for a part without headers).
		const headersEnd = raw.indexOf('\r\n\r\n', position);
		if (headersEnd < 0) return undefined;
		const headers = parseHeaders(raw.subarray(position + 2, Math.max(position + 2, headersEnd)).toString('utf8'));
		const dataStart = headersEnd + 4;
		const next = raw.indexOf(closingSearch, dataStart);
		if (next < 0) return undefined;
		const disposition = headers.get('content-disposition') ?? '';
		const name = dispositionParam(disposition, 'name');
		if (!/^\s*form-data\b/i.test(disposition) || name === undefined) return undefined;
		const fileName = dispositionParam(disposition, 'filename*') ?? dispositionParam(disposition, 'filename');
		const data = raw.subarray(dataStart, next);
		if (fileName === undefined) body.fields[name] = data.toString('utf8');
		else body.files[name] = { fileName, contentType: headers.get('content-type') ?? 'application/octet-stream', data: Buffer.from(data) };
		position = next + CRLF.length;
	}
}

function parseHeaders(text: string): Map<string, string> {
	const headers = new Map<string, string>();
	for (const line of text.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	return headers;
}

/** A parameter of Content-Disposition, quoted or not; `filename*` in RFC 5987 form (UTF-8''...). */
function dispositionParam(disposition: string, param: string): string | undefined {
	const escaped = param.replace('*', '\\*');
	const match = new RegExp(`;\\s*${escaped}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i').exec(disposition);
	if (!match) return undefined;
	const value = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2].trim();
	if (param !== 'filename*') return value;
	const encoded = /^[^']*'[^']*'(.*)$/.exec(value);
	try {
		return decodeURIComponent(encoded ? encoded[1] : value);
	} catch {
		return value;
	}
}

/**
 * A file name as it can stand in a header. Node refuses characters above U+00FF in header values,
 * so a non-ASCII name goes out as its raw UTF-8 bytes, as servers that do not encode header values
 * send it (a client reading the header as Latin-1 sees it garbled); quotes and line breaks become _.
 */
export function headerFileName(fileName: string): string {
	return Buffer.from(fileName.replace(/["\r\n]/g, '_'), 'utf8').toString('latin1');
}

/** An HTTP error page instead of an API answer (public pages such as showqrcode). */
export class HttpStatusReply {
	constructor(readonly status: number) {}
}
