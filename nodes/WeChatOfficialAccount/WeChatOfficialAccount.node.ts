import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as blacklist from './actions/blacklist';
import * as follower from './actions/follower';
import * as message from './actions/message';
import * as quota from './actions/quota';
import { router } from './actions/router';
import * as methods from './methods';
import * as tag from './actions/tag';

export class WeChatOfficialAccount implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeChat Official Account',
		name: 'weChatOfficialAccount',
		icon: { light: 'file:../../icons/wechat.svg', dark: 'file:../../icons/wechat.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read, tag and blacklist the followers of a WeChat Official Account (公众号), and reply to their messages',
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
					{ name: 'Follower', value: 'follower' },
					{ name: 'Message', value: 'message' },
					{ name: 'Quota', value: 'quota' },
					{ name: 'Tag', value: 'tag' },
				],
				default: 'follower',
			},
			...follower.description,
			...tag.description,
			...blacklist.description,
			...quota.description,
			...message.description,
		],
	};

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
