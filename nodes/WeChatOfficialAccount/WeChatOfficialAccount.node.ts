import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as analytics from './actions/analytics';
import * as blacklist from './actions/blacklist';
import * as comment from './actions/comment';
import * as customerServiceMessage from './actions/customerServiceMessage';
import * as draft from './actions/draft';
import * as follower from './actions/follower';
import * as massMessage from './actions/massMessage';
import * as media from './actions/media';
import * as menu from './actions/menu';
import * as message from './actions/message';
import * as publication from './actions/publication';
import * as qrCode from './actions/qrCode';
import * as quota from './actions/quota';
import { router } from './actions/router';
import * as methods from './methods';
import * as shortLink from './actions/shortLink';
import * as subscriptionNotice from './actions/subscriptionNotice';
import * as tag from './actions/tag';
import * as templateMessage from './actions/templateMessage';
import { MODEL_FILLED, fromAiHints, toolDescriptions } from './actions/toolDescriptions';
import { forTools } from './helpers/toolMode';

const DOCUMENTATION_URL = 'https://github.com/n8n-nodes-wechat-official-account/n8n-nodes-wechat-official-account#operations';

const PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Analytics', value: 'analytics' },
			{ name: 'Blacklist', value: 'blacklist' },
			{ name: 'Comment', value: 'comment' },
			{ name: 'Customer Service Message', value: 'customerServiceMessage' },
			{ name: 'Draft', value: 'draft' },
			{ name: 'Follower', value: 'follower' },
			{ name: 'Mass Message', value: 'massMessage' },
			{ name: 'Media', value: 'media' },
			{ name: 'Menu', value: 'menu' },
			{ name: 'Message', value: 'message' },
			{ name: 'Publication', value: 'publication' },
			{ name: 'QR Code', value: 'qrCode' },
			{ name: 'Quota', value: 'quota' },
			{ name: 'Short Link', value: 'shortLink' },
			{ name: 'Subscription Notice', value: 'subscriptionNotice' },
			{ name: 'Tag', value: 'tag' },
			{ name: 'Template Message', value: 'templateMessage' },
		],
		default: 'follower',
	},
	...follower.description,
	...tag.description,
	...blacklist.description,
	...quota.description,
	...message.description,
	...templateMessage.description,
	...customerServiceMessage.description,
	...massMessage.description,
	...subscriptionNotice.description,
	...media.description,
	...draft.description,
	...publication.description,
	...comment.description,
	...menu.description,
	...qrCode.description,
	...shortLink.description,
	...analytics.description,
];

/**
 * The canvas subtitle: the operation and resource as the Resource and Operation lists show them
 * ("Get Many: Follower"). The usual `$parameter["operation"] + ": " + $parameter["resource"]` shows
 * their internal values ("getAll: follower"), and without a subtitle n8n takes the label from the
 * first property named `operation`, which is only right for one resource.
 */
export function subtitleOf(properties: INodeProperties[]): string {
	const resources = (properties.find((property) => property.name === 'resource')?.options ?? []) as INodePropertyOptions[];
	const labels: Record<string, string> = {};
	for (const resource of resources) {
		const operations = properties.find(
			(property) => property.name === 'operation' && (property.displayOptions?.show?.resource ?? []).includes(resource.value),
		);
		for (const operation of (operations?.options ?? []) as INodePropertyOptions[]) {
			labels[`${resource.value}:${operation.value}`] = `${operation.name}: ${resource.name}`;
		}
	}
	// One flat object literal: its JSON never contains "}}", which would end the expression.
	return `={{ ${JSON.stringify(labels)}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}`;
}

export class WeChatOfficialAccount implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeChat Official Account',
		name: 'weChatOfficialAccount',
		icon: { light: 'file:../../icons/wechat.svg', dark: 'file:../../icons/wechat.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: subtitleOf(PROPERTIES),
		description: 'Read, tag and message the followers of a WeChat Official Account; publish articles, run its menu, QR codes and analytics',
		// The editor's Docs link opens this as it is. Without it the editor appends its tracking
		// query to the codex's primaryDocumentation URL, after any "#anchor", which breaks the anchor.
		documentationUrl: DOCUMENTATION_URL,
		defaults: { name: 'WeChat Official Account' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'weChatOfficialAccountApi', required: true }],
		// In the tool variant (AI agents, MCP clients) parameters the model fills and tool descriptions are added.
		properties: forTools(PROPERTIES, { hints: fromAiHints, descriptions: toolDescriptions, modelFilled: MODEL_FILLED }),
	};

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
