import { tokenFingerprint } from '../nodes/WeChatOfficialAccount/transport/token';
import { Fixture, errorOf, openidItems } from './harness/fixture';
import { SUBSCRIPTION_ORDER_STATUS } from './simulator/templates';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const SEND = '/cgi-bin/message/custom/send';

async function start(followers = 3) {
	fixture = await Fixture.start({ followers });
	return fixture.sim.allFollowers();
}

describe('Customer Service Message → Send', () => {
	test('a text to each input item, in order, once each', async () => {
		const openids = await start(3);
		const output = await fixture.run('customerServiceMessage.send', { messageType: 'text', text: '=Hello {{ $json.openid.slice(-4) }}' }, { input: openidItems(openids) });
		expect(output.map((item) => item.json)).toEqual(openids.map((openid) => ({ openid, msgtype: 'text', sent: true })));
		expect(fixture.sim.messaging.deliveredTo(openids[2])[0].payload).toEqual({ msgtype: 'text', text: { content: `Hello ${openids[2].slice(-4)}` } });
	});

	test('each message type becomes the body WeChat documents', async () => {
		const [openid] = await start(1);
		const image = fixture.sim.media.put('temporary', 'image', Buffer.from('png'), 'a.png', 'image/png');
		const thumb = fixture.sim.media.put('temporary', 'thumb', Buffer.from('jpg'), 't.jpg', 'image/jpeg');
		const video = fixture.sim.media.put('temporary', 'video', Buffer.from('mp4'), 'v.mp4', 'video/mp4');
		const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
			[{ messageType: 'image', mediaId: image }, { msgtype: 'image', image: { media_id: image } }],
			[
				{ messageType: 'video', mediaId: video, thumbMediaId: thumb, title: 'T', description: 'D' },
				{ msgtype: 'video', video: { media_id: video, thumb_media_id: thumb, title: 'T', description: 'D' } },
			],
			[
				{ messageType: 'music', musicUrl: 'https://m/1.mp3', thumbMediaId: thumb, title: 'Song' },
				{ msgtype: 'music', music: { title: 'Song', description: '', musicurl: 'https://m/1.mp3', hqmusicurl: 'https://m/1.mp3', thumb_media_id: thumb } },
			],
			[
				{ messageType: 'news', title: 'Read', description: 'More', url: 'https://example.com/a', picUrl: 'https://example.com/p.jpg' },
				{ msgtype: 'news', news: { articles: [{ title: 'Read', description: 'More', url: 'https://example.com/a', picurl: 'https://example.com/p.jpg' }] } },
			],
			[{ messageType: 'mpnewsarticle', articleId: 'ART_1' }, { msgtype: 'mpnewsarticle', mpnewsarticle: { article_id: 'ART_1' } }],
			[
				{ messageType: 'msgmenu', menuHead: 'Happy?', menuOptions: { option: [{ id: '101', content: 'Yes' }, { id: '102', content: 'No' }] }, menuTail: 'Thanks' },
				{ msgtype: 'msgmenu', msgmenu: { head_content: 'Happy?', list: [{ id: '101', content: 'Yes' }, { id: '102', content: 'No' }], tail_content: 'Thanks' } },
			],
			[
				{ messageType: 'miniprogrampage', title: 'Shop', miniProgramAppId: 'wxmini', miniProgramPagePath: 'pages/index', thumbMediaId: thumb },
				{ msgtype: 'miniprogrampage', miniprogrampage: { title: 'Shop', appid: 'wxmini', pagepath: 'pages/index', thumb_media_id: thumb } },
			],
		];
		for (const [parameters] of cases) await fixture.run('customerServiceMessage.send', parameters, { input: openidItems([openid]) });
		expect(fixture.sim.messaging.deliveredTo(openid).map((delivery) => delivery.payload)).toEqual(cases.map(([, body]) => body));
	});

	test('send as a customer-service account', async () => {
		const [openid] = await start(1);
		await fixture.run('customerServiceMessage.send', { messageType: 'text', text: 'hi', options: { kfAccount: 'kf1@gh_x' } }, { input: openidItems([openid]) });
		expect(fixture.sim.requests(SEND)[0].body?.customservice).toEqual({ kf_account: 'kf1@gh_x' });
	});

	test('45015 (48-hour window) and 45047 (reply limit) explained per item under Continue', async () => {
		const openids = await start(3);
		fixture.sim.messaging.outsideWindow.add(openids[0]);
		fixture.sim.messaging.customRepliesPerUser = 1;
		const input = openidItems([openids[0], openids[1], openids[1], openids[2]]);
		const output = await fixture.run('customerServiceMessage.send', { messageType: 'text', text: 'hi', options: { messagesInFlight: 1 } }, { input, continueOnFail: true });
		expect(output[0].json.error).toContain('48-hour window');
		expect(output[0].json.error).toContain('errcode 45015');
		expect(output[0].json.description).toContain('template message');
		expect(output[1].json.sent).toBe(true);
		expect(output[2].json.error).toContain('errcode 45047');
		expect(output[3].json.sent).toBe(true);
	});

	test('a text over 2,048 bytes is refused before sending', async () => {
		const [openid] = await start(1);
		const error = await errorOf(() => fixture.run('customerServiceMessage.send', { messageType: 'text', text: '好'.repeat(683) }, { input: openidItems([openid]) }));
		expect(error.message).toContain('2,049 bytes');
		expect(fixture.sim.callCount(SEND)).toBe(0);
		await fixture.run('customerServiceMessage.send', { messageType: 'text', text: '好'.repeat(682) }, { input: openidItems([openid]) });
		expect(fixture.sim.messaging.deliveries).toHaveLength(1);
	});

	test('a connection dropped after WeChat accepted the message: not repeated, the item says it may have been sent', async () => {
		const openids = await start(3);
		fixture.sim.when(SEND, 2, () => fixture.sim.injectFault(SEND, 'dropAfterServing'));
		const output = await fixture.run(
			'customerServiceMessage.send',
			{ messageType: 'text', text: 'Your parcel is here', options: { messagesInFlight: 1 } },
			{ input: openidItems(openids), continueOnFail: true },
		);
		expect(fixture.sim.callCount(SEND)).toBe(3);
		for (const openid of openids) expect(fixture.sim.messaging.deliveredTo(openid)).toHaveLength(1);
		expect(output[1].json.error).toContain('may have been sent');
		expect(output[1].json.sent).toBe('unknown');
		expect(output[0].json.sent).toBe(true);
		expect(output[2].json.sent).toBe(true);
	});

	test('a gateway 502 or "system busy" (-1) is not repeated either: WeChat may have sent it', async () => {
		const openids = await start(2);
		fixture.sim.injectFault(SEND, { httpStatus: 502 });
		fixture.sim.when(SEND, 2, () => fixture.sim.injectFault(SEND, { errcode: -1, errmsg: 'system error rid: x' }));
		const output = await fixture.run('customerServiceMessage.send', { messageType: 'text', text: 'hi', options: { messagesInFlight: 1 } }, { input: openidItems(openids), continueOnFail: true });
		expect(fixture.sim.callCount(SEND)).toBe(2);
		expect(output.map((item) => item.json.sent)).toEqual(['unknown', 'unknown']);
		expect(output[1].json.error).toContain('errcode -1');
	});

	test('without Continue, a message that may have been sent stops the run and the error lists it', async () => {
		const openids = await start(4);
		fixture.sim.when(SEND, 3, () => fixture.sim.injectFault(SEND, 'dropAfterServing'));
		const error = await errorOf(() =>
			fixture.run('customerServiceMessage.send', { messageType: 'text', text: 'hi', options: { messagesInFlight: 1 } }, { input: openidItems(openids) }),
		);
		expect(error.message).toContain('may have been sent');
		expect(error.description).toContain('Sent: items 1–2 (2 of 4).');
		expect(error.description).toContain('May have been sent: item 3.');
		expect(error.description).toContain('Not sent: item 4;');
		expect(fixture.sim.callCount(SEND)).toBe(3);
	});

	test('a token expiring mid-run is renewed: WeChat refused the call, so it is repeated, and nothing doubles', async () => {
		const openids = await start(10);
		fixture.sim.when(SEND, 4, () => fixture.sim.expireAllTokens());
		const output = await fixture.run('customerServiceMessage.send', { messageType: 'text', text: 'hi' }, { input: openidItems(openids) });
		expect(output.every((item) => item.json.sent === true)).toBe(true);
		expect(fixture.sim.requests(SEND).some((entry) => entry.errcode === 42001 || entry.errcode === 40001)).toBe(true);
		for (const openid of openids) expect(fixture.sim.messaging.deliveredTo(openid)).toHaveLength(1);
	});

	test('a connection refused before the request left is repeated (nothing can have been sent)', async () => {
		const openids = await start(1);
		await fixture.run('customerServiceMessage.typing', { command: 'Typing' }, { input: openidItems(openids) });
		// The stored token, as if fetched for a server that now refuses connections.
		const moved = { ...fixture.stored(), baseUrl: 'http://127.0.0.1:9' };
		fixture.store.edit(fixture.credentialId, { baseUrl: moved.baseUrl, issuedFor: tokenFingerprint(moved) });
		const error = await errorOf(() => fixture.run('customerServiceMessage.send', { messageType: 'text', text: 'hi' }, { input: openidItems(openids) }));
		expect(error.message).toContain('ECONNREFUSED (after 5 attempts)');
		expect(error.message).not.toContain('may have been sent');
	});
});

describe('Customer Service Message → Typing', () => {
	test('shows and hides typing', async () => {
		const [openid] = await start(1);
		await fixture.run('customerServiceMessage.typing', { command: 'Typing' }, { input: openidItems([openid]) });
		await fixture.run('customerServiceMessage.typing', { command: 'CancelTyping' }, { input: openidItems([openid]) });
		expect(fixture.sim.messaging.typing).toEqual([
			{ openid, command: 'Typing' },
			{ openid, command: 'CancelTyping' },
		]);
		expect(fixture.sim.messaging.deliveries).toHaveLength(0);
	});
});

describe('Subscription Notice', () => {
	const notice = {
		templateId: SUBSCRIPTION_ORDER_STATUS,
		noticeData: { mappingMode: 'defineBelow', value: { character_string1: '={{ $json.order }}', phrase2: 'Shipped' } },
	};

	test('the fields come from the template; one notice per item; refused ones explained', async () => {
		const openids = await start(3);
		const mapped = await fixture.resourceMapping('getNoticeFields', { resource: 'subscriptionNotice', operation: 'send', templateId: SUBSCRIPTION_ORDER_STATUS });
		expect(mapped.fields.map((field) => field.id)).toEqual(['character_string1', 'phrase2']);
		const templates = await fixture.run('subscriptionNotice.getTemplates');
		expect(templates.find((item) => item.json.priTmplId === SUBSCRIPTION_ORDER_STATUS)?.json.fields).toEqual(['character_string1', 'phrase2']);

		fixture.sim.messaging.subscribeRefused.add(openids[1]);
		const input = openids.map((openid, index) => ({ json: { openid, order: `A${index}` } }));
		const output = await fixture.run('subscriptionNotice.send', { ...notice, options: { page: 'https://example.com/o' } }, { input, continueOnFail: true });
		expect(output[0].json).toEqual({ openid: openids[0], template_id: SUBSCRIPTION_ORDER_STATUS, sent: true });
		expect(output[1].json.error).toContain('errcode 43101');
		expect(fixture.sim.messaging.deliveredTo(openids[2])[0].payload).toMatchObject({
			template_id: SUBSCRIPTION_ORDER_STATUS,
			page: 'https://example.com/o',
			data: { character_string1: { value: 'A2' }, phrase2: { value: 'Shipped' } },
		});
	});

	test('no idempotency key exists for notices: a dropped answer is not repeated', async () => {
		const openids = await start(1);
		fixture.sim.injectFault('/cgi-bin/message/subscribe/bizsend', 'dropAfterServing');
		const error = await errorOf(() => fixture.run('subscriptionNotice.send', notice, { input: openidItems(openids) }));
		expect(error.message).toContain('may have been sent');
		expect(fixture.sim.messaging.deliveries).toHaveLength(1);
		expect(fixture.sim.callCount('/cgi-bin/message/subscribe/bizsend')).toBe(1);
	});
});
