import { balancedChunks } from '../nodes/WeChatOfficialAccount/actions/massMessage/send.operation';
import { Fixture, errorOf, openidItems } from './harness/fixture';
import { SEEDED_NEWS_MEDIA_ID } from './simulator/media';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const SENDALL = '/cgi-bin/message/mass/sendall';
const SEND = '/cgi-bin/message/mass/send';
const article = { messageType: 'mpnews', mediaId: SEEDED_NEWS_MEDIA_ID };

describe('Mass Message → Send', () => {
	test('to all followers: one job however many input items ask for it', async () => {
		fixture = await Fixture.start({ followers: 50 });
		const output = await fixture.run('massMessage.send', { target: 'all', ...article }, { input: [{ json: {} }, { json: {} }, { json: {} }] });
		expect(fixture.sim.callCount(SENDALL)).toBe(1);
		expect(fixture.sim.messaging.deliveries).toHaveLength(50);
		expect(new Set(output.map((item) => item.json.msg_id)).size).toBe(1);
		expect(output[0].json).toMatchObject({ to: { is_to_all: true }, already_submitted: false, msg_data_id: expect.any(Number) });
		expect(fixture.sim.requests(SENDALL)[0].body).toMatchObject({ msgtype: 'mpnews', mpnews: { media_id: SEEDED_NEWS_MEDIA_ID }, send_ignore_reprint: 0, clientmsgid: expect.any(String) });
	});

	test('to a tag (chosen from the list, as the editor stores it) reaches its members only', async () => {
		fixture = await Fixture.start({ followers: 20 });
		const members = fixture.sim.allFollowers().slice(0, 7);
		const tagId = fixture.sim.account.addTag('VIP', [...members]);
		await fixture.run('massMessage.send', { target: 'tag', tagId: { __rl: true, mode: 'list', value: String(tagId) }, messageType: 'text', text: 'Sale' });
		expect(fixture.sim.requests(SENDALL)[0].body?.filter).toEqual({ is_to_all: false, tag_id: tagId });
		expect(fixture.sim.messaging.deliveries.map((delivery) => delivery.openid).sort()).toEqual([...members].sort());
	});

	test('a dropped answer is repeated with the same clientmsgid: WeChat answers 45065 with the job, nobody gets it twice', async () => {
		fixture = await Fixture.start({ followers: 10 });
		fixture.sim.injectFault(SENDALL, 'dropAfterServing');
		// WeChat answers a repeat within a minute with 45066; move the clock past it for the retry.
		fixture.sim.when(SENDALL, 2, () => fixture.sim.advanceClock(61_000));
		const [item] = await fixture.run('massMessage.send', { target: 'all', ...article });
		expect(fixture.sim.callCount(SENDALL)).toBe(2);
		const [first, second] = fixture.sim.requests(SENDALL);
		expect(second.body?.clientmsgid).toBe(first.body?.clientmsgid);
		expect(second.errcode).toBe(45065);
		expect([...fixture.sim.messaging.deliveryCounts().values()]).toEqual(Array(10).fill(1));
		expect(item.json).toMatchObject({ already_submitted: true, msg_id: [...fixture.sim.messaging.massJobs.keys()][0] });
	});

	test('running it again within 24 hours is answered with the job WeChat already has', async () => {
		fixture = await Fixture.start({ followers: 5 });
		await fixture.run('massMessage.send', { target: 'all', ...article });
		fixture.sim.advanceClock(3_600_000);
		const [again] = await fixture.run('massMessage.send', { target: 'all', ...article });
		expect(again.json.already_submitted).toBe(true);
		expect(fixture.sim.messaging.deliveries).toHaveLength(5);
	});

	test('to OpenIDs: the items with the same message are one job, each OpenID once', async () => {
		fixture = await Fixture.start({ followers: 30 });
		const openids = fixture.sim.allFollowers();
		const input = openidItems([...openids, openids[0]]);
		const output = await fixture.run('massMessage.send', { target: 'list', messageType: 'text', text: 'Hello' }, { input });
		expect(fixture.sim.callCount(SEND)).toBe(1);
		expect((fixture.sim.requests(SEND)[0].body?.touser as string[]).length).toBe(30);
		expect(fixture.sim.messaging.deliveries).toHaveLength(30);
		expect(output).toHaveLength(31);
		expect(output[30].json).toEqual(output[0].json);
		expect(output[0].json).toMatchObject({ recipients: 30, requests: [{ recipients: 30, msg_id: expect.any(Number) }] });
	});

	test('2 and 10,000 OpenIDs per request: one OpenID is refused before sending; 10,001 become 5,001 + 5,000', async () => {
		fixture = await Fixture.start({ followers: 20_001 });
		const openids = fixture.sim.allFollowers();
		const error = await errorOf(() => fixture.run('massMessage.send', { target: 'list', messageType: 'text', text: 'x' }, { input: openidItems([openids[0]]) }));
		expect(error.message).toContain('at least 2 OpenIDs');
		expect(fixture.sim.callCount(SEND)).toBe(0);

		await fixture.run('massMessage.send', { target: 'list', messageType: 'text', text: 'two' }, { input: openidItems(openids.slice(0, 2)) });
		await fixture.run('massMessage.send', { target: 'list', messageType: 'text', text: '10k' }, { input: [{ json: { openid: openids.slice(0, 10_000) } }] });
		await fixture.run('massMessage.send', { target: 'list', messageType: 'text', text: '10k+1' }, { input: [{ json: { openid: openids.slice(0, 10_001) } }] });
		await fixture.run('massMessage.send', { target: 'list', messageType: 'text', text: 'all' }, { input: [{ json: { openid: openids } }] });
		expect(fixture.sim.requests(SEND).map((entry) => (entry.body?.touser as string[]).length)).toEqual([2, 10_000, 5_001, 5_000, 6_667, 6_667, 6_667]);
		const clientmsgids = fixture.sim.requests(SEND).map((entry) => entry.body?.clientmsgid as string);
		expect(new Set(clientmsgids).size).toBe(7);
		expect(clientmsgids.every((id) => id.length <= 64)).toBe(true);
		// the 20,001: every follower got exactly one copy of "all"
		const all = fixture.sim.messaging.deliveries.filter((delivery) => (delivery.payload.text as { content: string }).content === 'all');
		expect(all).toHaveLength(20_001);
		expect(new Set(all.map((delivery) => delivery.openid)).size).toBe(20_001);
	});

	test('the same message to other OpenIDs within 24 hours is sent; the same OpenIDs in another order are not sent again', async () => {
		fixture = await Fixture.start({ followers: 10 });
		const openids = fixture.sim.allFollowers();
		const text = { target: 'list', messageType: 'text', text: 'Hello' };
		await fixture.run('massMessage.send', text, { input: openidItems(openids.slice(0, 5)) });
		fixture.sim.advanceClock(2 * 3_600_000);
		const [other] = await fixture.run('massMessage.send', text, { input: openidItems(openids.slice(5)) });
		expect(other.json).toMatchObject({ requests: [{ already_submitted: false }] });
		const [again] = await fixture.run('massMessage.send', text, { input: openidItems([...openids.slice(0, 5)].reverse()) });
		expect(again.json).toMatchObject({ requests: [{ already_submitted: true }] });
		expect([...fixture.sim.messaging.deliveryCounts().values()]).toEqual(Array(10).fill(1));
	});

	test('a list whose second request fails: the error names the first; running it again sends only the rest, nobody twice', async () => {
		fixture = await Fixture.start({ followers: 10_001 });
		const input = [{ json: { openid: [...fixture.sim.allFollowers()] } }];
		fixture.sim.when(SEND, 2, () => fixture.sim.injectFault(SEND, { errcode: 45028, errmsg: 'has no masssend quota rid: x' }));
		const error = await errorOf(() => fixture.run('massMessage.send', { target: 'list', messageType: 'text', text: 'big' }, { input }));
		expect(error.message).toContain('errcode 45028');
		const [firstJob] = fixture.sim.messaging.massJobs.keys();
		expect(error.description).toContain(`1 of 2 requests of this list were submitted before (msg_id ${firstJob})`);
		fixture.sim.advanceClock(61_000);
		const [rerun] = await fixture.run('massMessage.send', { target: 'list', messageType: 'text', text: 'big' }, { input: [{ json: { openid: [...fixture.sim.allFollowers()].reverse() } }] });
		expect((rerun.json.requests as Array<{ already_submitted: boolean }>).map((request) => request.already_submitted)).toEqual([true, false]);
		const counts = fixture.sim.messaging.deliveryCounts();
		expect(counts.size).toBe(10_001);
		expect([...counts.values()].every((count) => count === 1)).toBe(true);
	});

	test('one Idempotency Key for two different mass messages is refused before anything is sent', async () => {
		fixture = await Fixture.start({ followers: 6 });
		const [a, b] = [fixture.sim.account.addTag('A', fixture.sim.allFollowers().slice(0, 3)), fixture.sim.account.addTag('B', fixture.sim.allFollowers().slice(3))];
		const input = [{ json: { tag: a, text: 'one' } }, { json: { tag: b, text: 'two' } }];
		const parameters = { target: 'tag', tagId: '={{ $json.tag }}', messageType: 'text', text: '={{ $json.text }}', options: { idempotencyKey: 'campaign-1' } };
		const error = await errorOf(() => fixture.run('massMessage.send', parameters, { input }));
		expect(error.message).toContain('Items 1, 2 share the Idempotency Key "campaign-1"');
		expect(fixture.sim.callCount(SENDALL)).toBe(0);
		// The same key for the same message from several items is one message.
		await fixture.run('massMessage.send', { ...parameters, tagId: a, text: 'one' }, { input });
		expect(fixture.sim.callCount(SENDALL)).toBe(1);
		expect(fixture.sim.requests(SENDALL)[0].body?.clientmsgid).toBe('campaign-1');
	});

	test('balanced chunks stay within 2..10,000', () => {
		for (const size of [2, 3, 9_999, 10_000, 10_001, 10_002, 19_999, 20_000, 20_001, 30_001, 99_999]) {
			const chunks = balancedChunks(Array.from({ length: size }, (_, index) => `o${index}`));
			expect(chunks.flat()).toHaveLength(size);
			expect(chunks).toHaveLength(Math.ceil(size / 10_000));
			for (const chunk of chunks) {
				expect(chunk.length).toBeGreaterThanOrEqual(2);
				expect(chunk.length).toBeLessThanOrEqual(10_000);
			}
		}
	});

	test('images (at most 8) and the reprint option', async () => {
		fixture = await Fixture.start({ followers: 2 });
		const ids = [1, 2].map((n) => fixture.sim.media.put('permanent', 'image', Buffer.from(`img${n}`), `${n}.png`, 'image/png'));
		await fixture.run('massMessage.send', { target: 'all', messageType: 'image', mediaIds: ids.join(', ') });
		expect(fixture.sim.requests(SENDALL)[0].body).toMatchObject({ msgtype: 'image', images: { media_ids: ids } });
		const error = await errorOf(() => fixture.run('massMessage.send', { target: 'all', messageType: 'image', mediaIds: Array(9).fill(ids[0]).join(',') }));
		expect(error.message).toContain('at most 8');

		await fixture.run('massMessage.send', { target: 'all', ...article, options: { sendIgnoreReprint: true } });
		expect(fixture.sim.requests(SENDALL)[1].body?.send_ignore_reprint).toBe(1);
	});

	test('an unknown tag (40050) and an unknown media ID (40007) say what to check', async () => {
		fixture = await Fixture.start({ followers: 2 });
		let error = await errorOf(() => fixture.run('massMessage.send', { target: 'tag', tagId: 999, ...article }));
		expect(error.message).toContain('errcode 40050');
		error = await errorOf(() => fixture.run('massMessage.send', { target: 'all', messageType: 'voice', mediaId: 'nope' }));
		expect(error.message).toContain('errcode 40007');
		expect(fixture.sim.messaging.deliveries).toHaveLength(0);
	});
});

describe('Mass Message → Preview, Get Status, Delete, Speed', () => {
	test('preview to one follower; status and delete of a job; speed', async () => {
		fixture = await Fixture.start({ followers: 3 });
		const [openid] = fixture.sim.allFollowers();
		const [preview] = await fixture.run('massMessage.preview', { messageType: 'text', text: 'check' }, { input: openidItems([openid]) });
		expect(preview.json).toMatchObject({ openid, msg_id: expect.any(Number) });
		expect(fixture.sim.messaging.deliveries.map((delivery) => [delivery.channel, delivery.openid])).toEqual([['preview', openid]]);

		const [sent] = await fixture.run('massMessage.send', { target: 'all', ...article });
		const [status] = await fixture.run('massMessage.getStatus', {}, { input: [sent] });
		expect(status.json).toEqual({ msg_id: sent.json.msg_id, msg_status: 'SEND_SUCCESS' });
		await fixture.run('massMessage.delete', {}, { input: [sent] });
		const [deleted] = await fixture.run('massMessage.getStatus', {}, { input: [sent] });
		expect(deleted.json.msg_status).toBe('DELETE');
		const error = await errorOf(() => fixture.run('massMessage.getStatus', { msgId: 'abc' }));
		expect(error.message).toContain('not a mass message ID');

		await fixture.run('massMessage.setSpeed', { speed: 3 });
		const [speed] = await fixture.run('massMessage.getSpeed');
		expect(speed.json).toEqual({ speed: 3, realspeed: 30 });
	});
});
