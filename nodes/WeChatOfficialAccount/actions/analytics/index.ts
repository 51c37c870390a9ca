import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../node.type';

// Placeholder while the resource is built: replaced by one <operation>.operation.ts per operation.
const notBuilt: OperationModule = {
	execute: async () => {
		throw new Error('Not built yet');
	},
};

export const getFollowerGrowth = notBuilt;
export const getFollowerTotals = notBuilt;
export const getArticleSummary = notBuilt;
export const getArticleTotals = notBuilt;
export const getArticleReads = notBuilt;
export const getArticleShares = notBuilt;
export const getMessageStats = notBuilt;
export const getApiStats = notBuilt;

export const description: INodeProperties[] = [];
