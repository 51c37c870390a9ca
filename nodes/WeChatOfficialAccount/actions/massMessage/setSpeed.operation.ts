import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Speed',
		name: 'speed',
		type: 'options',
		default: 0,
		options: [
			{ name: '0: 800,000 a Minute', value: 0 },
			{ name: '1: 600,000 a Minute', value: 1 },
			{ name: '2: 450,000 a Minute', value: 2 },
			{ name: '3: 300,000 a Minute', value: 3 },
			{ name: '4: 100,000 a Minute', value: 4 },
		],
		description: 'How fast WeChat delivers mass messages; slower spreads the traffic a message causes on your site',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['massMessage'], operation: ['setSpeed'] } }, properties);

export const execute: OperationExecute = async function (itemIndex, client, output) {
	const speed = Number(this.getNodeParameter('speed', itemIndex));
	await client.request({ method: 'POST', path: '/cgi-bin/message/mass/speed/set', body: { speed } }, itemIndex);
	output.push({ json: { success: true, speed }, pairedItem: { item: itemIndex } });
};
