import type { INodeProperties } from 'n8n-workflow';

import * as send from './send.operation';
import * as typing from './typing.operation';

export { send, typing };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customerServiceMessage'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Send a message to a follower who interacted in the last 48 hours, once per input item',
				action: 'Send a customer service message',
			},
			{
				name: 'Typing',
				value: 'typing',
				description: 'Show or hide "typing…" in a follower\'s chat',
				action: 'Show typing to a follower',
			},
		],
		default: 'send',
	},
	...send.description,
	...typing.description,
];
