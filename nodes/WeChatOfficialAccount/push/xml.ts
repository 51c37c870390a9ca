/**
 * WeChat's push XML, read and written without a dependency (n8n's rules). The reader is strict
 * and small on purpose: it accepts what WeChat sends (elements, text, CDATA, the five named
 * entities and numeric references, an XML declaration, comments) and refuses everything else,
 * DOCTYPE and ENTITY declarations above all, so no input can expand, recurse or hang.
 */

/** What an element holds: its text, or its child elements by name. */
export type XmlValue = string | XmlObject | Array<string | XmlObject>;
export interface XmlObject {
	[name: string]: XmlValue;
}

export class XmlError extends Error {}

/** Elements that always become lists, even with one entry: WeChat's list entries. */
const ALWAYS_LISTS = new Set(['item', 'List']);
const MAX_DEPTH = 12;
const MAX_ELEMENTS = 5_000;
const NAME = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const WHITESPACE = /[ \t\r\n]*/y;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Parses a document whose root element is `<xml>` and returns the root's children. Throws an
 * XmlError saying what is wrong and where.
 */
export function parseWeChatXml(text: string): XmlObject {
	return new Reader(text).document();
}

class Reader {
	private pos = 0;
	private elements = 0;

	constructor(private readonly text: string) {}

	document(): XmlObject {
		this.skipWhitespace();
		if (this.text.startsWith('<?xml', this.pos)) this.skipPast('?>', 'XML declaration');
		this.skipMisc();
		if (this.text[this.pos] !== '<') this.fail('expected the root element <xml>');
		const root = this.element(1);
		if (root.name !== 'xml') this.fail(`the root element is <${root.name}>, not <xml>`);
		this.skipMisc();
		if (this.pos < this.text.length) this.fail('content after the root element');
		if (typeof root.value === 'string') {
			if (root.value.trim() !== '') this.fail('the root element holds text instead of fields');
			return {};
		}
		return root.value;
	}

	/** One element at `pos` (which is at its `<`), with everything inside it. */
	private element(depth: number): { name: string; value: string | XmlObject } {
		if (depth > MAX_DEPTH) this.fail(`elements nested deeper than ${MAX_DEPTH} levels`);
		if (++this.elements > MAX_ELEMENTS) this.fail(`more than ${MAX_ELEMENTS} elements`);
		this.pos++; // '<'
		const name = this.name();
		this.skipAttributes();
		if (this.text.startsWith('/>', this.pos)) {
			this.pos += 2;
			return { name, value: '' };
		}
		this.pos++; // '>'

		let text = '';
		let children: XmlObject | undefined;
		for (;;) {
			const next = this.text.indexOf('<', this.pos);
			if (next < 0) this.fail(`<${name}> is not closed`);
			text += this.decode(this.text.slice(this.pos, next));
			this.pos = next;
			if (this.text.startsWith('</', this.pos)) {
				this.pos += 2;
				const closing = this.name();
				this.skipWhitespace();
				if (closing !== name) this.fail(`</${closing}> closes <${name}>`);
				if (this.text[this.pos] !== '>') this.fail(`</${closing}> is not closed`);
				this.pos++;
				break;
			}
			if (this.text.startsWith('<![CDATA[', this.pos)) {
				const end = this.text.indexOf(']]>', this.pos + 9);
				if (end < 0) this.fail('a CDATA section is not closed');
				text += this.text.slice(this.pos + 9, end);
				this.pos = end + 3;
				continue;
			}
			if (this.text.startsWith('<!--', this.pos)) {
				this.skipPast('-->', 'comment');
				continue;
			}
			if (this.text.startsWith('<!', this.pos)) this.fail('DOCTYPE and ENTITY declarations are not accepted');
			if (this.text.startsWith('<?', this.pos)) this.fail('processing instructions are not accepted');
			const child = this.element(depth + 1);
			children ??= {};
			addChild(children, child.name, child.value, () => this.fail(`the element name <${child.name}> is not accepted`));
		}
		if (children === undefined) return { name, value: text };
		if (text.trim() !== '') this.fail(`<${name}> mixes text and elements`);
		return { name, value: children };
	}

	private name(): string {
		NAME.lastIndex = this.pos;
		const match = NAME.exec(this.text);
		if (!match) this.fail('expected an element name');
		this.pos = NAME.lastIndex;
		return match[0];
	}

	/** Attributes are well-formed or refused; WeChat sends none, so their values are not kept. */
	private skipAttributes(): void {
		for (;;) {
			const before = this.pos;
			this.skipWhitespace();
			if (this.pos >= this.text.length) this.fail('the document ends inside a tag');
			const at = this.text[this.pos];
			if (at === '>' || this.text.startsWith('/>', this.pos)) return;
			if (this.pos === before) this.fail('expected whitespace before an attribute');
			this.name();
			this.skipWhitespace();
			if (this.text[this.pos] !== '=') this.fail('expected = after an attribute name');
			this.pos++;
			this.skipWhitespace();
			const quote = this.text[this.pos];
			if (quote !== '"' && quote !== "'") this.fail('expected a quoted attribute value');
			const end = this.text.indexOf(quote, this.pos + 1);
			if (end < 0) this.fail('an attribute value is not closed');
			const value = this.text.slice(this.pos + 1, end);
			if (value.includes('<')) this.fail('< inside an attribute value');
			this.decode(value);
			this.pos = end + 1;
		}
	}

	/** Replaces entity and character references; a bare `&` is an error. */
	private decode(raw: string): string {
		if (raw.includes(']]>')) this.fail('"]]>" outside a CDATA section');
		if (!raw.includes('&')) return raw;
		return raw.replace(/&([^;&]*);?/g, (whole, reference: string) => {
			if (!whole.endsWith(';')) this.fail('an & that starts no entity reference');
			const named = NAMED_ENTITIES[reference];
			if (named !== undefined) return named;
			const numeric = /^#(?:([0-9]{1,7})|x([0-9a-fA-F]{1,6}))$/.exec(reference);
			if (!numeric) this.fail(`unknown entity &${printable(reference)};`);
			const codePoint = numeric[1] !== undefined ? Number(numeric[1]) : parseInt(numeric[2], 16);
			if (!isXmlChar(codePoint)) this.fail(`&${reference}; is not a character XML allows`);
			return String.fromCodePoint(codePoint);
		});
	}

	private skipWhitespace(): void {
		WHITESPACE.lastIndex = this.pos;
		WHITESPACE.exec(this.text);
		this.pos = WHITESPACE.lastIndex;
	}

	/** Whitespace and comments around the root element. */
	private skipMisc(): void {
		for (;;) {
			this.skipWhitespace();
			if (!this.text.startsWith('<!', this.pos)) return;
			if (!this.text.startsWith('<!--', this.pos)) this.fail('DOCTYPE and ENTITY declarations are not accepted');
			this.skipPast('-->', 'comment');
		}
	}

	private skipPast(terminator: string, what: string): void {
		const end = this.text.indexOf(terminator, this.pos);
		if (end < 0) this.fail(`a ${what} is not closed`);
		this.pos = end + terminator.length;
	}

	private fail(reason: string): never {
		throw new XmlError(`${reason} (at character ${this.pos})`);
	}
}

function addChild(children: XmlObject, name: string, value: string | XmlObject, refuse: () => never): void {
	// A name like __proto__ would reach the object's prototype instead of a field.
	if (name === '__proto__') refuse();
	if (ALWAYS_LISTS.has(name)) {
		const list = Object.prototype.hasOwnProperty.call(children, name) ? (children[name] as Array<string | XmlObject>) : [];
		list.push(value);
		children[name] = list;
		return;
	}
	if (!Object.prototype.hasOwnProperty.call(children, name)) {
		children[name] = value;
		return;
	}
	const existing = children[name];
	children[name] = Array.isArray(existing) ? [...existing, value] : [existing as string | XmlObject, value];
}

/** Input quoted in an error (it reaches a log and the sender): short, one line, ASCII. */
function printable(text: string): string {
	const shown = text.slice(0, 16).replace(/[^\x21-\x7e]/g, '?');
	return text.length > 16 ? `${shown}…` : shown;
}

function isXmlChar(codePoint: number): boolean {
	return (
		codePoint === 0x9 ||
		codePoint === 0xa ||
		codePoint === 0xd ||
		(codePoint >= 0x20 && codePoint <= 0xd7ff) ||
		(codePoint >= 0xe000 && codePoint <= 0xfffd) ||
		(codePoint >= 0x10000 && codePoint <= 0x10ffff)
	);
}

/** Characters XML 1.0 cannot carry at all, even in CDATA; WeChat would refuse the reply. */
const NOT_XML_CHARS = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Writes fields as WeChat's reply XML: strings in CDATA, numbers as text, objects as nested
 * elements, arrays as repeated elements.
 */
export function buildWeChatXml(fields: XmlBuildObject, root = 'xml'): string {
	return `<${root}>${Object.entries(fields).map(([name, value]) => element(name, value)).join('')}</${root}>`;
}

export type XmlBuildValue = string | number | XmlBuildObject | XmlBuildValue[];
export interface XmlBuildObject {
	[name: string]: XmlBuildValue;
}

function element(name: string, value: XmlBuildValue): string {
	if (Array.isArray(value)) return value.map((entry) => element(name, entry)).join('');
	if (typeof value === 'number') return `<${name}>${value}</${name}>`;
	if (typeof value === 'string') return `<${name}>${cdata(value)}</${name}>`;
	return buildWeChatXml(value, name);
}

function cdata(text: string): string {
	// "]]>" would end the section early: split it across two sections.
	return `<![CDATA[${text.replace(NOT_XML_CHARS, '').split(']]>').join(']]]]><![CDATA[>')}]]>`;
}
