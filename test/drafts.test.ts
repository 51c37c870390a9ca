import type { INodeProperties } from 'n8n-workflow';

import { description as draftDescription } from '../nodes/WeChatOfficialAccount/actions/draft';
import { Fixture, errorOf } from './harness/fixture';
import { SEEDED_THUMB_MEDIA_ID } from './simulator/media';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const ADD = '/cgi-bin/draft/add';
const UPDATE = '/cgi-bin/draft/update';
const BATCHGET = '/cgi-bin/draft/batchget';
const DELETE = '/cgi-bin/draft/delete';

/** A WeChat article object as the editor's fields hold it. */
function toFields(article: Record<string, unknown>) {
	return { title: article.title, content: article.content, thumbMediaId: article.thumb_media_id, author: article.author };
}

const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** A permanent image in the simulated account's material, as Media → Add Material leaves it. */
function permanentImage(): string {
	return fixture.sim.media.put('permanent', 'image', TINY_PNG, 'photo.png', 'image/png');
}

function news(title: string, extra: Record<string, unknown> = {}) {
	return { title, content: `<p>${title}</p>`, thumb_media_id: SEEDED_THUMB_MEDIA_ID, ...extra };
}

describe('Draft → Create', () => {
	test('two articles from fields: the exact body WeChat receives, one item with the media_id', async () => {
		fixture = await Fixture.start();
		const [item, ...rest] = await fixture.run('draft.create', {
			articlesInput: 'fields',
			articles: {
				article: [
					{
						title: '新品发布',
						content: '<p>Hello</p>',
						thumbMediaId: SEEDED_THUMB_MEDIA_ID,
						author: '编辑部',
						digest: 'Summary',
						contentSourceUrl: 'https://example.com/a',
						needOpenComment: true,
						onlyFansCanComment: true,
					},
					{ title: 'Second', content: '<p>2</p>', thumbMediaId: SEEDED_THUMB_MEDIA_ID },
				],
			},
		});
		expect(rest).toHaveLength(0);
		expect(fixture.sim.requests(ADD)).toHaveLength(1);
		expect(fixture.sim.requests(ADD)[0].body).toEqual({
			articles: [
				{
					article_type: 'news',
					title: '新品发布',
					content: '<p>Hello</p>',
					thumb_media_id: SEEDED_THUMB_MEDIA_ID,
					author: '编辑部',
					digest: 'Summary',
					content_source_url: 'https://example.com/a',
					need_open_comment: 1,
					only_fans_can_comment: 1,
				},
				{
					article_type: 'news',
					title: 'Second',
					content: '<p>2</p>',
					thumb_media_id: SEEDED_THUMB_MEDIA_ID,
					need_open_comment: 0,
					only_fans_can_comment: 0,
				},
			],
		});
		const mediaId = item.json.media_id as string;
		expect(item.json).toEqual({ media_id: mediaId, article_count: 2, titles: ['新品发布', 'Second'] });
		expect(fixture.sim.content.drafts.get(mediaId)!.articles.map((article) => article.title)).toEqual(['新品发布', 'Second']);
	});

	test('a picture message from fields: image_info.image_list from the comma/newline separated IDs', async () => {
		fixture = await Fixture.start();
		const [a, b] = [permanentImage(), permanentImage()];
		await fixture.run('draft.create', {
			articlesInput: 'fields',
			articles: { article: [{ articleType: 'newspic', title: 'Gallery', content: 'Look', imageMediaIds: `${a},\n ${b}` }] },
		});
		expect(fixture.sim.requests(ADD)[0].body).toEqual({
			articles: [
				{
					article_type: 'newspic',
					title: 'Gallery',
					content: 'Look',
					image_info: { image_list: [{ image_media_id: a }, { image_media_id: b }] },
					need_open_comment: 0,
					only_fans_can_comment: 0,
				},
			],
		});
	});

	test('JSON from an expression: an array, one object, or text; booleans become 1/0; extra WeChat fields pass through', async () => {
		fixture = await Fixture.start();
		const input = [
			{ json: { articles: [news('A', { need_open_comment: true, pic_crop_1_1: '0_0_1_1' }), news('B')] } },
			{ json: { articles: news('C') } },
			{ json: { articles: JSON.stringify([news('D')]) } },
		];
		const items = await fixture.run('draft.create', { articlesInput: 'json', articlesJson: '={{ $json.articles }}' }, { input });
		expect(items.map((item) => item.json.titles)).toEqual([['A', 'B'], ['C'], ['D']]);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1, 2]);
		const bodies = fixture.sim.requests(ADD).map((entry) => entry.body!.articles as Array<Record<string, unknown>>);
		expect(bodies[0][0]).toEqual(news('A', { need_open_comment: 1, pic_crop_1_1: '0_0_1_1' }));
		expect(bodies[1]).toEqual([news('C')]);
	});

	test.each([
		['no article', [], 'Input item 1: "Articles (JSON)" has no article'],
		['nine articles', Array.from({ length: 9 }, (_, i) => news(`T${i}`)), 'Input item 1: "Articles (JSON)" holds 9 articles; a draft holds at most 8'],
		['no title', [news('A'), news('  ')], 'Input item 1, article 2: "title" is empty'],
		['no content', [{ ...news('A'), content: '' }], 'Input item 1, article 1: "content" is empty'],
		['no thumbnail', [{ title: 'A', content: 'x' }], 'Input item 1, article 1: "thumb_media_id" is empty'],
		['a 33-character title', [news('标'.repeat(33))], 'Input item 1, article 1: "title" has 33 characters; WeChat accepts up to 32'],
		['a 17-character author', [news('A', { author: 'a'.repeat(17) })], 'Input item 1, article 1: "author" has 17 characters; WeChat accepts up to 16'],
		['a 129-character digest', [news('A', { digest: '摘'.repeat(129) })], 'Input item 1, article 1: "digest" has 129 characters; WeChat accepts up to 128'],
		['a picture message without images', [{ article_type: 'newspic', title: 'A', content: 'x' }], 'Input item 1, article 1: "image_info.image_list" is empty'],
		[
			'21 images',
			[{ article_type: 'newspic', title: 'A', content: 'x', image_info: { image_list: Array.from({ length: 21 }, () => ({ image_media_id: 'x' })) } }],
			'Input item 1, article 1: "image_info.image_list" has 21 images; a picture message holds at most 20',
		],
		['an unknown type', [news('A', { article_type: 'video' })], 'Input item 1, article 1: "article_type" is "video"'],
		['a string, not an object', [news('A'), 'hello'], 'Input item 1, article 2: is "hello", not an article object'],
		['a title that is not text', [news('A', { title: 42 })], 'Input item 1, article 1: "title" is not text'],
		[
			'an image without image_media_id',
			[{ article_type: 'newspic', title: 'A', content: 'x', image_info: { image_list: [{ image_media_id: 'x' }, {}] } }],
			'Input item 1, article 1: image 2 of "image_info.image_list" has no image_media_id',
		],
	])('%s is refused before anything is sent', async (_case, articles, message) => {
		fixture = await Fixture.start();
		const error = await errorOf(() =>
			fixture.run('draft.create', { articlesInput: 'json', articlesJson: '={{ $json.articles }}' }, { input: [{ json: { articles } }] }),
		);
		expect(error.message).toBe(message);
		expect(fixture.sim.callCount(ADD)).toBe(0);
	});

	test('from fields, a refusal names the field as the editor shows it', async () => {
		fixture = await Fixture.start();
		const refusal = async (article: Record<string, unknown>) =>
			(await errorOf(() => fixture.run('draft.create', { articlesInput: 'fields', articles: { article: [news('Fine'), article].map(toFields) } }))).message;
		expect(await refusal({ title: '', content: 'x', thumb_media_id: 'T' })).toBe('Input item 1, article 2: "Title" is empty');
		expect(await refusal({ title: 'A', content: 'x', thumb_media_id: ' ' })).toBe('Input item 1, article 2: "Thumbnail Media ID" is empty');
		expect(await refusal({ title: 'A', content: 'x', author: 'a'.repeat(17), thumb_media_id: 'T' })).toBe(
			'Input item 1, article 2: "Author" has 17 characters; WeChat accepts up to 16',
		);
		const noImages = await errorOf(() =>
			fixture.run('draft.create', { articlesInput: 'fields', articles: { article: [{ articleType: 'newspic', title: 'A', content: 'x', imageMediaIds: ' , ' }] } }),
		);
		expect(noImages.message).toBe('Input item 1, article 1: "Image Media IDs" is empty');
		expect(noImages.description).toContain('separated by commas or new lines');
		const none = await errorOf(() => fixture.run('draft.create', { articlesInput: 'fields', articles: {} }));
		expect(none.message).toBe('Input item 1: "Articles" has no article');
		expect(fixture.sim.callCount(ADD)).toBe(0);
	});

	test('from fields, a hidden field does not count: the cover of a picture message, images of a news article, followers-only without comments', async () => {
		fixture = await Fixture.start();
		const image = permanentImage();
		await fixture.run('draft.create', {
			articlesInput: 'fields',
			articles: {
				article: [
					{ articleType: 'news', title: 'N', content: 'c', thumbMediaId: SEEDED_THUMB_MEDIA_ID, imageMediaIds: image, onlyFansCanComment: true },
					{ articleType: 'newspic', title: 'P', content: 'c', thumbMediaId: SEEDED_THUMB_MEDIA_ID, imageMediaIds: image, needOpenComment: true, onlyFansCanComment: true },
				],
			},
		});
		expect(fixture.sim.requests(ADD)[0].body).toEqual({
			articles: [
				{ article_type: 'news', title: 'N', content: 'c', thumb_media_id: SEEDED_THUMB_MEDIA_ID, need_open_comment: 0, only_fans_can_comment: 0 },
				{ article_type: 'newspic', title: 'P', content: 'c', image_info: { image_list: [{ image_media_id: image }] }, need_open_comment: 1, only_fans_can_comment: 1 },
			],
		});
	});

	test('the editor shows each article field only where it applies; Define Articles takes no expression', () => {
		const articles = draftDescription.find((property) => property.name === 'articles')!;
		const fields = (articles.options as Array<{ values: INodeProperties[] }>)[0].values;
		const shown = (name: string) => fields.find((field) => field.name === name)!.displayOptions?.show;
		expect(shown('thumbMediaId')).toEqual({ articleType: ['news'] });
		expect(shown('imageMediaIds')).toEqual({ articleType: ['newspic'] });
		expect(shown('onlyFansCanComment')).toEqual({ needOpenComment: [true] });
		expect(shown('title')).toBeUndefined();
		const inputs = draftDescription.filter((property) => property.name === 'articlesInput');
		expect(inputs).toHaveLength(2);
		for (const input of inputs) expect(input.noDataExpression).toBe(true);
	});

	test('the limits are WeChat’s: 32-character titles (Chinese counted as one), 16 authors, 128 digests are accepted', async () => {
		fixture = await Fixture.start();
		const [item] = await fixture.run(
			'draft.create',
			{ articlesInput: 'json', articlesJson: '={{ $json.articles }}' },
			{ input: [{ json: { articles: [news('标'.repeat(32), { author: '作'.repeat(16), digest: '摘'.repeat(128) })] } }] },
		);
		expect(fixture.sim.content.drafts.has(item.json.media_id as string)).toBe(true);
	});

	test('invalid JSON text names the item and says what to pass', async () => {
		fixture = await Fixture.start();
		const error = await errorOf(() => fixture.run('draft.create', { articlesInput: 'json', articlesJson: '[{"title": ' }));
		expect(error.message).toBe('Input item 1: "Articles (JSON)" is not valid JSON');
		expect(error.description).toContain('array of article objects');
	});

	test('a temporary or unknown thumbnail: WeChat’s 40007 with what to do', async () => {
		fixture = await Fixture.start();
		const temporary = fixture.sim.media.put('temporary', 'thumb', TINY_PNG, 't.jpg', 'image/jpeg');
		const error = await errorOf(() =>
			fixture.run('draft.create', { articlesInput: 'json', articlesJson: JSON.stringify([news('A', { thumb_media_id: temporary })]) }),
		);
		expect(error.message).toContain('errcode 40007');
		expect(error.description).toContain('permanent material');
		expect(fixture.sim.content.drafts.size).toBe(0);
	});

	test('a connection lost after WeChat saved the draft is not repeated: "may have been created", one draft', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault(ADD, 'dropAfterServing');
		const error = await errorOf(() => fixture.run('draft.create', { articlesInput: 'json', articlesJson: JSON.stringify([news('A')]) }));
		expect(error.message).toContain('The draft may have been created');
		expect(fixture.sim.callCount(ADD)).toBe(1);
		expect(fixture.sim.content.drafts.size).toBe(1);
	});

	test('with Continue, a refused item is an error item in its place and the others are created', async () => {
		fixture = await Fixture.start();
		const input = [{ json: { a: [news('A')] } }, { json: { a: [] } }, { json: { a: [news('C')] } }];
		const items = await fixture.run('draft.create', { articlesInput: 'json', articlesJson: '={{ $json.a }}' }, { input, continueOnFail: true });
		expect(items.map((item) => item.json.titles ?? item.json.error)).toEqual([['A'], 'Input item 2: "Articles (JSON)" has no article', ['C']]);
		expect(fixture.sim.callCount(ADD)).toBe(2);
	});
});

describe('Draft → Get, Update, Delete, Count', () => {
	test('get reads the articles back; update replaces article 2 (WeChat index 1); delete removes the draft; count follows', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One'), news('Two')]);

		const [got] = await fixture.run('draft.get', { mediaId });
		expect(got.json).toMatchObject({ media_id: mediaId, article_count: 2 });
		expect((got.json.news_item as Array<{ title: string }>).map((article) => article.title)).toEqual(['One', 'Two']);

		const [updated] = await fixture.run('draft.update', {
			mediaId,
			articleNumber: 2,
			articlesInput: 'fields',
			article: { fields: { title: 'Two, revised', content: '<p>new</p>', thumbMediaId: SEEDED_THUMB_MEDIA_ID } },
		});
		expect(updated.json).toEqual({ success: true, media_id: mediaId, article_number: 2 });
		expect(fixture.sim.requests(UPDATE)[0].body).toEqual({
			media_id: mediaId,
			index: 1,
			articles: {
				article_type: 'news',
				title: 'Two, revised',
				content: '<p>new</p>',
				thumb_media_id: SEEDED_THUMB_MEDIA_ID,
				need_open_comment: 0,
				only_fans_can_comment: 0,
			},
		});
		expect(fixture.sim.content.drafts.get(mediaId)!.articles.map((article) => article.title)).toEqual(['One', 'Two, revised']);

		expect((await fixture.run('draft.count'))[0].json).toEqual({ total_count: 1 });
		const [deleted] = await fixture.run('draft.delete', { mediaId });
		expect(deleted.json).toEqual({ success: true, media_id: mediaId, already_deleted: false });
		expect((await fixture.run('draft.count'))[0].json).toEqual({ total_count: 0 });
	});

	test('update from JSON takes one object; an array of two is refused', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One')]);
		await fixture.run('draft.update', { mediaId, articleNumber: 1, articlesInput: 'json', articlesJson: JSON.stringify(news('New')) });
		expect(fixture.sim.content.drafts.get(mediaId)!.articles[0].title).toBe('New');
		const error = await errorOf(() =>
			fixture.run('draft.update', { mediaId, articleNumber: 1, articlesInput: 'json', articlesJson: JSON.stringify([news('X'), news('Y')]) }),
		);
		expect(error.message).toBe('Input item 1: "Article (JSON)" holds 2 articles; Update takes one');
		expect(fixture.sim.callCount(UPDATE)).toBe(1);
	});

	test('update of an article the draft does not have: WeChat’s 40114, explained; article 0 refused before sending', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One')]);
		let error = await errorOf(() =>
			fixture.run('draft.update', { mediaId, articleNumber: 3, articlesInput: 'json', articlesJson: JSON.stringify(news('X')) }),
		);
		expect(error.message).toContain('errcode 40114');
		expect(error.description).toContain('from 1');
		expect(fixture.sim.requests(UPDATE)[0].body!.index).toBe(2);
		error = await errorOf(() => fixture.run('draft.update', { mediaId, articleNumber: '={{ 0 }}', articlesInput: 'json', articlesJson: JSON.stringify(news('X')) }));
		expect(error.message).toBe('Input item 1: "Article Number" must be a whole number from 1 to 8, not 0');
		expect(error.description).toContain('numbered from 1');
		expect(fixture.sim.callCount(UPDATE)).toBe(1);
	});

	test('an empty draft media ID is refused before sending; an unknown one is WeChat’s 40007', async () => {
		fixture = await Fixture.start();
		let error = await errorOf(() => fixture.run('draft.get', { mediaId: ' ' }));
		expect(error.message).toBe('Input item 1: "Draft Media ID" is empty');
		expect(error.description).toContain('{{ $json.media_id }}');
		expect(fixture.sim.callCount('/cgi-bin/draft/get')).toBe(0);
		error = await errorOf(() => fixture.run('draft.delete', { mediaId: 'nope' }));
		expect(error.message).toContain('errcode 40007');
	});
});

describe('Draft → Update and Delete after a lost answer', () => {
	test('update: the answer is lost after WeChat replaced the article; the repeat writes the same article again and succeeds', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One'), news('Two')]);
		fixture.sim.injectFault(UPDATE, 'dropAfterServing');
		const [item] = await fixture.run('draft.update', { mediaId, articleNumber: 2, articlesInput: 'json', articlesJson: JSON.stringify(news('Two, revised')) });
		expect(item.json).toEqual({ success: true, media_id: mediaId, article_number: 2 });
		expect(fixture.sim.callCount(UPDATE)).toBe(2);
		expect(fixture.sim.requests(UPDATE)[1].body).toEqual(fixture.sim.requests(UPDATE)[0].body);
		expect(fixture.sim.content.drafts.get(mediaId)!.articles.map((article) => article.title)).toEqual(['One', 'Two, revised']);
	});

	test('update: a refusal in the article names the article being replaced', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One'), news('Two'), news('Three')]);
		const error = await errorOf(() =>
			fixture.run('draft.update', { mediaId, articleNumber: 3, articlesInput: 'json', articlesJson: JSON.stringify({ ...news('X'), content: ' ' }) }),
		);
		expect(error.message).toBe('Input item 1, article 3: "content" is empty');
		const noFields = await errorOf(() => fixture.run('draft.update', { mediaId, articleNumber: 1, articlesInput: 'fields', article: {} }));
		expect(noFields.message).toBe('Input item 1: "Article" is empty');
		expect(fixture.sim.callCount(UPDATE)).toBe(0);
	});

	test('delete: the answer is lost after WeChat deleted the draft; the repeat meets 40007 and the item succeeds with already_deleted', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One')]);
		const other = fixture.sim.content.putDraft([news('Other')]);
		fixture.sim.injectFault(DELETE, 'dropAfterServing');
		const [item, ...rest] = await fixture.run('draft.delete', { mediaId });
		expect(rest).toHaveLength(0);
		expect(item.json).toEqual({ success: true, media_id: mediaId, already_deleted: true });
		expect(fixture.sim.requests(DELETE).map((entry) => entry.body)).toEqual([{ media_id: mediaId }, { media_id: mediaId }]);
		expect([...fixture.sim.content.drafts.keys()]).toEqual([other]);
	});

	test('delete: a connection dropped before WeChat served it is repeated and deletes the draft (already_deleted false)', async () => {
		fixture = await Fixture.start();
		const mediaId = fixture.sim.content.putDraft([news('One')]);
		fixture.sim.injectFault(DELETE, 'drop');
		const [item] = await fixture.run('draft.delete', { mediaId });
		expect(item.json).toEqual({ success: true, media_id: mediaId, already_deleted: false });
		expect(fixture.sim.callCount(DELETE)).toBe(2);
		expect(fixture.sim.content.drafts.size).toBe(0);
	});

	test('delete: 40007 on the first attempt still fails (a wrong media_id is not "already deleted")', async () => {
		fixture = await Fixture.start();
		const error = await errorOf(() => fixture.run('draft.delete', { mediaId: 'DRF_unknown' }));
		expect(error.message).toContain('errcode 40007');
		expect(fixture.sim.callCount(DELETE)).toBe(1);
	});
});

describe('Draft → Get Many', () => {
	test('Return All over 3 pages of 20: every draft once, in order, without HTML by default', async () => {
		fixture = await Fixture.start();
		const ids = Array.from({ length: 45 }, (_, i) => fixture.sim.content.putDraft([news(`T${i}`)]));
		const items = await fixture.run('draft.getAll', { returnAll: true });
		expect(items.map((item) => item.json.media_id)).toEqual(ids);
		expect(fixture.sim.requests(BATCHGET).map((entry) => entry.body)).toEqual([
			{ offset: 0, count: 20, no_content: 1 },
			{ offset: 20, count: 20, no_content: 1 },
			{ offset: 40, count: 20, no_content: 1 },
		]);
		const first = items[0].json;
		expect(first).toMatchObject({ media_id: ids[0], article_count: 1, update_time: expect.any(Number) });
		expect(first.update_time_iso).toBe(new Date((first.update_time as number) * 1000).toISOString());
		const article = (first.news_item as Array<Record<string, unknown>>)[0];
		expect(article.title).toBe('T0');
		expect(article).not.toHaveProperty('content');
	});

	test('a limit of 25 asks for 20 then 5: no more than it needs; Include Article HTML sends no_content 0', async () => {
		fixture = await Fixture.start();
		for (let i = 0; i < 45; i++) fixture.sim.content.putDraft([news(`T${i}`)]);
		const items = await fixture.run('draft.getAll', { returnAll: false, limit: 25, includeContent: true });
		expect(items).toHaveLength(25);
		expect(fixture.sim.requests(BATCHGET).map((entry) => entry.body)).toEqual([
			{ offset: 0, count: 20, no_content: 0 },
			{ offset: 20, count: 5, no_content: 0 },
		]);
		expect((items[0].json.news_item as Array<Record<string, unknown>>)[0].content).toBe('<p>T0</p>');
	});

	test('a limit within the first page is one request; an empty draft box is one request and no item', async () => {
		fixture = await Fixture.start();
		expect(await fixture.run('draft.getAll', { returnAll: true })).toEqual([]);
		for (let i = 0; i < 5; i++) fixture.sim.content.putDraft([news(`T${i}`)]);
		const items = await fixture.run('draft.getAll', { returnAll: false, limit: 3 });
		expect(items.map((item) => (item.json.news_item as Array<{ title: string }>)[0].title)).toEqual(['T0', 'T1', 'T2']);
		expect(fixture.sim.requests(BATCHGET).map((entry) => entry.body!.count)).toEqual([20, 3]);
	});
});

describe('Draft → Get Many: pages WeChat does not fill or count as asked', () => {
	test('pages shorter than asked: the next page starts after what arrived; every draft once, in order', async () => {
		fixture = await Fixture.start();
		const ids = Array.from({ length: 45 }, (_, i) => fixture.sim.content.putDraft([news(`T${i}`)]));
		fixture.sim.content.listQuirks.maxEntries = 15;
		const items = await fixture.run('draft.getAll', { returnAll: true });
		expect(items.map((item) => item.json.media_id)).toEqual(ids);
		expect(fixture.sim.requests(BATCHGET).map((entry) => [entry.body!.offset, entry.body!.count])).toEqual([
			[0, 20],
			[15, 20],
			[30, 20],
		]);
		fixture.sim.clearLog();
		const limited = await fixture.run('draft.getAll', { returnAll: false, limit: 25 });
		expect(limited.map((item) => item.json.media_id)).toEqual(ids.slice(0, 25));
		expect(fixture.sim.requests(BATCHGET).map((entry) => [entry.body!.offset, entry.body!.count])).toEqual([
			[0, 20],
			[15, 10],
		]);
	});

	test('a draft added between pages (total_count grows): every draft once, the new one too', async () => {
		fixture = await Fixture.start();
		const ids = Array.from({ length: 45 }, (_, i) => fixture.sim.content.putDraft([news(`T${i}`)]));
		let added = '';
		fixture.sim.when(BATCHGET, 2, () => (added = fixture.sim.content.putDraft([news('New')])));
		const items = await fixture.run('draft.getAll', { returnAll: true });
		expect(items.map((item) => item.json.media_id)).toEqual([...ids, added]);
		expect(fixture.sim.requests(BATCHGET).map((entry) => entry.body!.offset)).toEqual([0, 20, 40]);
	});

	test('a total_count larger than the list: the pull ends on the first empty page', async () => {
		fixture = await Fixture.start();
		const ids = Array.from({ length: 45 }, (_, i) => fixture.sim.content.putDraft([news(`T${i}`)]));
		fixture.sim.content.listQuirks.totalDelta = 30;
		const items = await fixture.run('draft.getAll', { returnAll: true });
		expect(items.map((item) => item.json.media_id)).toEqual(ids);
		expect(fixture.sim.requests(BATCHGET).map((entry) => entry.body!.offset)).toEqual([0, 20, 40, 45]);
	});

	test('a list that grows faster than it is read fails loudly after total / page + 2 pages, saying what it received', async () => {
		fixture = await Fixture.start();
		// 40 new drafts before each page: total_count always ahead of the pull.
		for (let call = 1; call <= 50; call++) {
			fixture.sim.when(BATCHGET, call, () => {
				for (let i = 0; i < 40; i++) fixture.sim.content.putDraft([news(`C${call}-${i}`)]);
			});
		}
		const items = await fixture.run('draft.getAll', { returnAll: true }, { continueOnFail: true });
		// The first page said 40 in pages of 20: at most 40 / 20 + 2 = 4 pages, then the error.
		expect(fixture.sim.callCount(BATCHGET)).toBe(4);
		const drafts = items.filter((item) => item.json.media_id !== undefined).map((item) => item.json.media_id);
		expect(drafts).toEqual([...fixture.sim.content.drafts.keys()].slice(0, 80));
		const error = items.at(-1)!.json;
		expect(error.error).toBe("WeChat's list of drafts did not end after 4 pages (received 80, WeChat now counts 160); stopped instead of reading on");
		expect(error.description).toContain('or use a Limit');
	});

	test('a draft the list shifts into the next page (one added at its head meanwhile) is output once', async () => {
		fixture = await Fixture.start();
		const entry = (id: string) => ({ media_id: id, update_time: 1_700_000_000, content: { news_item: [{ title: id }] } });
		const first = Array.from({ length: 20 }, (_, i) => entry(`D${i}`));
		// A draft added at the head before the second page: D19 moves to offset 20.
		const second = ['D19', 'D20', 'D21', 'D22', 'D23', 'D24'].map(entry);
		fixture.sim.injectFault(BATCHGET, { json: { total_count: 25, item_count: 20, item: first } });
		fixture.sim.injectFault(BATCHGET, { json: { total_count: 26, item_count: 6, item: second } });
		const items = await fixture.run('draft.getAll', { returnAll: true });
		expect(items.map((item) => item.json.media_id)).toEqual(Array.from({ length: 25 }, (_, i) => `D${i}`));
		expect(fixture.sim.callCount(BATCHGET)).toBe(2);
	});
});
