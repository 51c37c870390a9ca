/**
 * Media of the simulated account: temporary media (media/upload, media/get; gone after 3 days),
 * permanent material (material/*), and images for article bodies (media/uploadimg), with WeChat's
 * types, size limits and errcodes. Uploads arrive as multipart/form-data with the file in a part
 * named `media` (parsed by wire.ts).
 */
import type { UploadedFile } from './wire';
import { FileReply } from './wire';

type Reply = Record<string, unknown>;

export type MediaType = 'image' | 'voice' | 'video' | 'thumb';
export type MaterialType = MediaType | 'news';
export type MediaKind = 'temporary' | 'permanent';

export interface NewsArticle {
	title: string;
	thumb_media_id: string;
	show_cover_pic: number;
	author: string;
	digest: string;
	content: string;
	url: string;
	content_source_url: string;
}

export interface StoredMedia {
	kind: MediaKind;
	type: MaterialType;
	data: Buffer;
	fileName: string;
	contentType: string;
	/** simulator clock, ms */
	createdAt: number;
	/** permanent video: from the `description` part */
	title?: string;
	introduction?: string;
	/** permanent image: its mmbiz.qpic.cn address */
	url?: string;
	/** permanent news material */
	news?: NewsArticle[];
}

const MB = 1024 * 1024;

/** Per type: size limit and file extensions (permanent voice also takes wma and wav). */
const RULES: Record<MediaType, { maxBytes: number; temporary: string[]; permanent: string[] }> = {
	image: { maxBytes: 10 * MB, temporary: ['bmp', 'png', 'jpeg', 'jpg', 'gif'], permanent: ['bmp', 'png', 'jpeg', 'jpg', 'gif'] },
	voice: { maxBytes: 2 * MB, temporary: ['amr', 'mp3'], permanent: ['amr', 'mp3', 'wma', 'wav'] },
	video: { maxBytes: 10 * MB, temporary: ['mp4'], permanent: ['mp4'] },
	thumb: { maxBytes: 64 * 1024, temporary: ['jpg', 'jpeg'], permanent: ['jpg', 'jpeg'] },
};
/** media/uploadimg: images inside article bodies */
const ARTICLE_IMAGE = { maxBytes: 1 * MB, extensions: ['jpg', 'jpeg', 'png'] };
const TEMPORARY_LIFETIME_MS = 3 * 24 * 3600 * 1000;

/** For a file name without extension: the extension its Content-Type stands for. */
const EXTENSION_OF_TYPE: Record<string, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/jpg': 'jpg',
	'image/gif': 'gif',
	'image/bmp': 'bmp',
	'audio/amr': 'amr',
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/x-ms-wma': 'wma',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'video/mp4': 'mp4',
};

/** A permanent thumb (a tiny JPEG) the seeded news material uses as its cover. */
export const SEEDED_THUMB_MEDIA_ID = 'PRM_SEED_THUMB_0000000000000000000000000000';
/** A permanent news material (one article), as accounts that used material/add_news have. */
export const SEEDED_NEWS_MEDIA_ID = 'PRM_SEED_NEWS_00000000000000000000000000000';
const TINY_JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

export class SimulatedMedia {
	/** media/upload: kept 3 days on the simulator clock */
	readonly temporary = new Map<string, StoredMedia>();
	/** material/*, in upload order */
	readonly permanent = new Map<string, StoredMedia>();
	/** media/uploadimg: by URL; these have no media_id */
	readonly articleImages = new Map<string, UploadedFile>();
	private serial = 0;

	constructor(
		private readonly now: () => number,
		private readonly rid: () => string,
	) {
		this.permanent.set(SEEDED_THUMB_MEDIA_ID, {
			kind: 'permanent',
			type: 'thumb',
			data: TINY_JPEG,
			fileName: 'cover.jpg',
			contentType: 'image/jpeg',
			createdAt: now(),
		});
		this.putNews(
			[
				{
					title: 'Welcome to the simulated account',
					thumb_media_id: SEEDED_THUMB_MEDIA_ID,
					show_cover_pic: 1,
					author: 'Simulator',
					digest: 'What this account publishes.',
					content: '<p>Hello from the simulator.</p>',
					url: `http://mp.weixin.qq.com/s?__biz=sim&mid=${SEEDED_NEWS_MEDIA_ID}`,
					content_source_url: '',
				},
			],
			SEEDED_NEWS_MEDIA_ID,
		);
	}

	/** Seeds a medium directly, as if uploaded; returns its media_id. */
	put(kind: MediaKind, type: MediaType, data: Buffer, fileName: string, contentType: string): string {
		const mediaId = this.newMediaId(kind, type);
		const record: StoredMedia = { kind, type, data, fileName, contentType, createdAt: this.now() };
		if (kind === 'permanent' && type === 'image') record.url = imageUrl(mediaId);
		(kind === 'temporary' ? this.temporary : this.permanent).set(mediaId, record);
		return mediaId;
	}

	/** Seeds a permanent news material; returns its media_id. */
	putNews(articles: NewsArticle[], mediaId = this.newMediaId('permanent', 'news')): string {
		this.permanent.set(mediaId, {
			kind: 'permanent',
			type: 'news',
			data: Buffer.alloc(0),
			fileName: '',
			contentType: 'application/json',
			createdAt: this.now(),
			news: articles,
		});
		return mediaId;
	}

	/** A medium that can be used now: permanent, or temporary and not expired. */
	get(mediaId: string): StoredMedia | undefined {
		return this.permanent.get(mediaId) ?? this.liveTemporary(mediaId);
	}

	route(
		path: string,
		query: Record<string, string>,
		body: Record<string, unknown>,
		files: Record<string, UploadedFile>,
	): Reply | FileReply | undefined {
		switch (path) {
			case '/cgi-bin/media/upload':
				return this.upload('temporary', query.type, files.media, body);
			case '/cgi-bin/media/get':
				return this.mediaGet(query.media_id);
			case '/cgi-bin/material/add_material':
				return this.upload('permanent', query.type, files.media, body);
			case '/cgi-bin/material/get_material':
				return this.getMaterial(body.media_id);
			case '/cgi-bin/material/del_material':
				return this.delMaterial(body.media_id);
			case '/cgi-bin/material/batchget_material':
				return this.batchget(body);
			case '/cgi-bin/material/get_materialcount':
				return this.materialCount();
			case '/cgi-bin/media/uploadimg':
				return this.uploadImg(files.media);
			default:
				return undefined;
		}
	}

	private error(errcode: number, errmsg: string): Reply {
		return { errcode, errmsg: `${errmsg} rid: ${this.rid()}` };
	}

	private invalidMediaId(): Reply {
		return this.error(40007, 'invalid media_id');
	}

	private liveTemporary(mediaId: string): StoredMedia | undefined {
		const record = this.temporary.get(mediaId);
		return record && this.now() - record.createdAt < TEMPORARY_LIFETIME_MS ? record : undefined;
	}

	private newMediaId(kind: MediaKind, type: MaterialType): string {
		this.serial++;
		// Temporary IDs are 64 characters on real servers, permanent ones 43.
		const head = `${kind === 'temporary' ? 'TMP' : 'PRM'}_${type}_${this.serial}_`;
		return head + randomChars((kind === 'temporary' ? 64 : 43) - head.length);
	}

	/** The checks WeChat makes on an upload, in its order; undefined when the file is accepted. */
	private fileProblem(file: UploadedFile | undefined, extensions: string[], maxBytes: number): Reply | undefined {
		// An empty part is as good as none.
		if (!file || file.data.length === 0) return this.error(41005, 'media data missing');
		// The file name's extension decides (a name without one: its Content-Type).
		if (!extensions.includes(extensionOf(file))) return this.error(40005, 'invalid file type');
		if (file.data.length > maxBytes) return this.error(40006, 'invalid meida size');
		return undefined;
	}

	private upload(kind: MediaKind, type: string | undefined, file: UploadedFile | undefined, fields: Record<string, unknown>): Reply {
		if (!isMediaType(type)) return this.error(40004, 'invalid media type');
		const rule = RULES[type];
		const problem = this.fileProblem(file, rule[kind], rule.maxBytes);
		if (problem) return problem;
		let title: string | undefined;
		let introduction: string | undefined;
		if (kind === 'permanent' && type === 'video') {
			// WeChat's answer to a video without its `description` part is not documented: 41005 here,
			// as for a missing `media` part; a description that is not JSON with a title is 47001.
			if (typeof fields.description !== 'string') return this.error(41005, 'media data missing');
			try {
				const description = JSON.parse(fields.description) as { title?: unknown; introduction?: unknown };
				if (typeof description.title !== 'string' || description.title === '') throw new Error('no title');
				title = description.title;
				introduction = typeof description.introduction === 'string' ? description.introduction : '';
			} catch {
				return this.error(47001, 'data format error');
			}
		}
		const mediaId = this.put(kind, type, file!.data, file!.fileName, file!.contentType);
		const record = (kind === 'temporary' ? this.temporary : this.permanent).get(mediaId)!;
		if (kind === 'permanent') {
			record.title = title;
			record.introduction = introduction;
			return type === 'image' ? { media_id: mediaId, url: record.url } : { media_id: mediaId };
		}
		// A thumb's ID comes back as thumb_media_id, as on real servers.
		return { type, [type === 'thumb' ? 'thumb_media_id' : 'media_id']: mediaId, created_at: Math.floor(record.createdAt / 1000) };
	}

	private mediaGet(mediaId: string | undefined): Reply | FileReply {
		// media/get serves temporary media only; permanent material is read with get_material.
		const record = mediaId ? this.liveTemporary(mediaId) : undefined;
		if (!record) return this.invalidMediaId();
		if (record.type === 'video') return { video_url: `http://vweixinf.tc.qq.com/sim/${mediaId}.mp4` };
		return new FileReply(record.data, record.contentType, record.fileName);
	}

	private getMaterial(mediaId: unknown): Reply | FileReply {
		const record = typeof mediaId === 'string' ? this.permanent.get(mediaId) : undefined;
		if (!record) return this.invalidMediaId();
		if (record.type === 'news') return { news_item: record.news };
		if (record.type === 'video') {
			return { title: record.title ?? '', description: record.introduction ?? '', down_url: `http://vweixinf.tc.qq.com/sim/${mediaId}.mp4` };
		}
		return new FileReply(record.data, record.contentType, record.fileName);
	}

	private delMaterial(mediaId: unknown): Reply {
		if (typeof mediaId !== 'string' || !this.permanent.delete(mediaId)) return this.invalidMediaId();
		return { errcode: 0, errmsg: 'ok' };
	}

	/** Thumbs are images for WeChat's lists and counts. */
	private listType(record: StoredMedia): string {
		return record.type === 'thumb' ? 'image' : record.type;
	}

	private batchget(body: Record<string, unknown>): Reply {
		const type = body.type;
		if (type !== 'image' && type !== 'video' && type !== 'voice' && type !== 'news') return this.error(40004, 'invalid media type');
		const offset = Number(body.offset ?? 0);
		const count = Number(body.count);
		// WeChat's errcode for a count outside 1..20 is not documented: 47003 (invalid argument) here.
		if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(count) || count < 1 || count > 20) {
			return this.error(47003, 'argument invalid! count invalid');
		}
		const all = [...this.permanent.entries()].filter(([, record]) => this.listType(record) === type);
		const item = all.slice(offset, offset + count).map(([mediaId, record]) => {
			const updateTime = Math.floor(record.createdAt / 1000);
			if (record.type === 'news') {
				return { media_id: mediaId, content: { news_item: record.news, create_time: updateTime, update_time: updateTime }, update_time: updateTime };
			}
			return { media_id: mediaId, name: record.fileName, update_time: updateTime, ...(record.url ? { url: record.url } : {}) };
		});
		return { total_count: all.length, item_count: item.length, item };
	}

	private materialCount(): Reply {
		const counts = { voice_count: 0, video_count: 0, image_count: 0, news_count: 0 };
		for (const record of this.permanent.values()) counts[`${this.listType(record)}_count` as keyof typeof counts]++;
		return counts;
	}

	private uploadImg(file: UploadedFile | undefined): Reply {
		const problem = this.fileProblem(file, ARTICLE_IMAGE.extensions, ARTICLE_IMAGE.maxBytes);
		if (problem) return problem;
		this.serial++;
		const url = imageUrl(`IMG_${this.serial}_${randomChars(24)}`);
		this.articleImages.set(url, file!);
		return { url };
	}
}

function isMediaType(type: unknown): type is MediaType {
	return type === 'image' || type === 'voice' || type === 'video' || type === 'thumb';
}

function extensionOf(file: UploadedFile): string {
	const dot = file.fileName.lastIndexOf('.');
	if (dot >= 0 && dot < file.fileName.length - 1) return file.fileName.slice(dot + 1).toLowerCase();
	return EXTENSION_OF_TYPE[file.contentType.split(';')[0].trim().toLowerCase()] ?? '';
}

function imageUrl(id: string): string {
	return `http://mmbiz.qpic.cn/sim/${id}/0`;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function randomChars(length: number): string {
	let text = '';
	for (let i = 0; i < length; i++) text += ID_ALPHABET[Math.floor(Math.random() * 64)];
	return text;
}
