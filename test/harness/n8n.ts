/**
 * Runs the node's real `execute` inside n8n-core's real ExecuteContext, whose
 * httpRequestWithAuthentication (axios inside n8n-core) sends the requests. What the n8n server
 * adds around it, the credential store, is imitated here by TestCredentialsHelper, following the
 * rules of n8n's CredentialsHelper (shared/reference/n8n-platform.md):
 * - stored data is read with the credential type's declared properties only (defaults filled in,
 *   undeclared fields dropped);
 * - preAuthentication runs only when the first expirable hidden property is '' (or on the
 *   401 retry path), and what it returns is merged and saved for the next execution;
 * - generic `authenticate` properties are resolved as expressions against $credentials.
 */
import { ExecuteContext, LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	ResourceMapperFields,
	Workflow as WorkflowType,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import { WeChatOfficialAccountApi } from '../../credentials/WeChatOfficialAccountApi.credentials';
import { WeChatOfficialAccount } from '../../nodes/WeChatOfficialAccount/WeChatOfficialAccount.node';
import { WeChatOfficialAccountTrigger } from '../../nodes/WeChatOfficialAccount/WeChatOfficialAccountTrigger.node';

export const NODE_TYPE = 'n8n-nodes-wechat-official-account.weChatOfficialAccount';
export const TRIGGER_TYPE = 'n8n-nodes-wechat-official-account.weChatOfficialAccountTrigger';

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** The credentials table of an n8n instance: shared by every execution and worker. */
export class CredentialStore {
	private readonly records = new Map<string, StoredCredential>();
	/** every save, in order (preAuthentication results) */
	readonly writes: Array<{ id: string; data: ICredentialDataDecryptedObject }> = [];

	add(id: string, data: ICredentialDataDecryptedObject, name = `WeChat ${id}`): void {
		this.records.set(id, { id, name, type: 'weChatOfficialAccountApi', data: structuredClone(data) });
	}

	get(id: string): StoredCredential {
		const record = this.records.get(id);
		if (!record) throw new Error(`no credential ${id}`);
		return record;
	}

	/** What a user editing the credential in the UI does: only the fields they see change. */
	edit(id: string, changes: ICredentialDataDecryptedObject): void {
		const record = this.get(id);
		record.data = { ...record.data, ...structuredClone(changes) };
	}

	save(id: string, data: ICredentialDataDecryptedObject): void {
		const record = this.get(id);
		record.data = structuredClone(data);
		this.writes.push({ id, data: structuredClone(data) });
	}
}

const credentialTypes: Record<string, ICredentialType> = {
	weChatOfficialAccountApi: new WeChatOfficialAccountApi(),
};

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: CredentialStore) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type].properties;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by this package');
	}

	async updateCredentialsOauthTokenData(): Promise<void> {
		throw new Error('not used by this package');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.get(String(nodeCredentials.id));
		// Like n8n: declared properties only, with their defaults.
		const data: ICredentialDataDecryptedObject = {};
		for (const property of credentialTypes[type].properties) {
			if (property.type === 'notice') continue;
			data[property.name] = structuredClone(stored.data[property.name] ?? property.default) as never;
		}
		return data;
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, _type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.store.save(String(nodeCredentials.id), data);
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = credentialTypes[typeName];
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		if (!node.credentials) return undefined;
		const merged = Object.assign(credentials, output);
		await this.updateCredentials(node.credentials[typeName], typeName, merged);
		return merged;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return (await credentialTypes[typeName].preAuthentication?.call(helpers, credentials)) as ICredentialDataDecryptedObject | undefined;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: WorkflowType,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName].authenticate;
		const options = { ...requestOptions } as IHttpRequestOptions;
		if (!authenticate || typeof authenticate === 'function' || !workflow || !node) {
			throw new Error('the harness implements generic authentication only');
		}
		for (const [target, properties] of Object.entries(authenticate.properties)) {
			const resolved: Record<string, unknown> = { ...((options as unknown as Record<string, Record<string, unknown>>)[target] ?? {}) };
			for (const [key, value] of Object.entries(properties as Record<string, string>)) {
				resolved[key] = workflow.expression.getParameterValue(value, null, 0, 0, node.name, [], 'internal', {
					$credentials: credentials,
				});
			}
			(options as unknown as Record<string, unknown>)[target] = resolved;
		}
		return options;
	}
}

/** The package's node types, as n8n knows them after loading the package. */
export class PackageNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = {
		[NODE_TYPE]: new WeChatOfficialAccount(),
		[TRIGGER_TYPE]: new WeChatOfficialAccountTrigger(),
	};

	getByName(type: string = NODE_TYPE): INodeType {
		const nodeType = this.types[type];
		if (nodeType) return nodeType;
		// n8n's own nodes stand beside ours in some tests; only their place in the graph matters.
		if (type.startsWith('n8n-nodes-base.')) {
			return { description: { displayName: type, name: type, group: [], version: 1, description: '', defaults: {}, inputs: [], outputs: [], properties: [] } };
		}
		throw new Error(`unknown node type ${type}`);
	}

	getByNameAndVersion(type?: string): INodeType {
		return this.getByName(type);
	}

	getKnownTypes() {
		return {};
	}
}

export interface RunOptions {
	store: CredentialStore;
	credentialId: string;
	parameters: Record<string, unknown>;
	/** input items; one empty item by default, as after a Manual Trigger */
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** the execution's cancel signal, as n8n passes it when a user stops an execution */
	abortSignal?: AbortSignal;
}

/** The node in a one-node workflow, with the additional data an n8n server passes to contexts. */
function nodeInWorkflow(options: Omit<RunOptions, 'input'>) {
	const nodeTypes = new PackageNodeTypes();
	const nodeType = nodeTypes.getByName(NODE_TYPE);
	const node: INode = {
		id: 'wechat-node',
		name: 'WeChat Official Account',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: {
			weChatOfficialAccountApi: { id: options.credentialId, name: options.store.get(options.credentialId).name },
		},
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	// n8n fills in parameter defaults when it loads a workflow.
	node.parameters =
		NodeHelpers.getNodeParameters(nodeType.description.properties, options.parameters as never, true, false, node, nodeType.description) ?? {};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
	});
	const additionalData = additionalDataFor(options.store, node);
	return { nodeType, node, workflow, additionalData };
}

/** What an n8n server passes to node contexts, with this store as the credentials table. */
export function additionalDataFor(store: CredentialStore, node: INode): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(store),
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1:5678/rest',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		instanceBaseUrl: 'http://127.0.0.1:5678',
		currentNodeParameters: node.parameters,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Executes the WeChat node once, like one n8n execution of a workflow containing it. */
export async function runNode(options: RunOptions): Promise<INodeExecutionData[]> {
	const { nodeType, node, workflow, additionalData } = nodeInWorkflow(options);
	const input = options.input ?? [{ json: {} }];
	const inputData = { main: [input] };
	const executeData: IExecuteData = { node, data: inputData, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		createRunExecutionData(),
		0,
		input,
		inputData,
		executeData,
		[],
		options.abortSignal,
	);
	const [output] = (await nodeType.execute!.call(context)) as INodeExecutionData[][];
	return output;
}

/** What the editor does to fill a dropdown: the node's loadOptions `method` in n8n-core's LoadOptionsContext. */
export async function loadOptions(options: Omit<RunOptions, 'input'>, method: string): Promise<INodePropertyOptions[]> {
	const { nodeType, node, workflow, additionalData } = nodeInWorkflow(options);
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.tagId');
	return await nodeType.methods!.loadOptions![method].call(context);
}

/** What the editor does to fill a resource mapper: the node's resourceMapping `method` in LoadOptionsContext. */
export async function resourceMapping(options: Omit<RunOptions, 'input'>, method: string): Promise<ResourceMapperFields> {
	const { nodeType, node, workflow, additionalData } = nodeInWorkflow(options);
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.templateData');
	return await nodeType.methods!.resourceMapping![method].call(context);
}

/**
 * The credential's Test button, as n8n (1.123 and 2.41: credentials-tester, credentials-helper)
 * runs it: the form's data is the stored data with the user's edits (unchanged secrets arrive as
 * placeholders the server replaces with the stored values, so the stored token comes along);
 * preAuthentication runs only when that token is empty (n8n 2.x then stores the token, not the
 * edits); every key of the test request is resolved with `$credentials`; the request is
 * authenticated and sent; each `responseSuccessBody` rule whose key holds its value fails the test
 * with its message.
 */
export async function testCredential(
	store: CredentialStore,
	credentialId: string,
	edits: ICredentialDataDecryptedObject = {},
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const credentialType = credentialTypes.weChatOfficialAccountApi;
	const helper = new TestCredentialsHelper(store);
	const stored = await helper.getDecrypted({} as IWorkflowExecuteAdditionalData, { id: credentialId, name: '' }, credentialType.name);
	const credentials: ICredentialDataDecryptedObject = { accessToken: '', ...stored, ...structuredClone(edits) };
	const axios = (await import('axios')).default;
	const httpRequest = async (options: IHttpRequestOptions) =>
		(await axios.request({ method: options.method, url: options.url, params: options.qs, data: options.body })).data;
	if (credentials.accessToken === '') {
		try {
			const token = await credentialType.preAuthentication!.call({ helpers: { httpRequest } } as IHttpRequestHelper, credentials);
			Object.assign(credentials, token);
			store.save(credentialId, { ...store.get(credentialId).data, ...(token as ICredentialDataDecryptedObject) });
		} catch (error) {
			return { status: 'Error', message: (error as Error).message };
		}
	}
	const nodeTypes = new PackageNodeTypes();
	const node: INode = { id: 'test', name: 'Test', type: NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const resolve = <T>(value: T): T =>
		workflow.expression.getParameterValue(value as never, null, 0, 0, node.name, [], 'internal', { $credentials: credentials }) as T;
	const request = credentialType.test!.request;
	const authenticated = await helper.authenticate(
		credentials,
		credentialType.name,
		{ method: resolve(request.method), url: `${resolve(request.baseURL)}${resolve(request.url)}`, body: resolve(request.body) } as IHttpRequestOptions,
		workflow,
		node,
	);
	const body = await httpRequest(authenticated);
	for (const rule of credentialType.test!.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && body?.[rule.properties.key] === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
