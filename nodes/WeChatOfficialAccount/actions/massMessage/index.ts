import type { INodeProperties } from 'n8n-workflow';

import * as del from './delete.operation';
import * as getSpeed from './getSpeed.operation';
import * as getStatus from './getStatus.operation';
import * as preview from './preview.operation';
import * as send from './send.operation';
import * as setSpeed from './setSpeed.operation';

export { del as delete, getSpeed, getStatus, preview, send, setSpeed };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['massMessage'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a sent mass message',
				action: 'Delete a mass message',
			},
			{
				name: 'Get Speed',
				value: 'getSpeed',
				description: 'Get how fast WeChat delivers mass messages',
				action: 'Get the mass sending speed',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get whether a mass message has been sent',
				action: 'Get a mass message status',
			},
			{
				name: 'Preview',
				value: 'preview',
				description: 'Send a mass message to one follower to check it',
				action: 'Preview a mass message',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send a message to all followers, the followers with a tag, or a list of OpenIDs; never twice',
				action: 'Send a mass message',
			},
			{
				name: 'Set Speed',
				value: 'setSpeed',
				description: 'Set how fast WeChat delivers mass messages',
				action: 'Set the mass sending speed',
			},
		],
		default: 'send',
	},
	...send.description,
	...preview.description,
	...getStatus.description,
	...del.description,
	...getSpeed.description,
	...setSpeed.description,
];
