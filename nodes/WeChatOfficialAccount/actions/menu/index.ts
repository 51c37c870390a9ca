import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as createConditional from './createConditional.operation';
import * as deleteMenu from './delete.operation';
import * as deleteConditional from './deleteConditional.operation';
import * as get from './get.operation';
import * as getCurrent from './getCurrent.operation';
import * as tryMatch from './tryMatch.operation';

export { create, createConditional, deleteMenu as delete, deleteConditional, get, getCurrent, tryMatch };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['menu'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Set the account’s default menu, replacing the current one',
				action: 'Create the menu',
			},
			{
				name: 'Create Conditional',
				value: 'createConditional',
				description: 'Add a menu shown instead of the default one to followers with a tag or platform',
				action: 'Create a conditional menu',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete the default menu and all conditional menus',
				action: 'Delete the menu',
			},
			{
				name: 'Delete Conditional',
				value: 'deleteConditional',
				description: 'Delete one conditional menu',
				action: 'Delete a conditional menu',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the menus set through the API: the default one and each conditional one',
				action: 'Get the menus',
			},
			{
				name: 'Get Current',
				value: 'getCurrent',
				description: 'Get the menu followers see now, also when it was set in the platform’s editor',
				action: 'Get the current menu',
			},
			{
				name: 'Try Match',
				value: 'tryMatch',
				description: 'Get the menu a given follower sees',
				action: 'Get the menu a follower sees',
			},
		],
		default: 'get',
	},
	...create.description,
	...createConditional.description,
	...deleteMenu.description,
	...deleteConditional.description,
	...get.description,
	...getCurrent.description,
	...tryMatch.description,
];
