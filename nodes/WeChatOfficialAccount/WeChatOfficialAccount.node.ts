import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as blacklist from './actions/blacklist';
import * as customerServiceMessage from './actions/customerServiceMessage';
import * as follower from './actions/follower';
import * as massMessage from './actions/massMessage';
import * as media from './actions/media';
import * as message from './actions/message';
import * as quota from './actions/quota';
import { router } from './actions/router';
import * as methods from './methods';
import * as subscriptionNotice from './actions/subscriptionNotice';
import * as tag from './actions/tag';
import * as templateMessage from './actions/templateMessage';

export class WeChatOfficialAccount implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeChat Official Account',
		name: 'weChatOfficialAccount',
		icon: { light: 'file:../../icons/wechat.svg', dark: 'file:../../icons/wechat.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read, tag and message the followers of a WeChat Official Account, and manage its media',
		defaults: { name: 'WeChat Official Account' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'weChatOfficialAccountApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Blacklist', value: 'blacklist' },
					{ name: 'Customer Service Message', value: 'customerServiceMessage' },
					{ name: 'Follower', value: 'follower' },
					{ name: 'Mass Message', value: 'massMessage' },
					{ name: 'Media', value: 'media' },
					{ name: 'Message', value: 'message' },
					{ name: 'Quota', value: 'quota' },
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
		],
	};

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
