import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { WeChatApiClient } from '../transport/request';

/**
 * An operation run once per input item: it appends its output items (each with pairedItem) to
 * `output` as they arrive, so a failure part-way keeps what came before.
 */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	client: WeChatApiClient,
	output: INodeExecutionData[],
) => Promise<void>;

/** What a batch operation did for one input item: its output, or why it failed. */
export type ItemOutcome =
	| { itemIndex: number; json: IDataObject[] }
	| { itemIndex: number; error: Error };

/**
 * An operation whose API takes batches: it receives every input item at once and sends one
 * request per chunk, not per item. Without "On Error: Continue" it stops at its first failure.
 */
export type BatchOperationExecute = (
	this: IExecuteFunctions,
	itemIndexes: number[],
	client: WeChatApiClient,
	continueOnFail: boolean,
) => Promise<ItemOutcome[]>;

export type OperationModule = { execute: OperationExecute } | { executeBatch: BatchOperationExecute };

export type WeChatOfficialAccountType = {
	follower: 'getAll' | 'get' | 'updateRemark';
	tag: 'create' | 'getAll' | 'update' | 'delete' | 'getFollowers' | 'addFollowers' | 'removeFollowers' | 'getFollowerTags';
	blacklist: 'getAll' | 'add' | 'remove';
	quota: 'get';
	message: 'reply';
	templateMessage: 'send' | 'getTemplates' | 'deleteTemplate' | 'addTemplate' | 'getIndustry' | 'setIndustry';
	customerServiceMessage: 'send' | 'typing';
	massMessage: 'send' | 'preview' | 'getStatus' | 'delete' | 'getSpeed' | 'setSpeed';
	subscriptionNotice: 'send' | 'getTemplates';
	draft: 'create' | 'get' | 'update' | 'delete' | 'getAll' | 'count';
	publication: 'publish' | 'getStatus' | 'getAll' | 'getArticle' | 'delete';
	comment: 'open' | 'close' | 'getAll' | 'elect' | 'unelect' | 'delete' | 'reply' | 'deleteReply';
	menu: 'create' | 'get' | 'getCurrent' | 'delete' | 'createConditional' | 'deleteConditional' | 'tryMatch';
	qrCode: 'create' | 'getImage';
	shortLink: 'create' | 'resolve';
	analytics: 'getFollowerGrowth' | 'getFollowerTotals' | 'getArticleSummary' | 'getArticleTotals' | 'getArticleReads' | 'getArticleShares' | 'getMessageStats' | 'getApiStats';
	media: 'upload' | 'download' | 'addMaterial' | 'getMaterial' | 'deleteMaterial' | 'getMaterials' | 'countMaterials' | 'uploadArticleImage';
};
