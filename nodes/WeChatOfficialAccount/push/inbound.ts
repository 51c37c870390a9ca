/**
 * Verifies one request WeChat's servers sent to the trigger, from the raw body and the query,
 * before anything else happens: a request that fails here starts no execution. In two steps, so
 * that nothing of an unsigned request is read: the signed query first, then the body.
 */
import { decryptPushMessage, pushSignature, signatureMatches, utf8OrUndefined } from './crypto';
import type { PushSettings } from './settings';
import type { XmlObject } from './xml';
import { XmlError, parseWeChatXml } from './xml';

/** WeChat's pushes are a few kilobytes; mass-send reports with long result lists stay far below. */
export const MAX_PUSH_BODY_BYTES = 256 * 1024;

export type Refusal = {
	kind: 'refused';
	status: 400 | 403 | 413;
	/** what the sender is told */
	reason: string;
	/** what n8n's log gets, when it says more than the sender may learn */
	detail?: string;
};

export type InboundOutcome =
	/** URL verification (GET): answer `echostr` as it is */
	| { kind: 'echo'; echostr: string }
	/**
	 * A verified message or event. `encrypted` when it came encrypted (the reply must be too);
	 * `timestamp` the signed one, in seconds.
	 */
	| { kind: 'message'; fields: XmlObject; encrypted: boolean; timestamp: number }
	| Refusal;

export interface InboundOptions {
	/** epoch milliseconds */
	now: number;
	/** refuse requests whose timestamp is further than this from now; 0 turns the check off */
	replayWindowSeconds: number;
}

const refuse = (status: 400 | 403 | 413, reason: string, detail?: string): Refusal => ({
	kind: 'refused',
	status,
	reason,
	...(detail ? { detail } : {}),
});

/**
 * The first step: the query's signature and timestamp, and for a GET the answer. `undefined`
 * means a POST whose query is fine: read its body and go on with readSignedBody.
 */
export function checkSignedQuery(
	method: string,
	query: Record<string, unknown>,
	settings: PushSettings,
	options: InboundOptions,
): InboundOutcome | undefined {
	const { signature, timestamp, nonce } = query;
	if (typeof signature !== 'string' || typeof timestamp !== 'string' || typeof nonce !== 'string') {
		return refuse(400, 'Not a WeChat request: the query needs signature, timestamp and nonce');
	}
	if (!signatureMatches(pushSignature(settings.token, timestamp, nonce), signature)) {
		return refuse(403, 'The signature does not match: the Message Token in the credential differs from the Token in WeChat');
	}
	if (!/^\d{1,12}$/.test(timestamp)) return refuse(400, 'The timestamp is not a number');
	const skewSeconds = Math.abs(options.now / 1000 - Number(timestamp));
	if (options.replayWindowSeconds > 0 && skewSeconds > options.replayWindowSeconds) {
		return refuse(
			403,
			`The timestamp is ${Math.round(skewSeconds)} s away from this server's clock (more than the ${options.replayWindowSeconds} s replay window): a replayed request, or a server clock that is wrong`,
		);
	}
	if (method !== 'GET') return undefined;
	const { echostr } = query;
	if (typeof echostr !== 'string' || echostr === '') return refuse(400, 'URL verification without echostr');
	return { kind: 'echo', echostr };
}

/** What the sender of an encrypted push learns when it fails after its msg_signature passed. */
const NOT_FOR_THIS_ACCOUNT = 'The encrypted message is not valid for this credential; n8n\'s log says why';

/**
 * The second step, for a POST whose query passed checkSignedQuery: the body, decrypted when
 * encrypted. Only Plaintext Mode takes unencrypted pushes: in Compatible and Safe Mode WeChat
 * always encrypts, and the plain signature does not cover the body.
 */
export function readSignedBody(query: Record<string, unknown>, body: Buffer | undefined, settings: PushSettings): InboundOutcome {
	if (!body || body.length === 0) return refuse(400, 'The request has no body');
	if (body.length > MAX_PUSH_BODY_BYTES) return refuse(413, `The body is larger than ${MAX_PUSH_BODY_BYTES / 1024} KiB`);
	const outer = parseXml(body);
	if ('reason' in outer) return refuse(400, outer.reason);
	const timestamp = Number(query.timestamp);

	const encryptType = query.encrypt_type;
	if (encryptType === undefined || encryptType === 'raw') {
		if (settings.encryption !== 'plaintext') {
			return refuse(
				403,
				`An unencrypted message was refused: the credential's Message Encryption is "${settings.encryption === 'safe' ? 'Safe Mode' : 'Compatible Mode'}", in which WeChat encrypts every push`,
			);
		}
		return checkedMessage(outer.fields, false, timestamp);
	}
	if (encryptType !== 'aes') return refuse(400, 'Unknown encrypt_type');
	if (!settings.aesKey) {
		return refuse(403, 'WeChat sent an encrypted message, but the credential has no EncodingAESKey to decrypt it');
	}
	const encrypted = outer.fields.Encrypt;
	if (typeof encrypted !== 'string' || encrypted === '') return refuse(400, 'An encrypted request without <Encrypt>');
	if (!signatureMatches(pushSignature(settings.token, String(query.timestamp), String(query.nonce), encrypted), query.msg_signature)) {
		return refuse(403, 'The msg_signature does not match the encrypted message');
	}
	// From here on the sender knows the Token. Telling it which check failed (padding, length,
	// AppID, XML) would make a decryption oracle for someone without the EncodingAESKey: one
	// answer for all, the reason in the log.
	const decrypted = decryptPushMessage(encrypted, settings.aesKey);
	if ('refused' in decrypted) {
		return refuse(403, NOT_FOR_THIS_ACCOUNT, `it cannot be decrypted: ${decrypted.refused} (check the EncodingAESKey in the credential)`);
	}
	if (decrypted.appId !== settings.appId) {
		return refuse(403, NOT_FOR_THIS_ACCOUNT, "it was encrypted for another AppID than the credential's");
	}
	const inner = parseXml(Buffer.from(decrypted.xml, 'utf8'));
	if ('reason' in inner) return refuse(403, NOT_FOR_THIS_ACCOUNT, `the decrypted message: ${inner.reason}`);
	const message = checkedMessage(inner.fields, true, timestamp);
	return message.kind === 'refused' ? refuse(403, NOT_FOR_THIS_ACCOUNT, `the decrypted message: ${message.reason}`) : message;
}

function parseXml(body: Buffer): { fields: XmlObject } | { reason: string } {
	const text = utf8OrUndefined(body);
	if (text === undefined) return { reason: 'The body is not UTF-8' };
	try {
		return { fields: parseWeChatXml(text) };
	} catch (error) {
		// The reader throws only XmlError; whatever it is, the body is refused, never a crash.
		return { reason: `The body is not WeChat's XML: ${error instanceof XmlError ? error.message : String(error)}` };
	}
}

function checkedMessage(fields: XmlObject, encrypted: boolean, timestamp: number): InboundOutcome {
	for (const name of ['ToUserName', 'FromUserName', 'CreateTime', 'MsgType'] as const) {
		if (typeof fields[name] !== 'string' || fields[name] === '') return refuse(400, `Not a WeChat message: no ${name}`);
	}
	return { kind: 'message', fields, encrypted, timestamp };
}
