import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['follower'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the OpenIDs of the followers of the account, one item each',
				action: 'Get followers',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
