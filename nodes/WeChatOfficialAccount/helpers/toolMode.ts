import type { INodeProperties, INodePropertyOptions, NodeParameterValueType } from 'n8n-workflow';

/**
 * The node as a tool of an AI agent or an MCP client. n8n derives "WeChat Official Account Tool"
 * from this node; in that variant `displayOptions` see `'@tool': [true]`, in the node itself
 * `'@tool': [false]`. A parameter can therefore have a tool twin: the same `name`, shown only in
 * the tool, with another default. The tool's input schema is made of the `$fromAI(key, …)` calls
 * in its parameters; a `{{ $json.… }}` default means nothing to an agent.
 *
 * One convention, applied to the whole description by `forTools`:
 * - a parameter whose default reads the input item (`={{ $json.… }}`) gets a twin whose default is
 *   `$fromAI('<parameter name>', '<what to pass>', '<string|number>')`;
 * - a resource locator gets a twin in mode "By ID" with `$fromAI('<parameter name>', …)`;
 * - `limit` gets a twin defaulting to `$fromAI('limit', 'How many … at most (default 50)', 'number', 50)`;
 *   Return All keeps its default (false);
 * - a few fixed-default texts an agent must fill (`modelFilled`: a remark, a tag name) get one too;
 * - one Resource list for both (n8n's node creator lists the actions of every property named
 *   `resource`, whatever its display options): Message → Reply tells the model not to call it;
 * - one `toolDescription` per resource and operation, the text n8n gives the model.
 */

/** What the model is asked to pass for a parameter, by parameter name or `resource.name`. */
export interface FromAiHint {
	description: string;
	type: 'string' | 'number';
}

/** Tool descriptions by `resource.operation`; `listOf` names what a list operation returns. */
export type ToolDescriptions = Record<string, { text: string; listOf?: string }>;

const OVERRIDE_MARK = '/*n8n-auto-generated-fromAI-override*/';

/**
 * A `$fromAI` expression in the form the editor writes for "let the model define this parameter"
 * (with the marker, so the editor shows it as model-defined); keyed by the parameter's name, where
 * the editor's button would use its display name.
 */
function fromAiExpression(key: string, description: string, type: string, defaultValue?: number | string): string {
	const quoted = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
	const args = [quoted(key), quoted(description), quoted(type)];
	if (defaultValue !== undefined) args.push(typeof defaultValue === 'number' ? String(defaultValue) : quoted(defaultValue));
	return `={{ ${OVERRIDE_MARK} $fromAI(${args.join(', ')}) }}`;
}

/** A default that only makes sense after a trigger or another node: an expression on `$json`. */
function readsInputItem(value: NodeParameterValueType | undefined): boolean {
	return typeof value === 'string' && /^=\s*\{\{\s*\$json\b/.test(value);
}

function withTool(property: INodeProperties, tool: boolean): INodeProperties {
	return { ...property, displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, '@tool': [tool] } } };
}

function resourceAndOperation(property: INodeProperties): { resource?: string; operation?: string } {
	const show = property.displayOptions?.show ?? {};
	const first = (values: unknown) => (Array.isArray(values) && values.length === 1 ? String(values[0]) : undefined);
	return { resource: first(show.resource), operation: first(show.operation) };
}

export interface ToolOptions {
	hints: Record<string, FromAiHint>;
	descriptions: ToolDescriptions;
	/**
	 * Parameters with a fixed default that an agent must still fill to use the operation at all
	 * (a remark, a tag name, a reply), as `resource.name`: they get a model-filled twin too.
	 */
	modelFilled: string[];
}

/**
 * The node's properties with tool twins and tool descriptions added. In the node itself (not a
 * tool) every parameter, default and option stays as it was.
 */
export function forTools(properties: INodeProperties[], options: ToolOptions): INodeProperties[] {
	const result: INodeProperties[] = [];
	const operations: Array<{ resource: string; operation: string }> = [];
	for (const property of properties) {
		const { resource, operation } = resourceAndOperation(property);
		if (property.name === 'operation' && resource) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) operations.push({ resource, operation: String(option.value) });
		}
		const twin = toolTwin(property, resource, operation, options);
		if (twin) result.push(withTool(property, false), withTool(twin, true));
		else result.push(property);
	}
	// An operation without an entry gets none (a test requires one for each).
	const described = operations.filter(({ resource, operation }) => options.descriptions[`${resource}.${operation}`]);
	const descriptions = described.map(({ resource, operation }): INodeProperties => {
		const text = options.descriptions[`${resource}.${operation}`].text;
		return {
			displayName: 'Tool Description',
			name: 'toolDescription',
			type: 'string',
			typeOptions: { rows: 4 },
			default: text,
			description: 'What the agent is told this tool does, returns and costs',
			displayOptions: { show: { '@tool': [true], resource: [resource], operation: [operation] } },
		};
	});
	return [...descriptions, ...result];
}

function toolTwin(
	property: INodeProperties,
	resource: string | undefined,
	operation: string | undefined,
	options: ToolOptions,
): INodeProperties | undefined {
	if (property.name === 'limit' && property.type === 'number' && typeof property.default === 'number') {
		const entry = options.descriptions[`${resource}.${operation}`];
		const noun = entry?.listOf ?? 'results';
		return {
			...property,
			default: fromAiExpression('limit', `How many ${noun} at most (default ${property.default})`, 'number', property.default),
		};
	}
	if (property.type === 'resourceLocator') {
		const hint = hintOf(property, resource, options);
		return { ...property, default: { __rl: true, mode: 'id', value: fromAiExpression(property.name, hint.description, hint.type) } };
	}
	if (readsInputItem(property.default) || (property.type === 'string' && options.modelFilled.includes(`${resource}.${property.name}`))) {
		const hint = hintOf(property, resource, options);
		return { ...property, default: fromAiExpression(property.name, hint.description, hint.type) };
	}
	return undefined;
}

function hintOf(property: INodeProperties, resource: string | undefined, options: ToolOptions): FromAiHint {
	// Without a hint (a test requires one for each), the parameter's own name says what to pass.
	return options.hints[`${resource}.${property.name}`] ?? options.hints[property.name] ?? { description: `The ${property.displayName}`, type: 'string' };
}
