import type { INodeProperties } from 'n8n-workflow';

import * as reply from './reply.operation';

export { reply };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Reply',
				value: 'reply',
				description: 'Answer the message or event the WeChat Official Account Trigger received, on the same request',
				action: 'Reply to a message',
			},
		],
		default: 'reply',
	},
	...reply.description,
];
