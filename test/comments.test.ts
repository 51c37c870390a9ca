import type { INodeExecutionData } from 'n8n-workflow';

import { Fixture, errorOf } from './harness/fixture';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const LIST = '/cgi-bin/comment/list';
const REPLY = '/cgi-bin/comment/reply/add';
const MSG = 2247483001;

function pairedItems(items: INodeExecutionData[]): number[] {
	return items.map((item) => (item.pairedItem as { item: number }).item);
}

/** A fixture with one publication of `articles` articles registered for comments. */
async function withPublication(articles = 2): Promise<Fixture> {
	const started = await Fixture.start();
	started.sim.comments.registerArticles(MSG, articles);
	return started;
}

describe('Comment → Get Many', () => {
	test('one item per comment, article number 1-based in and out, index 0-based on the wire, ISO times', async () => {
		fixture = await withPublication();
		const createTime = 1_700_000_000;
		const first = fixture.sim.comments.addComment(MSG, 1, { openid: 'oREADER1', content: '好文章', createTime });
		const second = fixture.sim.comments.addComment(MSG, 1, { content: 'anonymous', createTime: createTime + 60 });
		fixture.sim.comments.addComment(MSG, 0, { openid: 'oOTHER', content: 'on the first article' });
		await fixture.run('comment.elect', { msgDataId: String(MSG), articleNumber: 2, commentId: String(first) });
		await fixture.run('comment.reply', { msgDataId: String(MSG), articleNumber: 2, commentId: String(first), content: 'Thanks!' });

		const items = await fixture.run('comment.getAll', { msgDataId: String(MSG), articleNumber: 2, returnAll: true });

		expect(fixture.sim.requests(LIST).map((entry) => entry.body)).toEqual([{ msg_data_id: MSG, index: 1, begin: 0, count: 49, type: 0 }]);
		const replyTime = fixture.sim.comments.comment(MSG, 1, first)!.reply!.create_time;
		expect(items.map((item) => item.json)).toEqual([
			{
				msg_data_id: MSG,
				article_number: 2,
				user_comment_id: first,
				openid: 'oREADER1',
				create_time: createTime,
				create_time_iso: '2023-11-14T22:13:20.000Z',
				content: '好文章',
				comment_type: 1,
				elected: true,
				reply: { content: 'Thanks!', create_time: replyTime, create_time_iso: new Date(replyTime * 1000).toISOString() },
			},
			{
				msg_data_id: MSG,
				article_number: 2,
				user_comment_id: second,
				create_time: createTime + 60,
				create_time_iso: '2023-11-14T22:14:20.000Z',
				content: 'anonymous',
				comment_type: 0,
				elected: false,
			},
		]);
		expect(pairedItems(items)).toEqual([0, 0]);
	});

	test('Return All pages 49 at a time (under both readings of WeChat\'s limit) until the total, each comment once', async () => {
		fixture = await withPublication(1);
		const ids = fixture.sim.comments.addComments(MSG, 0, 123);
		const items = await fixture.run('comment.getAll', { msgDataId: MSG, articleNumber: 1, returnAll: true });
		expect(items.map((item) => item.json.user_comment_id)).toEqual(ids);
		expect(fixture.sim.requests(LIST).map((entry) => [entry.body?.begin, entry.body?.count])).toEqual([
			[0, 49],
			[49, 49],
			[98, 49],
		]);
	});

	test('a limit asks for no more than it needs', async () => {
		fixture = await withPublication(1);
		const ids = fixture.sim.comments.addComments(MSG, 0, 123);
		const items = await fixture.run('comment.getAll', { msgDataId: MSG, articleNumber: 1, returnAll: false, limit: 70 });
		expect(items.map((item) => item.json.user_comment_id)).toEqual(ids.slice(0, 70));
		expect(fixture.sim.requests(LIST).map((entry) => [entry.body?.begin, entry.body?.count])).toEqual([
			[0, 49],
			[49, 21],
		]);
	});

	test('Comment Type: elected only, normal only; an article without comments gives no item and one call', async () => {
		fixture = await withPublication(2);
		const ids = fixture.sim.comments.addComments(MSG, 0, 4);
		await fixture.run('comment.elect', { msgDataId: MSG, articleNumber: 1, commentId: ids[2] });
		const elected = await fixture.run('comment.getAll', { msgDataId: MSG, articleNumber: 1, commentType: 2, returnAll: true });
		expect(elected.map((item) => item.json.user_comment_id)).toEqual([ids[2]]);
		const normal = await fixture.run('comment.getAll', { msgDataId: MSG, articleNumber: 1, commentType: 1, returnAll: true });
		expect(normal.map((item) => item.json.user_comment_id)).toEqual([ids[0], ids[1], ids[3]]);
		expect(fixture.sim.requests(LIST).map((entry) => entry.body?.type)).toEqual([2, 1]);

		fixture.sim.clearLog();
		const none = await fixture.run('comment.getAll', { msgDataId: MSG, articleNumber: 2, returnAll: true });
		expect(none).toEqual([]);
		expect(fixture.sim.requests(LIST)).toHaveLength(1);
	});

	test('an unknown publication: 88001 as a message naming what to use', async () => {
		fixture = await withPublication(1);
		const error = await errorOf(() => fixture.run('comment.getAll', { msgDataId: 999, articleNumber: 1, returnAll: true }));
		expect(error.message).toBe('WeChat does not know this article (WeChat errcode 88001)');
		expect(error.description).toContain('Article Number');
		// The article past the publication's last is unknown to WeChat too.
		const past = await errorOf(() => fixture.run('comment.getAll', { msgDataId: MSG, articleNumber: 2, returnAll: true }));
		expect(past.message).toBe('WeChat does not know this article (WeChat errcode 88001)');
	});
});

describe('Comment → Open / Close', () => {
	test('close then open: the bodies sent and the state; a closed article still lists and takes replies', async () => {
		fixture = await withPublication(3);
		const [id] = fixture.sim.comments.addComments(MSG, 2, 1);
		const [closed] = await fixture.run('comment.close', { msgDataId: String(MSG), articleNumber: 3 });
		expect(closed.json).toEqual({ msg_data_id: MSG, article_number: 3, comments: 'closed' });
		expect(fixture.sim.requests('/cgi-bin/comment/close')[0].body).toEqual({ msg_data_id: MSG, index: 2 });
		expect(fixture.sim.comments.isOpen(MSG, 2)).toBe(false);
		expect(() => fixture.sim.comments.addComment(MSG, 2, { content: 'late' })).toThrow('closed');

		expect(await fixture.run('comment.getAll', { msgDataId: MSG, articleNumber: 3, returnAll: true })).toHaveLength(1);
		await fixture.run('comment.reply', { msgDataId: MSG, articleNumber: 3, commentId: id, content: 'closed now' });

		const [opened] = await fixture.run('comment.open', { msgDataId: MSG, articleNumber: 3 });
		expect(opened.json).toEqual({ msg_data_id: MSG, article_number: 3, comments: 'open' });
		expect(fixture.sim.requests('/cgi-bin/comment/open')[0].body).toEqual({ msg_data_id: MSG, index: 2 });
		expect(fixture.sim.comments.isOpen(MSG, 2)).toBe(true);
	});

	test('one call per input item, outputs paired with their items', async () => {
		fixture = await withPublication(2);
		const input = [{ json: { msg_data_id: MSG, n: 1 } }, { json: { msg_data_id: MSG, n: 2 } }];
		const items = await fixture.run('comment.close', { msgDataId: '={{ $json.msg_data_id }}', articleNumber: '={{ $json.n }}' }, { input });
		expect(items.map((item) => item.json.article_number)).toEqual([1, 2]);
		expect(pairedItems(items)).toEqual([0, 1]);
		expect(fixture.sim.requests('/cgi-bin/comment/close').map((entry) => entry.body?.index)).toEqual([0, 1]);
	});

	test('without the comment permission: 88000 says what the account needs', async () => {
		fixture = await withPublication(1);
		fixture.sim.comments.privilege = false;
		const error = await errorOf(() => fixture.run('comment.open', { msgDataId: MSG, articleNumber: 1 }));
		expect(error.message).toBe('The account has no permission to manage comments (WeChat errcode 88000)');
		expect(error.description).toContain('verified');
	});
});

describe('Comment → Elect / Unelect / Delete', () => {
	test('elect and unelect: requests and outputs; the elected limit (88003) is explained', async () => {
		fixture = await withPublication(1);
		const ids = fixture.sim.comments.addComments(MSG, 0, 3);
		const [elected] = await fixture.run('comment.elect', { msgDataId: MSG, articleNumber: 1, commentId: String(ids[1]) });
		expect(elected.json).toEqual({ msg_data_id: MSG, article_number: 1, user_comment_id: ids[1], elected: true });
		expect(fixture.sim.requests('/cgi-bin/comment/markelect')[0].body).toEqual({ msg_data_id: MSG, index: 0, user_comment_id: ids[1] });
		expect(fixture.sim.comments.comment(MSG, 0, ids[1])!.elected).toBe(true);

		fixture.sim.comments.maxElected = 1;
		const error = await errorOf(() => fixture.run('comment.elect', { msgDataId: MSG, articleNumber: 1, commentId: ids[2] }));
		expect(error.message).toBe('The article already has the most elected comments WeChat allows (WeChat errcode 88003)');

		const [unelected] = await fixture.run('comment.unelect', { msgDataId: MSG, articleNumber: 1, commentId: ids[1] });
		expect(unelected.json).toEqual({ msg_data_id: MSG, article_number: 1, user_comment_id: ids[1], elected: false });
		expect(fixture.sim.requests('/cgi-bin/comment/unmarkelect')[0].body).toEqual({ msg_data_id: MSG, index: 0, user_comment_id: ids[1] });
		expect(fixture.sim.comments.comment(MSG, 0, ids[1])!.elected).toBe(false);
	});

	test('a comment its author deleted cannot be elected (88004)', async () => {
		fixture = await withPublication(1);
		const [id] = fixture.sim.comments.addComments(MSG, 0, 1);
		fixture.sim.comments.authorDeletes(MSG, 0, id);
		const error = await errorOf(() => fixture.run('comment.elect', { msgDataId: MSG, articleNumber: 1, commentId: id }));
		expect(error.message).toBe('The comment was deleted by its author (WeChat errcode 88004)');
	});

	test('delete: gone from the list; deleting it again says WeChat does not know it (88008)', async () => {
		fixture = await withPublication(1);
		const ids = fixture.sim.comments.addComments(MSG, 0, 2);
		const [deleted] = await fixture.run('comment.delete', { msgDataId: MSG, articleNumber: 1, commentId: ids[0] });
		expect(deleted.json).toEqual({ msg_data_id: MSG, article_number: 1, user_comment_id: ids[0], deleted: true, already_deleted: false });
		expect(fixture.sim.requests('/cgi-bin/comment/delete')[0].body).toEqual({ msg_data_id: MSG, index: 0, user_comment_id: ids[0] });
		const left = await fixture.run('comment.getAll', { msgDataId: MSG, articleNumber: 1, returnAll: true });
		expect(left.map((item) => item.json.user_comment_id)).toEqual([ids[1]]);

		const error = await errorOf(() => fixture.run('comment.delete', { msgDataId: MSG, articleNumber: 1, commentId: ids[0] }));
		expect(error.message).toBe('WeChat does not know this comment (WeChat errcode 88008)');
		expect(error.description).toContain('Get Many');
	});
});

describe('Comment → Reply / Delete Reply', () => {
	test('reply: the body sent and the output; a second reply is refused (88005) with what to do', async () => {
		fixture = await withPublication(1);
		const [id] = fixture.sim.comments.addComments(MSG, 0, 1);
		const [replied] = await fixture.run('comment.reply', { msgDataId: MSG, articleNumber: 1, commentId: id, content: '谢谢您的留言' });
		expect(replied.json).toEqual({
			msg_data_id: MSG,
			article_number: 1,
			user_comment_id: id,
			reply: { content: '谢谢您的留言' },
			already_replied: false,
		});
		expect(fixture.sim.requests(REPLY)[0].body).toEqual({ msg_data_id: MSG, index: 0, user_comment_id: id, content: '谢谢您的留言' });
		expect(fixture.sim.comments.comment(MSG, 0, id)!.reply!.content).toBe('谢谢您的留言');

		const error = await errorOf(() => fixture.run('comment.reply', { msgDataId: MSG, articleNumber: 1, commentId: id, content: 'again' }));
		expect(error.message).toBe('The comment already has a reply (WeChat errcode 88005)');
		expect(error.description).toContain('Delete Reply');
		expect(fixture.sim.comments.comment(MSG, 0, id)!.reply!.content).toBe('谢谢您的留言');
	});

	test('a reply served but its answer lost: the repeat meets 88005, the reply was posted once (already_replied)', async () => {
		fixture = await withPublication(1);
		const [id] = fixture.sim.comments.addComments(MSG, 0, 1);
		fixture.sim.injectFault(REPLY, 'dropAfterServing', 1);
		const [replied] = await fixture.run('comment.reply', { msgDataId: MSG, articleNumber: 1, commentId: id, content: 'once' });
		expect(replied.json).toEqual({ msg_data_id: MSG, article_number: 1, user_comment_id: id, reply: { content: 'once' }, already_replied: true });
		expect(fixture.sim.requests(REPLY).map((entry) => entry.errcode)).toEqual([undefined, 88005]);
		expect(fixture.sim.comments.comment(MSG, 0, id)!.reply!.content).toBe('once');
	});

	test('the reply shape is the same from Reply and from Get Many: {{ $json.reply.content }} works on both', async () => {
		fixture = await withPublication(1);
		const [id] = fixture.sim.comments.addComments(MSG, 0, 1);
		const [replied] = await fixture.run('comment.reply', { msgDataId: MSG, articleNumber: 1, commentId: id, content: 'same' });
		const [listed] = await fixture.run('comment.getAll', { msgDataId: MSG, articleNumber: 1, returnAll: true });
		expect((replied.json.reply as { content: string }).content).toBe('same');
		expect((listed.json.reply as { content: string }).content).toBe('same');
	});

	test('delete reply, then reply again; deleting a missing reply says so (88009)', async () => {
		fixture = await withPublication(1);
		const [id] = fixture.sim.comments.addComments(MSG, 0, 1);
		await fixture.run('comment.reply', { msgDataId: MSG, articleNumber: 1, commentId: id, content: 'first' });
		const [removed] = await fixture.run('comment.deleteReply', { msgDataId: MSG, articleNumber: 1, commentId: id });
		expect(removed.json).toEqual({ msg_data_id: MSG, article_number: 1, user_comment_id: id, reply_deleted: true, already_deleted: false });
		expect(fixture.sim.requests('/cgi-bin/comment/reply/delete')[0].body).toEqual({ msg_data_id: MSG, index: 0, user_comment_id: id });
		expect(fixture.sim.comments.comment(MSG, 0, id)!.reply).toBeUndefined();
		await fixture.run('comment.reply', { msgDataId: MSG, articleNumber: 1, commentId: id, content: 'second' });
		expect(fixture.sim.comments.comment(MSG, 0, id)!.reply!.content).toBe('second');

		await fixture.run('comment.deleteReply', { msgDataId: MSG, articleNumber: 1, commentId: id });
		const error = await errorOf(() => fixture.run('comment.deleteReply', { msgDataId: MSG, articleNumber: 1, commentId: id }));
		expect(error.message).toBe('The comment has no reply to delete (WeChat errcode 88009)');
	});

	test('a reply too long for WeChat (88007) is explained', async () => {
		fixture = await withPublication(1);
		const [id] = fixture.sim.comments.addComments(MSG, 0, 1);
		fixture.sim.comments.maxReplyLength = 10;
		const error = await errorOf(() => fixture.run('comment.reply', { msgDataId: MSG, articleNumber: 1, commentId: id, content: 'x'.repeat(11) }));
		expect(error.message).toBe('The reply is empty or longer than WeChat allows (WeChat errcode 88007)');
	});
});

describe('repeating after a failure', () => {
	const changes: Array<{ operation: `comment.${string}`; path: string; comment: boolean }> = [
		{ operation: 'comment.open', path: '/cgi-bin/comment/open', comment: false },
		{ operation: 'comment.close', path: '/cgi-bin/comment/close', comment: false },
		{ operation: 'comment.elect', path: '/cgi-bin/comment/markelect', comment: true },
		{ operation: 'comment.unelect', path: '/cgi-bin/comment/unmarkelect', comment: true },
		{ operation: 'comment.delete', path: '/cgi-bin/comment/delete', comment: true },
		{ operation: 'comment.deleteReply', path: '/cgi-bin/comment/reply/delete', comment: true },
		{ operation: 'comment.reply', path: REPLY, comment: true },
	];
	test.each(changes)('$operation: a dropped connection is repeated (2 calls, one success)', async ({ operation, path, comment }) => {
		fixture = await withPublication(1);
		const [id] = fixture.sim.comments.addComments(MSG, 0, 1);
		if (operation === 'comment.deleteReply') fixture.sim.comments.comment(MSG, 0, id)!.reply = { content: 'r', create_time: 1 };
		fixture.sim.injectFault(path, 'drop', 1);
		const items = await fixture.run(operation as never, { msgDataId: MSG, articleNumber: 1, ...(comment ? { commentId: id } : {}), content: 'hi' });
		expect(items).toHaveLength(1);
		expect(fixture.sim.requests(path).map((entry) => entry.errcode)).toEqual([undefined, 0]);
		expect(items[0].json).not.toHaveProperty('already_deleted', true);
		expect(items[0].json).not.toHaveProperty('already_replied', true);
	});

	test('delete served but its answer lost: the repeat meets 88008, the comment is deleted (already_deleted)', async () => {
		fixture = await withPublication(1);
		const ids = fixture.sim.comments.addComments(MSG, 0, 2);
		fixture.sim.injectFault('/cgi-bin/comment/delete', 'dropAfterServing', 1);
		const [deleted] = await fixture.run('comment.delete', { msgDataId: MSG, articleNumber: 1, commentId: ids[0] });
		expect(deleted.json).toEqual({ msg_data_id: MSG, article_number: 1, user_comment_id: ids[0], deleted: true, already_deleted: true });
		expect(fixture.sim.requests('/cgi-bin/comment/delete').map((entry) => entry.errcode)).toEqual([undefined, 88008]);
		expect(fixture.sim.comments.comment(MSG, 0, ids[0])!.deletedBy).toBe('account');
		expect(fixture.sim.comments.comment(MSG, 0, ids[1])!.deletedBy).toBeUndefined();
	});

	test('delete reply served but its answer lost: the repeat meets 88009, the reply is gone (already_deleted)', async () => {
		fixture = await withPublication(1);
		const [id] = fixture.sim.comments.addComments(MSG, 0, 1);
		await fixture.run('comment.reply', { msgDataId: MSG, articleNumber: 1, commentId: id, content: 'to remove' });
		fixture.sim.injectFault('/cgi-bin/comment/reply/delete', 'dropAfterServing', 1);
		const [removed] = await fixture.run('comment.deleteReply', { msgDataId: MSG, articleNumber: 1, commentId: id });
		expect(removed.json).toEqual({ msg_data_id: MSG, article_number: 1, user_comment_id: id, reply_deleted: true, already_deleted: true });
		expect(fixture.sim.requests('/cgi-bin/comment/reply/delete').map((entry) => entry.errcode)).toEqual([undefined, 88009]);
		expect(fixture.sim.comments.comment(MSG, 0, id)!.reply).toBeUndefined();
	});

	test('without a lost answer, 88005 / 88008 / 88009 on the first attempt still fail', async () => {
		fixture = await withPublication(1);
		const [id] = fixture.sim.comments.addComments(MSG, 0, 1);
		const params = { msgDataId: MSG, articleNumber: 1, commentId: id };
		expect((await errorOf(() => fixture.run('comment.deleteReply', params))).message).toBe('The comment has no reply to delete (WeChat errcode 88009)');
		await fixture.run('comment.reply', { ...params, content: 'first' });
		expect((await errorOf(() => fixture.run('comment.reply', { ...params, content: 'second' }))).message).toBe(
			'The comment already has a reply (WeChat errcode 88005)',
		);
		await fixture.run('comment.delete', params);
		expect((await errorOf(() => fixture.run('comment.delete', params))).message).toBe('WeChat does not know this comment (WeChat errcode 88008)');
	});
});

describe('validation before any request', () => {
	const cases: Array<{ title: string; operation: `comment.${string}`; params: Record<string, unknown>; message: string }> = [
		{
			title: 'a Message Data ID that is not a number',
			operation: 'comment.getAll',
			params: { msgDataId: 'abc', articleNumber: 1, returnAll: true },
			message: 'Input item 1: "Message Data ID" must be a positive whole number, not "abc"',
		},
		{
			title: 'an empty Message Data ID (no msg_data_id in the input)',
			operation: 'comment.open',
			params: { articleNumber: 1 },
			message: 'Input item 1: "Message Data ID" must be a positive whole number, not ""',
		},
		{
			title: 'Article Number 0 (the comment API’s own 0-based index)',
			operation: 'comment.close',
			params: { msgDataId: MSG, articleNumber: 0 },
			message: 'Input item 1: "Article Number" must be a whole number from 1 to 8, not 0',
		},
		{
			title: 'Article Number 9',
			operation: 'comment.open',
			params: { msgDataId: MSG, articleNumber: 9 },
			message: 'Input item 1: "Article Number" must be a whole number from 1 to 8, not 9',
		},
		{
			title: 'a fractional Article Number',
			operation: 'comment.getAll',
			params: { msgDataId: MSG, articleNumber: 1.5, returnAll: true },
			message: 'Input item 1: "Article Number" must be a whole number from 1 to 8, not 1.5',
		},
		{
			title: 'a Comment ID that is not a number',
			operation: 'comment.elect',
			params: { msgDataId: MSG, articleNumber: 1, commentId: '12a' },
			message: 'Input item 1: "Comment ID" must be a positive whole number, not "12a"',
		},
		{
			title: 'no Comment ID (no user_comment_id in the input)',
			operation: 'comment.delete',
			params: { msgDataId: MSG, articleNumber: 1 },
			message: 'Input item 1: "Comment ID" must be a positive whole number, not ""',
		},
		{
			title: 'an empty reply',
			operation: 'comment.reply',
			params: { msgDataId: MSG, articleNumber: 1, commentId: 1, content: '  ' },
			message: 'Input item 1: "Reply" is empty',
		},
	];
	test.each(cases)('$title', async ({ operation, params, message }) => {
		fixture = await withPublication(1);
		const error = await errorOf(() => fixture.run(operation as never, params));
		expect(error.message).toBe(message);
		expect(fixture.sim.log.filter((entry) => entry.path.startsWith('/cgi-bin/comment/'))).toEqual([]);
	});

	test('the Message Data ID refusal says where it comes from: Publication → Publish, not Get Status (which has none)', async () => {
		fixture = await withPublication(1);
		const error = await errorOf(() => fixture.run('comment.open', { msgDataId: 'x', articleNumber: 1 }));
		expect(error.description).toContain('Publication → Publish outputs it (also when it waits for the result)');
		expect(error.description).not.toContain('Get Status');
		const unknown = await errorOf(() => fixture.run('comment.open', { msgDataId: 1, articleNumber: 1 }));
		expect(unknown.description).toContain('Publication → Publish outputs it');
		expect(unknown.description).not.toContain('Get Status');
	});

	test('with Continue: the bad item becomes an error item, the good ones are served', async () => {
		fixture = await withPublication(1);
		const ids = fixture.sim.comments.addComments(MSG, 0, 2);
		const input = [{ json: { user_comment_id: ids[0] } }, { json: { user_comment_id: 'x' } }, { json: { user_comment_id: ids[1] } }];
		const items = await fixture.run('comment.elect', { msgDataId: MSG, articleNumber: 1 }, { input, continueOnFail: true });
		expect(items.map((item) => item.json.elected ?? item.json.error)).toEqual([
			true,
			'Input item 2: "Comment ID" must be a positive whole number, not "x"',
			true,
		]);
		expect(pairedItems(items)).toEqual([0, 1, 2]);
		expect(fixture.sim.requests('/cgi-bin/comment/markelect').map((entry) => entry.body?.user_comment_id)).toEqual(ids);
	});
});
