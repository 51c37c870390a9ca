import type { IDataObject } from 'n8n-workflow';

/**
 * WeChat's rules for a custom menu (cgi-bin/menu/create and menu/addconditional), checked before
 * anything is sent. Sources: WeChat's "Create custom menu" documentation and the SDKs that quote
 * it (wechatpy, WxJava): 1 to 3 top-level buttons, 1 to 5 sub-buttons each, names up to 16 bytes
 * (top level) and 60 bytes (sub-buttons), keys up to 128 bytes, URLs up to 1,024 bytes.
 */
const MENU_LIMITS = {
	topLevelButtons: 3,
	subButtons: 5,
	topLevelNameBytes: 16,
	subButtonNameBytes: 60,
	keyBytes: 128,
	urlBytes: 1024,
};

/** Every button type WeChat accepts today, and the fields each one needs. */
export const BUTTON_TYPES = {
	click: ['key'],
	view: ['url'],
	miniprogram: ['url', 'appid', 'pagepath'],
	scancode_push: ['key'],
	scancode_waitmsg: ['key'],
	pic_sysphoto: ['key'],
	pic_photo_or_album: ['key'],
	pic_weixin: ['key'],
	location_select: ['key'],
	media_id: ['media_id'],
	article_id: ['article_id'],
	article_view_limited: ['article_id'],
} as const;

export type ButtonType = keyof typeof BUTTON_TYPES;
type ButtonField = (typeof BUTTON_TYPES)[ButtonType][number];

const FIELD_LABELS: Record<ButtonField, string> = {
	key: 'a key',
	url: 'a URL',
	appid: 'a mini program AppID',
	pagepath: 'a mini program page path',
	media_id: 'a media ID',
	article_id: 'an article ID',
};

/**
 * A menu that breaks one of WeChat's rules: what is wrong, and what to do. A problem of one button
 * names it ("Button 2 › Sub-button 3 "Contact": …"); a problem of the whole menu (`ofMenu`) is
 * only what is wrong ("has no buttons"), said of the parameter that holds the menu.
 */
export class MenuProblem extends Error {
	constructor(
		message: string,
		readonly description: string,
		readonly ofMenu = false,
	) {
		super(message);
	}
}

/** UTF-8 length, as WeChat counts: a Chinese character is 3 bytes. */
function utf8Bytes(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

const TYPE_LIST = Object.keys(BUTTON_TYPES).join(', ');

/**
 * The button list of a menu, checked and reduced to the fields WeChat reads (in a fixed order,
 * so the JSON and the fields modes send the same body). Throws a MenuProblem naming the button.
 * `where` optionally adds, per button path, where the user finds it (an entry of the field list).
 */
export function checkedButtons(raw: unknown, where: (path: string) => string = () => ''): IDataObject[] {
	if (!Array.isArray(raw)) {
		throw new MenuProblem('has no button list', 'Give WeChat\'s menu object {"button": [...]}, or just the array of top-level buttons.', true);
	}
	if (raw.length === 0) {
		throw new MenuProblem('has no buttons', `A menu has 1 to ${MENU_LIMITS.topLevelButtons} top-level buttons.`, true);
	}
	if (raw.length > MENU_LIMITS.topLevelButtons) {
		throw new MenuProblem(
			`has ${raw.length} top-level buttons; WeChat allows at most ${MENU_LIMITS.topLevelButtons}`,
			`Group the others as sub-buttons (up to ${MENU_LIMITS.subButtons} under each top-level button).`,
			true,
		);
	}
	return raw.map((button, index) => checkedButton(button, [index + 1], where));
}

function checkedButton(raw: unknown, position: number[], where: (path: string) => string): IDataObject {
	const topLevel = position.length === 1;
	const path = topLevel ? `Button ${position[0]}` : `Button ${position[0]} › Sub-button ${position[1]}`;
	const locate = (message: string, description: string, name?: string): MenuProblem =>
		new MenuProblem(`${path}${name ? ` "${name}"` : ''}: ${message}`, `${where(path)}${description}`);

	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		throw locate('is not a button object', 'Each button is an object such as {"type": "click", "name": "News", "key": "NEWS"}.');
	}
	const button = raw as IDataObject;
	const name = textOf(button.name);
	if (name === undefined || name.trim() === '') {
		throw locate('the name is empty', 'Every button needs a name: the text followers see.');
	}
	const maxName = topLevel ? MENU_LIMITS.topLevelNameBytes : MENU_LIMITS.subButtonNameBytes;
	const nameBytes = utf8Bytes(name);
	if (nameBytes > maxName) {
		throw locate(
			`the name is ${nameBytes} bytes; WeChat allows at most ${maxName} for ${topLevel ? 'a top-level button' : 'a sub-button'}`,
			`Shorten it: a Chinese character counts 3 bytes, so ${topLevel ? 'a top-level name holds 5 Chinese characters or 16 letters' : 'a sub-button name holds 20 Chinese characters or 60 letters'}.`,
			name,
		);
	}

	const subButtons = button.sub_button;
	const hasSubButtons = Array.isArray(subButtons) && subButtons.length > 0;
	if (subButtons !== undefined && subButtons !== null && !Array.isArray(subButtons)) {
		throw locate('"sub_button" is not a list', 'Give the sub-buttons as an array of button objects.', name);
	}
	if (hasSubButtons) {
		if (!topLevel) {
			throw locate('a sub-button cannot have sub-buttons of its own', 'WeChat menus have two levels: top-level buttons and their sub-buttons.', name);
		}
		if (textOf(button.type)) {
			throw locate(
				`it has sub-buttons and also the type "${String(button.type)}"`,
				'A top-level button with sub-buttons only opens them and has no type of its own: remove its type, or its sub-buttons.',
				name,
			);
		}
		if (subButtons.length > MENU_LIMITS.subButtons) {
			throw locate(
				`it has ${subButtons.length} sub-buttons; WeChat allows at most ${MENU_LIMITS.subButtons}`,
				'Move some sub-buttons under another top-level button, or remove them.',
				name,
			);
		}
		return { name, sub_button: subButtons.map((sub, index) => checkedButton(sub, [position[0], index + 1], where)) };
	}

	const type = textOf(button.type);
	if (!type) {
		throw locate(
			'it has no type',
			`A button without sub-buttons needs a type: ${TYPE_LIST}.${topLevel ? ' A top-level button that only opens sub-buttons needs at least one sub-button.' : ''}`,
			name,
		);
	}
	if (!(type in BUTTON_TYPES)) {
		throw locate(`"${type}" is not a button type WeChat knows`, `Use one of: ${TYPE_LIST}.`, name);
	}
	const checked: IDataObject = { type, name };
	for (const field of BUTTON_TYPES[type as ButtonType]) {
		const value = textOf(button[field]);
		if (value === undefined || value.trim() === '') {
			throw locate(`${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} button needs ${FIELD_LABELS[field]}`, fieldAdvice(type as ButtonType, field), name);
		}
		if (field === 'key' && utf8Bytes(value) > MENU_LIMITS.keyBytes) {
			throw locate(
				`the key is ${utf8Bytes(value)} bytes; WeChat allows at most ${MENU_LIMITS.keyBytes}`,
				'Use a shorter key: it only identifies the button in the push your workflow receives (EventKey).',
				name,
			);
		}
		if (field === 'url') {
			if (!/^https?:\/\//i.test(value.trim())) {
				throw locate(`the URL "${value}" does not start with http:// or https://`, 'Give the full address of the page, e.g. https://example.com/shop.', name);
			}
			if (utf8Bytes(value) > MENU_LIMITS.urlBytes) {
				throw locate(`the URL is ${utf8Bytes(value)} bytes; WeChat allows at most ${MENU_LIMITS.urlBytes}`, 'Use a shorter address, e.g. through a short link.', name);
			}
		}
		checked[field] = value;
	}
	return checked;
}

function fieldAdvice(type: ButtonType, field: ButtonField): string {
	switch (field) {
		case 'key':
			return `The key (up to ${MENU_LIMITS.keyBytes} bytes) comes back as EventKey in the push when a follower taps the button.`;
		case 'url':
			return type === 'miniprogram'
				? 'A mini program button also needs a web page URL: WeChat versions without mini program support open it instead.'
				: 'Give the page the button opens, starting with http:// or https://.';
		case 'appid':
			return 'Give the AppID of the mini program (linked to this account) that the button opens.';
		case 'pagepath':
			return 'Give the page of the mini program the button opens, e.g. pages/index/index.';
		case 'media_id':
			return 'Give the media_id of permanent material (Media → Add Material or Get Many).';
		case 'article_id':
			return 'Give the article_id of a published article (Publication → Get Many shows it).';
	}
}

/** A string as given; numbers (e.g. from an expression) as text; anything else undefined. */
function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}
