import type { INodeProperties } from 'n8n-workflow';

import * as close from './close.operation';
import * as deleteComment from './delete.operation';
import * as deleteReply from './deleteReply.operation';
import * as elect from './elect.operation';
import * as getAll from './getAll.operation';
import * as open from './open.operation';
import * as reply from './reply.operation';
import * as unelect from './unelect.operation';

export { close, deleteComment as delete, deleteReply, elect, getAll, open, reply, unelect };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['comment'] } },
		options: [
			{ name: 'Close', value: 'close', description: 'Close comments on a published article', action: 'Close comments on an article' },
			{ name: 'Delete', value: 'delete', description: 'Delete a comment', action: 'Delete a comment' },
			{ name: 'Delete Reply', value: 'deleteReply', description: 'Delete the account’s reply to a comment', action: 'Delete a reply to a comment' },
			{ name: 'Elect', value: 'elect', description: 'Elect (feature) a comment, shown to every reader', action: 'Elect a comment' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the comments on a published article, one item each', action: 'Get many comments' },
			{ name: 'Open', value: 'open', description: 'Open comments on a published article', action: 'Open comments on an article' },
			{ name: 'Reply', value: 'reply', description: 'Reply to a comment as the account', action: 'Reply to a comment' },
			{ name: 'Unelect', value: 'unelect', description: 'Take a comment out of the elected comments', action: 'Unelect a comment' },
		],
		default: 'getAll',
	},
	...close.description,
	...deleteComment.description,
	...deleteReply.description,
	...elect.description,
	...getAll.description,
	...open.description,
	...reply.description,
	...unelect.description,
];
