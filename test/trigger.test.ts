/**
 * The trigger's webhook in n8n-core's WebhookContext: verification before anything starts,
 * decryption, retries, event selection and how it answers WeChat. Requests come from the
 * simulator's push sender, which signs and encrypts independently of the package.
 */
import { Workflow } from 'n8n-workflow';

import { RESPONSE_MODE_TEMPLATE, WeChatOfficialAccountTrigger, responseModeOf } from '../nodes/WeChatOfficialAccount/WeChatOfficialAccountTrigger.node';
import { MAX_PUSH_BODY_BYTES } from '../nodes/WeChatOfficialAccount/push/inbound';
import { CredentialStore, PackageNodeTypes, TRIGGER_TYPE } from './harness/n8n';
import { deliver } from './harness/push';
import type { PushMode } from './simulator/push';
import { WeChatPushSender, toXml } from './simulator/push';

const ACCOUNT = { token: 'pushToken2026', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', appId: 'wx5im0ff1c1a1acc7' };
const SECRET_VALUES = [ACCOUNT.token, ACCOUNT.encodingAesKey, 'c0ffee5ecret0000000000000000beef'];
const sender = new WeChatPushSender(ACCOUNT);

let serial = 0;
/** A store with one credential in the given mode; every test gets its own trigger memory. */
function setup(mode: PushMode, extra: Record<string, string> = {}) {
	const store = new CredentialStore();
	store.add('push', {
		appId: ACCOUNT.appId,
		appSecret: 'c0ffee5ecret0000000000000000beef',
		messageToken: ACCOUNT.token,
		encodingAesKey: ACCOUNT.encodingAesKey,
		messageEncryption: mode,
		...extra,
	});
	const nodeId = `trigger-${++serial}`;
	return (request: { query: string; body?: string | Buffer; method?: 'GET' | 'POST'; bodyReadFails?: number }, parameters = {}) =>
		deliver({ store, credentialId: 'push', nodeId, parameters, ...request });
}

function itemOf(result: Awaited<ReturnType<typeof deliver>>['result']) {
	expect(result.workflowData).toHaveLength(1);
	expect(result.workflowData![0]).toHaveLength(1);
	return result.workflowData![0][0].json;
}

/** Refused, starting nothing: the sender reads `reason`; n8n's log says the same, or `logged`. */
function expectRefused(outcome: Awaited<ReturnType<typeof deliver>>, status: number, reason: RegExp, logged: RegExp = reason) {
	expect(outcome.result).toEqual({ noWebhookResponse: true });
	expect(outcome.response.statusCode).toBe(status);
	expect(outcome.response.body).toMatch(reason);
	expect(outcome.logs.map((line) => line.message).join('\n')).toMatch(logged);
	for (const secret of SECRET_VALUES) {
		expect(outcome.response.body).not.toContain(secret);
		for (const line of outcome.logs) expect(line.message).not.toContain(secret);
	}
}

/** What the sender of an encrypted push learns when it fails after its msg_signature. */
const NOT_VALID = /^The encrypted message is not valid for this credential; n8n's log says why$/;

describe('URL verification (GET)', () => {
	test('a correct signature is answered with echostr as plain text, and starts nothing', async () => {
		const { response, result } = await setup('safe')({ method: 'GET', query: sender.verification('7413967204137528112') });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toMatchObject({ statusCode: 200, contentType: 'text/plain', body: '7413967204137528112' });
	});

	test('a signature made with another Token gets 403', async () => {
		expectRefused(await setup('safe')({ method: 'GET', query: sender.verification('123', { signWithToken: 'guess' }) }), 403, /signature does not match/);
	});

	test('a request without signature, timestamp and nonce gets 400', async () => {
		expectRefused(await setup('safe')({ method: 'GET', query: 'echostr=1' }), 400, /needs signature, timestamp and nonce/);
	});

	test('a signed verification without echostr gets 400', async () => {
		const query = new URLSearchParams(sender.verification('x'));
		query.set('echostr', '');
		expectRefused(await setup('safe')({ method: 'GET', query: query.toString() }), 400, /without echostr/);
	});
});

describe('messages and events (POST)', () => {
	test('plaintext mode: a follow through a QR code becomes one item with the scene', async () => {
		const push = sender.qrSubscribe('oFollower0000000000000000001', 'campaign-42');
		const before = Date.now();
		const { response, result } = await setup('plaintext')({ ...sender.push(push, { mode: 'plaintext' }) });
		// n8n sends "success" (the webhook's responseData is empty) once it has started the execution.
		expect(result.webhookResponse).toBe('success');
		expect(result.noWebhookResponse).toBeUndefined();
		expect(response.ended).toBe(false);
		const item = itemOf(result);
		expect(item).toEqual({
			ToUserName: sender.originalId,
			FromUserName: 'oFollower0000000000000000001',
			CreateTime: String(push.CreateTime),
			MsgType: 'event',
			Event: 'subscribe',
			EventKey: 'qrscene_campaign-42',
			Ticket: 'gQcampaign-42ticket',
			openid: 'oFollower0000000000000000001',
			scene: 'campaign-42',
			encrypted: false,
			receivedAt: expect.any(String),
		});
		expect(Date.parse(item.receivedAt as string)).toBeGreaterThanOrEqual(before - 1);
	});

	test('a scan by a follower names the scene as it is; a plain follow has none', async () => {
		const deliverTo = setup('plaintext');
		const scan = itemOf((await deliverTo(sender.push(sender.event('oA', 'SCAN', { EventKey: '1001', Ticket: 't' }), { mode: 'plaintext' }))).result);
		expect(scan.scene).toBe('1001');
		const follow = itemOf((await deliverTo(sender.push(sender.event('oB', 'subscribe'), { mode: 'plaintext' }))).result);
		expect(follow).not.toHaveProperty('scene');
	});

	test('safe mode: the encrypted text is decrypted; 64-bit MsgIds and UTF-8 stay exact', async () => {
		const push = sender.text('oWriter', '你好 <n8n> & "WeChat" ]]> 😀');
		const { result } = await setup('safe')(sender.push(push, { mode: 'safe' }));
		expect(result.webhookResponse).toBe('success');
		const item = itemOf(result);
		expect(item).toMatchObject({ MsgType: 'text', Content: '你好 <n8n> & "WeChat" ]]> 😀', MsgId: push.MsgId, openid: 'oWriter', encrypted: true });
		expect(item).not.toHaveProperty('Encrypt');
		expect(String(push.MsgId).length).toBeGreaterThan(16);
	});

	test('compatible mode: the signed, encrypted copy is what the item holds, not the plain one beside it', async () => {
		const request = sender.push(sender.text('oWriter', 'the real text'), { mode: 'compatible' });
		const tampered = { ...request, body: request.body.replace('<![CDATA[the real text]]>', '<![CDATA[forged]]>') };
		expect(tampered.body).toContain('forged');
		const item = itemOf((await setup('compatible')(tampered)).result);
		expect(item.Content).toBe('the real text');
		expect(item.encrypted).toBe(true);
	});

	test('nested events keep their structure: scan info, photo lists, locations', async () => {
		const deliverTo = setup('safe');
		const pics = sender.event('oA', 'pic_weixin', {
			EventKey: 'menu-pics',
			SendPicsInfo: { Count: 1, PicList: { item: [{ PicMd5Sum: '1b5f7c23b5bf75682a53e7b6d163e185' }] } },
		});
		expect(itemOf((await deliverTo(sender.push(pics))).result).SendPicsInfo).toEqual({
			Count: '1',
			PicList: { item: [{ PicMd5Sum: '1b5f7c23b5bf75682a53e7b6d163e185' }] },
		});
		const scan = sender.event('oA', 'scancode_waitmsg', { EventKey: 'k', ScanCodeInfo: { ScanType: 'qrcode', ScanResult: 'https://example.com' } });
		expect(itemOf((await deliverTo(sender.push(scan))).result).ScanCodeInfo).toEqual({ ScanType: 'qrcode', ScanResult: 'https://example.com' });
	});
});

describe('refused requests start no execution', () => {
	test('a forged signature gets 403', async () => {
		expectRefused(await setup('plaintext')(sender.push(sender.text('oA', 'hi'), { mode: 'plaintext', signWithToken: 'wrongToken' })), 403, /signature does not match/);
	});

	test('a forged msg_signature gets 403, also with a valid plain signature', async () => {
		const request = sender.push(sender.text('oA', 'hi'), { mode: 'safe', msgSignature: 'f'.repeat(40) });
		expectRefused(await setup('safe')(request), 403, /msg_signature does not match/);
	});

	test('safe and compatible mode refuse an unencrypted message even with a valid signature (no downgrade)', async () => {
		expectRefused(await setup('safe')(sender.push(sender.text('oA', 'hi'), { mode: 'plaintext' })), 403, /unencrypted message was refused.*"Safe Mode"/);
		// In Compatible Mode WeChat sends every push encrypted too; the plain signature does not cover
		// the body, so someone who saw one query could otherwise post anything with it.
		expectRefused(await setup('compatible')(sender.push(sender.text('oA', 'hi'), { mode: 'plaintext' })), 403, /unencrypted message was refused.*"Compatible Mode"/);
	});

	test('an encrypted request without msg_signature gets 403; an unknown encrypt_type gets 400', async () => {
		const query = new URLSearchParams(sender.push(sender.text('oA', 'hi')).query);
		const { body } = sender.push(sender.text('oA', 'hi'));
		query.delete('msg_signature');
		expectRefused(await setup('safe')({ query: query.toString(), body }), 403, /msg_signature does not match/);
		query.set('encrypt_type', 'rsa');
		expectRefused(await setup('safe')({ query: query.toString(), body }), 400, /Unknown encrypt_type/);
	});

	test('a signed query reused with another body is a forgery: 403; the same body again is a repeat: "success"', async () => {
		const deliverTo = setup('plaintext');
		const real = sender.push(sender.text('oA', 'real'), { mode: 'plaintext' });
		expect(itemOf((await deliverTo(real)).result).Content).toBe('real');
		const forged = { query: real.query, body: real.body.replace('real', 'forged').replace(/<MsgId>\d+/, '<MsgId>1') };
		expectRefused(await deliverTo(forged), 403, /signed query came before with another body/);
		const repeat = await deliverTo(real);
		expect(repeat.result).toEqual({ noWebhookResponse: true });
		expect(repeat.response.body).toBe('success');
	});

	test('nothing of an unsigned request is read: its body stays unread', async () => {
		const forged = await setup('plaintext')(sender.push(sender.text('oA', 'x'), { mode: 'plaintext', signWithToken: 'guessed' }));
		expect(forged.response.statusCode).toBe(403);
		expect(forged.bodyRead).toBe(false);
		const signed = await setup('plaintext')(sender.push(sender.text('oA', 'x'), { mode: 'plaintext' }));
		expect(signed.bodyRead).toBe(true);
	});

	test("a body n8n's reader refuses (over N8N_PAYLOAD_SIZE_MAX, or broken off) gets 413 or 400", async () => {
		const request = sender.push(sender.text('oA', 'x'), { mode: 'plaintext' });
		const tooLarge = await setup('plaintext')({ ...request, bodyReadFails: 413 });
		expect([tooLarge.response.statusCode, tooLarge.response.body]).toEqual([413, 'The body is too large']);
		const broken = await setup('plaintext')({ ...request, bodyReadFails: 400 });
		expect([broken.response.statusCode, broken.response.body]).toEqual([400, 'The body could not be read']);
	});

	test('a timestamp that is not a number, signed correctly, gets 400', async () => {
		const { body } = sender.push(sender.text('oA', 'x'), { mode: 'plaintext' });
		const query = new URLSearchParams(sender.push(sender.text('oA', 'x'), { mode: 'plaintext', timestamp: 0 }).query);
		query.set('timestamp', '1e9');
		const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
		query.set('signature', createHash('sha1').update([ACCOUNT.token, '1e9', String(query.get('nonce'))].sort().join('')).digest('hex'));
		expectRefused(await setup('plaintext')({ query: query.toString(), body }), 400, /timestamp is not a number/);
	});

	test('a message encrypted for another AppID gets 403', async () => {
		expectRefused(await setup('safe')(sender.push(sender.text('oA', 'hi'), { encryptForAppId: 'wxAnotherAccount01' })), 403, NOT_VALID, /another AppID/);
	});

	test('a message encrypted with another EncodingAESKey gets 403', async () => {
		const request = sender.push(sender.text('oA', 'hi'), { encryptWithKey: `Z${ACCOUNT.encodingAesKey.slice(1)}` });
		expectRefused(await setup('safe')(request), 403, NOT_VALID, /cannot be decrypted.*EncodingAESKey/);
	});

	test('an encrypted message when the credential has no EncodingAESKey gets 403, saying so', async () => {
		expectRefused(await setup('plaintext', { encodingAesKey: '' })(sender.push(sender.text('oA', 'hi'))), 403, /no EncodingAESKey/);
	});

	test('a stale or future timestamp gets 403; the window is an option, 0 turns it off', async () => {
		const now = Math.floor(Date.now() / 1000);
		const deliverTo = setup('safe');
		expectRefused(await deliverTo(sender.push(sender.text('oA', 'old'), { timestamp: now - 301 })), 403, /30[12] s away .* 300 s replay window/);
		expectRefused(await deliverTo(sender.push(sender.text('oA', 'future'), { timestamp: now + 400 })), 403, /replay window/);
		expect(itemOf((await deliverTo(sender.push(sender.text('oA', 'recent'), { timestamp: now - 200 }))).result).Content).toBe('recent');
		const narrow = { pushOptions: { replayWindow: 60 } };
		expectRefused(await deliverTo(sender.push(sender.text('oA', 'x'), { timestamp: now - 100 }), narrow), 403, /60 s replay window/);
		const off = { pushOptions: { replayWindow: 0 } };
		expect(itemOf((await deliverTo(sender.push(sender.text('oA', 'a day old'), { timestamp: now - 86_400 }), off)).result).Content).toBe('a day old');
	});

	test.each([
		['a DOCTYPE with an entity', `<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]>${toXml({ ToUserName: 'gh', FromUserName: 'o', CreateTime: 1, MsgType: 'text' })}`, 400, /DOCTYPE/],
		['truncated XML', toXml(sender.text('oA', 'hi')).slice(0, 60), 400, /not WeChat's XML/],
		['JSON', '{"MsgType":"text"}', 400, /not WeChat's XML/],
		['an empty body', '', 400, /no body/],
		['XML without MsgType', toXml({ ToUserName: 'gh', FromUserName: 'o', CreateTime: 1 }), 400, /no MsgType/],
	])('plaintext mode: %s gets %d', async (_what, body, status, reason) => {
		expectRefused(await setup('plaintext')({ query: sender.push(sender.text('oA', 'x'), { mode: 'plaintext' }).query, body }), status, reason);
	});

	test('a body that is not UTF-8 gets 400; one over 256 KiB gets 413', async () => {
		const { query } = sender.push(sender.text('oA', 'x'), { mode: 'plaintext' });
		expectRefused(await setup('plaintext')({ query, body: Buffer.from([0x3c, 0x78, 0x6d, 0x6c, 0x3e, 0xff, 0xfe]) }), 400, /not UTF-8/);
		const huge = toXml({ ...sender.text('oA', 'x'.repeat(MAX_PUSH_BODY_BYTES)) });
		expectRefused(await setup('plaintext')({ query, body: huge }), 413, /larger than 256 KiB/);
	});

	test('a decrypted message that is not XML, or not a message, gets the same 403 as any decryption failure', async () => {
		const push = sender.text('oA', 'x');
		const broken = sender.push(push, { encryptText: '<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUser' });
		expectRefused(await setup('safe')(broken), 403, NOT_VALID, /decrypted message: The body is not WeChat's XML: the document ends inside a tag/);
		const doctype = sender.push(push, { encryptText: '<!DOCTYPE x [<!ENTITY e "e">]><xml></xml>' });
		expectRefused(await setup('safe')(doctype), 403, NOT_VALID, /decrypted message: .*DOCTYPE/);
		const incomplete = sender.push(push, { encryptText: '<xml><ToUserName>gh</ToUserName></xml>' });
		expectRefused(await setup('safe')(incomplete), 403, NOT_VALID, /decrypted message: Not a WeChat message: no FromUserName/);
	});
});

describe("WeChat's retries", () => {
	test('the same message again (same MsgId) is answered "success" and starts nothing', async () => {
		const deliverTo = setup('safe');
		const push = sender.text('oA', 'once');
		expect((await deliverTo(sender.push(push))).result.workflowData).toBeDefined();
		// WeChat's retry is a new request: new nonce, same message.
		const retry = await deliverTo(sender.push(push));
		expect(retry.result).toEqual({ noWebhookResponse: true });
		expect(retry.response.body).toBe('success');
	});

	test('two different texts of one follower in the same second both start (MsgId tells them apart)', async () => {
		const deliverTo = setup('safe');
		const first = sender.text('oFast', 'first');
		const second = { ...sender.text('oFast', 'second'), CreateTime: first.CreateTime };
		expect(itemOf((await deliverTo(sender.push(first))).result).Content).toBe('first');
		expect(itemOf((await deliverTo(sender.push(second))).result).Content).toBe('second');
	});

	test('an event again (same sender, time and event) starts nothing; another event of the same second does', async () => {
		const deliverTo = setup('safe');
		const click = sender.event('oA', 'CLICK', { EventKey: 'MENU_A' }, 1_700_000_000);
		expect((await deliverTo(sender.push(click, { timestamp: Math.floor(Date.now() / 1000) }))).result.workflowData).toBeDefined();
		expect((await deliverTo(sender.push(click))).result.workflowData).toBeUndefined();
		const other = sender.event('oA', 'CLICK', { EventKey: 'MENU_B' }, 1_700_000_000);
		expect((await deliverTo(sender.push(other))).result.workflowData).toBeDefined();
	});

	test('two subscription notices to one follower in the same second differ only in their nested MsgID: both start', async () => {
		const deliverTo = setup('safe');
		const notice = (msgId: string) =>
			sender.event('oA', 'subscribe_msg_sent_event', { SubscribeMsgSentEvent: { List: { TemplateId: 't1', MsgID: msgId, ErrorCode: 0, ErrorStatus: 'success' } } }, 1_700_000_100);
		expect(itemOf((await deliverTo(sender.push(notice('1700000000000001')))).result).SubscribeMsgSentEvent).toEqual({
			List: [{ TemplateId: 't1', MsgID: '1700000000000001', ErrorCode: '0', ErrorStatus: 'success' }],
		});
		expect((await deliverTo(sender.push(notice('1700000000000002')))).result.workflowData).toBeDefined();
		expect((await deliverTo(sender.push(notice('1700000000000002')))).result.workflowData).toBeUndefined();
	});

	test('a push signed ahead of the server clock is remembered until its timestamp leaves the window', async () => {
		const store = new CredentialStore();
		store.add('push', { appId: ACCOUNT.appId, appSecret: 'c0ffee5ecret0000000000000000beef', messageToken: ACCOUNT.token, encodingAesKey: ACCOUNT.encodingAesKey });
		const start = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(start);
		try {
			const request = sender.push(sender.event('oA', 'CLICK', { EventKey: 'K' }), { timestamp: Math.floor(start / 1000) + 290 });
			const deliverTo = () => deliver({ store, credentialId: 'push', nodeId: 'clock-ahead', ...request });
			expect((await deliverTo()).result.workflowData).toBeDefined();
			// 5 minutes later the timestamp is still inside the window: the replay must not start again.
			clock.mockReturnValue(start + 305_000);
			expect((await deliverTo()).result.workflowData).toBeUndefined();
		} finally {
			clock.mockRestore();
		}
	});

	test('two triggers each start their own execution for the same message', async () => {
		const push = sender.text('oA', 'to both');
		expect((await setup('safe')(sender.push(push))).result.workflowData).toBeDefined();
		expect((await setup('safe')(sender.push(push))).result.workflowData).toBeDefined();
	});

	test('a refused forgery does not use up the real message', async () => {
		const deliverTo = setup('safe');
		const push = sender.text('oA', 'real');
		expectRefused(await deliverTo(sender.push(push, { msgSignature: '0'.repeat(40) })), 403, /msg_signature/);
		expect(itemOf((await deliverTo(sender.push(push))).result).Content).toBe('real');
	});
});

describe('Events option', () => {
	test('an unselected event is acknowledged with "success" and starts nothing; a selected one starts', async () => {
		const deliverTo = setup('safe');
		const parameters = { events: ['event:subscribe', 'message:text'] };
		const click = await deliverTo(sender.push(sender.event('oA', 'CLICK', { EventKey: 'k' })), parameters);
		expect(click.result).toEqual({ noWebhookResponse: true });
		expect(click.response.body).toBe('success');
		expect((await deliverTo(sender.push(sender.text('oA', 'hello')), parameters)).result.workflowData).toBeDefined();
		expect((await deliverTo(sender.push(sender.event('oB', 'subscribe')), parameters)).result.workflowData).toBeDefined();
		// Event names are case-sensitive in WeChat: LOCATION (event) is not location (message).
		const locationMessage = { ...sender.text('oA', ''), MsgType: 'location', Location_X: '23.1', Location_Y: '113.3' };
		expect((await deliverTo(sender.push(locationMessage), { events: ['event:LOCATION'] })).result.workflowData).toBeUndefined();
	});

	test('"All" lets through types the node does not know yet', async () => {
		const novel = sender.event('oA', 'some_future_event', { Detail: 'x' });
		expect(itemOf((await setup('safe')(sender.push(novel))).result).Event).toBe('some_future_event');
	});
});

describe('Respond: with a Reply operation', () => {
	test('hands the item to n8n without answering; n8n then waits for the Reply', async () => {
		const { response, result } = await setup('safe')(sender.push(sender.text('oA', 'hi')), { respond: 'replyOperation' });
		expect(result.noWebhookResponse).toBeUndefined();
		expect(result.webhookResponse).toBeUndefined();
		expect(itemOf(result).Content).toBe('hi');
		expect(response.ended).toBe(false);
	});

	test("n8n's own JSON answers (a failed or reply-less execution) reach WeChat as an empty 200", async () => {
		const { response } = await setup('safe')(sender.push(sender.text('oA', 'hi')), { respond: 'replyOperation' });
		// What n8n does when the execution failed before a reply: status 500, then res.json.
		response.status(500).json({ message: 'Error in workflow' });
		expect(response).toMatchObject({ statusCode: 200, body: '' });
	});

	test('retries and unselected events are still acknowledged at once', async () => {
		const deliverTo = setup('safe');
		const push = sender.text('oA', 'slow workflow');
		await deliverTo(sender.push(push), { respond: 'replyOperation' });
		const retry = await deliverTo(sender.push(push), { respond: 'replyOperation' });
		expect(retry.response.body).toBe('success');
		expect(retry.result.workflowData).toBeUndefined();
	});
});

describe('reading the credential', () => {
	afterEach(() => jest.restoreAllMocks());

	test('push fields are reused for 10 seconds, then an edited Token applies', async () => {
		const store = new CredentialStore();
		store.add('push', { appId: ACCOUNT.appId, appSecret: 'c0ffee5ecret0000000000000000beef', messageToken: ACCOUNT.token, encodingAesKey: ACCOUNT.encodingAesKey });
		const start = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(start);
		const deliverTo = (request: { query: string; body?: string }) => deliver({ store, credentialId: 'push', nodeId: 'cached-trigger', ...request });
		expect((await deliverTo(sender.push(sender.text('oA', 'first')))).result.webhookResponse).toBe('success');
		store.edit('push', { messageToken: 'rotatedToken2027' });
		const rotated = new WeChatPushSender({ ...ACCOUNT, token: 'rotatedToken2027' });
		clock.mockReturnValue(start + 9_000);
		expect((await deliverTo(rotated.push(rotated.text('oA', 'too early')))).response.statusCode).toBe(403);
		clock.mockReturnValue(start + 10_001);
		expect((await deliverTo(rotated.push(rotated.text('oA', 'now')))).result.webhookResponse).toBe('success');
		expect((await deliverTo(sender.push(sender.text('oA', 'old token')))).response.statusCode).toBe(403);
	});
});

describe("the webhook's response mode", () => {
	test('the native resolver n8n 2.x uses answers what the template gives in the expression engine', () => {
		const answers = [];
		for (const respond of ['success', 'replyOperation', undefined]) {
			const node = { id: 't', name: 'T', type: TRIGGER_TYPE, typeVersion: 1, position: [0, 0] as [number, number], parameters: respond === undefined ? {} : { respond } };
			// The Workflow fills in parameter defaults, as n8n does before resolving webhooks.
			const workflow = new Workflow({ nodes: [node], connections: {}, active: true, nodeTypes: new PackageNodeTypes() });
			const resolved = workflow.getNode('T')!;
			const viaEngine = workflow.expression.getSimpleParameterValue(resolved, RESPONSE_MODE_TEMPLATE, 'webhook', {}, undefined, 'onReceived');
			expect(responseModeOf(resolved.parameters)).toBe(viaEngine);
			answers.push(viaEngine);
		}
		expect(answers).toEqual(['onReceived', 'responseNode', 'onReceived']);
		const post = new WeChatOfficialAccountTrigger().description.webhooks!.find((webhook) => webhook.httpMethod === 'POST')!;
		expect(post.responseMode).toBe(RESPONSE_MODE_TEMPLATE);
		const resolvers = (post as unknown as Record<symbol, Record<string, { template: string; resolve: unknown }>>)[Symbol.for('n8n.webhookDescriptionResolvers')];
		expect(resolvers.responseMode).toEqual({ template: RESPONSE_MODE_TEMPLATE, resolve: responseModeOf });
	});
});

describe('credential problems', () => {
	test.each([
		['no Message Token', { messageToken: '' }, /no Message Token/],
		['an EncodingAESKey of the wrong length', { encodingAesKey: 'tooShort' }, /EncodingAESKey is not valid: it has 8 characters/],
		['safe mode without an EncodingAESKey', { encodingAesKey: '' }, /"Safe Mode" but it has no EncodingAESKey/],
	])('%s: every push gets 500, n8n\'s log names the field, and activation fails with it', async (_what, change, reason) => {
		const outcome = await setup('safe', change)(sender.push(sender.text('oA', 'x')));
		expect(outcome.response.statusCode).toBe(500);
		// The sender may be anyone: it learns nothing about the credential.
		expect(outcome.response.body).toBe("The trigger's credential is incomplete; n8n's log says what to fix");
		expect(outcome.logs).toEqual([{ level: 'error', message: expect.stringMatching(reason) }]);
		expect(outcome.result.workflowData).toBeUndefined();

		const create = new WeChatOfficialAccountTrigger().webhookMethods.default.create;
		const hookContext = {
			getCredentials: async () => ({ appId: ACCOUNT.appId, messageToken: ACCOUNT.token, encodingAesKey: ACCOUNT.encodingAesKey, messageEncryption: 'safe', ...change }),
			getNode: () => ({ name: 'WeChat Official Account Trigger', type: 'x', typeVersion: 1, position: [0, 0], parameters: {}, id: 'n' }),
		};
		await expect(create.call(hookContext as never)).rejects.toThrow(reason);
	});

	test('a complete credential activates', async () => {
		const create = new WeChatOfficialAccountTrigger().webhookMethods.default.create;
		const hookContext = { getCredentials: async () => ({ appId: ACCOUNT.appId, messageToken: ACCOUNT.token, messageEncryption: 'plaintext' }), getNode: () => ({}) };
		await expect(create.call(hookContext as never)).resolves.toBe(true);
	});
});
