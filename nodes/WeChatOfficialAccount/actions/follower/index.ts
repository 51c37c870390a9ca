import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as updateRemark from './updateRemark.operation';

export { get, getAll, updateRemark };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['follower'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: "Get a follower's profile by OpenID",
				action: 'Get a follower',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the followers of the account, one item each, optionally with their profiles',
				action: 'Get followers',
			},
			{
				name: 'Update Remark',
				value: 'updateRemark',
				description: "Set the remark the account keeps for a follower (only the account sees it)",
				action: 'Update a follower remark',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
	...updateRemark.description,
];
