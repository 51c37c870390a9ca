/**
 * Message → Reply after the trigger, in n8n-core's ExecuteContext: what it hands n8n's response
 * mechanism, read back by the simulator's push sender (which decrypts independently).
 */
import type { IDataObject } from 'n8n-workflow';

import { parseWeChatXml } from '../nodes/WeChatOfficialAccount/push/xml';
import { CredentialStore } from './harness/n8n';
import { runReply } from './harness/push';
import { WeChatPushSender } from './simulator/push';

const ACCOUNT = { token: 'pushToken2026', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', appId: 'wx5im0ff1c1a1acc7' };
const sender = new WeChatPushSender(ACCOUNT);
const FOLLOWER = 'oFollower0000000000000000001';

function store(extra: IDataObject = {}) {
	const credentials = new CredentialStore();
	credentials.add('push', { appId: ACCOUNT.appId, appSecret: 'c0ffee5ecret0000000000000000beef', messageToken: ACCOUNT.token, encodingAesKey: ACCOUNT.encodingAesKey, messageEncryption: 'safe', ...extra });
	return credentials;
}

/** The trigger's item for a text from FOLLOWER, as the trigger outputs it. */
function triggerItem(encrypted: boolean, extra: IDataObject = {}): IDataObject {
	return { ToUserName: sender.originalId, FromUserName: FOLLOWER, CreateTime: '1700000000', MsgType: 'text', Content: 'hi', MsgId: '1', openid: FOLLOWER, encrypted, ...extra };
}

const replyTrigger = (item: IDataObject, name?: string) => ({ name, parameters: { respond: 'replyOperation' }, item });

describe('Message → Reply', () => {
	test('a text keeps its leading and trailing line breaks and spaces', async () => {
		const { sent } = await runReply({ store: store(), credentialId: 'push', trigger: replyTrigger(triggerItem(false)), parameters: { replyType: 'text', text: '\n  Menu:\n  1. Prices\n' } });
		expect(parseWeChatXml(sent[0].body as string).Content).toBe('\n  Menu:\n  1. Prices\n');
	});

	test('a plain push gets a plain text reply: To and From swapped, sent once as XML', async () => {
		const before = Math.floor(Date.now() / 1000);
		const { sent, output } = await runReply({ store: store(), credentialId: 'push', trigger: replyTrigger(triggerItem(false)), parameters: { replyType: 'text', text: 'Thanks for writing' } });
		expect(sent).toHaveLength(1);
		expect(sent[0].statusCode).toBe(200);
		expect(sent[0].headers).toEqual({ 'content-type': 'application/xml; charset=utf-8' });
		const fields = sender.readPlainReply(sent[0].body as string);
		expect(fields).toEqual({ ToUserName: FOLLOWER, FromUserName: sender.originalId, CreateTime: expect.any(String), MsgType: 'text', Content: 'Thanks for writing' });
		expect(Number(fields.CreateTime)).toBeGreaterThanOrEqual(before);
		expect(output).toEqual([{ json: triggerItem(false), pairedItem: { item: 0 } }]);
	});

	test('an encrypted push gets an encrypted reply the sender can verify and decrypt, UTF-8 and "]]>" intact', async () => {
		const text = '收到！ <b>& "quotes" ]]> 😀\nline two';
		const { sent } = await runReply({ store: store(), credentialId: 'push', trigger: replyTrigger(triggerItem(true)), parameters: { replyType: 'text', text } });
		const body = sent[0].body as string;
		expect(body).not.toContain('收到');
		const { xml, signatureValid } = sender.readEncryptedReply(body);
		expect(signatureValid).toBe(true);
		// Read as XML (a text with "]]>" spans two CDATA sections): the follower sees the text as written.
		expect(parseWeChatXml(xml)).toEqual({ ToUserName: FOLLOWER, FromUserName: sender.originalId, CreateTime: expect.any(String), MsgType: 'text', Content: text });
		// Two replies never share a nonce.
		const again = await runReply({ store: store(), credentialId: 'push', trigger: replyTrigger(triggerItem(true)), parameters: { replyType: 'text', text } });
		expect(sender.readPlainReply(again.sent[0].body as string).Nonce).not.toBe(sender.readPlainReply(body).Nonce);
	});

	test('the trigger is found by type, whatever it is named', async () => {
		const { sent } = await runReply({ store: store(), credentialId: 'push', trigger: replyTrigger(triggerItem(false), 'Inbox (renamed)'), parameters: { replyType: 'text', text: 'ok' } });
		expect(sender.readPlainReply(sent[0].body as string).Content).toBe('ok');
	});

	test('news, image, video and music replies carry their fields', async () => {
		const reply = async (parameters: IDataObject) =>
			(await runReply({ store: store(), credentialId: 'push', trigger: replyTrigger(triggerItem(false)), parameters })).sent[0].body as string;
		const news = await reply({ replyType: 'news', title: 'Weekly', descriptionText: 'What is new', url: 'https://example.com/a', picUrl: 'https://example.com/p.png' });
		expect(news).toContain('<MsgType><![CDATA[news]]></MsgType><ArticleCount>1</ArticleCount><Articles><item><Title><![CDATA[Weekly]]></Title><Description><![CDATA[What is new]]></Description><PicUrl><![CDATA[https://example.com/p.png]]></PicUrl><Url><![CDATA[https://example.com/a]]></Url></item></Articles>');
		expect(await reply({ replyType: 'image', mediaId: 'MEDIA1' })).toContain('<Image><MediaId><![CDATA[MEDIA1]]></MediaId></Image>');
		expect(await reply({ replyType: 'video', mediaId: 'V1', title: 'Clip' })).toContain('<Video><MediaId><![CDATA[V1]]></MediaId><Title><![CDATA[Clip]]></Title></Video>');
		expect(await reply({ replyType: 'music', thumbMediaId: 'T1', musicUrl: 'https://example.com/m.mp3' })).toContain(
			'<Music><MusicUrl><![CDATA[https://example.com/m.mp3]]></MusicUrl><ThumbMediaId><![CDATA[T1]]></ThumbMediaId></Music>',
		);
	});

	test('several input items: one reply, from the first item, and every item passed on', async () => {
		const input = [{ json: { n: 1 } }, { json: { n: 2 } }, { json: { n: 3 } }];
		const { sent, output } = await runReply({
			store: store(),
			credentialId: 'push',
			trigger: replyTrigger(triggerItem(false)),
			parameters: { replyType: 'text', text: '={{ "item " + $json.n }}' },
			input,
		});
		expect(sent).toHaveLength(1);
		expect(sender.readPlainReply(sent[0].body as string).Content).toBe('item 1');
		expect(output.map((item) => item.json.n)).toEqual([1, 2, 3]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('a trigger that answers "success" already: the Reply says so and sends nothing', async () => {
		const run = runReply({ store: store(), credentialId: 'push', trigger: { parameters: {}, item: triggerItem(false) }, parameters: { replyType: 'text', text: 'x' } });
		await expect(run).rejects.toThrow(/has already answered WeChat with "success"/);
	});

	test('no WeChat trigger before it: a clear error', async () => {
		const run = runReply({ store: store(), credentialId: 'push', trigger: { name: 'Webhook', type: 'n8n-nodes-base.webhook', item: triggerItem(false) }, parameters: { replyType: 'text', text: 'x' } });
		await expect(run).rejects.toThrow(/No WeChat Official Account Trigger started this execution/);
	});

	test('an encrypted push but no EncodingAESKey in the credential: the Reply fails saying so', async () => {
		const run = runReply({ store: store({ encodingAesKey: '', messageEncryption: 'plaintext' }), credentialId: 'push', trigger: replyTrigger(triggerItem(true)), parameters: { replyType: 'text', text: 'x' } });
		await expect(run).rejects.toThrow(/no EncodingAESKey to encrypt the reply/);
	});

	test('an empty required field fails before anything is sent; with Continue the items still go on', async () => {
		await expect(
			runReply({ store: store(), credentialId: 'push', trigger: replyTrigger(triggerItem(false)), parameters: { replyType: 'news', title: 'T', url: '' } }),
		).rejects.toThrow(/"Link URL" is empty/);
		const { sent, output } = await runReply({
			store: store(),
			credentialId: 'push',
			trigger: replyTrigger(triggerItem(false)),
			parameters: { replyType: 'text', text: '' },
			input: [{ json: { n: 1 } }, { json: { n: 2 } }],
			continueOnFail: true,
		});
		expect(sent).toHaveLength(0);
		expect(output[0].json.error).toMatch(/"Text" is empty/);
		expect(output[1].json).toEqual({ n: 2 });
	});
});
