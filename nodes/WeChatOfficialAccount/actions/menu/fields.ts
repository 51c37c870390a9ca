import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { invalidParameter } from '../../helpers/itemParameters';
import type { ButtonType } from './validate';
import { BUTTON_TYPES, MenuProblem, checkedButtons } from './validate';

const KEY_TYPES: ButtonType[] = ['click', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto', 'pic_photo_or_album', 'pic_weixin', 'location_select'];
/** The Type of a top-level button in the field list that only opens its sub-buttons. */
const SUB_MENU = 'subMenu';

const EXAMPLE_MENU = `{
  "button": [
    { "type": "click", "name": "Today", "key": "TODAY" },
    {
      "name": "More",
      "sub_button": [
        { "type": "view", "name": "Shop", "url": "https://example.com/shop" },
        { "type": "click", "name": "Contact us", "key": "CONTACT" }
      ]
    }
  ]
}`;

/**
 * The menu, as JSON or as a list of buttons. The list is flat: each entry is a top-level button
 * or, with "Parent" set, a sub-button of the 1st, 2nd or 3rd top-level button. n8n's editor
 * shows nested multi-value collections as deeply indented boxes in which a sub-button is easily
 * added to the wrong button; one list with a Parent column reads like the menu itself.
 */
export const menuFields: INodeProperties[] = [
	{
		displayName: 'Define Menu',
		name: 'menuInput',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Using Fields Below', value: 'fields', description: 'List the buttons one by one' },
			{ name: 'Using JSON', value: 'json', description: 'WeChat\'s menu JSON, e.g. built by a previous node' },
		],
		default: 'fields',
	},
	{
		displayName: 'Menu (JSON)',
		name: 'menuJson',
		type: 'json',
		default: EXAMPLE_MENU,
		required: true,
		description: 'WeChat\'s menu object {"button": [...]} or just the array of top-level buttons. The output of Menu → Get can be given as it is.',
		displayOptions: { show: { menuInput: ['json'] } },
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		description: 'Top-level buttons (up to 3) in the order followers see them; a button with a Parent is a sub-button (up to 5 under each top-level button)',
		displayOptions: { show: { menuInput: ['fields'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Button Name',
						name: 'name',
						type: 'string',
						default: '',
						description: 'The text followers see: up to 16 bytes for a top-level button, 60 for a sub-button (a Chinese character counts 3)',
					},
					{
						displayName: 'Button Parent',
						name: 'parent',
						type: 'options',
						options: [
							{ name: 'None (Top-Level Button)', value: 'none' },
							{ name: 'Top-Level Button 1', value: '1' },
							{ name: 'Top-Level Button 2', value: '2' },
							{ name: 'Top-Level Button 3', value: '3' },
						],
						default: 'none',
						description: 'Which top-level button this sub-button opens under, counting the top-level buttons of this list in order',
					},
					{
						displayName: 'Button Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Article', value: 'article_id', description: 'Opens a published article' },
							{ name: 'Article (Limited View)', value: 'article_view_limited', description: 'Opens a published article, without sharing' },
							{ name: 'Click', value: 'click', description: 'Sends its key to the account (a push event, e.g. to the trigger)' },
							{ name: 'Location Select', value: 'location_select', description: 'The follower sends a location' },
							{ name: 'Media', value: 'media_id', description: 'Sends permanent material (image, voice, video, news)' },
							{ name: 'Mini Program', value: 'miniprogram', description: 'Opens a page of a linked mini program' },
							{ name: 'Open Sub-Menu', value: SUB_MENU, description: 'A top-level button that only opens its sub-buttons' },
							{ name: 'Photo (Camera)', value: 'pic_sysphoto', description: 'The follower takes a photo and sends it' },
							{ name: 'Photo (Camera or Album)', value: 'pic_photo_or_album', description: 'The follower sends a photo from the camera or album' },
							{ name: 'Photo (WeChat Album)', value: 'pic_weixin', description: 'The follower sends a photo from the WeChat album' },
							{ name: 'Scan Code', value: 'scancode_push', description: 'Opens the scanner and sends the result' },
							{ name: 'Scan Code and Wait', value: 'scancode_waitmsg', description: 'Opens the scanner, sends the result and shows "receiving message"' },
							{ name: 'View Web Page', value: 'view', description: 'Opens a URL' },
						],
						default: 'click',
					},
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						description: 'Comes back as EventKey in the push when a follower taps the button; up to 128 bytes',
						displayOptions: { show: { type: KEY_TYPES } },
					},
					{
						displayName: 'Media ID',
						name: 'media_id',
						type: 'string',
						default: '',
						description: 'The media_id of permanent material',
						displayOptions: { show: { type: ['media_id'] } },
					},
					{
						displayName: 'Mini Program AppID',
						name: 'appid',
						type: 'string',
						default: '',
						displayOptions: { show: { type: ['miniprogram'] } },
					},
					{
						displayName: 'Mini Program Page Path',
						name: 'pagepath',
						type: 'string',
						default: '',
						placeholder: 'pages/index/index',
						displayOptions: { show: { type: ['miniprogram'] } },
					},
					{
						displayName: 'Published Article ID',
						name: 'article_id',
						type: 'string',
						default: '',
						description: 'The article_id of a published article',
						displayOptions: { show: { type: ['article_id', 'article_view_limited'] } },
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/shop',
						description: 'The page to open, up to 1,024 bytes; for a mini program, the page WeChat versions without mini programs open',
						displayOptions: { show: { type: ['view', 'miniprogram'] } },
					},
				],
			},
		],
	},
];

interface ButtonEntry {
	name?: string;
	parent?: string;
	type?: string;
	[field: string]: unknown;
}

/** What WeChat reads of one entry of the field list: the fields of its type only. */
function buttonOfEntry(entry: ButtonEntry): IDataObject {
	const button: IDataObject = { name: entry.name ?? '' };
	if (entry.type && entry.type !== SUB_MENU) {
		button.type = entry.type;
		for (const field of BUTTON_TYPES[entry.type as ButtonType] ?? []) button[field] = entry[field] ?? '';
	}
	return button;
}

/** The field list as WeChat's button tree, with where each button came from in the list. */
function buttonsFromEntries(entries: ButtonEntry[]): { buttons: IDataObject[]; entryOf: Map<string, number> } {
	const entryOf = new Map<string, number>();
	const topLevel: Array<{ button: IDataObject; entry: number; subMenu: boolean; children: IDataObject[] }> = [];
	entries.forEach((entry, index) => {
		if ((entry.parent ?? 'none') === 'none') {
			topLevel.push({ button: buttonOfEntry(entry), entry: index + 1, subMenu: entry.type === SUB_MENU, children: [] });
		}
	});
	entries.forEach((entry, index) => {
		const parent = entry.parent ?? 'none';
		if (parent === 'none') return;
		const label = `Entry ${index + 1}${entry.name ? ` "${entry.name}"` : ''} of "Buttons"`;
		if (entry.type === SUB_MENU) {
			throw new MenuProblem(`${label}: a sub-button cannot open a sub-menu`, 'WeChat menus have two levels. Choose the type of action this sub-button has.');
		}
		const owner = topLevel[Number(parent) - 1];
		if (!owner) {
			throw new MenuProblem(
				`${label}: its parent is top-level button ${parent}, but the list has ${topLevel.length} top-level button${topLevel.length === 1 ? '' : 's'}`,
				'Top-level buttons are the entries with Parent "None", counted in list order. Add the top-level button, or choose another parent.',
			);
		}
		if (!owner.subMenu) {
			throw new MenuProblem(
				`${label}: its parent, top-level button ${parent} "${String(owner.button.name)}", has the type "${String(owner.button.type)}"`,
				'A top-level button with sub-buttons only opens them: set its Type to "Open Sub-Menu".',
			);
		}
		owner.children.push(buttonOfEntry(entry));
		entryOf.set(`Button ${parent} › Sub-button ${owner.children.length}`, index + 1);
	});
	const buttons = topLevel.map((top, index) => {
		entryOf.set(`Button ${index + 1}`, top.entry);
		if (top.subMenu && top.children.length === 0) {
			throw new MenuProblem(
				`Button ${index + 1}${top.button.name ? ` "${String(top.button.name)}"` : ''}: its type is "Open Sub-Menu" but no button has it as Parent`,
				`Add sub-buttons with Parent "Top-Level Button ${index + 1}" (entry ${top.entry} of "Buttons"), or give it another type.`,
			);
		}
		return top.subMenu ? { ...top.button, sub_button: top.children } : top.button;
	});
	return { buttons, entryOf };
}

/** The menu JSON of an item: `{ button: [...] }` (optionally with a matchrule) or the array. */
function parseMenuJson(value: unknown): IDataObject | unknown[] {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') throw new MenuProblem('is empty', 'Give WeChat\'s menu object {"button": [...]}.', true);
		let parseError: string | undefined;
		try {
			parsed = JSON.parse(value) as unknown;
		} catch (error) {
			parseError = (error as Error).message;
		}
		if (parseError !== undefined) {
			throw new MenuProblem(`is not valid JSON: ${parseError}`, 'Check the brackets, commas and quotes, or build the menu with an expression.', true);
		}
	}
	if (Array.isArray(parsed)) return parsed;
	if (typeof parsed !== 'object' || parsed === null) {
		throw new MenuProblem('is not a menu', 'Give WeChat\'s menu object {"button": [...]}, or just the array of top-level buttons.', true);
	}
	return parsed as IDataObject;
}

/** The parameter that holds the menu of an item, as the editor labels it. */
function menuParameterOf(context: IExecuteFunctions, itemIndex: number): string {
	return context.getNodeParameter('menuInput', itemIndex) === 'json' ? 'Menu (JSON)' : 'Buttons';
}

/**
 * A refused menu as the error of its item. A problem of the whole menu reads like every other
 * refused parameter (`Input item N: "Menu (JSON)" has no buttons`); a problem of one button keeps
 * naming the button (`Button 2 › Sub-button 3 "Contact": …`), after the input item when the
 * node received several.
 */
function refusal(context: IExecuteFunctions, itemIndex: number, problem: MenuProblem): NodeOperationError {
	if (problem.ofMenu) {
		return invalidParameter(context, itemIndex, menuParameterOf(context, itemIndex), problem.message, problem.description);
	}
	const several = context.getInputData().length > 1;
	return new NodeOperationError(context.getNode(), `${several ? `Input item ${itemIndex + 1}: ` : ''}${problem.message}`, {
		description: problem.description,
		itemIndex,
	});
}

/**
 * The checked menu of one input item, `{ button }`, and the match rule its JSON carried (for
 * conditional menus). Refused with the button that breaks a rule before anything is sent.
 */
export function menuOf(context: IExecuteFunctions, itemIndex: number): { button: IDataObject[]; matchrule?: IDataObject } {
	try {
		if (context.getNodeParameter('menuInput', itemIndex) === 'json') {
			const menu = parseMenuJson(context.getNodeParameter('menuJson', itemIndex));
			const raw = Array.isArray(menu) ? menu : menu.button;
			const matchrule = !Array.isArray(menu) && typeof menu.matchrule === 'object' && menu.matchrule !== null ? (menu.matchrule as IDataObject) : undefined;
			return { button: checkedButtons(raw), ...(matchrule ? { matchrule } : {}) };
		}
		const entries = (context.getNodeParameter('buttons', itemIndex, {}) as { button?: ButtonEntry[] }).button ?? [];
		if (entries.length === 0) {
			throw new MenuProblem('is empty', 'Add 1 to 3 top-level buttons under "Buttons", or define the menu using JSON.', true);
		}
		const { buttons, entryOf } = buttonsFromEntries(entries);
		return { button: checkedButtons(buttons, (path) => (entryOf.has(path) ? `Entry ${entryOf.get(path)} of "Buttons". ` : '')) };
	} catch (error) {
		if (error instanceof MenuProblem) throw refusal(context, itemIndex, error);
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	}
}
