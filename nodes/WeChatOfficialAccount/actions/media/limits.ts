/**
 * WeChat's limits on uploaded files, the one table the Media operations check before sending.
 * WeChat refuses other files with 40005 (file type) or 40006 (size); checking here first means a
 * file WeChat would refuse never leaves n8n, and the error names the file and the limit.
 */

export type MediaType = 'image' | 'voice' | 'video' | 'thumb';

/** Where a file goes: temporary media (3 days), permanent material, or an image inside an article. */
export type UploadTarget = 'temporary' | 'permanent' | 'articleImage';

export interface FileLimit {
	/** in error messages: "not a file type WeChat accepts for an image" */
	noun: string;
	/** in error messages: "WeChat accepts images up to 10 MB" */
	plural: string;
	/** file name extensions, lower case, in WeChat's documented order */
	extensions: readonly string[];
	maxBytes: number;
}

const KB = 1024;
const MB = 1024 * KB;

/**
 * The limits, from WeChat's documentation of media/upload, material/add_material and
 * media/uploadimg. Permanent voice material also takes wma and wav; thumbs are JPEG only
 * (jpg, and jpeg, the other spelling of the same format).
 */
export const LIMITS: {
	readonly temporary: Readonly<Record<MediaType, FileLimit>>;
	readonly permanent: Readonly<Record<MediaType, FileLimit>>;
	readonly articleImage: FileLimit;
} = {
	temporary: {
		image: { noun: 'an image', plural: 'images', extensions: ['bmp', 'png', 'jpeg', 'jpg', 'gif'], maxBytes: 10 * MB },
		voice: { noun: 'a voice file', plural: 'voice files', extensions: ['amr', 'mp3'], maxBytes: 2 * MB },
		video: { noun: 'a video', plural: 'videos', extensions: ['mp4'], maxBytes: 10 * MB },
		thumb: { noun: 'a thumb', plural: 'thumbs', extensions: ['jpg', 'jpeg'], maxBytes: 64 * KB },
	},
	permanent: {
		image: { noun: 'an image', plural: 'images', extensions: ['bmp', 'png', 'jpeg', 'jpg', 'gif'], maxBytes: 10 * MB },
		voice: { noun: 'a voice file', plural: 'voice files', extensions: ['amr', 'mp3', 'wma', 'wav'], maxBytes: 2 * MB },
		video: { noun: 'a video', plural: 'videos', extensions: ['mp4'], maxBytes: 10 * MB },
		thumb: { noun: 'a thumb', plural: 'thumbs', extensions: ['jpg', 'jpeg'], maxBytes: 64 * KB },
	},
	articleImage: { noun: 'an image inside an article', plural: 'images inside articles', extensions: ['jpg', 'jpeg', 'png'], maxBytes: 1 * MB },
};

export function limitFor(target: UploadTarget, type?: MediaType): FileLimit {
	return target === 'articleImage' ? LIMITS.articleImage : LIMITS[target][type ?? 'image'];
}

/** The extension a MIME type stands for, for files whose name has none. */
export const EXTENSION_OF_MIME_TYPE: Readonly<Record<string, string>> = {
	'image/bmp': 'bmp',
	'image/x-ms-bmp': 'bmp',
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/jpg': 'jpg',
	'image/pjpeg': 'jpg',
	'image/gif': 'gif',
	'audio/amr': 'amr',
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/x-ms-wma': 'wma',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/wave': 'wav',
	'video/mp4': 'mp4',
};

/** The MIME type sent with a file whose binary data carries none (or a generic one). */
export const MIME_TYPE_OF_EXTENSION: Readonly<Record<string, string>> = {
	bmp: 'image/bmp',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	amr: 'audio/amr',
	mp3: 'audio/mpeg',
	wma: 'audio/x-ms-wma',
	wav: 'audio/wav',
	mp4: 'video/mp4',
};

/** "80 KB", "10.5 MB", "300 bytes": rounded up, so a file just over a limit never reads as equal to it. */
export function formatBytes(bytes: number): string {
	if (bytes < KB) return `${bytes} bytes`;
	const [value, unit] = bytes < MB ? [bytes / KB, 'KB'] : [bytes / MB, 'MB'];
	const rounded = Math.ceil(value * 10) / 10;
	return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} ${unit}`;
}
