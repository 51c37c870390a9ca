import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../node.type';

// Placeholder while the resource is built: replaced by one <operation>.operation.ts per operation.
const notBuilt: OperationModule = {
	execute: async () => {
		throw new Error('Not built yet');
	},
};

export const open = notBuilt;
export const close = notBuilt;
export const getAll = notBuilt;
export const elect = notBuilt;
export const unelect = notBuilt;
const deleteOperation = notBuilt;
export { deleteOperation as delete };
export const reply = notBuilt;
export const deleteReply = notBuilt;

export const description: INodeProperties[] = [];
