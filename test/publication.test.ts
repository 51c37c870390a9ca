import { pollSchedule } from '../nodes/WeChatOfficialAccount/actions/publication/publish.operation';
import { Fixture, errorOf } from './harness/fixture';
import { SEEDED_THUMB_MEDIA_ID } from './simulator/media';

let fixture: Fixture;
afterEach(async () => {
	jest.restoreAllMocks();
	await fixture?.stop();
});

const SUBMIT = '/cgi-bin/freepublish/submit';
const GET = '/cgi-bin/freepublish/get';
const BATCHGET = '/cgi-bin/freepublish/batchget';
const DELETE = '/cgi-bin/freepublish/delete';

/** Polls start after 10 ms and grow by 1.5: 9 polls fit into 1 s (0.748 s of waits; the 10th would end at 1.13 s). */
const FAST = { waitForResult: true, maxWait: 1, options: { pollInterval: 0.01 } };
const POLLS_IN_ONE_SECOND = 9;

function news(title: string) {
	return { title, content: `<p>${title}</p>`, thumb_media_id: SEEDED_THUMB_MEDIA_ID };
}

describe('Publication → Publish, waiting for the result', () => {
	test('success after 2 "publishing" answers: 3 polls, the article URLs, the draft leaves the draft box, comments open', async () => {
		fixture = await Fixture.start();
		const register = jest.spyOn(fixture.sim.comments, 'registerArticles');
		const mediaId = fixture.sim.content.putDraft([news('One'), news('Two')]);
		fixture.sim.content.pollsBeforeOutcome = 2;

		const [item, ...rest] = await fixture.run('publication.publish', { mediaId, ...FAST });
		expect(rest).toHaveLength(0);
		expect(fixture.sim.callCount(SUBMIT)).toBe(1);
		expect(fixture.sim.requests(SUBMIT)[0].body).toEqual({ media_id: mediaId });
		expect(fixture.sim.callCount(GET)).toBe(3);
		const job = [...fixture.sim.content.jobs.values()][0];
		expect(fixture.sim.requests(GET).map((entry) => entry.body)).toEqual([1, 2, 3].map(() => ({ publish_id: job.publishId })));

		const urls = fixture.sim.content.publications.get(job.articleId!)!.articles.map((article) => article.url);
		expect(urls[0]).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/s\/.+/);
		expect(item.json).toEqual({
			publish_id: job.publishId,
			publish_status: 0,
			status: 'published',
			media_id: mediaId,
			msg_data_id: job.msgDataId,
			article_id: job.articleId,
			article_detail: { count: 2, item: [{ idx: 1, article_url: urls[0] }, { idx: 2, article_url: urls[1] }] },
			article_url: urls[0],
			fail_idx: [],
		});
		expect(typeof item.json.msg_data_id).toBe('number');
		expect(fixture.sim.content.drafts.has(mediaId)).toBe(false);
		expect(register).toHaveBeenCalledWith(job.msgDataId, 2);
	});

	test('a general failure (3) fails the item with the failed articles and the publish_id; the draft stays', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One'), news('Two')]);
		fixture.sim.content.pollsBeforeOutcome = 1;
		fixture.sim.content.publishOutcome = { status: 3, failIdx: [2] };
		const error = await errorOf(() => fixture.run('publication.publish', { mediaId, ...FAST }));
		const publishId = [...fixture.sim.content.jobs.keys()][0];
		expect(error.message).toBe('WeChat did not publish the draft: publishing failed (publish_status 3; failed article: 2 (numbered from 1))');
		expect(error.description).toContain(`publish_id: ${publishId}`);
		const job = fixture.sim.content.jobs.get(publishId)!;
		expect(error.context).toMatchObject({ publish_id: publishId, publish_status: 3, fail_idx: [2], msg_data_id: job.msgDataId });
		expect(fixture.sim.callCount(GET)).toBe(2);
		expect(fixture.sim.content.drafts.has(mediaId)).toBe(true);
	});

	test('a platform audit failure (4) says so; with Continue it is an error item paired with its input', async () => {
		fixture = await Fixture.start();
		const ok = fixture.sim.content.putDraft([news('Fine')]);
		const refused = fixture.sim.content.putDraft([news('Refused')]);
		const input = [{ json: { id: refused } }, { json: { id: ok } }];
		fixture.sim.content.publishOutcome = { status: 4, failIdx: [1] };
		// The second job is created after the first one finished: it publishes.
		fixture.sim.when(SUBMIT, 2, () => (fixture.sim.content.publishOutcome = { status: 0 }));
		const items = await fixture.run('publication.publish', { mediaId: '={{ $json.id }}', ...FAST }, { input, continueOnFail: true });
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toBe("WeChat did not publish the draft: WeChat's platform audit refused it (publish_status 4; failed article: 1 (numbered from 1))");
		expect(items[0].json.description).toContain('platform rules');
		const refusedJob = [...fixture.sim.content.jobs.values()].find((job) => job.mediaId === refused)!;
		expect(items[0].json).toMatchObject({ publish_id: refusedJob.publishId, msg_data_id: refusedJob.msgDataId, publish_status: 4, fail_idx: [1] });
		expect(items[1].json).toMatchObject({ publish_status: 0, status: 'published', media_id: ok });
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1]);
	});

	test('a job that never finishes: exactly 9 polls within Max Wait 1 s, then an error naming the publish_id and Get Status', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One')]);
		fixture.sim.content.publishOutcome = 'never';
		const started = Date.now();
		const error = await errorOf(() => fixture.run('publication.publish', { mediaId, ...FAST }));
		const publishId = [...fixture.sim.content.jobs.keys()][0];
		expect(fixture.sim.callCount(GET)).toBe(POLLS_IN_ONE_SECOND);
		expect(Date.now() - started).toBeLessThan(3_000);
		expect(error.message).toBe(`The draft is still publishing after 1 s: publish_id ${publishId}`);
		expect(error.description).toContain(`Publication → Get Status with publish_id ${publishId}`);
		expect(error.description).toContain('Do not publish it again');
		expect(error.context).toMatchObject({ publish_id: publishId, msg_data_id: fixture.sim.content.jobs.get(publishId)!.msgDataId });
		expect(fixture.sim.callCount(SUBMIT)).toBe(1);
	});

	test('a stopped execution stops waiting within about a second, even in the middle of a long wait', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One')]);
		fixture.sim.content.publishOutcome = 'never';
		const abort = new AbortController();
		const started = Date.now();
		setTimeout(() => abort.abort(), 300);
		const error = await errorOf(() =>
			fixture.run('publication.publish', { mediaId, waitForResult: true, maxWait: 120, options: { pollInterval: 60 } }, { abortSignal: abort.signal }),
		);
		expect(Date.now() - started).toBeLessThan(2_500);
		expect(error.message).toMatch(/^Stopped waiting: publish_id /);
		expect(fixture.sim.callCount(GET)).toBe(0);
		expect(fixture.sim.callCount(SUBMIT)).toBe(1);
	});

	test('the poll schedule grows by 1.5, is capped at 30 s, and stays within Max Wait', () => {
		expect(pollSchedule(2, 10)).toEqual([2, 3, 4.5]);
		const long = pollSchedule(3, 300);
		expect(long.slice(0, 4)).toEqual([3, 4.5, 6.75, 10.125]);
		expect(Math.max(...long)).toBe(30);
		expect(long.reduce((sum, wait) => sum + wait, 0)).toBeLessThanOrEqual(300);
		expect(pollSchedule(5, 4)).toEqual([4]);
	});

	test('reading the status fails after the submit: the error keeps the publish_id and says not to publish again', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One')]);
		fixture.sim.injectFault(GET, { errcode: 45009, errmsg: 'reach max api daily quota limit' });
		const error = await errorOf(() => fixture.run('publication.publish', { mediaId, ...FAST }));
		const publishId = [...fixture.sim.content.jobs.keys()][0];
		expect(error.message).toContain(`The draft was submitted (publish_id ${publishId}), but reading its status failed`);
		expect(error.context).toMatchObject({ publish_id: publishId, msg_data_id: fixture.sim.content.jobs.get(publishId)!.msgDataId });
		expect(error.description).toContain('Do not publish it again');
		expect(fixture.sim.callCount(SUBMIT)).toBe(1);
	});
});

describe('Publication → Publish: refusals and repeat safety', () => {
	test('an unverified account (48001): the transport’s message and what publishing needs, nothing polled, not repeated', async () => {
		fixture = await Fixture.start();
		fixture.sim.content.canPublish = false;
		const mediaId = fixture.sim.content.putDraft([news('One')]);
		const error = await errorOf(() => fixture.run('publication.publish', { mediaId, ...FAST }));
		expect(error.message).toBe('This account type is not authorised for this WeChat API (WeChat errcode 48001)');
		expect(error.description).toContain('Publishing through the API needs a verified account');
		expect(error.description).toContain('Interface Permissions');
		expect(fixture.sim.callCount(SUBMIT)).toBe(1);
		expect(fixture.sim.callCount(GET)).toBe(0);
		expect(fixture.sim.content.drafts.has(mediaId)).toBe(true);
	});

	test.each([
		['publication.getStatus', { publishId: '2247500001' }],
		['publication.getArticle', { articleId: 'ART_1' }],
		['publication.delete', { articleId: 'ART_1' }],
		['publication.getAll', { returnAll: true }],
	] as const)('%s on an unverified account (48001): the same message and advice', async (operation, params) => {
		fixture = await Fixture.start();
		fixture.sim.content.canPublish = false;
		const error = await errorOf(() => fixture.run(operation, params));
		expect(error.message).toBe('This account type is not authorised for this WeChat API (WeChat errcode 48001)');
		expect(error.description).toContain('needs a verified account');
	});

	test.each([
		['Max Wait "Infinity" from an expression', { maxWait: '={{ Infinity }}' }, '"Max Wait (Seconds)" must be from 1 to 3,600 seconds, not Infinity'],
		['Max Wait 1e7', { maxWait: 1e7 }, '"Max Wait (Seconds)" must be from 1 to 3,600 seconds, not 10000000'],
		['Max Wait 0', { maxWait: 0 }, '"Max Wait (Seconds)" must be from 1 to 3,600 seconds, not 0'],
		['Max Wait as text', { maxWait: '={{ "soon" }}' }, '"Max Wait (Seconds)" must be from 1 to 3,600 seconds, not "soon"'],
		['First Poll After 0', { options: { pollInterval: 0 } }, '"First Poll After (Seconds)" must be from 0.01 to 3,600 seconds, not 0'],
		['First Poll After 5000', { options: { pollInterval: 5000 } }, '"First Poll After (Seconds)" must be from 0.01 to 3,600 seconds, not 5000'],
	])('%s is refused before the submit: no unbounded wait', async (_case, params, message) => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One')]);
		const error = await errorOf(() => fixture.run('publication.publish', { mediaId, ...FAST, ...params }));
		expect(error.message).toBe(`Input item 1: ${message}`);
		expect(error.description).toContain('Get Status');
		expect(fixture.sim.callCount(SUBMIT)).toBe(0);
	});

	test('the longest wait allowed is accepted: Max Wait 3600 from text, First Poll After 3600', () => {
		expect(pollSchedule(3600, 3600)).toEqual([3600]);
		expect(pollSchedule(0.01, 3600).length).toBeLessThan(200);
	});

	test('a draft that fails WeChat’s publishing check (53503): explained, no job', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One')]);
		fixture.sim.content.failingCheck.add(mediaId);
		const error = await errorOf(() => fixture.run('publication.publish', { mediaId, ...FAST }));
		expect(error.message).toContain("The draft did not pass WeChat's publishing check");
		expect(error.message).toContain('errcode 53503');
		expect(error.description).toContain('Drafts');
		expect(fixture.sim.content.jobs.size).toBe(0);
	});

	test('a lost answer to the submit is not repeated: "may have been submitted", one job', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One')]);
		fixture.sim.injectFault(SUBMIT, 'dropAfterServing');
		const error = await errorOf(() => fixture.run('publication.publish', { mediaId, ...FAST }));
		expect(error.message).toContain('The draft may have been submitted for publishing');
		expect(fixture.sim.callCount(SUBMIT)).toBe(1);
		expect(fixture.sim.content.jobs.size).toBe(1);
	});

	test('an empty draft media ID is refused before anything is sent', async () => {
		fixture = await Fixture.start();
		const error = await errorOf(() => fixture.run('publication.publish', { mediaId: '' }));
		expect(error.message).toBe('Input item 1: "Draft Media ID" is empty');
		expect(fixture.sim.callCount(SUBMIT)).toBe(0);
	});
});

describe('Publication → Publish without waiting, then Get Status', () => {
	test('outputs the publish_id at once; Get Status reads "publishing", then the result; a failed job is data', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One')]);
		fixture.sim.content.pollsBeforeOutcome = 1;
		const [submitted] = await fixture.run('publication.publish', { mediaId, waitForResult: false });
		const job = [...fixture.sim.content.jobs.values()][0];
		expect(submitted.json).toEqual({ publish_id: job.publishId, publish_status: 1, status: 'publishing', media_id: mediaId, msg_data_id: job.msgDataId });
		expect(fixture.sim.callCount(GET)).toBe(0);

		let [status] = await fixture.run('publication.getStatus', { publishId: job.publishId });
		expect(status.json).toEqual({ publish_id: job.publishId, publish_status: 1, status: 'publishing', fail_idx: [] });
		[status] = await fixture.run('publication.getStatus', { publishId: job.publishId });
		expect(status.json).toMatchObject({ publish_status: 0, status: 'published', article_id: job.articleId, article_url: expect.stringMatching(/^https:\/\/mp\.weixin\.qq\.com\/s\//) });

		const failing = fixture.sim.content.putDraft([news('Bad'), news('Bad too')]);
		fixture.sim.content.publishOutcome = { status: 2, failIdx: [1, 2] };
		fixture.sim.content.pollsBeforeOutcome = 0;
		const [second] = await fixture.run('publication.publish', { mediaId: failing, waitForResult: false });
		[status] = await fixture.run('publication.getStatus', { publishId: second.json.publish_id });
		expect(status.json).toEqual({ publish_id: second.json.publish_id, publish_status: 2, status: 'original content check failed', fail_idx: [1, 2] });
	});
});

describe('Publication → Get Many, Get Article, Delete', () => {
	test('Return All over 2 pages; a limit of 21 asks for 20 then 1', async () => {
		fixture = await Fixture.start();
		const jobs = Array.from({ length: 25 }, (_, i) => fixture.sim.content.putPublication([news(`P${i}`)]));
		const items = await fixture.run('publication.getAll', { returnAll: true });
		expect(items.map((item) => item.json.article_id)).toEqual(jobs.map((job) => job.articleId));
		expect(fixture.sim.requests(BATCHGET).map((entry) => entry.body)).toEqual([
			{ offset: 0, count: 20, no_content: 1 },
			{ offset: 20, count: 20, no_content: 1 },
		]);
		const article = (items[0].json.news_item as Array<Record<string, unknown>>)[0];
		expect(article).toMatchObject({ title: 'P0', url: expect.stringMatching(/^https:\/\/mp\.weixin\.qq\.com\/s\//), is_deleted: false });
		expect(items[0].json.update_time_iso).toBe(new Date((items[0].json.update_time as number) * 1000).toISOString());

		fixture.sim.clearLog();
		expect(await fixture.run('publication.getAll', { returnAll: false, limit: 21 })).toHaveLength(21);
		expect(fixture.sim.requests(BATCHGET).map((entry) => entry.body!.count)).toEqual([20, 1]);
	});

	test('get article; delete article 2 (WeChat index 2); delete all (index 0) removes it and its comments; status then says deleted', async () => {
		fixture = await Fixture.start();
		const remove = jest.spyOn(fixture.sim.comments, 'removeArticles');
		const job = fixture.sim.content.putPublication([news('One'), news('Two'), news('Three')]);
		const articleId = job.articleId!;

		const [article] = await fixture.run('publication.getArticle', { articleId });
		expect(article.json).toMatchObject({ article_id: articleId, article_count: 3 });

		const [one] = await fixture.run('publication.delete', { articleId, deleteScope: 'one', articleNumber: 2 });
		expect(one.json).toEqual({ success: true, article_id: articleId, scope: 'one', article_number: 2, already_deleted: false });
		const [after] = await fixture.run('publication.getArticle', { articleId });
		expect((after.json.news_item as Array<{ is_deleted: boolean }>).map((entry) => entry.is_deleted)).toEqual([false, true, false]);
		expect(remove).not.toHaveBeenCalled();

		const [all] = await fixture.run('publication.delete', { articleId, deleteScope: 'all' });
		expect(all.json).toEqual({ success: true, article_id: articleId, scope: 'all', already_deleted: false });
		expect(fixture.sim.requests(DELETE).map((entry) => entry.body)).toEqual([
			{ article_id: articleId, index: 2 },
			{ article_id: articleId, index: 0 },
		]);
		expect(remove).toHaveBeenCalledWith(job.msgDataId);
		const [status] = await fixture.run('publication.getStatus', { publishId: job.publishId });
		expect(status.json).toMatchObject({ publish_status: 5, status: 'deleted after publishing' });
	});

	test('by default Delete removes one article, the first, never the whole publication', async () => {
		fixture = await Fixture.start();
		const job = fixture.sim.content.putPublication([news('One'), news('Two')]);
		const [item] = await fixture.run('publication.delete', { articleId: job.articleId });
		expect(item.json).toEqual({ success: true, article_id: job.articleId, scope: 'one', article_number: 1, already_deleted: false });
		expect(fixture.sim.requests(DELETE).map((entry) => entry.body)).toEqual([{ article_id: job.articleId, index: 1 }]);
		const articles = fixture.sim.content.publications.get(job.articleId!)!.articles;
		expect(articles.map((entry) => entry.is_deleted)).toEqual([true, false]);
	});

	test('an article number out of range is refused before sending', async () => {
		fixture = await Fixture.start();
		const job = fixture.sim.content.putPublication([news('One')]);
		const error = await errorOf(() => fixture.run('publication.delete', { articleId: job.articleId, deleteScope: 'one', articleNumber: '={{ 9 }}' }));
		expect(error.message).toBe('Input item 1: "Article Number" must be a whole number from 1 to 8, not 9');
		expect(fixture.sim.callCount(DELETE)).toBe(0);
	});

	test('the answer to Delete All is lost after WeChat deleted it: the repeat meets 53600 and the item succeeds with already_deleted', async () => {
		fixture = await Fixture.start();
		const job = fixture.sim.content.putPublication([news('One'), news('Two')]);
		fixture.sim.injectFault(DELETE, 'dropAfterServing');
		const [item, ...rest] = await fixture.run('publication.delete', { articleId: job.articleId, deleteScope: 'all' });
		expect(rest).toHaveLength(0);
		expect(item.json).toEqual({ success: true, article_id: job.articleId, scope: 'all', already_deleted: true });
		expect(fixture.sim.requests(DELETE).map((entry) => entry.body)).toEqual([1, 2].map(() => ({ article_id: job.articleId, index: 0 })));
		expect(fixture.sim.content.publications.size).toBe(0);
	});

	test('the answer to deleting the last article is lost: already_deleted; deleting one of several again succeeds as it is', async () => {
		fixture = await Fixture.start();
		const single = fixture.sim.content.putPublication([news('Only')]);
		fixture.sim.injectFault(DELETE, 'dropAfterServing');
		const [gone] = await fixture.run('publication.delete', { articleId: single.articleId, deleteScope: 'one', articleNumber: 1 });
		expect(gone.json).toMatchObject({ scope: 'one', article_number: 1, already_deleted: true });

		const several = fixture.sim.content.putPublication([news('One'), news('Two')]);
		fixture.sim.injectFault(DELETE, 'dropAfterServing');
		const [one] = await fixture.run('publication.delete', { articleId: several.articleId, deleteScope: 'one', articleNumber: 2 });
		expect(one.json).toMatchObject({ article_number: 2, already_deleted: false });
		expect(fixture.sim.callCount(DELETE)).toBe(4);
		expect(fixture.sim.content.publications.get(several.articleId!)!.articles.map((entry) => entry.is_deleted)).toEqual([false, true]);
	});

	test('53600 on the first attempt still fails: an unknown article ID is not "already deleted"', async () => {
		fixture = await Fixture.start();
		const error = await errorOf(() => fixture.run('publication.delete', { articleId: 'ART_unknown', deleteScope: 'all' }));
		expect(error.message).toContain('errcode 53600');
		expect(fixture.sim.callCount(DELETE)).toBe(1);
	});

	test('Get Many: pages shorter than asked and a total_count larger than the list: every publication once, and no endless asking', async () => {
		fixture = await Fixture.start();
		const jobs = Array.from({ length: 25 }, (_, i) => fixture.sim.content.putPublication([news(`P${i}`)]));
		fixture.sim.content.listQuirks.maxEntries = 12;
		fixture.sim.content.listQuirks.totalDelta = 5;
		const items = await fixture.run('publication.getAll', { returnAll: true });
		expect(items.map((item) => item.json.article_id)).toEqual(jobs.map((job) => job.articleId));
		// WeChat counts 30 but has 25: the pull ends on the empty page after the 25th.
		expect(fixture.sim.requests(BATCHGET).map((entry) => entry.body!.offset)).toEqual([0, 12, 24, 25]);
	});

	test('an unknown article ID is WeChat’s 53600, explained; an empty one is refused before sending', async () => {
		fixture = await Fixture.start();
		let error = await errorOf(() => fixture.run('publication.getArticle', { articleId: 'nope' }));
		expect(error.message).toContain('WeChat does not know this article ID');
		expect(error.message).toContain('errcode 53600');
		error = await errorOf(() => fixture.run('publication.delete', { articleId: '  ' }));
		expect(error.message).toBe('Input item 1: "Article ID" is empty');
		expect(error.description).toContain('{{ $json.article_id }}');
		expect(fixture.sim.callCount(DELETE)).toBe(0);
	});
});
