import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['quota'] } },
		options: [{ name: 'Get', value: 'get', description: "Get the remaining daily quota of a WeChat API", action: 'Get the quota of an API' }],
		default: 'get',
	},
	...get.description,
];
