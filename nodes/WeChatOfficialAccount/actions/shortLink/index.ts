import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as resolve from './resolve.operation';

export { create, resolve };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['shortLink'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Store up to 4 KB of text behind a short key, for up to 30 days', action: 'Create a short key' },
			{ name: 'Resolve', value: 'resolve', description: 'Get the text stored behind a short key', action: 'Resolve a short key' },
		],
		default: 'create',
	},
	...create.description,
	...resolve.description,
];
