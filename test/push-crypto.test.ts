/**
 * Known-answer tests for the message push's signatures and encryption. The vectors are
 * published ones (wechatpy tests/test_crypto.py and tests/test_utils.py, WxJava
 * WxCryptUtilTest); the values are facts, the code under test is ours.
 */
import {
	PushCryptoError,
	aesKeyOf,
	decryptPushMessage,
	encryptPushMessage,
	isEncodingAesKey,
	pushSignature,
	signatureMatches,
} from '../nodes/WeChatOfficialAccount/push/crypto';
import { encryptedReplyXml } from '../nodes/WeChatOfficialAccount/push/reply';
import { parseWeChatXml } from '../nodes/WeChatOfficialAccount/push/xml';

// wechatpy: the same algorithm as Official Accounts, with a WeCom corp ID where the AppID goes.
const WECHATPY = {
	token: '123456',
	encodingAesKey: 'kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR',
	appId: 'wx49f0ab532d5d035a',
};
const WECHATPY_ENCRYPTED =
	'RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=';

// WxJava: an Official Account AppID and a UTF-8 (Chinese) plaintext, with a fixed random prefix.
const WXJAVA = {
	token: 'pamtest',
	encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
	appId: 'wxb11529c136998cb6',
	random: Buffer.from('aaaabbbbccccdddd'),
};

describe('signatures', () => {
	test('the plain signature of URL verification and every POST (wechatpy test_utils)', () => {
		expect(pushSignature('test', '1410685589', 'test')).toBe('f21891de399b4e33a1a93c9a7b8a8fffb5a443ff');
	});

	test('msg_signature covers the encrypted message (wechatpy decrypt vector)', () => {
		expect(pushSignature(WECHATPY.token, '1411525903', '461056294', WECHATPY_ENCRYPTED)).toBe('74d92dfeb87ba7c714f89d98870ae5eb62dff26d');
	});

	test('msg_signature of the echo string (wechatpy check_signature vector), and one nonce off does not match', () => {
		const echo = '4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==';
		expect(pushSignature(WECHATPY.token, '1411443780', '437374425', echo)).toBe('dd6b9c95b495b3f7e2901bfbc76c664930ffdb96');
		expect(signatureMatches(pushSignature(WECHATPY.token, '1411443780', '437374424', echo), 'dd6b9c95b495b3f7e2901bfbc76c664930ffdb96')).toBe(false);
	});

	test('signatureMatches: equal hex in either case, anything else refused', () => {
		const expected = 'f21891de399b4e33a1a93c9a7b8a8fffb5a443ff';
		expect(signatureMatches(expected, expected)).toBe(true);
		expect(signatureMatches(expected, expected.toUpperCase())).toBe(true);
		expect(signatureMatches(expected, expected.slice(0, -1))).toBe(false);
		expect(signatureMatches(expected, `${expected.slice(0, -1)}0`)).toBe(false);
		expect(signatureMatches(expected, undefined)).toBe(false);
		expect(signatureMatches(expected, ['f21891de399b4e33a1a93c9a7b8a8fffb5a443ff'])).toBe(false);
	});
});

describe('AES', () => {
	test('decrypts the published message: XML and the AppID it was encrypted for (wechatpy)', () => {
		const decrypted = decryptPushMessage(WECHATPY_ENCRYPTED, aesKeyOf(WECHATPY.encodingAesKey));
		if ('refused' in decrypted) throw new Error(decrypted.refused);
		expect(decrypted.appId).toBe(WECHATPY.appId);
		const fields = parseWeChatXml(decrypted.xml);
		expect(fields.Content).toBe('test');
		expect(fields.FromUserName).toBe('messense');
	});

	test('encrypts a reply exactly like the published envelope (wechatpy, fixed random prefix)', () => {
		const reply =
			'<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>';
		const envelope = parseWeChatXml(
			encryptedReplyXml(reply, { token: WECHATPY.token, aesKey: aesKeyOf(WECHATPY.encodingAesKey), appId: WECHATPY.appId }, 1411525903, '461056294', Buffer.from('1234567890123456')),
		);
		expect(envelope).toEqual({
			Encrypt:
				'9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3',
			MsgSignature: '407518b7649e86ef23978113f92d27afa9296533',
			TimeStamp: '1411525903',
			Nonce: '461056294',
		});
	});

	test('UTF-8 content: Chinese text encrypts to the published value and back (WxJava)', () => {
		const key = aesKeyOf(WXJAVA.encodingAesKey);
		const encrypted = encryptPushMessage('我是中文abcd123', key, WXJAVA.appId, WXJAVA.random);
		expect(encrypted).toBe('jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==');
		expect(decryptPushMessage(encrypted, key)).toEqual({ xml: '我是中文abcd123', appId: WXJAVA.appId });
	});

	test('a whole video reply with Chinese inside encrypts to the published value (WxJava)', () => {
		const reply =
			'<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>';
		const encrypted = encryptPushMessage(reply, aesKeyOf(WXJAVA.encodingAesKey), WXJAVA.appId, WXJAVA.random);
		expect(encrypted).toBe(
			'jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb',
		);
	});

	test('every length pads to whole 32-byte blocks (PKCS#7 with WeChat\'s block of 32, not 16) and decrypts back', () => {
		const key = aesKeyOf(WXJAVA.encodingAesKey);
		for (let length = 0; length <= 70; length++) {
			const xml = 'x'.repeat(length);
			const encrypted = encryptPushMessage(xml, key, WXJAVA.appId, WXJAVA.random);
			const frame = 16 + 4 + length + WXJAVA.appId.length;
			expect(Buffer.from(encrypted, 'base64').length).toBe(frame + (32 - (frame % 32)));
			expect(decryptPushMessage(encrypted, key)).toEqual({ xml, appId: WXJAVA.appId });
		}
	});

	test('a message for another AppID decrypts, naming that AppID (the caller compares it)', () => {
		const key = aesKeyOf(WXJAVA.encodingAesKey);
		expect(decryptPushMessage(encryptPushMessage('<xml/>', key, 'wxOTHER0000000000'), key)).toEqual({ xml: '<xml/>', appId: 'wxOTHER0000000000' });
	});

	test('another EncodingAESKey: refused as wrong padding, never as text', () => {
		const encrypted = encryptPushMessage('<xml><Content>hi</Content></xml>', aesKeyOf(WXJAVA.encodingAesKey), WXJAVA.appId);
		let refusals = 0;
		// A wrong key gives random bytes; a valid-looking padding happens by chance about 1 in 256,
		// and then the length field or the AppID gives it away.
		for (const letter of 'bcdefghijklmnopqrstu') {
			const result = decryptPushMessage(encrypted, aesKeyOf(letter + WXJAVA.encodingAesKey.slice(1)));
			if ('refused' in result) refusals++;
			else expect(result.appId).not.toBe(WXJAVA.appId);
		}
		expect(refusals).toBeGreaterThanOrEqual(15);
	});

	test('padding bytes that disagree are refused', () => {
		const key = aesKeyOf(WXJAVA.encodingAesKey);
		const { createCipheriv } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
		// 64 bytes: a valid frame, then a last block whose final byte claims 5 bytes of padding
		// while the other four are not 5.
		const plain = Buffer.alloc(64, 0);
		plain.writeUInt32BE(0, 16);
		plain[63] = 5;
		const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
		const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
		expect(decryptPushMessage(encrypted, key)).toEqual({ refused: expect.stringMatching(/wrong padding/) });
	});

	test('malformed ciphertexts are refused with a reason', () => {
		const key = aesKeyOf(WXJAVA.encodingAesKey);
		expect(decryptPushMessage('not base64!', key)).toEqual({ refused: 'Encrypt is not base64' });
		expect(decryptPushMessage(Buffer.alloc(15).toString('base64'), key)).toEqual({ refused: 'Encrypt is not a whole number of AES blocks' });
		expect(decryptPushMessage('', key)).toHaveProperty('refused');
	});

	test('EncodingAESKey: exactly 43 base64 characters', () => {
		expect(isEncodingAesKey(WXJAVA.encodingAesKey)).toBe(true);
		expect(isEncodingAesKey(WXJAVA.encodingAesKey.slice(1))).toBe(false);
		expect(isEncodingAesKey(`${WXJAVA.encodingAesKey}A`)).toBe(false);
		expect(isEncodingAesKey(`${WXJAVA.encodingAesKey.slice(1)}-`)).toBe(false);
		expect(() => aesKeyOf('short')).toThrow(PushCryptoError);
		expect(aesKeyOf(WXJAVA.encodingAesKey)).toHaveLength(32);
	});
});
