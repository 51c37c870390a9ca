import type { INodeProperties } from 'n8n-workflow';

import * as count from './count.operation';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { count, create, get, getAll, update };
export { deleteOperation as delete };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['draft'] } },
		options: [
			{
				name: 'Count',
				value: 'count',
				description: 'Count the drafts in the account’s draft box',
				action: 'Count drafts',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Save up to 8 articles as a draft, ready to publish',
				action: 'Create a draft',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a draft',
				action: 'Delete a draft',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the articles of a draft',
				action: 'Get a draft',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the drafts of the account, one item each',
				action: 'Get many drafts',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Replace one article of a draft',
				action: 'Update a draft article',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...update.description,
	...deleteOperation.description,
	...getAll.description,
	...count.description,
];
