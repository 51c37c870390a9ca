import type { INodeProperties } from 'n8n-workflow';

import * as getTemplates from './getTemplates.operation';
import * as send from './send.operation';

export { getTemplates, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscriptionNotice'] } },
		options: [
			{
				name: 'Get Templates',
				value: 'getTemplates',
				description: 'Get the account’s subscription-notice templates with their fields',
				action: 'Get subscription notice templates',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send a subscription notice to a follower who accepted it, once per input item',
				action: 'Send a subscription notice',
			},
		],
		default: 'send',
	},
	...send.description,
	...getTemplates.description,
];
