/**
 * The account's menu and conditional menus (cgi-bin/menu/*, cgi-bin/get_current_selfmenu_info),
 * with WeChat's own checks and errcodes, so a test can prove the node refuses a menu before
 * WeChat would:
 * - 40016 top-level button count, 40017 top-level type, 40018 top-level name (16 bytes), 40019
 *   top-level key (128 bytes), 40020 top-level URL size; 40023 sub-button count, 40024 sub type,
 *   40025 sub name (60 bytes), 40026 sub key, 40027 sub URL size; 40055 / 40054 a (sub-)button URL
 *   that is not http(s) (WeChat: "invalid (sub) button url domain"); 40007 media_id missing;
 * - 46003 no menu (menu/get, and, assumed, menu/delete with nothing to delete);
 * - 65301 unknown menuid, 65302 unknown user, 65303 no default menu (addconditional before
 *   menu/create: "there is no selfmenu, please create selfmenu first"; trymatch with no menu at
 *   all), 65304 empty match rule, 65305 too many conditional menus, 65306 account without
 *   conditional menus, 65320 a privacy rule with a value (sex, region, language; empty keys pass).
 * menu/delete answers whatever the method (WeChat documents GET); the node's method is asserted
 * from the request log.
 * Trymatch follows WeChat's order: the newest conditional menu whose rules all match, else the
 * default menu. A follower's client platform is fixed per follower (see platformOf).
 * get_current_selfmenu_info answers in its own shape: is_menu_open, selfmenu_info.button with
 * sub_button.list; a menu set in the platform's editor (setEditorMenu) is answered as given, e.g.
 * with "news" buttons carrying news_info.list.
 */
import type { CursorListView, SimulatedAccount } from './account';

type Reply = Record<string, unknown>;
type Button = Record<string, unknown>;

export interface MenusContext {
	account: SimulatedAccount;
	followers(): CursorListView;
	rid(): string;
}

export interface ConditionalMenu {
	menuid: string;
	button: Button[];
	matchrule: Record<string, string>;
}

const KEY_TYPES = ['click', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto', 'pic_photo_or_album', 'pic_weixin', 'location_select'];
const TYPES = [...KEY_TYPES, 'view', 'miniprogram', 'media_id', 'article_id', 'article_view_limited'];
const PRIVACY_RULES = ['sex', 'country', 'province', 'city', 'language'];

const bytes = (value: unknown) => Buffer.byteLength(String(value ?? ''), 'utf8');

export class SimulatedMenus {
	/** the default menu set through menu/create */
	menu: { button: Button[] } | undefined;
	readonly conditional: ConditionalMenu[] = [];
	/** a menu set in the platform's editor (get_current_selfmenu_info's shape), when no API menu is set */
	editorMenu: { button: Button[] } | undefined;
	/** whether the account may have conditional menus (verified accounts only: else 65306) */
	conditionalAllowed = true;
	/** WeChat does not document its limit; 65305 beyond it */
	maxConditionalMenus = 20;
	private nextMenuid = 208_379_533;
	private defaultMenuid: string | undefined;

	constructor(private readonly context: MenusContext) {}

	/** A menu set in the platform's editor, as get_current_selfmenu_info reports it. */
	setEditorMenu(selfmenuButtons: Button[]): void {
		this.editorMenu = { button: selfmenuButtons };
	}

	/** The client platform of a follower (1 iOS, 2 Android, 3 others), by list position. */
	platformOf(openid: string): string {
		return String(((this.context.followers().indexOf(openid) ?? 0) % 3) + 1);
	}

	route(path: string, _query: Record<string, string>, body: Record<string, unknown>): Reply | undefined {
		switch (path) {
			case '/cgi-bin/menu/create':
				return this.create(body);
			case '/cgi-bin/menu/get':
				return this.get();
			case '/cgi-bin/menu/delete':
				return this.deleteAll();
			case '/cgi-bin/get_current_selfmenu_info':
				return this.current();
			case '/cgi-bin/menu/addconditional':
				return this.addConditional(body);
			case '/cgi-bin/menu/delconditional':
				return this.delConditional(body);
			case '/cgi-bin/menu/trymatch':
				return this.tryMatch(body);
			default:
				return undefined;
		}
	}

	private error(errcode: number, errmsg: string): Reply {
		return { errcode, errmsg: `${errmsg} rid: ${this.context.rid()}` };
	}

	private ok(extra: Reply = {}): Reply {
		return { errcode: 0, errmsg: 'ok', ...extra };
	}

	/** WeChat's checks of a button list; undefined when it is accepted. */
	private checkButtons(buttons: unknown): Reply | undefined {
		if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) return this.error(40016, 'invalid button size');
		for (const raw of buttons) {
			const button = (raw ?? {}) as Button;
			if (bytes(button.name) === 0 || bytes(button.name) > 16) return this.error(40018, 'invalid button name size');
			const subs = Array.isArray(button.sub_button) ? (button.sub_button as Button[]) : [];
			if (subs.length > 5) return this.error(40023, 'invalid sub button size');
			if (subs.length > 0) {
				for (const sub of subs) {
					if (bytes(sub.name) === 0 || bytes(sub.name) > 60) return this.error(40025, 'invalid sub button name size');
					const problem = this.checkAction(sub, true);
					if (problem) return problem;
				}
				continue;
			}
			const problem = this.checkAction(button, false);
			if (problem) return problem;
		}
		return undefined;
	}

	private checkAction(button: Button, sub: boolean): Reply | undefined {
		const type = String(button.type ?? '');
		if (!TYPES.includes(type)) return sub ? this.error(40024, 'invalid sub button type') : this.error(40017, 'invalid button type');
		if (KEY_TYPES.includes(type) && (bytes(button.key) === 0 || bytes(button.key) > 128)) {
			return sub ? this.error(40026, 'invalid sub button key size') : this.error(40019, 'invalid button key size');
		}
		if (type === 'view' || type === 'miniprogram') {
			if (bytes(button.url) === 0 || bytes(button.url) > 1024) return sub ? this.error(40027, 'invalid sub button url size') : this.error(40020, 'invalid button url size');
			if (!/^https?:\/\//.test(String(button.url))) return sub ? this.error(40054, 'invalid sub button url domain') : this.error(40055, 'invalid button url domain');
		}
		if (type === 'miniprogram' && (!button.appid || !button.pagepath)) return this.error(47001, 'data format error');
		if (type === 'media_id' && !button.media_id) return this.error(40007, 'invalid media_id');
		if ((type === 'article_id' || type === 'article_view_limited') && !button.article_id) return this.error(47001, 'data format error');
		return undefined;
	}

	/** A button list as WeChat stores and answers it: every button with a sub_button list. */
	private stored(buttons: Button[]): Button[] {
		return buttons.map((button) => {
			const subs = Array.isArray(button.sub_button) ? (button.sub_button as Button[]) : [];
			return { ...button, sub_button: subs.map((sub) => ({ ...sub, sub_button: [] })) };
		});
	}

	private create(body: Record<string, unknown>): Reply {
		const problem = this.checkButtons(body.button);
		if (problem) return problem;
		this.menu = { button: this.stored(body.button as Button[]) };
		this.defaultMenuid = String(this.nextMenuid++);
		return this.ok();
	}

	private get(): Reply {
		if (!this.menu && this.conditional.length === 0) return this.error(46003, 'menu no exist');
		const withConditional = this.conditional.length > 0;
		return {
			...(this.menu ? { menu: { button: this.menu.button, ...(withConditional ? { menuid: Number(this.defaultMenuid) } : {}) } } : {}),
			...(withConditional
				? { conditionalmenu: this.conditional.map((menu) => ({ button: menu.button, matchrule: menu.matchrule, menuid: Number(menu.menuid) })) }
				: {}),
		};
	}

	private deleteAll(): Reply {
		if (!this.menu && this.conditional.length === 0) return this.error(46003, 'menu no exist');
		this.menu = undefined;
		this.conditional.length = 0;
		return this.ok();
	}

	/** get_current_selfmenu_info: the API menu in its own shape, else the editor's, else closed. */
	private current(): Reply {
		if (this.menu) {
			return {
				is_menu_open: 1,
				selfmenu_info: {
					button: this.menu.button.map((button) => {
						const subs = button.sub_button as Button[];
						const { sub_button: _subs, ...rest } = button;
						return subs.length > 0
							? { name: button.name, sub_button: { list: subs.map(({ sub_button: _none, ...sub }) => sub) } }
							: rest;
					}),
				},
			};
		}
		if (this.editorMenu) return { is_menu_open: 1, selfmenu_info: { button: this.editorMenu.button } };
		return { is_menu_open: 0 };
	}

	private addConditional(body: Record<string, unknown>): Reply {
		if (!this.conditionalAllowed) return this.error(65306, 'not supported type');
		const rule = (body.matchrule ?? {}) as Record<string, unknown>;
		// WeChat's own example lists every key, the unused ones empty: only a value is refused.
		if (PRIVACY_RULES.some((field) => rule[field] !== undefined && rule[field] !== null && String(rule[field]) !== '')) {
			return this.error(65320, 'matchrule contains privacy info');
		}
		const matchrule: Record<string, string> = {};
		for (const field of ['tag_id', 'client_platform_type']) {
			if (rule[field] !== undefined && String(rule[field]) !== '') matchrule[field] = String(rule[field]);
		}
		if (Object.keys(matchrule).length === 0) return this.error(65304, 'match rule empty');
		if (!this.menu) return this.error(65303, 'there is no selfmenu, please create selfmenu first');
		const problem = this.checkButtons(body.button);
		if (problem) return problem;
		if (matchrule.tag_id !== undefined && !this.context.account.tags.has(Number(matchrule.tag_id))) return this.error(45159, 'invalid tag id');
		if (this.conditional.length >= this.maxConditionalMenus) return this.error(65305, 'personalized menu size limit');
		const menuid = String(this.nextMenuid++);
		this.conditional.push({ menuid, button: this.stored(body.button as Button[]), matchrule });
		return { menuid };
	}

	private delConditional(body: Record<string, unknown>): Reply {
		const index = this.conditional.findIndex((menu) => menu.menuid === String(body.menuid ?? ''));
		if (index < 0) return this.error(65301, 'menuid not exist');
		this.conditional.splice(index, 1);
		return this.ok();
	}

	private tryMatch(body: Record<string, unknown>): Reply {
		const userId = String(body.user_id ?? '');
		if (this.context.followers().indexOf(userId) === undefined) return this.error(65302, 'user not exist');
		const tags = new Set(this.context.account.tagsOf(userId).map(String));
		const platform = this.platformOf(userId);
		for (let index = this.conditional.length - 1; index >= 0; index--) {
			const { matchrule, button } = this.conditional[index];
			if (matchrule.tag_id !== undefined && !tags.has(matchrule.tag_id)) continue;
			if (matchrule.client_platform_type !== undefined && matchrule.client_platform_type !== platform) continue;
			return { button };
		}
		if (this.menu) return { button: this.menu.button };
		return this.error(65303, 'there is no selfmenu, please create selfmenu first');
	}
}
