import type { INodeProperties } from 'n8n-workflow';

import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';
import * as getArticle from './getArticle.operation';
import * as getStatus from './getStatus.operation';
import * as publish from './publish.operation';

export { getAll, getArticle, getStatus, publish };
export { deleteOperation as delete };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['publication'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a published article, or all articles of a publication',
				action: 'Delete a published article',
			},
			{
				name: 'Get Article',
				value: 'getArticle',
				description: 'Get the articles of a publication by its article ID',
				action: 'Get a published article',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the account’s publications, one item each',
				action: 'Get many publications',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get the state of a publishing job: publishing, published with URLs, or failed',
				action: 'Get the status of a publishing job',
			},
			{
				name: 'Publish',
				value: 'publish',
				description: 'Publish a draft, optionally waiting for the result and the article URLs',
				action: 'Publish a draft',
			},
		],
		default: 'publish',
	},
	...publish.description,
	...getStatus.description,
	...getAll.description,
	...getArticle.description,
	...deleteOperation.description,
];
