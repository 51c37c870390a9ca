/**
 * QR codes (cgi-bin/qrcode/create, the image at cgi-bin/showqrcode) and short links
 * (cgi-bin/shorten/*): placeholder while it is built.
 */
import type { FileReply } from './wire';
import { HttpStatusReply } from './wire';

type Reply = Record<string, unknown>;

export interface QrCodesContext {
	now(): number;
	rid(): string;
}

export class SimulatedQrCodes {
	constructor(private readonly context: QrCodesContext) {}

	/** With a valid token (routed by the simulator's token check). */
	route(_path: string, _body: Record<string, unknown>): Reply | undefined {
		void this.context;
		return undefined;
	}

	/** GET /cgi-bin/showqrcode?ticket=…: public, no access token (mp.weixin.qq.com on real servers). */
	image(_query: Record<string, string>): FileReply | HttpStatusReply {
		return new HttpStatusReply(404);
	}
}
