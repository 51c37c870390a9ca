import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { WeChatOfficialAccountApi } from '../credentials/WeChatOfficialAccountApi.credentials';
import { Fixture, openidItems } from './harness/fixture';
import { WeChatOfficialAccount } from '../nodes/WeChatOfficialAccount/WeChatOfficialAccount.node';
import { WeChatOfficialAccountTrigger } from '../nodes/WeChatOfficialAccount/WeChatOfficialAccountTrigger.node';

// What the editor shows: the canvas subtitle, the Docs links, the credential's default name and
// form, the node picker's entries, the output schemas. The editor's own rules are restated here
// from n8n's editor (2.41.1 and 1.123), not taken from the code under test.

const node = new WeChatOfficialAccount().description;
const trigger = new WeChatOfficialAccountTrigger().description;
const credential = new WeChatOfficialAccountApi();
const NODE_DIR = path.join(__dirname, '..', 'nodes', 'WeChatOfficialAccount');

const options = (property: INodeProperties | undefined) => (property?.options ?? []) as INodePropertyOptions[];
const resources = options(node.properties.find((property) => property.name === 'resource'));
/** Every resource/operation pair of the node (not the tool variant's duplicates). */
const pairs = resources.flatMap((resource) =>
	options(
		node.properties.find(
			(property) => property.name === 'operation' && (property.displayOptions?.show?.resource ?? []).includes(resource.value),
		),
	).map((operation) => ({ resource: String(resource.value), operation: String(operation.value), label: operation.name })),
);

/** The subtitle as the editor computes it: an expression over the node's parameters. */
function subtitleFor(parameters: Record<string, string>): unknown {
	const expression = String(node.subtitle);
	expect(expression.startsWith('={{') && expression.endsWith('}}')).toBe(true);
	const body = expression.slice(3, -2);
	// Inside "{{ }}" n8n's template engine ends the expression at the first "}}".
	expect(body).not.toContain('}}');
	return new Function('$parameter', `return (${body});`)(parameters);
}

describe('Canvas subtitle: labels, not internal values', () => {
	test.each([
		['follower', 'getAll', 'Get Many: Follower'],
		['analytics', 'getFollowerGrowth', 'Get Follower Growth: Analytics'],
		['tag', 'getFollowers', 'Get Followers: Tag'],
		['blacklist', 'add', 'Add: Blacklist'],
		['qrCode', 'getImage', 'Get Image: QR Code'],
		['customerServiceMessage', 'send', 'Send: Customer Service Message'],
	])('%s / %s reads "%s"', (resource, operation, expected) => {
		expect(subtitleFor({ resource, operation })).toBe(expected);
	});

	test('every operation of every resource has its own label (never "getAll: follower")', () => {
		expect(pairs.length).toBeGreaterThan(70);
		for (const { resource, operation } of pairs) {
			const subtitle = String(subtitleFor({ resource, operation }));
			expect(subtitle).not.toBe(`${operation}: ${resource}`);
			expect(subtitle).toMatch(/^[A-Z][A-Za-z ]+: [A-Z][A-Za-z ]+$/);
		}
	});
});

describe('Docs links work with the parameters n8n appends', () => {
	test('the node gives the editor a documentationUrl it opens unchanged, so the #operations anchor works', () => {
		// The editor: documentationUrl starting with "http" is used as is; otherwise
		// `${primaryDocumentation}?utm_source=…`, which lands after any "#anchor".
		expect(node.documentationUrl).toMatch(/^https:\/\/github\.com\/.+#operations$/);
	});

	test.each(['WeChatOfficialAccount.node.json', 'WeChatOfficialAccountTrigger.node.json'])('%s: primaryDocumentation has no anchor', (file) => {
		const codex = JSON.parse(fs.readFileSync(path.join(NODE_DIR, file), 'utf8'));
		for (const { url } of codex.resources.primaryDocumentation) expect(url).not.toContain('#');
	});
});

describe('Credential form', () => {
	test('n8n\'s default name for a new credential does not say "Account account"', () => {
		// n8n's editor: the displayName without the words API, OAuth1, OAuth2, MCP, then " account".
		const defaultName = `${credential.displayName
			.split(' ')
			.filter((word) => !['API', 'OAuth1', 'OAuth2', 'MCP'].includes(word))
			.join(' ')} account`;
		expect(defaultName).toBe('WeChat Official Accounts Platform account');
		expect(defaultName).not.toMatch(/account account/i);
	});

	test('the IP whitelist comes first, saying what to add and where', () => {
		const [first] = credential.properties;
		expect(first.type).toBe('notice');
		expect(first.displayName).toContain('IP Whitelist');
		expect(first.displayName).toContain('Settings and Development → Basic Configuration → IP Whitelist');
		expect(first.displayName).toMatch(/public IP address n8n calls out from/);
	});

	test('option descriptions do not start with a path (n8n capitalises it into "Cgi-bin/…")', () => {
		const descriptions = [...credential.properties, ...node.properties, ...trigger.properties].flatMap((property) => [
			property.description,
			...options(property).map((option) => option.description),
		]);
		for (const description of descriptions.filter(Boolean)) expect(description).not.toMatch(/^[A-Za-z-]+\/[a-z_]/);
		const endpoint = options(credential.properties.find((property) => property.name === 'grantEndpoint'));
		expect(endpoint.map((option) => option.description)).toEqual([
			expect.stringMatching(/^Calls cgi-bin\/stable_token: /),
			expect.stringMatching(/^Calls cgi-bin\/token: /),
		]);
	});
});

describe('Words', () => {
	test('Blacklist speaks of followers, like the rest of the node', () => {
		const blacklist = options(
			node.properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes('blacklist')),
		);
		expect(blacklist.map((option) => option.action)).toEqual([
			'Add followers to the blacklist',
			'Get blacklisted followers',
			'Remove followers from the blacklist',
		]);
		for (const option of blacklist) expect(`${option.description} ${option.action}`).not.toMatch(/\busers?\b/);
	});

	test('the interface is in English: no Chinese in the node, its tool variant, the trigger or the credential', () => {
		const strings: string[] = [];
		const collect = (value: unknown) => {
			if (typeof value === 'string') strings.push(value);
			else if (Array.isArray(value)) value.forEach(collect);
			else if (value && typeof value === 'object') Object.values(value).forEach(collect);
		};
		collect([node, trigger, credential.displayName, credential.properties]);
		expect(strings.length).toBeGreaterThan(500);
		expect(strings.filter((text) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text))).toEqual([]);
	});

	test('no Chinese in any text the code can show either (error messages and advice): only comments may quote WeChat', () => {
		const sources = (dir: string): string[] =>
			(fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.ts')).map((name) => path.join(dir, name));
		const files = [...sources(path.join(__dirname, '../nodes')), ...sources(path.join(__dirname, '../credentials'))];
		expect(files.length).toBeGreaterThan(80);
		const found: string[] = [];
		for (const file of files) {
			// Comments removed (block, then line comments not inside a string's quotes on that line).
			const code = fs
				.readFileSync(file, 'utf8')
				.replace(/\/\*[\s\S]*?\*\//g, '')
				.split('\n')
				.map((line) => line.replace(/^\s*\/\/.*$/, '').replace(/\s\/\/ [^'"`]*$/, ''));
			code.forEach((line) => {
				if (/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(line)) found.push(`${path.relative(path.join(__dirname, '..'), file)}: ${line.trim()}`);
			});
		}
		expect(found).toEqual([]);
	});
});

describe('Trigger in the node picker', () => {
	test('each event has a readable entry (n8n otherwise makes "On event menu we chat album pic weixin")', () => {
		const events = options(trigger.properties.find((property) => property.name === 'events'));
		expect(events.length).toBe(26);
		for (const event of events) {
			expect(event.action).toMatch(/^On [a-z]/);
			expect(event.action).not.toMatch(/_|We Chat|weixin/);
			expect(event.name).not.toContain('(');
		}
		expect(events.find((event) => event.value === 'event:pic_weixin')?.action).toBe("On photos sent from WeChat's album");
		expect(events.find((event) => event.value === 'event:subscribe')?.action).toBe('On a new follower');
	});
});

describe('Output schemas (the fields the editor shows before a first run)', () => {
	// n8n serves GET /schemas/<node type>/<version as 1.0.0>/<resource>/<operation>.json from
	// `__schema__/v1.0.0/<resource>/<operation>.json` beside the node's file, also for community
	// packages; the editor uses one only if it has `type` and non-empty `properties`.
	const SCHEMA_DIR = path.join(NODE_DIR, '__schema__', 'v1.0.0');
	const schemaOf = (resource: string, operation: string) =>
		JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, resource, `${operation}.json`), 'utf8')) as JsonSchema;
	/** Message → Reply passes its input item through: no fixed output. */
	const PASS_THROUGH = ['message/reply'];

	test('every operation that has an output of its own has a schema, and every schema an operation', () => {
		const expected = pairs.map(({ resource, operation }) => `${resource}/${operation}`).filter((key) => !PASS_THROUGH.includes(key));
		const shipped = fs
			.readdirSync(SCHEMA_DIR)
			.flatMap((resource) => fs.readdirSync(path.join(SCHEMA_DIR, resource)).map((file) => `${resource}/${file.replace(/\.json$/, '')}`));
		expect(shipped.sort()).toEqual(expected.sort());
		for (const key of shipped) {
			const [resource, operation] = key.split('/');
			const schema = schemaOf(resource, operation);
			expect(schema.type).toBe('object');
			expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
		}
	});

	let fixture: Fixture;
	afterEach(async () => await fixture?.stop());

	/** Where a real output item has a field the schema lacks, or of another type. */
	function mismatches(value: unknown, schema: JsonSchema, at = '$'): string[] {
		if (value === null || value === undefined) return [];
		const type = Array.isArray(value) ? 'array' : typeof value;
		if (type !== schema.type) return [`${at}: ${type}, schema says ${schema.type}`];
		if (Array.isArray(value)) return schema.items ? value.flatMap((entry, i) => mismatches(entry, schema.items!, `${at}[${i}]`)) : [];
		if (type === 'object') {
			return Object.entries(value as Record<string, unknown>).flatMap(([key, entry]) =>
				schema.properties?.[key] ? mismatches(entry, schema.properties[key], `${at}.${key}`) : [`${at}.${key}: not in the schema`],
			);
		}
		return [];
	}

	test.each([
		['follower', 'get', {}],
		['follower', 'getAll', { returnAll: true, includeProfile: true }],
		['tag', 'getAll', {}],
		['blacklist', 'add', {}],
		['quota', 'get', { cgiPath: '/cgi-bin/user/get' }],
		['shortLink', 'create', { longData: 'hello' }],
	])('%s / %s: real output items match the schema', async (resource, operation, parameters) => {
		fixture = await Fixture.start({ followers: 3 });
		const input = openidItems(fixture.sim.allFollowers().slice(0, 2));
		const items = await fixture.run(`${resource}.${operation}` as never, parameters, { input });
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(mismatches(item.json, schemaOf(resource, operation))).toEqual([]);
		// And the other way: the schema offers no top-level field the items never carry (the editor
		// would offer $json.<field> for mapping, and it would never arrive).
		const present = new Set(items.flatMap((item) => Object.keys(item.json)));
		const offered = Object.keys(schemaOf(resource, operation).properties ?? {});
		expect(offered.filter((field) => !present.has(field) && !OPTIONAL_FIELDS.has(field))).toEqual([]);
	});
});

/** Fields WeChat sends only for some followers (an account linked to the Open Platform). */
const OPTIONAL_FIELDS = new Set(['unionid']);

interface JsonSchema {
	type: string;
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}
