import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../node.type';

// Placeholder while the resource is built: replaced by one <operation>.operation.ts per operation.
const notBuilt: OperationModule = {
	execute: async () => {
		throw new Error('Not built yet');
	},
};

export const create = notBuilt;
export const getImage = notBuilt;

export const description: INodeProperties[] = [];
