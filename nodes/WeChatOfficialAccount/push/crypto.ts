/**
 * The message push's signatures and encryption ("消息加解密"): SHA-1 signatures over sorted
 * strings, and AES-256-CBC with WeChat's framing. See shared facts in the README's trigger docs.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** WeChat pads to 32-byte blocks (PKCS#7 with a block size of 32, not AES's 16). */
const PAD_BLOCK = 32;
const RANDOM_PREFIX_BYTES = 16;
const LENGTH_BYTES = 4;
const ENCODING_AES_KEY = /^[A-Za-z0-9+/]{43}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export class PushCryptoError extends Error {}

/** Hex SHA-1 of the strings sorted and joined: `signature` and `msg_signature`. */
export function pushSignature(...parts: string[]): string {
	return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** A short fingerprint of content (hex SHA-1), to remember what was seen without keeping it. */
export function digestOf(content: Buffer | string): string {
	return createHash('sha1').update(content).digest('hex');
}

/** Compares a received signature with the expected one in constant time. */
export function signatureMatches(expected: string, received: unknown): boolean {
	if (typeof received !== 'string') return false;
	const a = Buffer.from(expected.toLowerCase());
	const b = Buffer.from(received.toLowerCase());
	return a.length === b.length && timingSafeEqual(a, b);
}

export function isEncodingAesKey(value: string): boolean {
	return ENCODING_AES_KEY.test(value);
}

/** The 32-byte AES key an EncodingAESKey (43 characters of base64) stands for. */
export function aesKeyOf(encodingAesKey: string): Buffer {
	if (!isEncodingAesKey(encodingAesKey)) {
		throw new PushCryptoError('the EncodingAESKey must be 43 letters and digits');
	}
	return Buffer.from(`${encodingAesKey}=`, 'base64');
}

/** Encrypts a message the way WeChat expects: random prefix, length, XML, AppID; base64. */
export function encryptPushMessage(xml: string, key: Buffer, appId: string, random: Buffer = randomBytes(RANDOM_PREFIX_BYTES)): string {
	const body = Buffer.from(xml, 'utf8');
	const length = Buffer.alloc(LENGTH_BYTES);
	length.writeUInt32BE(body.length);
	const plain = Buffer.concat([random, length, body, Buffer.from(appId, 'utf8')]);
	const padLength = PAD_BLOCK - (plain.length % PAD_BLOCK);
	const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
	return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(padLength, padLength)])), cipher.final()]).toString('base64');
}

/** A decrypted push: its XML and the AppID it was encrypted for; or why it is not one. */
export type DecryptedPush = { xml: string; appId: string } | { refused: string };

/** Decrypts an `Encrypt` value; anything that is not a well-formed message for this key is refused. */
export function decryptPushMessage(encrypted: string, key: Buffer): DecryptedPush {
	if (!BASE64.test(encrypted)) return { refused: 'Encrypt is not base64' };
	const data = Buffer.from(encrypted, 'base64');
	if (data.length === 0 || data.length % 16 !== 0) return { refused: 'Encrypt is not a whole number of AES blocks' };
	const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
	const plain = Buffer.concat([decipher.update(data), decipher.final()]);
	const padLength = plain[plain.length - 1];
	if (padLength < 1 || padLength > PAD_BLOCK || padLength > plain.length || !plain.subarray(plain.length - padLength).every((byte) => byte === padLength)) {
		return { refused: 'wrong padding: the message was encrypted with another EncodingAESKey' };
	}
	const content = plain.subarray(RANDOM_PREFIX_BYTES, plain.length - padLength);
	if (content.length < LENGTH_BYTES) return { refused: 'the decrypted message is too short' };
	const xmlLength = content.readUInt32BE(0);
	if (xmlLength > content.length - LENGTH_BYTES) return { refused: 'the decrypted message is shorter than its length field says' };
	const xml = utf8OrUndefined(content.subarray(LENGTH_BYTES, LENGTH_BYTES + xmlLength));
	const appId = utf8OrUndefined(content.subarray(LENGTH_BYTES + xmlLength));
	if (xml === undefined || appId === undefined) return { refused: 'the decrypted message is not UTF-8' };
	return { xml, appId };
}

/** The bytes as text when they are valid UTF-8 (they survive a round trip), else undefined. */
export function utf8OrUndefined(bytes: Buffer): string | undefined {
	const text = bytes.toString('utf8');
	return Buffer.byteLength(text, 'utf8') === bytes.length && Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
}
