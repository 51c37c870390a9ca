import { Fixture, errorOf } from './harness/fixture';
import * as createConditional from '../nodes/WeChatOfficialAccount/actions/menu/createConditional.operation';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const CREATE = '/cgi-bin/menu/create';
const ADD_CONDITIONAL = '/cgi-bin/menu/addconditional';
const DEL_CONDITIONAL = '/cgi-bin/menu/delconditional';

/** A menu with every kind of button, written out as WeChat expects it. */
const FULL_MENU = [
	{ type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC' },
	{
		name: '菜单',
		sub_button: [
			{ type: 'view', name: '搜索', url: 'https://www.soso.com/' },
			{ type: 'miniprogram', name: 'wxa', url: 'https://mp.weixin.qq.com', appid: 'wx286b93c14bbf93aa', pagepath: 'pages/lunar/index' },
			{ type: 'media_id', name: 'Brochure', media_id: 'MEDIA_ID_1' },
			{ type: 'article_id', name: 'About us', article_id: 'ARTICLE_ID_1' },
			{ type: 'article_view_limited', name: 'Members only', article_id: 'ARTICLE_ID_2' },
		],
	},
	{
		name: 'Tools',
		sub_button: [
			{ type: 'scancode_waitmsg', name: '扫码带提示', key: 'rselfmenu_0_0' },
			{ type: 'scancode_push', name: '扫码推事件', key: 'rselfmenu_0_1' },
			{ type: 'pic_photo_or_album', name: 'Photo', key: 'rselfmenu_1_1' },
			{ type: 'location_select', name: '发送位置', key: 'rselfmenu_2_0' },
			{ type: 'pic_weixin', name: '微信相册发图', key: 'rselfmenu_1_2' },
		],
	},
];

/** The same menu as entries of the "Buttons" field list, in an order a user might add them. */
const FULL_MENU_ENTRIES = [
	{ name: '今日歌曲', parent: 'none', type: 'click', key: 'V1001_TODAY_MUSIC' },
	{ name: '菜单', parent: 'none', type: 'subMenu' },
	{ name: '搜索', parent: '2', type: 'view', url: 'https://www.soso.com/' },
	{ name: 'Tools', parent: 'none', type: 'subMenu' },
	{ name: '扫码带提示', parent: '3', type: 'scancode_waitmsg', key: 'rselfmenu_0_0' },
	{ name: 'wxa', parent: '2', type: 'miniprogram', url: 'https://mp.weixin.qq.com', appid: 'wx286b93c14bbf93aa', pagepath: 'pages/lunar/index' },
	{ name: 'Brochure', parent: '2', type: 'media_id', media_id: 'MEDIA_ID_1' },
	{ name: '扫码推事件', parent: '3', type: 'scancode_push', key: 'rselfmenu_0_1' },
	{ name: 'About us', parent: '2', type: 'article_id', article_id: 'ARTICLE_ID_1' },
	{ name: 'Members only', parent: '2', type: 'article_view_limited', article_id: 'ARTICLE_ID_2' },
	{ name: 'Photo', parent: '3', type: 'pic_photo_or_album', key: 'rselfmenu_1_1' },
	{ name: '发送位置', parent: '3', type: 'location_select', key: 'rselfmenu_2_0' },
	{ name: '微信相册发图', parent: '3', type: 'pic_weixin', key: 'rselfmenu_1_2' },
];

const asJson = (menu: unknown) => ({ menuInput: 'json', menuJson: JSON.stringify(menu) });
const asFields = (entries: unknown[]) => ({ menuInput: 'fields', buttons: { button: entries } });

describe('Menu → Create', () => {
	test('from fields: the flat list becomes WeChat\'s button tree; WeChat stores it', async () => {
		fixture = await Fixture.start();
		const [item] = await fixture.run('menu.create', asFields(FULL_MENU_ENTRIES));
		const [request] = fixture.sim.requests(CREATE);
		expect(request.body).toEqual({ button: FULL_MENU });
		expect(fixture.sim.requests(CREATE)).toHaveLength(1);
		expect(item.json).toEqual({ success: true, button: FULL_MENU });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(fixture.sim.menus.menu?.button.map((button) => button.name)).toEqual(['今日歌曲', '菜单', 'Tools']);
	});

	test('JSON and fields send the same request body', async () => {
		fixture = await Fixture.start();
		await fixture.run('menu.create', asFields(FULL_MENU_ENTRIES));
		await fixture.run('menu.create', asJson({ button: FULL_MENU }));
		const [fromFields, fromJson] = fixture.sim.requests(CREATE).map((entry) => entry.body);
		expect(fromJson).toEqual(fromFields);
		expect(fromJson).toEqual({ button: FULL_MENU });
	});

	test('JSON: just the array, an object from an expression, and the output of Menu → Get are accepted', async () => {
		fixture = await Fixture.start();
		const menu = [{ type: 'click', name: 'A', key: 'A' }];
		await fixture.run('menu.create', asJson(menu));
		await fixture.run('menu.create', { menuInput: 'json', menuJson: '={{ $json.menu }}' }, { input: [{ json: { menu: { button: menu } } }] });
		// Menu → Get outputs WeChat's stored form: empty sub_button lists, menu_type, menuid.
		const [stored] = await fixture.run('menu.get');
		await fixture.run('menu.create', { menuInput: 'json', menuJson: '={{ $json }}' }, { input: [stored] });
		expect(fixture.sim.requests(CREATE).map((entry) => entry.body)).toEqual([{ button: menu }, { button: menu }, { button: menu }]);
	});

	test('the longest names, keys and URLs and the most buttons WeChat allows are accepted by the node and by WeChat', async () => {
		fixture = await Fixture.start();
		const sub = (index: number) => ({ type: 'click', name: `${'字'.repeat(19)}x${index}y`, key: 'k'.repeat(128) });
		const menu = [
			{ type: 'view', name: '今日歌曲好', url: `https://example.com/${'p'.repeat(1024 - 20)}` },
			{ name: 'x'.repeat(16), sub_button: [1, 2, 3, 4, 5].map(sub) },
			{ type: 'click', name: 'Third', key: '键'.repeat(42) + 'kk' },
		];
		expect(Buffer.byteLength(menu[0].url as string)).toBe(1024);
		expect(Buffer.byteLength(sub(1).name)).toBe(60);
		expect(Buffer.byteLength(menu[2].key as string)).toBe(128);
		await fixture.run('menu.create', asJson({ button: menu }));
		expect(fixture.sim.requests(CREATE)[0].errcode).toBe(0);
	});

	test('one menu per input item, each paired to its item', async () => {
		fixture = await Fixture.start();
		const items = await fixture.run(
			'menu.create',
			{ menuInput: 'json', menuJson: '={{ $json.menu }}' },
			{ input: [{ json: { menu: [{ type: 'click', name: 'A', key: 'A' }] } }, { json: { menu: [{ type: 'click', name: 'B', key: 'B' }] } }] },
		);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(fixture.sim.menus.menu?.button).toEqual([{ type: 'click', name: 'B', key: 'B', sub_button: [] }]);
	});

	test('a dropped connection is repeated (the same menu replaces itself) and the menu is set once', async () => {
		fixture = await Fixture.start();
		fixture.sim.injectFault(CREATE, 'dropAfterServing');
		const [item] = await fixture.run('menu.create', asJson([{ type: 'click', name: 'A', key: 'A' }]));
		expect(item.json.success).toBe(true);
		expect(fixture.sim.requests(CREATE)).toHaveLength(2);
		expect(fixture.sim.menus.menu?.button).toHaveLength(1);
	});
});

/** Menus that break one rule each: the node's message, and the errcode WeChat (the simulator) gives. */
const WRONG_MENUS: Array<{ rule: string; menu: unknown; message: string; errcode?: number }> = [
	{ rule: 'no buttons', menu: { button: [] }, message: 'Input item 1: "Menu (JSON)" has no buttons', errcode: 40016 },
	{
		rule: '4 top-level buttons',
		menu: [1, 2, 3, 4].map((n) => ({ type: 'click', name: `B${n}`, key: `K${n}` })),
		message: 'Input item 1: "Menu (JSON)" has 4 top-level buttons; WeChat allows at most 3',
		errcode: 40016,
	},
	{
		rule: '6 sub-buttons',
		menu: [{ name: 'More', sub_button: [1, 2, 3, 4, 5, 6].map((n) => ({ type: 'click', name: `S${n}`, key: `K${n}` })) }],
		message: 'Button 1 "More": it has 6 sub-buttons; WeChat allows at most 5',
		errcode: 40023,
	},
	{ rule: 'an empty name', menu: [{ type: 'click', name: ' ', key: 'K' }], message: 'Button 1: the name is empty', errcode: undefined },
	{ rule: 'no name', menu: [{ type: 'click', key: 'K' }], message: 'Button 1: the name is empty', errcode: 40018 },
	{
		rule: 'a top-level name of 18 bytes (6 Chinese characters)',
		menu: [{ type: 'click', name: '今日歌曲好听', key: 'K' }],
		message: 'Button 1 "今日歌曲好听": the name is 18 bytes; WeChat allows at most 16 for a top-level button',
		errcode: 40018,
	},
	{
		rule: 'a top-level name of 17 letters',
		menu: [{ type: 'click', name: 'x'.repeat(17), key: 'K' }],
		message: `Button 1 "${'x'.repeat(17)}": the name is 17 bytes; WeChat allows at most 16 for a top-level button`,
		errcode: 40018,
	},
	{
		rule: 'a sub-button name of 63 bytes',
		menu: [{ name: 'More', sub_button: [{ type: 'click', name: '字'.repeat(21), key: 'K' }] }],
		message: `Button 1 › Sub-button 1 "${'字'.repeat(21)}": the name is 63 bytes; WeChat allows at most 60 for a sub-button`,
		errcode: 40025,
	},
	{ rule: 'an unknown type', menu: [{ type: 'text', name: 'Hi', key: 'K' }], message: 'Button 1 "Hi": "text" is not a button type WeChat knows', errcode: 40017 },
	{
		rule: 'an unknown sub-button type',
		menu: [{ name: 'More', sub_button: [{ type: 'view_limited', name: 'Old', media_id: 'M' }] }],
		message: 'Button 1 › Sub-button 1 "Old": "view_limited" is not a button type WeChat knows',
		errcode: 40024,
	},
	{ rule: 'no type and no sub-buttons', menu: [{ name: 'More', sub_button: [] }], message: 'Button 1 "More": it has no type', errcode: 40017 },
	{ rule: 'click without key', menu: [{ type: 'click', name: 'News' }], message: 'Button 1 "News": a click button needs a key', errcode: 40019 },
	{
		rule: 'a key of 129 bytes',
		menu: [{ name: 'More', sub_button: [{ type: 'scancode_push', name: 'Scan', key: 'k'.repeat(129) }] }],
		message: 'Button 1 › Sub-button 1 "Scan": the key is 129 bytes; WeChat allows at most 128',
		errcode: 40026,
	},
	{
		rule: 'pic_sysphoto without key',
		menu: [{ type: 'pic_sysphoto', name: 'Photo', key: '' }],
		message: 'Button 1 "Photo": a pic_sysphoto button needs a key',
		errcode: 40019,
	},
	{
		rule: 'view without URL',
		menu: [{ type: 'click', name: 'A', key: 'A' }, { name: 'More', sub_button: [{ type: 'click', name: 'x', key: 'x' }, { type: 'click', name: 'y', key: 'y' }, { type: 'view', name: 'Contact us' }] }],
		message: 'Button 2 › Sub-button 3 "Contact us": a view button needs a URL',
		errcode: 40027,
	},
	{
		rule: 'a URL that is not http(s)',
		menu: [{ type: 'view', name: 'Shop', url: 'weixin://dl/shop' }],
		message: 'Button 1 "Shop": the URL "weixin://dl/shop" does not start with http:// or https://',
		errcode: 40055,
	},
	{
		rule: 'a URL of 1,025 bytes',
		menu: [{ name: 'More', sub_button: [{ type: 'view', name: 'Shop', url: `https://example.com/${'p'.repeat(1025 - 20)}` }] }],
		message: 'Button 1 › Sub-button 1 "Shop": the URL is 1025 bytes; WeChat allows at most 1024',
		errcode: 40027,
	},
	{
		rule: 'miniprogram without appid',
		menu: [{ type: 'miniprogram', name: 'App', url: 'https://example.com', pagepath: 'pages/index' }],
		message: 'Button 1 "App": a miniprogram button needs a mini program AppID',
		errcode: 47001,
	},
	{
		rule: 'miniprogram without pagepath',
		menu: [{ type: 'miniprogram', name: 'App', url: 'https://example.com', appid: 'wx1' }],
		message: 'Button 1 "App": a miniprogram button needs a mini program page path',
		errcode: 47001,
	},
	{
		rule: 'miniprogram without URL',
		menu: [{ type: 'miniprogram', name: 'App', appid: 'wx1', pagepath: 'pages/index' }],
		message: 'Button 1 "App": a miniprogram button needs a URL',
		errcode: 40020,
	},
	{ rule: 'media_id without media_id', menu: [{ type: 'media_id', name: 'Pic' }], message: 'Button 1 "Pic": a media_id button needs a media ID', errcode: 40007 },
	{ rule: 'article_id without article_id', menu: [{ type: 'article_id', name: 'Read' }], message: 'Button 1 "Read": an article_id button needs an article ID', errcode: 47001 },
	{
		rule: 'a sub-button with sub-buttons',
		menu: [{ name: 'More', sub_button: [{ name: 'Deeper', sub_button: [{ type: 'click', name: 'x', key: 'x' }] }] }],
		message: 'Button 1 › Sub-button 1 "Deeper": a sub-button cannot have sub-buttons of its own',
	},
	{
		rule: 'a type and sub-buttons on one button',
		menu: [{ type: 'click', key: 'K', name: 'More', sub_button: [{ type: 'click', name: 'x', key: 'x' }] }],
		message: 'Button 1 "More": it has sub-buttons and also the type "click"',
	},
];

describe('Menu → Create refuses a wrong menu before sending anything', () => {
	test.each(WRONG_MENUS)('$rule', async ({ menu, message, errcode }) => {
		fixture = await Fixture.start();
		const error = await errorOf(() => fixture.run('menu.create', asJson(menu)));
		expect(error.message).toBe(message);
		expect(error.description).toBeTruthy();
		expect(fixture.sim.log).toHaveLength(0);
		// WeChat would have refused it too, with this errcode.
		if (errcode !== undefined) {
			const body = Array.isArray(menu) ? { button: menu } : (menu as Record<string, unknown>);
			expect(fixture.sim.menus.route(CREATE, {}, body)).toMatchObject({ errcode });
		}
	});

	test('text that is not JSON, and JSON that is not a menu', async () => {
		fixture = await Fixture.start();
		let error = await errorOf(() => fixture.run('menu.create', { menuInput: 'json', menuJson: '{"button": [' }));
		expect(error.message).toMatch(/^Input item 1: "Menu \(JSON\)" is not valid JSON: /);
		error = await errorOf(() => fixture.run('menu.create', { menuInput: 'json', menuJson: '{"buttons": []}' }));
		expect(error.message).toBe('Input item 1: "Menu (JSON)" has no button list');
		error = await errorOf(() => fixture.run('menu.create', { menuInput: 'json', menuJson: '"menu"' }));
		expect(error.message).toBe('Input item 1: "Menu (JSON)" is not a menu');
		error = await errorOf(() => fixture.run('menu.create', { menuInput: 'json', menuJson: ' ' }));
		expect(error.message).toBe('Input item 1: "Menu (JSON)" is empty');
		expect(fixture.sim.log).toHaveLength(0);
	});

	test('from fields: the message names the button in the menu and the description its entry in the list', async () => {
		fixture = await Fixture.start();
		const error = await errorOf(() =>
			fixture.run(
				'menu.create',
				asFields([
					{ name: 'Today', parent: 'none', type: 'click', key: 'TODAY' },
					{ name: 'More', parent: 'none', type: 'subMenu' },
					{ name: 'Shop', parent: '2', type: 'view', url: 'https://example.com/shop' },
					{ name: 'FAQ', parent: '2', type: 'click', key: 'FAQ' },
					{ name: 'Contact us', parent: '2', type: 'view', url: '' },
				]),
			),
		);
		expect(error.message).toBe('Button 2 › Sub-button 3 "Contact us": a view button needs a URL');
		expect(error.description).toMatch(/^Entry 5 of "Buttons"\. /);
		expect(fixture.sim.log).toHaveLength(0);
	});

	test('from fields: a parent that is missing, a parent that is not a sub-menu, a sub-menu without sub-buttons, no buttons', async () => {
		fixture = await Fixture.start();
		let error = await errorOf(() =>
			fixture.run('menu.create', asFields([{ name: 'Top', parent: 'none', type: 'subMenu' }, { name: 'Lost', parent: '2', type: 'click', key: 'L' }])),
		);
		expect(error.message).toBe('Entry 2 "Lost" of "Buttons": its parent is top-level button 2, but the list has 1 top-level button');

		error = await errorOf(() =>
			fixture.run('menu.create', asFields([{ name: 'Top', parent: 'none', type: 'click', key: 'T' }, { name: 'Sub', parent: '1', type: 'click', key: 'S' }])),
		);
		expect(error.message).toBe('Entry 2 "Sub" of "Buttons": its parent, top-level button 1 "Top", has the type "click"');
		expect(error.description).toContain('"Open Sub-Menu"');

		error = await errorOf(() =>
			fixture.run('menu.create', asFields([{ name: 'A', parent: 'none', type: 'click', key: 'A' }, { name: 'Empty', parent: 'none', type: 'subMenu' }])),
		);
		expect(error.message).toBe('Button 2 "Empty": its type is "Open Sub-Menu" but no button has it as Parent');

		error = await errorOf(() =>
			fixture.run('menu.create', asFields([{ name: 'Top', parent: 'none', type: 'subMenu' }, { name: 'Nested', parent: '1', type: 'subMenu' }])),
		);
		expect(error.message).toBe('Entry 2 "Nested" of "Buttons": a sub-button cannot open a sub-menu');

		error = await errorOf(() => fixture.run('menu.create', asFields([])));
		expect(error.message).toBe('Input item 1: "Buttons" is empty');
		error = await errorOf(() => fixture.run('menu.create', asFields([1, 2, 3, 4].map((n) => ({ name: `B${n}`, parent: 'none', type: 'click', key: `K${n}` })))));
		expect(error.message).toBe('Input item 1: "Buttons" has 4 top-level buttons; WeChat allows at most 3');
		expect(fixture.sim.log).toHaveLength(0);
	});

	test('with "Continue", a wrong menu fails its item only', async () => {
		fixture = await Fixture.start();
		const items = await fixture.run(
			'menu.create',
			{ menuInput: 'json', menuJson: '={{ $json.menu }}' },
			{ input: [{ json: { menu: [{ type: 'click', name: 'News' }] } }, { json: { menu: [{ type: 'click', name: 'B', key: 'B' }] } }], continueOnFail: true },
		);
		// With several input items, a button's message starts with its input item.
		expect(items.map((item) => item.json.error ?? item.json.success)).toEqual(['Input item 1: Button 1 "News": a click button needs a key', true]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(fixture.sim.requests(CREATE)).toHaveLength(1);
	});
});

describe('Menu → Get, Get Current, Delete', () => {
	test('Get: no menu gives no items; then one item for the default menu and one per conditional menu', async () => {
		fixture = await Fixture.start();
		expect(await fixture.run('menu.get')).toEqual([]);
		expect(fixture.sim.requests('/cgi-bin/menu/get')).toHaveLength(1);

		await fixture.run('menu.create', asJson([{ type: 'click', name: 'A', key: 'A' }]));
		let items = await fixture.run('menu.get');
		expect(items.map((item) => item.json)).toEqual([{ menu_type: 'default', button: [{ type: 'click', name: 'A', key: 'A', sub_button: [] }] }]);

		const vip = fixture.sim.account.addTag('VIP');
		const [conditional] = await fixture.run('menu.createConditional', { ...asJson([{ type: 'click', name: 'VIP', key: 'VIP' }]), tagId: vip });
		items = await fixture.run('menu.get');
		expect(items.map((item) => item.json)).toEqual([
			{ menu_type: 'default', button: [{ type: 'click', name: 'A', key: 'A', sub_button: [] }], menuid: expect.any(Number) },
			{
				menu_type: 'conditional',
				button: [{ type: 'click', name: 'VIP', key: 'VIP', sub_button: [] }],
				matchrule: { tag_id: String(vip) },
				menuid: Number(conditional.json.menuid),
			},
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('Get Current: the API menu in get_current_selfmenu_info\'s shape (sub_button.list)', async () => {
		fixture = await Fixture.start();
		let [current] = await fixture.run('menu.getCurrent');
		expect(current.json).toEqual({ is_menu_open: 0, menu_open: false, button: [] });

		await fixture.run('menu.create', asJson([{ type: 'click', name: 'A', key: 'A' }, { name: 'More', sub_button: [{ type: 'view', name: 'Shop', url: 'https://example.com' }] }]));
		[current] = await fixture.run('menu.getCurrent');
		expect(current.json).toEqual({
			is_menu_open: 1,
			menu_open: true,
			button: [
				{ type: 'click', name: 'A', key: 'A' },
				{ name: 'More', sub_button: { list: [{ type: 'view', name: 'Shop', url: 'https://example.com' }] } },
			],
		});
		expect(fixture.sim.requests('/cgi-bin/get_current_selfmenu_info')[1].method).toBe('GET');
	});

	test('Get Current: a menu set in the platform\'s editor, with a news button and its articles', async () => {
		fixture = await Fixture.start();
		const editorButtons = [
			{ type: 'text', name: 'Hours', value: 'Open 9 to 18' },
			{
				name: 'Read',
				sub_button: {
					list: [
						{
							type: 'news',
							name: 'News',
							value: 'KQb_w_Tiz-nSdVLoTV35Psmty8hGBulGhEdbb9SKs-o',
							news_info: { list: [{ title: 'MULTI_NEWS', author: 'JIMZHENG', digest: 'text', show_cover: 0, cover_url: 'http://mmbiz.qpic.cn/x', content_url: 'http://mp.weixin.qq.com/s?x', source_url: '' }] },
						},
					],
				},
			},
		];
		fixture.sim.menus.setEditorMenu(editorButtons);
		const [current] = await fixture.run('menu.getCurrent');
		expect(current.json).toEqual({ is_menu_open: 1, menu_open: true, button: editorButtons });
		// menu/get knows only menus set through the API.
		expect(await fixture.run('menu.get')).toEqual([]);
	});

	test('Delete removes the default and every conditional menu', async () => {
		fixture = await Fixture.start();
		await fixture.run('menu.create', asJson([{ type: 'click', name: 'A', key: 'A' }]));
		await fixture.run('menu.createConditional', { ...asJson([{ type: 'click', name: 'iOS', key: 'I' }]), clientPlatformType: '1' });
		const [item] = await fixture.run('menu.delete');
		expect(item.json).toEqual({ success: true });
		expect(fixture.sim.menus.menu).toBeUndefined();
		expect(fixture.sim.menus.conditional).toHaveLength(0);
		expect(fixture.sim.requests('/cgi-bin/menu/delete').map((entry) => entry.method)).toEqual(['GET']);
	});

	test('Delete when there is no menu, or when a repeat after a lost answer finds it gone: success, already_deleted', async () => {
		fixture = await Fixture.start();
		let [item] = await fixture.run('menu.delete');
		expect(item.json).toEqual({ success: true, already_deleted: true });

		await fixture.run('menu.create', asJson([{ type: 'click', name: 'A', key: 'A' }]));
		fixture.sim.injectFault('/cgi-bin/menu/delete', 'dropAfterServing');
		[item] = await fixture.run('menu.delete');
		expect(item.json).toEqual({ success: true, already_deleted: true });
		expect(fixture.sim.requests('/cgi-bin/menu/delete').map((entry) => entry.errcode)).toEqual([46003, undefined, 46003]);
		expect(fixture.sim.menus.menu).toBeUndefined();
	});
});

describe('Menu → Create Conditional, Delete Conditional, Try Match', () => {
	test('a tag chosen in the dropdown and a platform become the match rule; the menuid comes back', async () => {
		fixture = await Fixture.start();
		await fixture.run('menu.create', asJson([{ type: 'click', name: 'All', key: 'ALL' }]));
		const vip = fixture.sim.account.addTag('VIP');
		// The dropdown the field names: "Any Tag" first (an empty field is valid: no tag rule), then the tags.
		const method = createConditional.description.find((property) => property.name === 'tagId')!.typeOptions!.loadOptionsMethod!;
		const options = await fixture.loadOptions(method, { resource: 'menu', operation: 'createConditional' });
		expect(options[0]).toEqual({ name: 'Any Tag (No Tag Rule)', value: '' });
		expect(options).toContainEqual({ name: 'VIP (0 followers)', value: vip });

		const [item] = await fixture.run('menu.createConditional', {
			...asFields([{ name: 'VIP', parent: 'none', type: 'view', url: 'https://example.com/vip' }]),
			tagId: vip,
			clientPlatformType: '2',
		});
		const [request] = fixture.sim.requests(ADD_CONDITIONAL);
		expect(request.body).toEqual({
			button: [{ type: 'view', name: 'VIP', url: 'https://example.com/vip' }],
			matchrule: { tag_id: String(vip), client_platform_type: '2' },
		});
		expect(item.json).toEqual({
			menuid: fixture.sim.menus.conditional[0].menuid,
			matchrule: { tag_id: String(vip), client_platform_type: '2' },
			button: [{ type: 'view', name: 'VIP', url: 'https://example.com/vip' }],
		});
	});

	test('with JSON, the menu\'s own matchrule is used when no field is set; fields win over it', async () => {
		fixture = await Fixture.start();
		await fixture.run('menu.create', asJson([{ type: 'click', name: 'All', key: 'ALL' }]));
		const menu = { button: [{ type: 'click', name: 'iOS', key: 'IOS' }], matchrule: { client_platform_type: '1' } };
		await fixture.run('menu.createConditional', asJson(menu));
		await fixture.run('menu.createConditional', { ...asJson(menu), clientPlatformType: '3' });
		expect(fixture.sim.requests(ADD_CONDITIONAL).map((entry) => entry.body?.matchrule)).toEqual([{ client_platform_type: '1' }, { client_platform_type: '3' }]);
	});

	test('no match rule, a privacy rule, an unknown rule, a tag that is not an ID: refused before sending', async () => {
		fixture = await Fixture.start();
		const button = [{ type: 'click', name: 'X', key: 'X' }];
		let error = await errorOf(() => fixture.run('menu.createConditional', asJson(button)));
		expect(error.message).toBe('Input item 1: "Tag Name or ID" and "Client Platform" are both empty');
		expect(fixture.sim.menus.route(ADD_CONDITIONAL, {}, { button, matchrule: {} })).toMatchObject({ errcode: 65304 });

		error = await errorOf(() => fixture.run('menu.createConditional', asJson({ button, matchrule: { tag_id: '', client_platform_type: '' } })));
		expect(error.message).toBe('Input item 1: "Tag Name or ID" and "Client Platform" are both empty');
		expect(error.description).toContain('the "matchrule" of "Menu (JSON)" sets neither');

		error = await errorOf(() => fixture.run('menu.createConditional', asJson({ button, matchrule: { sex: '1' } })));
		expect(error.message).toBe('Input item 1: "Menu (JSON)" has a matchrule with "sex", which WeChat no longer accepts');
		expect(fixture.sim.menus.route(ADD_CONDITIONAL, {}, { button, matchrule: { sex: '1' } })).toMatchObject({ errcode: 65320 });

		error = await errorOf(() => fixture.run('menu.createConditional', asJson({ button, matchrule: { client_platform_type: '1', city: 'Guangzhou' } })));
		expect(error.message).toBe('Input item 1: "Menu (JSON)" has a matchrule with "city", which WeChat no longer accepts');

		error = await errorOf(() => fixture.run('menu.createConditional', asJson({ button, matchrule: { os: 'ios' } })));
		expect(error.message).toBe('Input item 1: "Menu (JSON)" has a matchrule with "os", which WeChat does not know');

		error = await errorOf(() => fixture.run('menu.createConditional', { ...asJson(button), tagId: '={{ "VIP" }}' }));
		expect(error.message).toBe('Input item 1: "Tag Name or ID" must be a tag ID (a whole number), not "VIP"');

		error = await errorOf(() => fixture.run('menu.createConditional', asJson({ button, matchrule: { tag_id: 'VIP' } })));
		expect(error.message).toBe('Input item 1: "Menu (JSON)" has a matchrule whose tag_id "VIP" is not a tag ID');

		error = await errorOf(() => fixture.run('menu.createConditional', { ...asJson(button), clientPlatformType: '={{ "4" }}' }));
		expect(error.message).toBe('Input item 1: "Client Platform" must be 1 (iOS), 2 (Android) or 3 (Others), not "4"');

		error = await errorOf(() => fixture.run('menu.createConditional', asJson({ button, matchrule: { client_platform_type: '4' } })));
		expect(error.message).toBe('Input item 1: "Menu (JSON)" has a matchrule whose client_platform_type "4" is not a client platform');

		error = await errorOf(() => fixture.run('menu.createConditional', { ...asJson([{ type: 'view', name: 'X' }]), clientPlatformType: '1' }));
		expect(error.message).toBe('Button 1 "X": a view button needs a URL');
		expect(fixture.sim.log).toHaveLength(0);
	});

	test('a match rule listing every key, the unused ones empty (WeChat\'s own example), is accepted; only the set keys are sent', async () => {
		fixture = await Fixture.start();
		await fixture.run('menu.create', asJson([{ type: 'click', name: 'All', key: 'ALL' }]));
		const vip = fixture.sim.account.addTag('VIP');
		const matchrule = { tag_id: String(vip), sex: '', country: '', province: '', city: '', client_platform_type: '2', language: '' };
		const [item] = await fixture.run('menu.createConditional', asJson({ button: [{ type: 'click', name: 'VIP', key: 'VIP' }], matchrule }));
		expect(fixture.sim.requests(ADD_CONDITIONAL)[0].body?.matchrule).toEqual({ tag_id: String(vip), client_platform_type: '2' });
		expect(item.json.matchrule).toEqual({ tag_id: String(vip), client_platform_type: '2' });

		// An item of Menu → Get, fed back as it is (here with the empty keys WeChat's example lists).
		const [, conditional] = await fixture.run('menu.get');
		expect(conditional.json.menu_type).toBe('conditional');
		const fedBack = { json: { ...conditional.json, matchrule: { ...(conditional.json.matchrule as object), sex: '', language: '' } } };
		await fixture.run('menu.createConditional', { menuInput: 'json', menuJson: '={{ $json }}' }, { input: [fedBack] });
		expect(fixture.sim.requests(ADD_CONDITIONAL)[1].body).toEqual({
			button: [{ type: 'click', name: 'VIP', key: 'VIP' }],
			matchrule: { tag_id: String(vip), client_platform_type: '2' },
		});
		// WeChat accepts such a rule too.
		expect(fixture.sim.menus.route(ADD_CONDITIONAL, {}, { button: [{ type: 'click', name: 'V', key: 'V' }], matchrule })).toHaveProperty('menuid');
	});

	test('without a default menu WeChat refuses (65303) and the error says to create one', async () => {
		fixture = await Fixture.start();
		const error = await errorOf(() => fixture.run('menu.createConditional', { ...asJson([{ type: 'click', name: 'X', key: 'X' }]), clientPlatformType: '1' }));
		expect(error.message).toBe('The account has no default menu (WeChat errcode 65303)');
		expect(error.description).toContain('Menu → Create');
	});

	test('an answer lost after WeChat created it is not repeated (each call adds a menu): the error says it may exist', async () => {
		fixture = await Fixture.start();
		await fixture.run('menu.create', asJson([{ type: 'click', name: 'All', key: 'ALL' }]));
		fixture.sim.injectFault(ADD_CONDITIONAL, 'dropAfterServing');
		const error = await errorOf(() => fixture.run('menu.createConditional', { ...asJson([{ type: 'click', name: 'X', key: 'X' }]), clientPlatformType: '1' }));
		expect(error.message).toMatch(/^The conditional menu may have been created: POST .*\/cgi-bin\/menu\/addconditional failed/);
		expect(fixture.sim.requests(ADD_CONDITIONAL)).toHaveLength(1);
		expect(fixture.sim.menus.conditional).toHaveLength(1);
	});

	test('Delete Conditional deletes one menu; an unknown menuid fails; a menuid that is not a number is refused before sending', async () => {
		fixture = await Fixture.start();
		await fixture.run('menu.create', asJson([{ type: 'click', name: 'All', key: 'ALL' }]));
		const [a] = await fixture.run('menu.createConditional', { ...asJson([{ type: 'click', name: 'A', key: 'A' }]), clientPlatformType: '1' });
		const [b] = await fixture.run('menu.createConditional', { ...asJson([{ type: 'click', name: 'B', key: 'B' }]), clientPlatformType: '2' });

		// The default expression reads menuid from the input item, as Menu → Get or Create Conditional output it.
		const [deleted] = await fixture.run('menu.deleteConditional', {}, { input: [a] });
		expect(deleted.json).toEqual({ success: true, menuid: String(a.json.menuid) });
		expect(fixture.sim.requests(DEL_CONDITIONAL)[0].body).toEqual({ menuid: String(a.json.menuid) });
		expect(fixture.sim.menus.conditional.map((menu) => menu.menuid)).toEqual([String(b.json.menuid)]);

		const error = await errorOf(() => fixture.run('menu.deleteConditional', { menuId: a.json.menuid }));
		expect(error.message).toBe('WeChat does not know this conditional menu (WeChat errcode 65301)');
		expect(fixture.sim.requests(DEL_CONDITIONAL)).toHaveLength(2);

		let refused = await errorOf(() => fixture.run('menu.deleteConditional', { menuId: 'abc' }));
		expect(refused.message).toBe('Input item 1: "Menu ID" must be a menu ID (a whole number), not "abc"');
		refused = await errorOf(() => fixture.run('menu.deleteConditional', {}, { input: [{ json: {} }] }));
		expect(refused.message).toBe('Input item 1: "Menu ID" is empty');
		expect(refused.description).toContain('{{ $json.menuid }}');
		expect(fixture.sim.requests(DEL_CONDITIONAL)).toHaveLength(2);
	});

	test('Delete Conditional: when the answer is lost after WeChat deleted it, the repeat\'s 65301 means success, already_deleted', async () => {
		fixture = await Fixture.start();
		await fixture.run('menu.create', asJson([{ type: 'click', name: 'All', key: 'ALL' }]));
		const [a] = await fixture.run('menu.createConditional', { ...asJson([{ type: 'click', name: 'A', key: 'A' }]), clientPlatformType: '1' });
		fixture.sim.injectFault(DEL_CONDITIONAL, 'dropAfterServing');
		const [deleted] = await fixture.run('menu.deleteConditional', { menuId: a.json.menuid });
		expect(deleted.json).toEqual({ success: true, menuid: String(a.json.menuid), already_deleted: true });
		expect(fixture.sim.requests(DEL_CONDITIONAL).map((entry) => entry.errcode)).toEqual([undefined, 65301]);
		expect(fixture.sim.requests(DEL_CONDITIONAL).map((entry) => entry.body)).toEqual([{ menuid: String(a.json.menuid) }, { menuid: String(a.json.menuid) }]);
		expect(fixture.sim.menus.conditional).toHaveLength(0);
	});

	test('Delete Conditional: a connection dropped before WeChat served it is repeated and deletes it, without already_deleted', async () => {
		fixture = await Fixture.start();
		await fixture.run('menu.create', asJson([{ type: 'click', name: 'All', key: 'ALL' }]));
		const [a] = await fixture.run('menu.createConditional', { ...asJson([{ type: 'click', name: 'A', key: 'A' }]), clientPlatformType: '1' });
		fixture.sim.injectFault(DEL_CONDITIONAL, 'drop');
		const [deleted] = await fixture.run('menu.deleteConditional', { menuId: a.json.menuid });
		expect(deleted.json).toEqual({ success: true, menuid: String(a.json.menuid) });
		expect(fixture.sim.menus.conditional).toHaveLength(0);
	});

	test('Delete Conditional: a 5xx before WeChat served it is repeated and deletes it normally', async () => {
		fixture = await Fixture.start();
		await fixture.run('menu.create', asJson([{ type: 'click', name: 'All', key: 'ALL' }]));
		const [a] = await fixture.run('menu.createConditional', { ...asJson([{ type: 'click', name: 'A', key: 'A' }]), clientPlatformType: '1' });
		fixture.sim.injectFault(DEL_CONDITIONAL, { httpStatus: 502 });
		const [deleted] = await fixture.run('menu.deleteConditional', { menuId: a.json.menuid });
		expect(deleted.json).toEqual({ success: true, menuid: String(a.json.menuid) });
		expect(fixture.sim.requests(DEL_CONDITIONAL).map((entry) => entry.errcode)).toEqual([-1, 0]);
	});

	test('Try Match: the newest conditional menu whose rule matches the follower, else the default menu', async () => {
		fixture = await Fixture.start({ followers: 3 });
		const [tagged, untagged] = fixture.sim.allFollowers();
		const vip = fixture.sim.account.addTag('VIP', [tagged]);
		await fixture.run('menu.create', asJson([{ type: 'click', name: 'All', key: 'ALL' }]));
		await fixture.run('menu.createConditional', { ...asJson([{ type: 'click', name: 'Old VIP', key: 'OLD' }]), tagId: vip });
		await fixture.run('menu.createConditional', { ...asJson([{ type: 'click', name: 'VIP', key: 'VIP' }]), tagId: vip });

		const items = await fixture.run('menu.tryMatch', {}, { input: [{ json: { openid: tagged } }, { json: { openid: untagged } }] });
		expect(items.map((item) => item.json)).toEqual([
			{ user_id: tagged, button: [{ type: 'click', name: 'VIP', key: 'VIP', sub_button: [] }] },
			{ user_id: untagged, button: [{ type: 'click', name: 'All', key: 'ALL', sub_button: [] }] },
		]);
		expect(fixture.sim.requests('/cgi-bin/menu/trymatch').map((entry) => entry.body)).toEqual([{ user_id: tagged }, { user_id: untagged }]);
	});

	test('Try Match: an unknown follower (65302), no menu at all (65303), no user ID (refused before sending)', async () => {
		fixture = await Fixture.start({ followers: 1 });
		let error = await errorOf(() => fixture.run('menu.tryMatch', { userId: 'oNotAFollower' }));
		expect(error.message).toBe('WeChat does not know this follower (WeChat errcode 65302)');
		error = await errorOf(() => fixture.run('menu.tryMatch', { userId: fixture.sim.allFollowers()[0] }));
		expect(error.message).toBe('The account has no default menu (WeChat errcode 65303)');
		error = await errorOf(() => fixture.run('menu.tryMatch', {}, { input: [{ json: {} }] }));
		expect(error.message).toBe('Input item 1: "User ID" is empty');
		expect(fixture.sim.requests('/cgi-bin/menu/trymatch')).toHaveLength(2);
	});

	test('no secret in an error, an output item or the error items of "Continue"', async () => {
		fixture = await Fixture.start({ followers: 1 });
		const items = await fixture.run('menu.tryMatch', { userId: 'oNotAFollower' }, { continueOnFail: true });
		const text = JSON.stringify(items);
		expect(items[0].json.error).toContain('65302');
		for (const secret of [fixture.sim.appSecret, ...fixture.sim.issuedTokens()]) expect(text).not.toContain(secret);
	});
});
