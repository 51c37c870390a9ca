import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { ALL_EVENTS, EVENT_OPTIONS, eventTypeOf, isSelected, pushItem, retryKeyOf } from './push/events';
import { digestOf } from './push/crypto';
import type { Refusal } from './push/inbound';
import { checkSignedQuery, readSignedBody } from './push/inbound';
import { RecentPushes } from './push/recent';
import type { PushSettings, PushSettingsProblem } from './push/settings';
import { pushSettingsOf } from './push/settings';
import { CREDENTIAL_TYPE } from './transport/token';

/** WeChat's retries come within about 15 s; the window also catches replays inside it. */
const DEFAULT_REPLAY_WINDOW_SECONDS = 300;
const MIN_MEMORY_SECONDS = 60;
/**
 * Pushes remembered per n8n process, across all triggers: two entries each (the push and its
 * signed query), so 50,000 pushes; about 13 MB when full (6.4 MB measured per 50,000 entries).
 */
const recentPushes = new RecentPushes(100_000);
/**
 * How long a trigger reuses the push fields it read from its credential. On n8n 2.x reading a
 * credential costs a fresh expression isolate (tens of milliseconds), which more than halved the
 * requests per second n8n could take; an edited credential applies within this time.
 */
const SETTINGS_REUSE_MS = 10_000;
const recentSettings = new Map<string, { settings: PushSettings; until: number }>();

type ExpressResponse = ReturnType<IWebhookFunctions['getResponseObject']>;

/**
 * The POST webhook's response mode follows the Respond parameter. n8n evaluates such a template
 * in its expression engine on every request, which on n8n 2.x means an isolate (milliseconds);
 * n8n 2.x instead calls a native resolver declared under this symbol (n8n-workflow's
 * WEBHOOK_RESOLVERS) when the template is unchanged and the parameters hold no expression.
 * n8n 1.x does not know the symbol and evaluates the template, which gives the same answer.
 */
const WEBHOOK_RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers');
export const RESPONSE_MODE_TEMPLATE = '={{$parameter["respond"] === "replyOperation" ? "responseNode" : "onReceived"}}';
export const responseModeOf = (parameters: { respond?: unknown }): string =>
	parameters.respond === 'replyOperation' ? 'responseNode' : 'onReceived';

export class WeChatOfficialAccountTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeChat Official Account Trigger',
		name: 'weChatOfficialAccountTrigger',
		icon: { light: 'file:../../icons/wechat.svg', dark: 'file:../../icons/wechat.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["respond"] === "replyOperation" ? "Replies with a Reply operation" : "Answers success"}}',
		description: 'Starts the workflow when a WeChat Official Account receives a message or an event: a new follower, a menu click, a text',
		defaults: { name: 'WeChat Official Account Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			// WeChat checks the URL with a GET when the server configuration is saved.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: RESPONSE_MODE_TEMPLATE,
				// Empty: n8n then answers with the webhookResponse the node returns ("success"), once
				// it has created the execution (n8n 2.x; 1.x answers just before).
				responseData: '',
				path: 'webhook',
				[WEBHOOK_RESOLVERS]: { responseMode: { template: RESPONSE_MODE_TEMPLATE, resolve: responseModeOf } },
			},
		],
		properties: [
			// Keeps n8n from parsing the body: n8n reads XML bodies with one xml2js parser shared by
			// every webhook, and after a single truncated body that parser hangs every later XML
			// request until n8n restarts (seen on n8n 1.123.81 and 2.41.1). `options.binaryData` is
			// n8n's switch, for version-1 webhook nodes, to hand the body over unparsed; the node
			// verifies and reads the raw bytes itself, which it must do anyway (n8n's parser also
			// lowercases tags and normalises whitespace).
			{
				displayName: 'Unparsed Body',
				name: 'options',
				type: 'hidden',
				default: { binaryData: true },
			},
			{
				displayName:
					'In WeChat (Settings and Development → Basic Configuration → Server Configuration), set the Server URL to this node\'s Production URL and Token, EncodingAESKey and Message Encryption to the values in the credential. Activate (publish) the workflow before you submit: WeChat checks the URL at once.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENT_OPTIONS,
				default: [ALL_EVENTS],
				description:
					'The messages and events that start the workflow. Others are acknowledged to WeChat without starting an execution.',
			},
			{
				displayName: 'Respond',
				name: 'respond',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Immediately With "Success"',
						value: 'success',
						description: 'Acknowledge at once; the workflow runs after that and cannot answer the follower on this request',
					},
					{
						name: 'With a Reply Operation',
						value: 'replyOperation',
						description: 'The workflow answers with WeChat Official Account → Message → Reply, within 5 seconds',
					},
				],
				default: 'success',
			},
			{
				displayName:
					'Add a WeChat Official Account node with Message → Reply after this trigger. WeChat waits 5 seconds for the reply; after that the follower gets nothing and WeChat\'s retries are answered "success". A workflow that ends without a reply, or fails, answers WeChat with an empty body, which the follower does not see.',
				name: 'replyNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { respond: ['replyOperation'] } },
			},
			{
				displayName: 'Options',
				name: 'pushOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Replay Window (Seconds)',
						name: 'replayWindow',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULT_REPLAY_WINDOW_SECONDS,
						description:
							"Refuse requests whose timestamp is further than this from the n8n server's clock (replayed or forged requests). 0 turns the check off.",
					},
				],
			},
		],
	};

	// WeChat has no API to register the URL (it is pasted into the platform by hand). Activation
	// checks the credential's push fields instead, so a wrong key fails there and not silently
	// on WeChat's first push.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const settings = pushSettingsOf(await this.getCredentials(CREDENTIAL_TYPE));
				if ('problem' in settings) {
					throw new NodeOperationError(this.getNode(), settings.problem.message, { description: settings.problem.description });
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const node = this.getNode();
		const answer = (status: number, body: string): IWebhookResponseData => {
			res.status(status).type('text/plain').send(body);
			return { noWebhookResponse: true };
		};
		const refused = (refusal: Refusal): IWebhookResponseData => {
			const detail = refusal.detail ? `: ${refusal.detail}` : '';
			this.logger.warn(`WeChat Official Account Trigger "${node.name}" refused a request (HTTP ${refusal.status}): ${refusal.reason}${detail}`);
			return answer(refusal.status, refusal.reason);
		};

		const now = Date.now();
		const settings = await pushSettingsFor(this, now);
		if ('problem' in settings) {
			// The sender may be anyone: the details of the credential go to the log only.
			const { message, description } = settings.problem;
			this.logger.error(`WeChat Official Account Trigger "${node.name}": ${message}. ${description}`);
			return answer(500, "The trigger's credential is incomplete; n8n's log says what to fix");
		}
		const options = this.getNodeParameter('pushOptions', {}) as { replayWindow?: number };
		const replayWindowSeconds = options.replayWindow ?? DEFAULT_REPLAY_WINDOW_SECONDS;
		const query = req.query as IDataObject;
		// The signed query first: nothing of an unsigned request is read.
		const checked = checkSignedQuery(req.method, query, settings, { now, replayWindowSeconds });
		if (checked?.kind === 'refused') return refused(checked);
		if (checked?.kind === 'echo') return answer(200, checked.echostr);
		if (!req.rawBody) {
			// n8n's reader, with n8n's payload limit (N8N_PAYLOAD_SIZE_MAX).
			try {
				await req.readRawBody();
			} catch (error) {
				const tooLarge = (error as { status?: number }).status === 413;
				return answer(tooLarge ? 413 : 400, tooLarge ? 'The body is too large' : 'The body could not be read');
			}
		}
		const outcome = readSignedBody(query, req.rawBody, settings);
		if (outcome.kind !== 'message') return refused(outcome as Refusal);

		// Remembered for as long as its timestamp can pass the replay window, and at least a minute.
		const until = Math.max(now, outcome.timestamp * 1000) + Math.max(replayWindowSeconds, MIN_MEMORY_SECONDS) * 1000;
		const scope = `${this.getWorkflow().id}:${node.id}`;
		// The plain signature covers the query only: the same signed query with another body is a
		// forgery built from a request someone saw (WeChat's retries are signed anew, or repeat the body).
		const bodyDigest = digestOf(req.rawBody);
		const firstBody = recentPushes.record(`${scope}:query:${String(query.signature)}:${String(query.timestamp)}:${String(query.nonce)}`, bodyDigest, now, until);
		if (firstBody !== undefined && firstBody !== bodyDigest) {
			return refused({ kind: 'refused', status: 403, reason: 'This signed query came before with another body: a replayed or forged request' });
		}
		// WeChat's retry of a push this process has already taken: acknowledge, start nothing.
		if (recentPushes.record(`${scope}:${retryKeyOf(outcome.fields)}`, '', now, until) !== undefined) return answer(200, 'success');
		if (!isSelected(this.getNodeParameter('events', [ALL_EVENTS]) as string[], eventTypeOf(outcome.fields))) {
			return answer(200, 'success');
		}

		const workflowData = [this.helpers.returnJsonArray(pushItem(outcome.fields, new Date(now), outcome.encrypted))];
		if (this.getNodeParameter('respond', 'success') === 'replyOperation') {
			answerJsonWithEmptyBody(res);
			return { workflowData };
		}
		return { webhookResponse: 'success', workflowData };
	}
}

/** The trigger's push settings, read from its credential at most every SETTINGS_REUSE_MS. */
async function pushSettingsFor(context: IWebhookFunctions, now: number): Promise<PushSettings | PushSettingsProblem> {
	const node = context.getNode();
	const key = `${context.getWorkflow().id}:${node.id}:${node.credentials?.[CREDENTIAL_TYPE]?.id ?? ''}`;
	const recent = recentSettings.get(key);
	if (recent && recent.until > now) return recent.settings;
	const settings = pushSettingsOf(await context.getCredentials(CREDENTIAL_TYPE));
	// Problems are not kept: a fixed credential works at the next push.
	if ('problem' in settings) return settings;
	for (const [other, entry] of recentSettings) if (entry.until <= now) recentSettings.delete(other);
	recentSettings.set(key, { settings, until: now + SETTINGS_REUSE_MS });
	return settings;
}

/**
 * In reply mode n8n answers WeChat itself when no Reply runs: with an empty body when the workflow
 * ends without one, but with JSON and HTTP 500 when it fails (n8n 2.x, and queue mode on both
 * lines). WeChat shows the follower "this account cannot provide service" for anything but XML,
 * "success" or an empty body, so whatever JSON n8n writes to this request becomes an empty 200.
 * The Reply itself is XML, sent as text, and passes untouched.
 */
function answerJsonWithEmptyBody(res: ExpressResponse): void {
	res.json = (() => {
		res.status(200);
		res.end();
		return res;
	}) as ExpressResponse['json'];
}
