import type { INodeProperties } from 'n8n-workflow';

import * as getApiStats from './getApiStats.operation';
import * as getArticleReads from './getArticleReads.operation';
import * as getArticleShares from './getArticleShares.operation';
import * as getArticleSummary from './getArticleSummary.operation';
import * as getArticleTotals from './getArticleTotals.operation';
import * as getFollowerGrowth from './getFollowerGrowth.operation';
import * as getFollowerTotals from './getFollowerTotals.operation';
import * as getMessageStats from './getMessageStats.operation';

export {
	getApiStats,
	getArticleReads,
	getArticleShares,
	getArticleSummary,
	getArticleTotals,
	getFollowerGrowth,
	getFollowerTotals,
	getMessageStats,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['analytics'] } },
		options: [
			{
				name: 'Get API Stats',
				value: 'getApiStats',
				description: 'How the account\'s server answered WeChat\'s pushes: calls, failures, response times, by day or hour',
				action: 'Get API statistics',
			},
			{
				name: 'Get Article Reads',
				value: 'getArticleReads',
				description: 'Reads, shares and favourites of all articles, by day or hour',
				action: 'Get article reads',
			},
			{
				name: 'Get Article Shares',
				value: 'getArticleShares',
				description: 'Article shares by scene (friends, Moments…), by day or hour',
				action: 'Get article shares',
			},
			{
				name: 'Get Article Summary',
				value: 'getArticleSummary',
				description: 'Each article\'s reads, shares and favourites on each day',
				action: 'Get article summary',
			},
			{
				name: 'Get Article Totals',
				value: 'getArticleTotals',
				description: 'Articles sent on each day, with their statistics since',
				action: 'Get article totals',
			},
			{
				name: 'Get Follower Growth',
				value: 'getFollowerGrowth',
				description: 'New and cancelled followers per day, by source or summed',
				action: 'Get follower growth',
			},
			{
				name: 'Get Follower Totals',
				value: 'getFollowerTotals',
				description: 'Total followers at the end of each day',
				action: 'Get follower totals',
			},
			{
				name: 'Get Message Stats',
				value: 'getMessageStats',
				description: 'Messages followers sent to the account, by day, hour, week or month, or their distribution',
				action: 'Get message statistics',
			},
		],
		default: 'getFollowerGrowth',
	},
	...getFollowerGrowth.description,
	...getFollowerTotals.description,
	...getArticleSummary.description,
	...getArticleTotals.description,
	...getArticleReads.description,
	...getArticleShares.description,
	...getMessageStats.description,
	...getApiStats.description,
];
