import type { INodeProperties } from 'n8n-workflow';

import * as addFollowers from './addFollowers.operation';
import * as create from './create.operation';
import * as deleteTag from './delete.operation';
import * as getAll from './getAll.operation';
import * as getFollowers from './getFollowers.operation';
import * as getFollowerTags from './getFollowerTags.operation';
import * as removeFollowers from './removeFollowers.operation';
import * as update from './update.operation';

export { addFollowers, create, deleteTag as delete, getAll, getFollowers, getFollowerTags, removeFollowers, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			{ name: 'Add Followers', value: 'addFollowers', description: 'Put a tag on followers', action: 'Add followers to a tag' },
			{ name: 'Create', value: 'create', description: 'Create a tag', action: 'Create a tag' },
			{ name: 'Delete', value: 'delete', description: 'Delete a tag', action: 'Delete a tag' },
			{ name: 'Get Follower Tags', value: 'getFollowerTags', description: 'Get the IDs of the tags a follower carries', action: 'Get the tags of a follower' },
			{ name: 'Get Followers', value: 'getFollowers', description: 'Get the followers that carry a tag, one item each', action: 'Get the followers of a tag' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the tags of the account', action: 'Get tags' },
			{ name: 'Remove Followers', value: 'removeFollowers', description: 'Take a tag off followers', action: 'Remove followers from a tag' },
			{ name: 'Update', value: 'update', description: 'Rename a tag', action: 'Rename a tag' },
		],
		default: 'getAll',
	},
	...addFollowers.description,
	...create.description,
	...deleteTag.description,
	...getFollowerTags.description,
	...getFollowers.description,
	...getAll.description,
	...removeFollowers.description,
	...update.description,
];
