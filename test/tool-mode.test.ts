/**
 * The node as a tool of an AI agent or an MCP client. n8n turns the node into
 * "<package>.weChatOfficialAccountTool" (n8n's convertNodeToAiTool, imitated in `toolType`), fills
 * in defaults with NodeHelpers.getNodeParameters, where `'@tool'` is true for a type whose name
 * ends with "Tool", collects the `$fromAI` calls of the parameters into the tool's input schema
 * (traverseNodeParameters, as n8n-core's createNodeAsTool does) and takes the tool description
 * from NodeHelpers.getToolDescriptionForNode. When the tool is called, `$fromAI(key)` reads the
 * key from the arguments, which n8n passes as the input item: `runTool` does the same.
 */
import { ExecuteContext, LoadOptionsContext } from 'n8n-core';
import type { FromAIArgument, IDataObject, INode, INodeExecutionData, INodeParameters, INodeType, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData, deepCopy, traverseNodeParameters } from 'n8n-workflow';

import { WeChatOfficialAccount } from '../nodes/WeChatOfficialAccount/WeChatOfficialAccount.node';
import { toolDescriptions } from '../nodes/WeChatOfficialAccount/actions/toolDescriptions';
import { Fixture, errorOf } from './harness/fixture';
import { NODE_TYPE, additionalDataFor } from './harness/n8n';

const TOOL_TYPE = `${NODE_TYPE}Tool`;

/** What n8n's convertNodeToAiTool makes of the node (n8n 1.123 and 2.41 do the same). */
function toolType(): INodeType {
	const node = new WeChatOfficialAccount();
	const description = deepCopy(node.description);
	description.name += 'Tool';
	description.displayName += ' Tool';
	description.inputs = [];
	description.outputs = ['ai_tool'];
	delete description.usableAsTool;
	if (!description.properties.some((property) => property.name === 'toolDescription')) {
		description.properties.unshift({ displayName: 'Description', name: 'toolDescription', type: 'string', default: description.description });
		description.properties.unshift({ displayName: 'Tool Description', name: 'descriptionType', type: 'options', options: [], default: 'auto' });
	}
	return { description, methods: node.methods, execute: node.execute };
}

const plainType = new WeChatOfficialAccount();
const tool = toolType();

function nodeOf(type: INodeType, parameters: INodeParameters): INode {
	return { id: 'n', name: 'WeChat Official Account', type: type === tool ? TOOL_TYPE : NODE_TYPE, typeVersion: 1, position: [0, 0], parameters };
}

/** The parameters n8n stores and runs for a node of `type` with these values set by the user. */
function resolved(type: INodeType, values: INodeParameters): INodeParameters {
	const node = nodeOf(type, values);
	return NodeHelpers.getNodeParameters(type.description.properties, values, true, false, node, type.description) ?? {};
}

/** The tool's input schema as n8n builds it: every $fromAI call in the parameters. */
function fromAiArguments(parameters: INodeParameters): FromAIArgument[] {
	const collected: FromAIArgument[] = [];
	traverseNodeParameters(parameters, collected);
	return collected;
}

/** The tool description n8n gives the model for a node with these parameters. */
function toolDescriptionOf(parameters: INodeParameters): string {
	return NodeHelpers.getToolDescriptionForNode(nodeOf(tool, parameters), tool);
}

/** Every resource/operation of the node, from its description. */
function operations(): Array<{ resource: string; operation: string }> {
	return plainType.description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as Array<{ value: string }>).map((option) => ({ resource: String(property.displayOptions!.show!.resource![0]), operation: option.value })),
		);
}

class Types implements INodeTypes {
	getByName(type: string): INodeType {
		if (type === TOOL_TYPE) return tool;
		if (type === NODE_TYPE) return plainType;
		throw new Error(`unknown node type ${type}`);
	}
	getByNameAndVersion(type: string): INodeType {
		return this.getByName(type);
	}
	getKnownTypes() {
		return {};
	}
}

function toolInWorkflow(fixture: Fixture, values: INodeParameters, type = tool) {
	const node: INode = {
		...nodeOf(type, {}),
		credentials: { weChatOfficialAccountApi: { id: fixture.credentialId, name: fixture.store.get(fixture.credentialId).name } },
	};
	node.parameters = resolved(type, values);
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes: new Types(), settings: {} });
	return { node, workflow, additionalData: additionalDataFor(fixture.store, node) };
}

/** One tool call: the node as configured in the workflow, the model's arguments as its input item. */
async function runTool(fixture: Fixture, values: INodeParameters, args: IDataObject, type = tool): Promise<INodeExecutionData[]> {
	const { node, workflow, additionalData } = toolInWorkflow(fixture, values, type);
	const input = [{ json: args }];
	const inputData = { main: [input] };
	const context = new ExecuteContext(workflow, node, additionalData, 'manual', createRunExecutionData(), 0, input, inputData, { node, data: inputData, source: null }, []);
	const [output] = (await type.execute!.call(context)) as INodeExecutionData[][];
	return output;
}

/** The editor's Tag list: the node's listSearch method in n8n-core's LoadOptionsContext. */
async function searchTags(fixture: Fixture, filter?: string) {
	const { node, workflow, additionalData } = toolInWorkflow(fixture, { resource: 'tag', operation: 'delete' }, plainType);
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.tagId');
	return await plainType.methods!.listSearch!.searchTags.call(context, filter);
}

const OVERRIDE = '/*n8n-auto-generated-fromAI-override*/';

let fixture: Fixture | undefined;
afterEach(async () => {
	await fixture?.stop();
	fixture = undefined;
});

describe('the tool variant asks the model for what the node reads from the input item', () => {
	// resource.operation → the $fromAI keys of its parameters (with their types), the MCP test relies on them.
	const expected: Array<[string, INodeParameters, Record<string, string>]> = [
		['follower.get', {}, { openid: 'string' }],
		['follower.getAll', {}, { limit: 'number' }],
		['follower.updateRemark', {}, { openid: 'string', remark: 'string' }],
		['tag.create', {}, { name: 'string' }],
		['tag.getAll', {}, { limit: 'number' }],
		['tag.update', {}, { tagId: 'number', name: 'string' }],
		['tag.delete', {}, { tagId: 'number' }],
		['tag.getFollowers', {}, { tagId: 'number', limit: 'number' }],
		['tag.addFollowers', {}, { tagId: 'number', openids: 'string' }],
		['tag.removeFollowers', {}, { tagId: 'number', openids: 'string' }],
		['tag.getFollowerTags', {}, { openid: 'string' }],
		['blacklist.add', {}, { openids: 'string' }],
		['blacklist.getAll', {}, { limit: 'number' }],
		['templateMessage.send', {}, { openid: 'string' }],
		['customerServiceMessage.typing', {}, { openid: 'string' }],
		['massMessage.send', { target: 'tag' }, { tagId: 'number' }],
		['massMessage.send', { target: 'list' }, { openids: 'string' }],
		['massMessage.getStatus', {}, { msgId: 'string' }],
		['media.deleteMaterial', {}, { mediaId: 'string' }],
		['draft.get', {}, { mediaId: 'string' }],
		['publication.publish', {}, { mediaId: 'string' }],
		['publication.getStatus', {}, { publishId: 'string' }],
		['comment.getAll', {}, { msgDataId: 'string', limit: 'number' }],
		['comment.reply', {}, { msgDataId: 'string', commentId: 'string', content: 'string' }],
		['shortLink.create', {}, { longData: 'string' }],
		['customerServiceMessage.send', { messageType: 'text' }, { openid: 'string', text: 'string' }],
		['menu.deleteConditional', {}, { menuId: 'string' }],
		['menu.tryMatch', {}, { userId: 'string' }],
		['qrCode.getImage', {}, { ticket: 'string' }],
		['shortLink.resolve', {}, { shortKey: 'string' }],
	];
	test.each(expected)('%s %j', (name, values, keys) => {
		const [resource, operation] = name.split('.');
		const parameters = resolved(tool, { resource, operation, ...values });
		const args = fromAiArguments(parameters);
		expect(Object.fromEntries(args.map((arg) => [arg.key, arg.type]))).toEqual(keys);
		for (const arg of args) expect(arg.description).toMatch(/^\S.{8,}/);
	});

	test('the defaults are the expression the editor writes, keyed by the parameter name', () => {
		const parameters = resolved(tool, { resource: 'tag', operation: 'getFollowers' });
		expect(parameters.tagId).toEqual({
			__rl: true,
			mode: 'id',
			value: `={{ ${OVERRIDE} $fromAI('tagId', 'The tag ID (Tag → Get Many lists them)', 'number') }}`,
		});
		expect(parameters.returnAll).toBe(false);
		expect(parameters.limit).toBe(`={{ ${OVERRIDE} $fromAI('limit', 'How many followers at most (default 50)', 'number', 50) }}`);
		expect(fromAiArguments(parameters).find((arg) => arg.key === 'limit')?.defaultValue).toBe(50);
		expect(resolved(tool, { resource: 'follower', operation: 'get' }).openid).toBe(`={{ ${OVERRIDE} $fromAI('openid', 'The OpenID of the follower', 'string') }}`);
	});

	test('no parameter shown in the tool reads the input item; each name is shown once, in the tool and in the node', () => {
		const shown: string[] = [];
		const twice: string[] = [];
		const walk = (type: INodeType, values: INodeParameters) => {
			const names = new Set<string>();
			for (const property of type.description.properties) {
				if (!NodeHelpers.displayParameter(values, property, nodeOf(type, values), type.description)) continue;
				const where = `${type === tool ? 'tool' : 'node'} ${String(values.resource)}.${String(values.operation)}.${property.name}`;
				if (names.has(property.name)) twice.push(where);
				names.add(property.name);
				if (type === tool && JSON.stringify(values[property.name] ?? '').includes('$json')) shown.push(where);
			}
		};
		for (const { resource, operation } of operations()) {
			for (const target of ['all', 'tag', 'list']) {
				walk(tool, resolved(tool, { resource, operation, target }));
				walk(plainType, resolved(plainType, { resource, operation, target }));
			}
		}
		expect(shown).toEqual([]);
		expect(twice).toEqual([]);
	});

	test('the node itself keeps its defaults: the input item, a Limit of 50, the tag from the list', () => {
		expect(resolved(plainType, { resource: 'follower', operation: 'get' }).openid).toBe('={{ $json.openid }}');
		expect(resolved(plainType, { resource: 'tag', operation: 'addFollowers' })).toMatchObject({
			tagId: { __rl: true, mode: 'list', value: '' },
			openids: '={{ $json.openid }}',
		});
		expect(resolved(plainType, { resource: 'follower', operation: 'getAll' })).toMatchObject({ returnAll: false, limit: 50 });
		expect(resolved(plainType, { resource: 'comment', operation: 'reply' })).toMatchObject({
			msgDataId: '={{ $json.msg_data_id }}',
			commentId: '={{ $json.user_comment_id }}',
		});
		for (const { resource, operation } of operations()) {
			const parameters = resolved(plainType, { resource, operation, target: 'list' });
			expect(parameters.toolDescription).toBeUndefined();
			expect(fromAiArguments(parameters)).toEqual([]);
		}
	});

	test('one Resource list for the node and its tool (n8n lists the actions of every "resource" property); Reply tells the model not to call it', () => {
		expect(tool.description.properties.filter((property) => property.name === 'resource')).toHaveLength(1);
		expect(toolDescriptions['message.reply'].text).toMatch(/Do not call it/);
	});
});

describe('tool descriptions', () => {
	test('every resource and operation has one, of at most 400 characters, and n8n adds none of its own', () => {
		const all = operations();
		expect(all.length).toBeGreaterThan(70);
		for (const { resource, operation } of all) {
			const description = toolDescriptionOf(resolved(tool, { resource, operation }));
			expect([`${resource}.${operation}`, description]).toEqual([`${resource}.${operation}`, toolDescriptions[`${resource}.${operation}`]?.text]);
			expect(description.length).toBeLessThanOrEqual(400);
		}
		expect(Object.keys(toolDescriptions).sort()).toEqual(all.map(({ resource, operation }) => `${resource}.${operation}`).sort());
		expect(tool.description.properties.some((property) => property.name === 'descriptionType')).toBe(false);
	});

	test('lists say to pass a limit; destructive and quota-bound operations say so', () => {
		expect(toolDescriptionOf(resolved(tool, { resource: 'follower', operation: 'getAll' }))).toMatch(/millions.*always pass a limit/);
		expect(toolDescriptions['massMessage.send'].text).toMatch(/Irreversible and quota-limited/);
		for (const name of ['tag.delete', 'draft.delete', 'publication.delete', 'menu.delete', 'comment.delete', 'media.deleteMaterial']) {
			expect([name, toolDescriptions[name].text]).toEqual([name, expect.stringContaining('Irreversible')]);
		}
	});
});

describe('the Tag as a resource locator', () => {
	test('the list shows names with follower counts, marks WeChat’s system tag, filters by name', async () => {
		fixture = await Fixture.start({ followers: 1_300 });
		const vip = fixture.sim.account.addTag('VIP', fixture.sim.allFollowers().slice(0, 1_234));
		const other = fixture.sim.account.addTag('Other');
		const one = fixture.sim.account.addTag('Only one', fixture.sim.allFollowers().slice(0, 1));
		expect(await searchTags(fixture)).toEqual({
			results: [
				{ name: '星标组 (0 followers) (system tag: cannot be renamed or deleted)', value: '2' },
				{ name: 'VIP (1,234 followers)', value: String(vip) },
				{ name: 'Other (0 followers)', value: String(other) },
				{ name: 'Only one (1 follower)', value: String(one) },
			],
		});
		expect((await searchTags(fixture, 'vi')).results.map((result) => result.value)).toEqual([String(vip)]);
		expect((await searchTags(fixture, String(vip))).results.map((result) => result.value)).toEqual([String(vip)]);
	});

	test('read from list mode, ID mode, a legacy plain number and a numeric string', async () => {
		fixture = await Fixture.start();
		const tags = [1, 2, 3, 4].map((n) => fixture!.sim.account.addTag(`t${n}`));
		await fixture.run('tag.delete', { tagId: { __rl: true, mode: 'list', value: String(tags[0]) } });
		await fixture.run('tag.delete', { tagId: { __rl: true, mode: 'id', value: ` ${tags[1]} ` } });
		await fixture.run('tag.delete', { tagId: tags[2] });
		await fixture.run('tag.delete', { tagId: '={{ $json.tag }}' }, { input: [{ json: { tag: String(tags[3]) } }] });
		expect(fixture.sim.requests('/cgi-bin/tags/delete').map((request) => request.body)).toEqual(tags.map((id) => ({ tag: { id } })));
	});

	test('renaming or deleting a system tag is refused before any request, naming 45058', async () => {
		fixture = await Fixture.start({ followers: 1 });
		let error = await errorOf(() => fixture!.run('tag.delete', { tagId: { __rl: true, mode: 'list', value: '2' } }));
		expect(error.message).toBe('Input item 1: "Tag" is WeChat\'s system tag 2, which cannot be deleted');
		expect(error.description).toContain('45058');
		error = await errorOf(() => fixture!.run('tag.update', { tagId: { __rl: true, mode: 'id', value: '0' }, name: 'mine' }));
		expect(error.message).toBe('Input item 1: "Tag" is WeChat\'s system tag 0, which cannot be renamed');
		expect(fixture.sim.requests('/cgi-bin/tags/delete')).toHaveLength(0);
		expect(fixture.sim.requests('/cgi-bin/tags/update')).toHaveLength(0);
		// Tagging followers with a system tag is WeChat's business, not refused by the node.
		const [openid] = fixture.sim.allFollowers();
		await fixture.run('tag.addFollowers', { tagId: { __rl: true, mode: 'id', value: '2' }, openids: openid });
		expect(fixture.sim.requests('/cgi-bin/tags/members/batchtagging')).toHaveLength(1);
	});
});

describe('tool calls with the model’s arguments', () => {
	test('Follower → Get Many with the model’s limit asks for no more than it', async () => {
		fixture = await Fixture.start({ followers: 25_000 });
		const items = await runTool(fixture, { resource: 'follower', operation: 'getAll' }, { limit: 3 });
		expect(items.map((item) => item.json.openid)).toEqual(fixture.sim.allFollowers().slice(0, 3));
		expect(fixture.sim.requests('/cgi-bin/user/get')).toHaveLength(1);
	});

	test('without a limit from the model, 50', async () => {
		fixture = await Fixture.start({ followers: 120 });
		const items = await runTool(fixture, { resource: 'follower', operation: 'getAll' }, {});
		expect(items).toHaveLength(50);
	});

	test('create a tag, then add followers to it by the model’s tag ID and OpenIDs', async () => {
		fixture = await Fixture.start({ followers: 3 });
		// The tag name is model-filled by default in the tool: nothing set in the node.
		const [created] = await runTool(fixture, { resource: 'tag', operation: 'create' }, { name: 'VIP' });
		expect(fixture.sim.requests('/cgi-bin/tags/create').map((request) => request.body)).toEqual([{ tag: { name: 'VIP' } }]);
		const id = created.json.id as number;
		const [a, b] = fixture.sim.allFollowers();
		const [added] = await runTool(fixture, { resource: 'tag', operation: 'addFollowers' }, { tagId: id, openids: `${a}, ${b}` });
		expect(added.json).toEqual({ success: true, tagId: id, openids: [a, b] });
		expect(fixture.sim.requests('/cgi-bin/tags/members/batchtagging').map((request) => request.body)).toEqual([{ tagid: id, openid_list: [a, b] }]);
	});

	test('Update Remark takes the model’s remark, not the node’s empty default', async () => {
		fixture = await Fixture.start({ followers: 1 });
		const [openid] = fixture.sim.allFollowers();
		await runTool(fixture, { resource: 'follower', operation: 'updateRemark' }, { openid, remark: 'VIP customer' });
		expect(fixture.sim.requests('/cgi-bin/user/info/updateremark').map((request) => request.body)).toEqual([{ openid, remark: 'VIP customer' }]);
	});

	test('the model’s OpenID reaches the request; an empty one is refused before it', async () => {
		fixture = await Fixture.start({ followers: 1 });
		const [openid] = fixture.sim.allFollowers();
		await runTool(fixture, { resource: 'tag', operation: 'getFollowerTags' }, { openid });
		expect(fixture.sim.requests('/cgi-bin/tags/getidlist').map((request) => request.body)).toEqual([{ openid }]);
		const error = await errorOf(() => runTool(fixture!, { resource: 'tag', operation: 'getFollowerTags' }, { openid: '' }));
		expect(error.message).toBe('Input item 1 has no OpenID');
		expect(fixture.sim.requests('/cgi-bin/tags/getidlist')).toHaveLength(1);
	});

	test('a system tag from the model is refused like one from the list', async () => {
		fixture = await Fixture.start();
		const error = await errorOf(() => runTool(fixture!, { resource: 'tag', operation: 'delete' }, { tagId: 2 }));
		expect(error.message).toContain('system tag 2');
		expect(fixture.sim.requests('/cgi-bin/tags/delete')).toHaveLength(0);
	});
});
