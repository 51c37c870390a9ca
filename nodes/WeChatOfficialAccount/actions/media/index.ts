import type { INodeProperties } from 'n8n-workflow';

import * as addMaterial from './addMaterial.operation';
import * as countMaterials from './countMaterials.operation';
import * as deleteMaterial from './deleteMaterial.operation';
import * as download from './download.operation';
import * as getMaterial from './getMaterial.operation';
import * as getMaterials from './getMaterials.operation';
import * as upload from './upload.operation';
import * as uploadArticleImage from './uploadArticleImage.operation';

export { addMaterial, countMaterials, deleteMaterial, download, getMaterial, getMaterials, upload, uploadArticleImage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{
				name: 'Add Material',
				value: 'addMaterial',
				description: 'Add a file to the account’s permanent material (image, voice, video with title, thumb)',
				action: 'Add permanent material',
			},
			{
				name: 'Count Materials',
				value: 'countMaterials',
				description: 'Count the account’s permanent material of each type',
				action: 'Count permanent material',
			},
			{
				name: 'Delete Material',
				value: 'deleteMaterial',
				description: 'Delete permanent material',
				action: 'Delete permanent material',
			},
			{
				name: 'Download',
				value: 'download',
				description: 'Download temporary media as a file (a video gives its URL instead)',
				action: 'Download temporary media',
			},
			{
				name: 'Get Many',
				value: 'getMaterials',
				description: 'Get the account’s permanent material of one type, one item each',
				action: 'Get many materials',
			},
			{
				name: 'Get Material',
				value: 'getMaterial',
				description: 'Get permanent material: a file for images, voice and thumbs, its details for videos and news',
				action: 'Get permanent material',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload a file as temporary media, kept by WeChat for 3 days, to send in messages',
				action: 'Upload temporary media',
			},
			{
				name: 'Upload Article Image',
				value: 'uploadArticleImage',
				description: 'Upload an image for use inside an article’s HTML; gives a URL, not a media ID',
				action: 'Upload an article image',
			},
		],
		default: 'upload',
	},
	...upload.description,
	...download.description,
	...addMaterial.description,
	...getMaterial.description,
	...deleteMaterial.description,
	...getMaterials.description,
	...countMaterials.description,
	...uploadArticleImage.description,
];
