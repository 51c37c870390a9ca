import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_ARTICLES, invalidParameter } from '../../helpers/itemParameters';

/**
 * WeChat's documented limits of draft/add and draft/update (developers.weixin.qq.com, draft_add:
 * title "总长度不超过32个字", author 16, digest 128; image_info "图片数量最多为20张"). A draft holds
 * at most 8 articles.
 */
export const LIMITS = { articles: MAX_ARTICLES, title: 32, author: 16, digest: 128, images: 20 } as const;

/** The fields of one article in the editor (Articles → Article). */
const articleFieldValues: INodeProperties[] = [
	{
		displayName: 'Article Type',
		name: 'articleType',
		type: 'options',
		options: [
			{ name: 'News (Article)', value: 'news', description: 'An article with HTML content and a cover image' },
			{ name: 'Picture Message', value: 'newspic', description: 'Up to 20 images with a short plain text' },
		],
		default: 'news',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: `Up to ${LIMITS.title} characters`,
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		description:
			'HTML of the article (images inside it must be uploaded with Media → Upload Article Image); plain text for a picture message',
	},
	{
		displayName: 'Thumbnail Media ID',
		name: 'thumbMediaId',
		type: 'string',
		default: '',
		description: 'The media_id of the cover, a permanent image or thumb (Media → Add Material)',
		displayOptions: { show: { articleType: ['news'] } },
	},
	{
		displayName: 'Image Media IDs',
		name: 'imageMediaIds',
		type: 'string',
		default: '',
		description: `The media_ids of permanent images (Media → Add Material), separated by commas or new lines; up to ${LIMITS.images}, the first is the cover`,
		displayOptions: { show: { articleType: ['newspic'] } },
	},
	{
		displayName: 'Author',
		name: 'author',
		type: 'string',
		default: '',
		description: `Up to ${LIMITS.author} characters`,
	},
	{
		displayName: 'Digest',
		name: 'digest',
		type: 'string',
		default: '',
		description: `The summary shown in the feed, up to ${LIMITS.digest} characters; WeChat takes the first 54 characters of the content when empty (single-article drafts only)`,
	},
	{
		displayName: 'Source URL',
		name: 'contentSourceUrl',
		type: 'string',
		default: '',
		description: 'Where the article\'s "Read the original" link leads',
	},
	{
		displayName: 'Open Comments',
		name: 'needOpenComment',
		type: 'boolean',
		default: false,
		description: 'Whether readers can comment on the article',
	},
	{
		displayName: 'Only Followers Can Comment',
		name: 'onlyFansCanComment',
		type: 'boolean',
		default: false,
		description: 'Whether only followers of the account can comment',
		displayOptions: { show: { needOpenComment: [true] } },
	},
];

/** Where the articles come from: fields in the editor, or JSON an expression passes. */
export function articlesInputField(noun: 'articles' | 'article'): INodeProperties {
	return {
		displayName: 'Define Articles',
		name: 'articlesInput',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Using Fields Below', value: 'fields', description: `Fill in the ${noun} field by field` },
			{
				name: 'Using JSON',
				value: 'json',
				description:
					noun === 'articles'
						? 'An array of WeChat article objects (or one object), e.g. from a CMS or an AI step'
						: 'One WeChat article object, e.g. from a CMS or an AI step',
			},
		],
		default: 'fields',
	};
}

/** Several articles as fields (Create). */
export const articlesCollection: INodeProperties = {
	displayName: 'Articles',
	name: 'articles',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Article',
	description: `The articles of the draft, in order; up to ${LIMITS.articles}`,
	displayOptions: { show: { articlesInput: ['fields'] } },
	options: [{ displayName: 'Article', name: 'article', values: articleFieldValues }],
};

/** One article as fields (Update). */
export const articleCollection: INodeProperties = {
	displayName: 'Article',
	name: 'article',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Set Article',
	description: 'The new content of the article; WeChat replaces the whole article, so give every field it should keep',
	displayOptions: { show: { articlesInput: ['fields'] } },
	options: [{ displayName: 'Article', name: 'fields', values: articleFieldValues }],
};

/** Several articles as JSON (Create). */
export const articlesJsonField: INodeProperties = {
	displayName: 'Articles (JSON)',
	name: 'articlesJson',
	type: 'json',
	default: '[\n  {\n    "title": "",\n    "content": "",\n    "thumb_media_id": ""\n  }\n]',
	description:
		'WeChat article objects: title, content, thumb_media_id (news) or image_info.image_list (article_type newspic), author, digest, content_source_url, need_open_comment, only_fans_can_comment',
	displayOptions: { show: { articlesInput: ['json'] } },
};

/** One article as JSON (Update). */
export const articleJsonField: INodeProperties = {
	displayName: 'Article (JSON)',
	name: 'articlesJson',
	type: 'json',
	default: '{\n  "title": "",\n  "content": "",\n  "thumb_media_id": ""\n}',
	description:
		'A WeChat article object: title, content, thumb_media_id (news) or image_info.image_list (article_type newspic), author, digest, content_source_url, need_open_comment, only_fans_can_comment',
	displayOptions: { show: { articlesInput: ['json'] } },
};


interface ArticleFields {
	articleType?: string;
	title?: string;
	content?: string;
	thumbMediaId?: string;
	imageMediaIds?: string;
	author?: string;
	digest?: string;
	contentSourceUrl?: string;
	needOpenComment?: boolean;
	onlyFansCanComment?: boolean;
}

/** A WeChat article object from the editor's fields; empty optional fields are left out. */
function articleFromFields(fields: ArticleFields): IDataObject {
	const type = fields.articleType === 'newspic' ? 'newspic' : 'news';
	const article: IDataObject = { article_type: type, title: fields.title ?? '', content: fields.content ?? '' };
	// Only the field of the chosen type counts: the other one is hidden, and may keep an old value.
	if (type === 'news') article.thumb_media_id = (fields.thumbMediaId ?? '').trim();
	else {
		const ids = String(fields.imageMediaIds ?? '')
			.split(/[\s,]+/)
			.filter((id) => id !== '');
		article.image_info = { image_list: ids.map((id) => ({ image_media_id: id })) };
	}
	if (fields.author) article.author = fields.author;
	if (fields.digest) article.digest = fields.digest;
	if (fields.contentSourceUrl?.trim()) article.content_source_url = fields.contentSourceUrl.trim();
	article.need_open_comment = fields.needOpenComment ? 1 : 0;
	// "Only Followers Can Comment" is shown (and meant) only with Open Comments.
	article.only_fans_can_comment = fields.needOpenComment && fields.onlyFansCanComment ? 1 : 0;
	return article;
}

/** The JSON parameter of one item (Create: "Articles (JSON)", Update: "Article (JSON)"): an array, one object, or text holding either. */
function jsonArticles(context: IExecuteFunctions, itemIndex: number, field: string): unknown[] {
	let value = context.getNodeParameter('articlesJson', itemIndex) as unknown;
	if (typeof value === 'string') {
		try {
			value = value.trim() === '' ? [] : (JSON.parse(value) as unknown);
		} catch (error) {
			throw invalidParameter(
				context,
				itemIndex,
				field,
				'is not valid JSON',
				`${(error as Error).message}. Pass an array of article objects, or one object, e.g. [{"title": "...", "content": "<p>...</p>", "thumb_media_id": "..."}], typed in or from an expression such as {{ $json.articles }}.`,
			);
		}
	}
	return Array.isArray(value) ? value : [value];
}

/** The articles of one item (Create): from fields or JSON, checked against WeChat's rules. */
export function articlesOf(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const fromFields = context.getNodeParameter('articlesInput', itemIndex) !== 'json';
	const field = fromFields ? 'Articles' : 'Articles (JSON)';
	let articles: unknown[];
	if (!fromFields) articles = jsonArticles(context, itemIndex, field);
	else {
		const collection = context.getNodeParameter('articles', itemIndex, {}) as { article?: ArticleFields[] };
		articles = (collection.article ?? []).map(articleFromFields);
	}
	if (articles.length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			field,
			'has no article',
			fromFields
				? 'A draft needs at least one article: add one with "Add Article".'
				: 'A draft needs at least one article: pass a non-empty array of article objects (or one object), e.g. from {{ $json.articles }}.',
		);
	}
	if (articles.length > LIMITS.articles) {
		throw invalidParameter(
			context,
			itemIndex,
			field,
			`holds ${articles.length} articles; a draft holds at most ${LIMITS.articles}`,
			`Split them into several drafts of up to ${LIMITS.articles} articles each (one input item per draft).`,
		);
	}
	return articles.map((article, index) => checkedArticle(context, itemIndex, article, index + 1, fromFields));
}

/** The one article of an item (Update), which replaces article `articleNumber` of the draft. */
export function articleOf(context: IExecuteFunctions, itemIndex: number, articleNumber: number): IDataObject {
	if (context.getNodeParameter('articlesInput', itemIndex) === 'json') {
		const articles = jsonArticles(context, itemIndex, 'Article (JSON)');
		if (articles.length !== 1) {
			throw invalidParameter(
				context,
				itemIndex,
				'Article (JSON)',
				`holds ${articles.length} articles; Update takes one`,
				'Pass one article object; to change several articles, run Update once per article (one input item each, with its "Article Number").',
			);
		}
		return checkedArticle(context, itemIndex, articles[0], articleNumber, false);
	}
	const collection = context.getNodeParameter('article', itemIndex, {}) as { fields?: ArticleFields };
	if (!collection.fields) {
		throw invalidParameter(context, itemIndex, 'Article', 'is empty', 'Set the article with "Set Article" (WeChat replaces the whole article, so give every field it should keep).');
	}
	return checkedArticle(context, itemIndex, articleFromFields(collection.fields), articleNumber, true);
}

/** How a refusal names each checked field: as the editor shows it, or as WeChat's JSON names it. */
const FIELD_LABELS = {
	article_type: ['Article Type', 'article_type'],
	title: ['Title', 'title'],
	content: ['Content', 'content'],
	author: ['Author', 'author'],
	digest: ['Digest', 'digest'],
	thumb_media_id: ['Thumbnail Media ID', 'thumb_media_id'],
	images: ['Image Media IDs', 'image_info.image_list'],
} as const;

/**
 * Checks one article against what WeChat requires. Each refusal reads
 * `Input item N, article M: "<field>" …`, with the field as the user wrote it (editor or JSON).
 */
function checkedArticle(context: IExecuteFunctions, itemIndex: number, value: unknown, number: number, fromFields: boolean): IDataObject {
	const label = (field: keyof typeof FIELD_LABELS) => `"${FIELD_LABELS[field][fromFields ? 0 : 1]}"`;
	const refuse = (message: string, description: string): never => {
		throw new NodeOperationError(context.getNode(), `Input item ${itemIndex + 1}, article ${number}: ${message}`, { description, itemIndex });
	};
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		refuse(
			`is ${Array.isArray(value) ? 'an array' : preview(value)}, not an article object`,
			'Each article is a JSON object such as {"title": "...", "content": "<p>...</p>", "thumb_media_id": "..."}.',
		);
	}
	const article = { ...(value as IDataObject) };
	// JSON from a CMS or an AI step often says true/false where WeChat wants 1/0.
	for (const flag of ['need_open_comment', 'only_fans_can_comment']) {
		if (typeof article[flag] === 'boolean') article[flag] = article[flag] ? 1 : 0;
	}
	const type = article.article_type ?? 'news';
	if (type !== 'news' && type !== 'newspic') {
		refuse(`${label('article_type')} is ${JSON.stringify(type)}`, 'Use "news" (an article, the default) or "newspic" (a picture message).');
	}
	const text = (field: string) => (typeof article[field] === 'string' ? (article[field] as string) : undefined);
	for (const field of ['title', 'author', 'digest'] as const) {
		if (article[field] !== undefined && typeof article[field] !== 'string') refuse(`${label(field)} is not text`, `"${field}" must be a string.`);
	}
	if (!text('title')?.trim()) refuse(`${label('title')} is empty`, 'Every article needs a title.');
	if (!text('content')?.trim()) refuse(`${label('content')} is empty`, 'Every article needs content: its HTML (plain text for a picture message).');
	for (const field of ['title', 'author', 'digest'] as const) {
		const limit = LIMITS[field];
		const length = [...(text(field) ?? '')].length;
		if (length > limit) {
			refuse(`${label(field)} has ${length} characters; WeChat accepts up to ${limit}`, `Shorten it to ${limit} characters or fewer (a Chinese character counts as one).`);
		}
	}
	if (type === 'news') {
		if (!text('thumb_media_id')?.trim()) {
			refuse(
				`${label('thumb_media_id')} is empty`,
				'An article (news) needs a cover: the media_id of a permanent image or thumb (Media → Add Material); temporary media are not accepted.',
			);
		}
	} else {
		const list = (article.image_info as IDataObject | undefined)?.image_list;
		const images = Array.isArray(list) ? (list as unknown[]) : [];
		const howTo = fromFields
			? 'List the media_ids of permanent images (Media → Add Material), separated by commas or new lines.'
			: 'Give "image_info": {"image_list": [{"image_media_id": "..."}]} with permanent image media IDs (Media → Add Material).';
		if (images.length === 0) refuse(`${label('images')} is empty`, `A picture message needs 1 to ${LIMITS.images} images. ${howTo}`);
		if (images.length > LIMITS.images) {
			refuse(`${label('images')} has ${images.length} images; a picture message holds at most ${LIMITS.images}`, `Keep ${LIMITS.images} images or fewer; the first is the cover.`);
		}
		images.forEach((image, index) => {
			const id = (image as IDataObject | null)?.image_media_id;
			if (typeof id !== 'string' || id.trim() === '') {
				refuse(`image ${index + 1} of ${label('images')} has no image_media_id`, `Each entry is {"image_media_id": "<permanent image media_id>"}. ${howTo}`);
			}
		});
	}
	return article;
}

/** A short rendering of a value for a message. */
function preview(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
