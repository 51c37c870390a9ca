import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getImage from './getImage.operation';

export { create, getImage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['qrCode'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a QR code with a scene, reported in the follow and scan events, and get its image',
				action: 'Create a QR code',
			},
			{ name: 'Get Image', value: 'getImage', description: 'Download the image of a QR code ticket', action: 'Get the image of a QR code' },
		],
		default: 'create',
	},
	...create.description,
	...getImage.description,
];
