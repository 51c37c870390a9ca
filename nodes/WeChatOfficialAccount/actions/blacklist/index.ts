import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';

export { add, getAll, remove };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blacklist'] } },
		options: [
			{ name: 'Add', value: 'add', description: 'Blacklist followers', action: 'Add followers to the blacklist' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the blacklisted followers, one item each', action: 'Get blacklisted followers' },
			{ name: 'Remove', value: 'remove', description: 'Take followers off the blacklist', action: 'Remove followers from the blacklist' },
		],
		default: 'getAll',
	},
	...add.description,
	...getAll.description,
	...remove.description,
];
