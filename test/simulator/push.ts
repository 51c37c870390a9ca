/**
 * What WeChat's servers send to an account's server URL (the message push), for the tests and
 * the demo: signed, optionally encrypted requests, and the reading of encrypted replies. Written
 * apart from the package's push/ module on purpose, straight from WeChat's description, so that
 * a mistake there is not mirrored here.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface PushAccount {
	/** the Token of the server configuration */
	token: string;
	/** the EncodingAESKey of the server configuration (43 characters) */
	encodingAesKey: string;
	appId: string;
	/** the account's original ID, gh_... (ToUserName of every push) */
	originalId?: string;
}

export type PushMode = 'plaintext' | 'compatible' | 'safe';

export interface PushRequest {
	/** query string without the leading ? */
	query: string;
	body: string;
}

export type PushFields = Record<string, string | number | PushFieldsObject>;
interface PushFieldsObject {
	[name: string]: string | number | PushFieldsObject | PushFieldsObject[];
}

export interface PushOptions {
	mode?: PushMode;
	/** seconds; now by default */
	timestamp?: number;
	nonce?: string;
	/** sign with another Token (a forger who does not know it) */
	signWithToken?: string;
	/** replace msg_signature */
	msgSignature?: string;
	/** encrypt for another AppID */
	encryptForAppId?: string;
	/** encrypt with another EncodingAESKey */
	encryptWithKey?: string;
	/** encrypt this text instead of the fields' XML (a broken inner document) */
	encryptText?: string;
}

export class WeChatPushSender {
	readonly originalId: string;
	private serial = 0;

	constructor(readonly account: PushAccount) {
		this.originalId = account.originalId ?? 'gh_5im0ff1c1a1acc';
	}

	/** The GET WeChat sends when the server configuration is saved. */
	verification(echostr: string, options: Pick<PushOptions, 'timestamp' | 'nonce' | 'signWithToken'> = {}): string {
		const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
		const nonce = options.nonce ?? this.nonce();
		const signature = sha1Sorted([options.signWithToken ?? this.account.token, timestamp, nonce]);
		return new URLSearchParams({ signature, echostr, timestamp, nonce }).toString();
	}

	/** The POST of one message or event, as WeChat sends it in the given mode. */
	push(fields: PushFields, options: PushOptions = {}): PushRequest {
		const mode = options.mode ?? 'safe';
		const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
		const nonce = options.nonce ?? this.nonce();
		const token = options.signWithToken ?? this.account.token;
		const query: Record<string, string> = { signature: sha1Sorted([token, timestamp, nonce]), timestamp, nonce };
		if (typeof fields.FromUserName === 'string') query.openid = fields.FromUserName;
		const plain = toXml(fields);
		if (mode === 'plaintext') return { query: new URLSearchParams(query).toString(), body: plain };

		const encrypted = aesEncrypt(options.encryptText ?? plain, options.encryptWithKey ?? this.account.encodingAesKey, options.encryptForAppId ?? this.account.appId);
		query.encrypt_type = 'aes';
		query.msg_signature = options.msgSignature ?? sha1Sorted([token, timestamp, nonce, encrypted]);
		const body =
			mode === 'safe'
				? toXml({ ToUserName: String(fields.ToUserName), Encrypt: encrypted })
				: `${plain.slice(0, -'</xml>'.length)}<Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
		return { query: new URLSearchParams(query).toString(), body };
	}

	/**
	 * Reads an encrypted reply: its top-level text fields (a text split over several CDATA
	 * sections shows only its first: parse `xml` for those), the decrypted XML, and whether its
	 * MsgSignature is right.
	 */
	readEncryptedReply(body: string): { fields: Record<string, string>; xml: string; signatureValid: boolean } {
		const envelope = flatFields(body);
		const signatureValid = envelope.MsgSignature === sha1Sorted([this.account.token, envelope.TimeStamp, envelope.Nonce, envelope.Encrypt]);
		const { xml, appId } = aesDecrypt(envelope.Encrypt, this.account.encodingAesKey);
		if (appId !== this.account.appId) throw new Error(`the reply was encrypted for ${appId}`);
		return { fields: flatFields(xml), xml, signatureValid };
	}

	readPlainReply(body: string): Record<string, string> {
		return flatFields(body);
	}

	/** A follower's text message. */
	text(openid: string, content: string, msgId = this.nextMsgId()): PushFields {
		return { ...this.envelope(openid, 'text'), Content: content, MsgId: msgId };
	}

	/** An event; `extra` adds its fields (EventKey, Ticket, ...). */
	event(openid: string, event: string, extra: PushFields = {}, createTime?: number): PushFields {
		return { ...this.envelope(openid, 'event', createTime), Event: event, ...extra };
	}

	/** A follow through a parameterised QR code. */
	qrSubscribe(openid: string, scene: string): PushFields {
		return this.event(openid, 'subscribe', { EventKey: `qrscene_${scene}`, Ticket: `gQ${scene}ticket` });
	}

	private envelope(openid: string, msgType: string, createTime?: number): PushFields {
		return { ToUserName: this.originalId, FromUserName: openid, CreateTime: createTime ?? Math.floor(Date.now() / 1000) + this.serial++, MsgType: msgType };
	}

	private nextMsgId(): string {
		// 64-bit like WeChat's: beyond Number.MAX_SAFE_INTEGER, so a lossy number shows.
		return (23_456_789_012_345_678n + BigInt(++this.serial)).toString();
	}

	private nonce(): string {
		return String(randomBytes(4).readUInt32BE(0));
	}
}

function sha1Sorted(parts: string[]): string {
	return createHash('sha1').update(parts.slice().sort().join('')).digest('hex');
}

function keyOf(encodingAesKey: string): Buffer {
	return Buffer.from(`${encodingAesKey}=`, 'base64');
}

function aesEncrypt(xml: string, encodingAesKey: string, appId: string): string {
	const key = keyOf(encodingAesKey);
	const xmlBytes = Buffer.from(xml);
	const frame = Buffer.concat([randomBytes(16), Buffer.from([0, 0, 0, 0]), xmlBytes, Buffer.from(appId)]);
	frame.writeUInt32BE(xmlBytes.length, 16);
	const pad = 32 - (frame.length % 32);
	const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
	cipher.setAutoPadding(false);
	return cipher.update(Buffer.concat([frame, Buffer.alloc(pad, pad)]), undefined, 'base64') + cipher.final('base64');
}

function aesDecrypt(encrypted: string, encodingAesKey: string): { xml: string; appId: string } {
	const key = keyOf(encodingAesKey);
	const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
	decipher.setAutoPadding(false);
	const frame = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
	const unpadded = frame.subarray(0, frame.length - frame[frame.length - 1]);
	const length = unpadded.readUInt32BE(16);
	return { xml: unpadded.subarray(20, 20 + length).toString(), appId: unpadded.subarray(20 + length).toString() };
}

/** WeChat's XML: text in CDATA, numbers plain, nested objects and lists of `item`. */
export function toXml(fields: PushFields | PushFieldsObject, root = 'xml'): string {
	const inner = Object.entries(fields)
		.map(([name, value]) => {
			if (Array.isArray(value)) return value.map((entry) => toXml(entry, name)).join('');
			if (typeof value === 'object') return toXml(value, name);
			// "]]>" inside text would end the CDATA section: WeChat splits it across two.
			return typeof value === 'number' ? `<${name}>${value}</${name}>` : `<${name}><![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]></${name}>`;
		})
		.join('');
	return `<${root}>${inner}</${root}>`;
}

/** The top-level text fields of a flat reply document. */
function flatFields(xml: string): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const match of xml.matchAll(/<(\w+)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g)) fields[match[1]] = match[2] ?? match[3];
	return fields;
}
