import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { openidField, openidOf } from '../../helpers/openids';
import type { OperationExecute } from '../node.type';

const properties: INodeProperties[] = [
	openidField('The follower who sees "typing…"'),
	{
		displayName: 'Command',
		name: 'command',
		type: 'options',
		default: 'Typing',
		options: [
			{ name: 'Typing', value: 'Typing', description: 'Show "typing…" for up to 15 seconds, or until a message is sent' },
			{ name: 'Stop Typing', value: 'CancelTyping' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customerServiceMessage'], operation: ['typing'] } }, properties);

/** Shows or hides "typing…" in the follower's chat, e.g. while an AI step prepares the answer. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const touser = openidOf(this, itemIndex);
	const command = this.getNodeParameter('command', itemIndex) as string;
	await client.request({ method: 'POST', path: '/cgi-bin/message/custom/typing', body: { touser, command } }, itemIndex);
	output.push({ json: { openid: touser, command, success: true }, pairedItem: { item: itemIndex } });
};
