import type { INodeProperties } from 'n8n-workflow';

import * as addTemplate from './addTemplate.operation';
import * as deleteTemplate from './deleteTemplate.operation';
import * as getIndustry from './getIndustry.operation';
import * as getTemplates from './getTemplates.operation';
import * as send from './send.operation';
import * as setIndustry from './setIndustry.operation';

export { addTemplate, deleteTemplate, getIndustry, getTemplates, send, setIndustry };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['templateMessage'] } },
		options: [
			{
				name: 'Add Template',
				value: 'addTemplate',
				description: "Add a template from WeChat's template library to the account",
				action: 'Add a template',
			},
			{
				name: 'Delete Template',
				value: 'deleteTemplate',
				description: 'Delete one of the account’s private templates',
				action: 'Delete a template',
			},
			{
				name: 'Get Industry',
				value: 'getIndustry',
				description: 'Get the two industries the account’s templates come from',
				action: 'Get the template industry',
			},
			{
				name: 'Get Templates',
				value: 'getTemplates',
				description: 'Get the account’s private templates with their fields',
				action: 'Get templates',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send a template message to a follower, once per input item; never twice for the same message',
				action: 'Send a template message',
			},
			{
				name: 'Set Industry',
				value: 'setIndustry',
				description: 'Set the two industries of the account’s templates',
				action: 'Set the template industry',
			},
		],
		default: 'send',
	},
	...send.description,
	...getTemplates.description,
	...deleteTemplate.description,
	...addTemplate.description,
	...getIndustry.description,
	...setIndustry.description,
];
