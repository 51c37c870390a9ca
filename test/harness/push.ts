/**
 * The trigger's `webhook()` in n8n-core's real WebhookContext, and the Reply operation in a real
 * ExecuteContext after a trigger, with the request, the response and n8n's response hook
 * imitated as n8n's webhook server passes them (see e2e/ for the same inside real n8n).
 */
import { ExecuteContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	IExecuteData,
	IExecuteResponsePromiseData,
	INode,
	INodeExecutionData,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import type { CredentialStore } from './n8n';
import { NODE_TYPE, PackageNodeTypes, TRIGGER_TYPE, additionalDataFor } from './n8n';

/** What the trigger wrote to the HTTP response, the way Express would have sent it. */
export class RecordedResponse {
	statusCode = 200;
	contentType: string | undefined;
	body: string | undefined;
	ended = false;

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	type(contentType: string): this {
		this.contentType = contentType;
		return this;
	}

	send(body: string): this {
		this.body = body;
		this.ended = true;
		return this;
	}

	/** Express's res.json, as n8n calls it for its own answers (replaced by the trigger in reply mode). */
	json(body: unknown): this {
		this.contentType = 'application/json';
		return this.send(JSON.stringify(body));
	}

	end(): this {
		this.body ??= '';
		this.ended = true;
		return this;
	}
}

export interface DeliverOptions {
	store: CredentialStore;
	credentialId: string;
	/** the trigger's parameters; n8n's defaults fill the rest */
	parameters?: IDataObject;
	method?: 'GET' | 'POST';
	/** the query string WeChat sent */
	query: string;
	body?: string | Buffer;
	/** several triggers (or workflows) keep apart their memory of recent pushes */
	nodeId?: string;
	/** n8n's body reader fails with this HTTP status (413: over N8N_PAYLOAD_SIZE_MAX) */
	bodyReadFails?: number;
	workflowId?: string;
}

export interface LogLine {
	level: 'debug' | 'info' | 'warn' | 'error';
	message: string;
}

/** One request to the trigger's webhook: what it answered, what it gave n8n to run, what it logged. */
export async function deliver(
	options: DeliverOptions,
): Promise<{ response: RecordedResponse; result: IWebhookResponseData; logs: LogLine[]; bodyRead: boolean }> {
	const nodeTypes = new PackageNodeTypes();
	const triggerType = nodeTypes.getByName(TRIGGER_TYPE);
	const node: INode = {
		id: options.nodeId ?? 'wechat-trigger',
		name: 'WeChat Official Account Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		webhookId: 'wechat-webhook-id',
		credentials: { weChatOfficialAccountApi: { id: options.credentialId, name: options.store.get(options.credentialId).name } },
	};
	node.parameters =
		NodeHelpers.getNodeParameters(triggerType.description.properties, (options.parameters ?? {}) as never, true, false, node, triggerType.description) ?? {};
	const workflow = new Workflow({ id: options.workflowId ?? 'push-workflow', nodes: [node], connections: {}, active: true, nodeTypes, settings: {} });
	const additionalData = additionalDataFor(options.store, node);
	const method = options.method ?? 'POST';
	const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
	const response = new RecordedResponse();
	// The trigger asks n8n not to parse the body, so n8n has not read it: readRawBody() does, as
	// n8n's raw-body middleware provides it.
	const request = {
		method,
		query: Object.fromEntries(new URLSearchParams(options.query)),
		headers: {},
		params: {},
		body: {},
		rawBody: undefined as Buffer | undefined,
		bodyRead: false,
		async readRawBody() {
			request.bodyRead = true;
			if (options.bodyReadFails) throw Object.assign(new Error('request entity too large'), { status: options.bodyReadFails });
			request.rawBody = body ?? Buffer.alloc(0);
		},
	};
	Object.assign(additionalData, {
		httpRequest: request,
		httpResponse: response,
	});
	const webhookDescription = triggerType.description.webhooks!.find((webhook) => webhook.httpMethod === method)!;
	const webhookData: IWebhookData = {
		httpMethod: method,
		node: node.name,
		path: 'webhook',
		webhookDescription,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	};
	const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	// n8n's logger, recorded: what an operator would read in n8n's log.
	const logs: LogLine[] = [];
	const log = (level: LogLine['level']) => (message: string) => logs.push({ level, message });
	Object.defineProperty(context, 'logger', { value: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') } });
	const result = await triggerType.webhook!.call(context);
	return { response, result, logs, bodyRead: request.bodyRead };
}

export interface ReplyOptions {
	store: CredentialStore;
	credentialId: string;
	/** the trigger that started the execution: its name, parameters and output item */
	trigger: { name?: string; type?: string; parameters?: IDataObject; item: IDataObject };
	/** the WeChat node's Message → Reply parameters */
	parameters: IDataObject;
	/** the Reply node's input; the trigger's item by default */
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
}

/** Runs Message → Reply after a trigger; returns what it handed n8n's response hook, and its output. */
export async function runReply(options: ReplyOptions): Promise<{ sent: IExecuteResponsePromiseData[]; output: INodeExecutionData[] }> {
	const nodeTypes = new PackageNodeTypes();
	const triggerName = options.trigger.name ?? 'WeChat Official Account Trigger';
	const trigger: INode = {
		id: 'trigger',
		name: triggerName,
		type: options.trigger.type ?? TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: (options.trigger.parameters ?? {}) as INode['parameters'],
	};
	const nodeType = nodeTypes.getByName(NODE_TYPE);
	const node: INode = {
		id: 'reply',
		name: 'Reply',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters: {},
		credentials: { weChatOfficialAccountApi: { id: options.credentialId, name: options.store.get(options.credentialId).name } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	node.parameters =
		NodeHelpers.getNodeParameters(nodeType.description.properties, { resource: 'message', operation: 'reply', ...options.parameters } as never, true, false, node, nodeType.description) ?? {};
	const workflow = new Workflow({
		id: 'reply-workflow',
		nodes: [trigger, node],
		connections: { [triggerName]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		active: true,
		nodeTypes,
		settings: {},
	});
	const sent: IExecuteResponsePromiseData[] = [];
	const additionalData = additionalDataFor(options.store, node);
	Object.assign(additionalData, {
		hooks: {
			runHook: async (name: string, [response]: [IExecuteResponsePromiseData]) => {
				if (name === 'sendResponse') sent.push(response);
			},
		},
	});
	const triggerOutput = [{ json: options.trigger.item }];
	const runExecutionData = createRunExecutionData({
		resultData: {
			runData: {
				[triggerName]: [{ startTime: 0, executionTime: 0, executionIndex: 0, source: [], data: { main: [triggerOutput] } }],
			},
		},
	});
	const input = options.input ?? triggerOutput;
	const inputData = { main: [input] };
	const executeData: IExecuteData = { node, data: inputData, source: { main: [{ previousNode: triggerName }] } };
	const context = new ExecuteContext(workflow, node, additionalData, 'webhook', runExecutionData, 0, input, inputData, executeData, []);
	const [output] = (await nodeType.execute!.call(context)) as INodeExecutionData[][];
	return { sent, output };
}
