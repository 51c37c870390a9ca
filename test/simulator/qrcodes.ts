/**
 * QR codes (cgi-bin/qrcode/create, the image at cgi-bin/showqrcode) and short keys
 * (cgi-bin/shorten/gen, cgi-bin/shorten/fetch) of the simulated account, on the simulator clock.
 *
 * - Temporary codes: QR_SCENE (scene_id 1..4,294,967,295) and QR_STR_SCENE (scene_str 1..64
 *   characters), expire_seconds 60..2,592,000 (60 when absent); permanent codes: QR_LIMIT_SCENE
 *   (scene_id 1..100,000) and QR_LIMIT_STR_SCENE, at most `permanentLimit` scenes (45029 beyond;
 *   assumed: the same permanent scene gives the same ticket and takes no second place).
 *   Anything else outside these rules: 40097 "invalid args".
 * - showqrcode: public (no token); a JPEG answered as `image/jpg` as WeChat's mp.weixin.qq.com
 *   does; an unknown or expired ticket is HTTP 404, as WeChat documents.
 * - Short keys: 15 base62 characters; long_data at most 4 KB (9410010), expire_seconds at most
 *   2,592,000 (9410011, 2,592,000 when absent); fetch of an unknown or expired key is 9410012 and
 *   gives the remaining expire_seconds.
 */
import { FileReply, HttpStatusReply } from './wire';

type Reply = Record<string, unknown>;

export interface QrCodesContext {
	now(): number;
	rid(): string;
}

export interface SimulatedQrCode {
	ticket: string;
	url: string;
	actionName: string;
	scene: number | string;
	/** simulator clock, ms; undefined for permanent codes */
	expiresAt?: number;
	/** the JPEG showqrcode serves for this ticket */
	image: Buffer;
}

export const MAX_TEMPORARY_SCENE_ID = 4_294_967_295;
export const MAX_PERMANENT_SCENE_ID = 100_000;
export const MAX_EXPIRE_SECONDS = 2_592_000;
export const MAX_SCENE_STR_LENGTH = 64;
export const MAX_LONG_DATA_BYTES = 4096;
/** The Content-Type mp.weixin.qq.com serves QR codes with (not the registered image/jpeg). */
export const QR_IMAGE_CONTENT_TYPE = 'image/jpg';

/** A real 1×1 JPEG (SOI … EOI); each code's image carries its ticket in a comment segment. */
const JPEG_1X1 = Buffer.from(
	'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
	'base64',
);
const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

export class SimulatedQrCodes {
	/** permanent scenes the account may have before 45029 (100,000 on WeChat) */
	permanentLimit = 100_000;
	private readonly codes = new Map<string, SimulatedQrCode>();
	/** "id:7" / "str:booth" → ticket */
	private readonly permanentScenes = new Map<string, string>();
	private readonly shortKeys = new Map<string, { long_data: string; create_time: number; expiresAt: number }>();
	private serial = 0;

	constructor(private readonly context: QrCodesContext) {}

	/** What the simulator holds for a ticket. */
	code(ticket: string): SimulatedQrCode | undefined {
		return this.codes.get(ticket);
	}

	/** How many permanent scenes are taken. */
	permanentCount(): number {
		return this.permanentScenes.size;
	}

	/** With a valid token (routed by the simulator's token check). */
	route(path: string, body: Record<string, unknown>): Reply | undefined {
		switch (path) {
			case '/cgi-bin/qrcode/create':
				return this.create(body);
			case '/cgi-bin/shorten/gen':
				return this.shorten(body);
			case '/cgi-bin/shorten/fetch':
				return this.fetchShortKey(body);
			default:
				return undefined;
		}
	}

	/** GET /cgi-bin/showqrcode?ticket=…: public, no access token (mp.weixin.qq.com on real servers). */
	image(query: Record<string, string>): FileReply | HttpStatusReply {
		const code = this.codes.get(query.ticket ?? '');
		if (!code || (code.expiresAt !== undefined && code.expiresAt <= this.context.now())) return new HttpStatusReply(404);
		return new FileReply(code.image, QR_IMAGE_CONTENT_TYPE, 'qrcode.jpg');
	}

	private create(body: Record<string, unknown>): Reply {
		const invalid = { errcode: 40097, errmsg: `invalid args rid: ${this.context.rid()}` };
		const actionName = body.action_name;
		const scene = (body.action_info as { scene?: Record<string, unknown> } | undefined)?.scene ?? {};
		const permanent = actionName === 'QR_LIMIT_SCENE' || actionName === 'QR_LIMIT_STR_SCENE';
		const textScene = actionName === 'QR_STR_SCENE' || actionName === 'QR_LIMIT_STR_SCENE';
		if (!permanent && actionName !== 'QR_SCENE' && actionName !== 'QR_STR_SCENE') return invalid;

		let sceneValue: number | string;
		if (textScene) {
			const text = scene.scene_str;
			if (typeof text !== 'string' || text.length === 0 || [...text].length > MAX_SCENE_STR_LENGTH) return invalid;
			sceneValue = text;
		} else {
			const id = scene.scene_id;
			const max = permanent ? MAX_PERMANENT_SCENE_ID : MAX_TEMPORARY_SCENE_ID;
			if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > max) return invalid;
			sceneValue = id;
		}

		if (permanent) {
			const key = `${textScene ? 'str' : 'id'}:${sceneValue}`;
			const existing = this.permanentScenes.get(key);
			if (existing) return { ticket: existing, url: this.codes.get(existing)!.url };
			if (this.permanentScenes.size >= this.permanentLimit) {
				return { errcode: 45029, errmsg: `qrcode count out of limit rid: ${this.context.rid()}` };
			}
			const code = this.newCode(String(actionName), sceneValue, undefined);
			this.permanentScenes.set(key, code.ticket);
			return { ticket: code.ticket, url: code.url };
		}

		const expireSeconds = body.expire_seconds === undefined ? 60 : body.expire_seconds;
		if (typeof expireSeconds !== 'number' || !Number.isInteger(expireSeconds) || expireSeconds < 60 || expireSeconds > MAX_EXPIRE_SECONDS) {
			return invalid;
		}
		const code = this.newCode(String(actionName), sceneValue, this.context.now() + expireSeconds * 1000);
		return { ticket: code.ticket, expire_seconds: expireSeconds, url: code.url };
	}

	private newCode(actionName: string, scene: number | string, expiresAt: number | undefined): SimulatedQrCode {
		this.serial++;
		// Real tickets are base64 with + / and = in them: the image URL must encode them.
		const ticket = `gQH+${Buffer.from(`sim-qr-${this.serial}-${Math.random().toString(36).slice(2, 8)}`).toString('base64')}/${this.serial}==`;
		const code: SimulatedQrCode = {
			ticket,
			url: `http://weixin.qq.com/q/02${base62(12)}`,
			actionName,
			scene,
			expiresAt,
			image: jpegWithComment(ticket),
		};
		this.codes.set(ticket, code);
		return code;
	}

	private shorten(body: Record<string, unknown>): Reply {
		const rid = this.context.rid();
		const longData = body.long_data;
		if (typeof longData !== 'string' || longData.length === 0) return { errcode: 47003, errmsg: `argument invalid! rid: ${rid}` };
		if (Buffer.byteLength(longData, 'utf8') > MAX_LONG_DATA_BYTES) return { errcode: 9410010, errmsg: `long_data length exceeds limit rid: ${rid}` };
		const expireSeconds = body.expire_seconds === undefined ? MAX_EXPIRE_SECONDS : Number(body.expire_seconds);
		if (!Number.isInteger(expireSeconds) || expireSeconds <= 0) return { errcode: 47003, errmsg: `argument invalid! rid: ${rid}` };
		if (expireSeconds > MAX_EXPIRE_SECONDS) return { errcode: 9410011, errmsg: `expire_seconds exceeds limit rid: ${rid}` };
		let key = base62(15);
		while (this.shortKeys.has(key)) key = base62(15);
		const now = this.context.now();
		this.shortKeys.set(key, { long_data: longData, create_time: Math.floor(now / 1000), expiresAt: now + expireSeconds * 1000 });
		return { errcode: 0, errmsg: 'ok', short_key: key };
	}

	private fetchShortKey(body: Record<string, unknown>): Reply {
		const entry = this.shortKeys.get(String(body.short_key ?? ''));
		const now = this.context.now();
		if (!entry || entry.expiresAt <= now) {
			return { errcode: 9410012, errmsg: `short_key not exists or expired rid: ${this.context.rid()}` };
		}
		return {
			errcode: 0,
			errmsg: 'ok',
			long_data: entry.long_data,
			create_time: entry.create_time,
			expire_seconds: Math.floor((entry.expiresAt - now) / 1000),
		};
	}
}

function base62(length: number): string {
	let text = '';
	for (let i = 0; i < length; i++) text += BASE62[Math.floor(Math.random() * 62)];
	return text;
}

/** The 1×1 JPEG with a COM segment after SOI and an EOI at the end: valid, and different per ticket. */
function jpegWithComment(comment: string): Buffer {
	const text = Buffer.from(comment, 'utf8');
	const segment = Buffer.alloc(4 + text.length);
	segment.writeUInt16BE(0xfffe, 0);
	segment.writeUInt16BE(text.length + 2, 2);
	text.copy(segment, 4);
	return Buffer.concat([JPEG_1X1.subarray(0, 2), segment, JPEG_1X1.subarray(2), Buffer.from([0xff, 0xd9])]);
}
