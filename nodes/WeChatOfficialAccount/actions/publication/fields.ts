import type { INodeProperties } from 'n8n-workflow';

export const articleIdField: INodeProperties = {
	displayName: 'Article ID',
	name: 'articleId',
	type: 'string',
	required: true,
	default: '={{ $json.article_id }}',
	description: 'The article_id of the publication, as Get Status or Get Many shows it',
};
