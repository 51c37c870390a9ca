import { Fixture, errorOf, openidItems, openidsOf } from './harness/fixture';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const TAGGING = '/cgi-bin/tags/members/batchtagging';

describe('Tag → Create, Get Many, Update, Delete', () => {
	test('create returns the new ID; Get Many lists it with the system tag; rename; delete', async () => {
		fixture = await Fixture.start();
		const [created] = await fixture.run('tag.create', { name: 'VIP 客户' });
		expect(created.json).toEqual({ id: expect.any(Number), name: 'VIP 客户' });
		const id = created.json.id as number;

		let tags = await fixture.run('tag.getAll', { returnAll: true });
		expect(tags.map((tag) => tag.json)).toEqual([
			{ id: 2, name: '星标组', count: 0 },
			{ id, name: 'VIP 客户', count: 0 },
		]);

		const [renamed] = await fixture.run('tag.update', { tagId: id, name: 'Gold' });
		expect(renamed.json).toEqual({ success: true, id, name: 'Gold' });
		expect(fixture.sim.account.tags.get(id)!.name).toBe('Gold');

		const [deleted] = await fixture.run('tag.delete', { tagId: id });
		expect(deleted.json).toEqual({ success: true, id });
		tags = await fixture.run('tag.getAll', { returnAll: true });
		expect(tags.map((tag) => tag.json.id)).toEqual([2]);
	});

	test('Get Many honours the limit', async () => {
		fixture = await Fixture.start();
		for (const name of ['a', 'b', 'c']) fixture.sim.account.addTag(name);
		const tags = await fixture.run('tag.getAll', { returnAll: false, limit: 2 });
		expect(tags).toHaveLength(2);
	});

	test('one tag per input item, named from the item', async () => {
		fixture = await Fixture.start();
		const created = await fixture.run('tag.create', { name: '={{ $json.city }}' }, { input: [{ json: { city: '广州' } }, { json: { city: '深圳' } }] });
		expect(created.map((item) => item.json.name)).toEqual(['广州', '深圳']);
		expect(created.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1]);
	});

	test('a name in use (45157), too long (45158), too many tags (45056): each says what to do', async () => {
		fixture = await Fixture.start();
		fixture.sim.account.addTag('VIP');
		let error = await errorOf(() => fixture.run('tag.create', { name: 'VIP' }));
		expect(error.message).toContain('already used');
		expect(error.message).toContain('errcode 45157');

		error = await errorOf(() => fixture.run('tag.create', { name: 'x'.repeat(31) }));
		expect(error.message).toContain('errcode 45158');
		expect(error.description).toContain('30 characters');
		await fixture.run('tag.create', { name: 'x'.repeat(30) });

		while (fixture.sim.account.tags.size < 101) fixture.sim.account.addTag(`t${fixture.sim.account.tags.size}`);
		error = await errorOf(() => fixture.run('tag.create', { name: 'one too many' }));
		expect(error.message).toContain('maximum number of tags (100)');
		expect(error.message).toContain('errcode 45056');
	});

	test('an empty name is refused before it is sent', async () => {
		fixture = await Fixture.start();
		const error = await errorOf(() => fixture.run('tag.create', { name: '  ' }));
		expect(error.message).toBe('The tag name is empty');
		expect(fixture.sim.requests('/cgi-bin/tags/create')).toHaveLength(0);
	});

	test('system tags cannot be changed (refused before the call, naming 45058); unknown tags (45159); a tag ID that is not a number', async () => {
		fixture = await Fixture.start();
		let error = await errorOf(() => fixture.run('tag.update', { tagId: 2, name: 'mine' }));
		expect(error.message).toBe('Input item 1: "Tag" is WeChat\'s system tag 2, which cannot be renamed');
		expect(error.description).toContain('errcode 45058');
		expect(fixture.sim.requests('/cgi-bin/tags/update')).toHaveLength(0);
		error = await errorOf(() => fixture.run('tag.delete', { tagId: 999 }));
		expect(error.message).toContain('errcode 45159');
		expect(error.description).toContain('Get Many');
		error = await errorOf(() => fixture.run('tag.delete', { tagId: '={{ "VIP" }}' }));
		expect(error.message).toBe('"VIP" is not a tag ID');
	});

	test('a tag ID given as text by an expression is accepted', async () => {
		fixture = await Fixture.start();
		const id = fixture.sim.account.addTag('VIP');
		const [deleted] = await fixture.run('tag.delete', { tagId: '={{ $json.tag }}' }, { input: [{ json: { tag: String(id) } }] });
		expect(deleted.json).toEqual({ success: true, id });
	});

	test('a tag with more than 100,000 followers cannot be deleted (45057)', async () => {
		fixture = await Fixture.start();
		const id = fixture.sim.account.addTag('huge', Array.from({ length: 100_001 }, (_, index) => `o${index}`));
		const error = await errorOf(() => fixture.run('tag.delete', { tagId: id }));
		expect(error.message).toContain('errcode 45057');
		expect(error.description).toContain('Remove Followers');
	});
});

describe('The Tag dropdown', () => {
	test('lists the tags by name with their follower counts; the value is the ID', async () => {
		fixture = await Fixture.start({ followers: 1_500 });
		const vip = fixture.sim.account.addTag('VIP', fixture.sim.allFollowers().slice(0, 1_234));
		const options = await fixture.loadOptions('getTags', { resource: 'tag', operation: 'addFollowers' });
		expect(options).toEqual([
			{ name: '星标组 (0 followers)', value: 2 },
			{ name: 'VIP (1,234 followers)', value: vip },
		]);
		// Filling a dropdown fetches and stores a token like an execution does; the next run reuses it.
		expect(fixture.sim.tokenCalls()).toHaveLength(1);
		await fixture.run('tag.getAll', { returnAll: true });
		expect(fixture.sim.tokenCalls()).toHaveLength(1);
	});

	test('a call refused by WeChat shows the readable error in the editor', async () => {
		fixture = await Fixture.start();
		fixture.sim.blockedIp = '198.51.100.4';
		await expect(fixture.loadOptions('getTags')).rejects.toMatchObject({
			message: expect.stringContaining('WeChat refused the call from IP 198.51.100.4'),
		});
	});

	test('no tag chosen is refused before anything is sent', async () => {
		fixture = await Fixture.start({ followers: 1 });
		const error = await errorOf(() => fixture.run('tag.addFollowers', {}, { input: openidItems(fixture.sim.allFollowers()) }));
		expect(error.message).toBe('No tag chosen');
		expect(fixture.sim.requests('/cgi-bin/tags/members/batchtagging')).toHaveLength(0);
	});

	test('with "Continue", an item without a tag fails alone', async () => {
		fixture = await Fixture.start({ followers: 2 });
		const [a, b] = fixture.sim.allFollowers();
		const vip = fixture.sim.account.addTag('VIP');
		const items = await fixture.run(
			'tag.addFollowers',
			{ tagId: '={{ $json.tag }}' },
			{ input: [{ json: { openid: a, tag: '' } }, { json: { openid: b, tag: vip } }], continueOnFail: true },
		);
		expect(items.map((item) => item.json.error ?? item.json.success)).toEqual(['No tag chosen', true]);
		expect(fixture.sim.account.tags.get(vip)!.members).toEqual([b]);
	});
});

describe('Tag → Add Followers / Remove Followers', () => {
	test('120 items make 3 calls of at most 50; one output item per input item', async () => {
		fixture = await Fixture.start({ followers: 120 });
		const all = fixture.sim.allFollowers();
		const id = fixture.sim.account.addTag('VIP');
		const items = await fixture.run('tag.addFollowers', { tagId: id }, { input: openidItems(all) });

		expect(fixture.sim.openidListSizes(TAGGING)).toEqual([50, 50, 20]);
		expect(fixture.sim.account.tags.get(id)!.members).toEqual(all);
		expect(items).toHaveLength(120);
		expect(items[7].json).toEqual({ success: true, tagId: id, openids: [all[7]] });
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(all.map((_, index) => index));
	});

	test('chunk boundaries: 50 OpenIDs one call, 51 two', async () => {
		fixture = await Fixture.start({ followers: 51 });
		const all = fixture.sim.allFollowers();
		const id = fixture.sim.account.addTag('VIP');
		await fixture.run('tag.addFollowers', { tagId: id }, { input: openidItems(all.slice(0, 50)) });
		expect(fixture.sim.openidListSizes(TAGGING)).toEqual([50]);
		fixture.sim.clearLog();
		await fixture.run('tag.addFollowers', { tagId: id }, { input: openidItems(all) });
		expect(fixture.sim.openidListSizes(TAGGING)).toEqual([50, 1]);
	});

	test('lists in one item, several tags, and an OpenID given twice is sent once', async () => {
		fixture = await Fixture.start({ followers: 6 });
		const [a, b, c, d, e] = fixture.sim.allFollowers();
		const vip = fixture.sim.account.addTag('VIP');
		const gz = fixture.sim.account.addTag('广州');
		const items = await fixture.run(
			'tag.addFollowers',
			{ tagId: '={{ $json.tag }}', openids: '={{ $json.who }}' },
			{
				input: [
					{ json: { tag: vip, who: `${a}, ${b}\n${c}` } },
					{ json: { tag: gz, who: [d, e] } },
					{ json: { tag: vip, who: a } },
				],
			},
		);
		expect(items.map((item) => item.json.openids)).toEqual([[a, b, c], [d, e], [a]]);
		const calls = fixture.sim.requests(TAGGING).map((entry) => [entry.body!.tagid, entry.body!.openid_list]);
		expect(calls).toEqual([
			[vip, [a, b, c]],
			[gz, [d, e]],
		]);
		expect(fixture.sim.account.tagsOf(a)).toEqual([vip]);
		expect(fixture.sim.account.tagsOf(d)).toEqual([gz]);
	});

	test('remove takes the tag off, in chunks of 50', async () => {
		fixture = await Fixture.start({ followers: 75 });
		const all = fixture.sim.allFollowers();
		const id = fixture.sim.account.addTag('VIP', [...all]);
		await fixture.run('tag.removeFollowers', { tagId: id }, { input: openidItems(all.slice(0, 60)) });
		expect(fixture.sim.openidListSizes('/cgi-bin/tags/members/batchuntagging')).toEqual([50, 10]);
		expect(fixture.sim.account.tags.get(id)!.members).toEqual(all.slice(60));
	});

	test('a follower with 20 tags already (45059) is named; without "Continue" the count of those tagged is given', async () => {
		fixture = await Fixture.start({ followers: 100 });
		const all = fixture.sim.allFollowers();
		for (let tag = 0; tag < 20; tag++) fixture.sim.account.addTag(`full${tag}`, [all[70]]);
		const id = fixture.sim.account.addTag('VIP');
		const error = await errorOf(() => fixture.run('tag.addFollowers', { tagId: id }, { input: openidItems(all) }));
		expect(error.message).toContain('maximum number of tags (20)');
		expect(error.description).toContain(`The OpenID is ${all[70]}, from input item 71`);
		expect(error.description).toMatch(/\d+ of 100 OpenIDs were tagged before this error/);
		expect(fixture.sim.account.tags.get(id)!.memberSet.has(all[70])).toBe(false);
	});

	test('with "On Error: Continue" everyone else is tagged and only that item fails', async () => {
		fixture = await Fixture.start({ followers: 100 });
		const all = fixture.sim.allFollowers();
		for (let tag = 0; tag < 20; tag++) fixture.sim.account.addTag(`full${tag}`, [all[70]]);
		const id = fixture.sim.account.addTag('VIP');
		const items = await fixture.run('tag.addFollowers', { tagId: id }, { input: openidItems(all), continueOnFail: true });
		expect(items.filter((item) => item.json.error).map((item) => (item.pairedItem as { item: number }).item)).toEqual([70]);
		expect(fixture.sim.account.tags.get(id)!.members).toHaveLength(99);
	});

	test('an unknown tag fails every item of the call (45159)', async () => {
		fixture = await Fixture.start({ followers: 3 });
		const items = await fixture.run('tag.addFollowers', { tagId: 4242 }, { input: openidItems(fixture.sim.allFollowers()), continueOnFail: true });
		expect(items.map((item) => item.json.error)).toEqual(Array(3).fill(expect.stringContaining('45159')));
		// One call: an unknown tag is not the fault of one OpenID, so nothing is split.
		expect(fixture.sim.requests(TAGGING)).toHaveLength(1);
	});
});

describe('Tag → Get Followers', () => {
	test('every follower of the tag once across pages, with the tag ID', async () => {
		fixture = await Fixture.start({ followers: 25_000 });
		const all = fixture.sim.allFollowers();
		const members = all.filter((_, index) => index % 2 === 0).concat(all.filter((_, index) => index % 2 === 1)).slice(0, 23_000);
		const id = fixture.sim.account.addTag('VIP', members);
		const items = await fixture.run('tag.getFollowers', { tagId: id, returnAll: true });

		expect(openidsOf(items)).toEqual(members);
		expect(items[0].json).toEqual({ openid: members[0], tagId: id });
		const cursors = fixture.sim.requests('/cgi-bin/user/tag/get').map((entry) => entry.body!.next_openid);
		expect(cursors).toEqual(['', members[9_999], members[19_999], members[22_999]]);
	});

	test('limit and Start After OpenID', async () => {
		fixture = await Fixture.start({ followers: 30 });
		const all = fixture.sim.allFollowers();
		fixture.sim.account.tagPageSize = 10;
		const id = fixture.sim.account.addTag('VIP', [...all]);
		const first = openidsOf(await fixture.run('tag.getFollowers', { tagId: id, returnAll: false, limit: 15 }));
		const rest = openidsOf(await fixture.run('tag.getFollowers', { tagId: id, returnAll: true, options: { startAfterOpenid: first.at(-1) } }));
		expect([...first, ...rest]).toEqual(all);
	});

	test('a tag without followers gives no items; an unknown tag fails (45159)', async () => {
		fixture = await Fixture.start({ followers: 3 });
		const id = fixture.sim.account.addTag('empty');
		expect(await fixture.run('tag.getFollowers', { tagId: id, returnAll: true })).toEqual([]);
		const error = await errorOf(() => fixture.run('tag.getFollowers', { tagId: 4242, returnAll: true }));
		expect(error.message).toContain('errcode 45159');
	});
});

describe('Tag → Get Follower Tags', () => {
	test('the tag IDs of each follower', async () => {
		fixture = await Fixture.start({ followers: 2 });
		const [a, b] = fixture.sim.allFollowers();
		const vip = fixture.sim.account.addTag('VIP', [a]);
		const gz = fixture.sim.account.addTag('广州', [a, b]);
		const items = await fixture.run('tag.getFollowerTags', {}, { input: openidItems([a, b]) });
		expect(items.map((item) => item.json)).toEqual([
			{ openid: a, tagid_list: [vip, gz] },
			{ openid: b, tagid_list: [gz] },
		]);
	});

	test('an unknown OpenID fails (40003)', async () => {
		fixture = await Fixture.start({ followers: 1 });
		const error = await errorOf(() => fixture.run('tag.getFollowerTags', { openid: 'oNotAFollowerOfThisAccount00' }));
		expect(error.message).toContain('errcode 40003');
	});
});
