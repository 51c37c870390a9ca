import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * WeChat's documented limits of draft/add and draft/update (developers.weixin.qq.com, draft_add:
 * title "总长度不超过32个字", author 16, digest 128; image_info "图片数量最多为20张"). A draft holds
 * at most 8 articles.
 */
export const LIMITS = { articles: 8, title: 32, author: 16, digest: 128, images: 20 } as const;

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
		description: 'News only: the media_id of the cover, a permanent image or thumb (Media → Add Material)',
	},
	{
		displayName: 'Image Media IDs',
		name: 'imageMediaIds',
		type: 'string',
		default: '',
		description: `Picture messages only: media_ids of permanent images, separated by commas or new lines; up to ${LIMITS.images}, the first is the cover`,
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
		description: 'Where "Read the original" (阅读原文) leads',
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
		description: 'Whether only followers of the account can comment (with Open Comments)',
	},
];

/** Where the articles come from: fields in the editor, or JSON an expression passes. */
export function articlesInputField(noun: 'articles' | 'article'): INodeProperties {
	return {
		displayName: 'Define Articles',
		name: 'articlesInput',
		type: 'options',
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
	article.only_fans_can_comment = fields.onlyFansCanComment ? 1 : 0;
	return article;
}

/** The articles JSON parameter of one item: an array, one object, or text holding either. */
function jsonArticles(context: IExecuteFunctions, itemIndex: number): unknown[] {
	let value = context.getNodeParameter('articlesJson', itemIndex) as unknown;
	if (typeof value === 'string') {
		try {
			value = value.trim() === '' ? [] : (JSON.parse(value) as unknown);
		} catch (error) {
			throw new NodeOperationError(context.getNode(), `The articles JSON of input item ${itemIndex + 1} is not valid JSON`, {
				description: `${(error as Error).message}. Pass an array of article objects, or one object, e.g. [{"title": "...", "content": "<p>...</p>", "thumb_media_id": "..."}].`,
				itemIndex,
			});
		}
	}
	return Array.isArray(value) ? value : [value];
}

/** The articles of one item (Create): from fields or JSON, checked against WeChat's rules. */
export function articlesOf(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	let articles: unknown[];
	if (context.getNodeParameter('articlesInput', itemIndex) === 'json') articles = jsonArticles(context, itemIndex);
	else {
		const collection = context.getNodeParameter('articles', itemIndex, {}) as { article?: ArticleFields[] };
		articles = (collection.article ?? []).map(articleFromFields);
	}
	if (articles.length === 0) {
		throw new NodeOperationError(context.getNode(), `Input item ${itemIndex + 1} has no article`, {
			description: 'A draft needs at least one article: add one under "Articles", or pass a non-empty array as JSON.',
			itemIndex,
		});
	}
	if (articles.length > LIMITS.articles) {
		throw new NodeOperationError(context.getNode(), `Input item ${itemIndex + 1} has ${articles.length} articles; a draft holds at most ${LIMITS.articles}`, {
			description: `Split them into several drafts of up to ${LIMITS.articles} articles each.`,
			itemIndex,
		});
	}
	return articles.map((article, index) => checkedArticle(context, itemIndex, article, `Article ${index + 1}`));
}

/** The one article of an item (Update). */
export function articleOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	if (context.getNodeParameter('articlesInput', itemIndex) === 'json') {
		const articles = jsonArticles(context, itemIndex);
		if (articles.length !== 1) {
			throw new NodeOperationError(context.getNode(), `The article JSON of input item ${itemIndex + 1} holds ${articles.length} articles; Update takes one`, {
				description: 'Pass one article object; to change several articles, run Update once per article.',
				itemIndex,
			});
		}
		return checkedArticle(context, itemIndex, articles[0], 'The article');
	}
	const collection = context.getNodeParameter('article', itemIndex, {}) as { fields?: ArticleFields };
	if (!collection.fields) {
		throw new NodeOperationError(context.getNode(), `Input item ${itemIndex + 1} has no article`, {
			description: 'Set the article under "Article" (WeChat replaces the whole article).',
			itemIndex,
		});
	}
	return checkedArticle(context, itemIndex, articleFromFields(collection.fields), 'The article');
}

/** Checks one article against what WeChat requires, naming the article and the field. */
function checkedArticle(context: IExecuteFunctions, itemIndex: number, value: unknown, which: string): IDataObject {
	const refuse = (message: string, description: string): never => {
		throw new NodeOperationError(context.getNode(), `${which} of input item ${itemIndex + 1} ${message}`, { description, itemIndex });
	};
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		refuse('is not an object', 'Each article is a JSON object such as {"title": "...", "content": "<p>...</p>", "thumb_media_id": "..."}.');
	}
	const article = { ...(value as IDataObject) };
	// JSON from a CMS or an AI step often says true/false where WeChat wants 1/0.
	for (const flag of ['need_open_comment', 'only_fans_can_comment']) {
		if (typeof article[flag] === 'boolean') article[flag] = article[flag] ? 1 : 0;
	}
	const type = article.article_type ?? 'news';
	if (type !== 'news' && type !== 'newspic') {
		refuse(`has article_type "${String(type)}"`, 'Use "news" (an article, the default) or "newspic" (a picture message).');
	}
	const text = (field: string) => (typeof article[field] === 'string' ? (article[field] as string) : undefined);
	if (!text('title')?.trim()) refuse('has no title', 'Set "title": every article needs one.');
	if (!text('content')?.trim()) refuse('has no content', 'Set "content": the HTML of the article (plain text for a picture message).');
	for (const [field, label] of [
		['title', 'a title'],
		['author', 'an author'],
		['digest', 'a digest'],
	] as const) {
		const limit = LIMITS[field];
		if (article[field] !== undefined && typeof article[field] !== 'string') refuse(`has ${label} that is not text`, `"${field}" must be a string.`);
		const length = [...(text(field) ?? '')].length;
		if (length > limit) {
			refuse(`has ${label} of ${length} characters; WeChat accepts up to ${limit}`, `Shorten "${field}" to ${limit} characters or fewer.`);
		}
	}
	if (type === 'news') {
		if (!text('thumb_media_id')?.trim()) {
			refuse(
				'has no thumbnail media ID',
				'Set "thumb_media_id" to the media_id of a permanent image or thumb (Media → Add Material); temporary media are not accepted.',
			);
		}
	} else {
		const list = (article.image_info as IDataObject | undefined)?.image_list;
		const images = Array.isArray(list) ? (list as unknown[]) : [];
		if (images.length === 0) {
			refuse('is a picture message without images', 'Give "image_info": {"image_list": [{"image_media_id": "..."}]} with permanent image media IDs (Media → Add Material).');
		}
		if (images.length > LIMITS.images) {
			refuse(`has ${images.length} images; a picture message holds at most ${LIMITS.images}`, `Keep ${LIMITS.images} images or fewer; the first is the cover.`);
		}
		images.forEach((image, index) => {
			const id = (image as IDataObject | null)?.image_media_id;
			if (typeof id !== 'string' || id.trim() === '') {
				refuse(`has image ${index + 1} without an image_media_id`, 'Each entry of image_info.image_list is {"image_media_id": "<permanent image media_id>"}.');
			}
		});
	}
	return article;
}

/** "Which article" in this node: 1 for the first, as WeChat numbers published articles. */
export function articleNumberOf(context: IExecuteFunctions, itemIndex: number, parameter: string, count?: number): number {
	const raw = context.getNodeParameter(parameter, itemIndex) as unknown;
	const number = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || (count !== undefined && number > count)) {
		throw new NodeOperationError(context.getNode(), `${JSON.stringify(raw)} is not an article number`, {
			description: `Articles are numbered from 1 (the first article)${count !== undefined ? ` to ${count}` : ''}.`,
			itemIndex,
		});
	}
	return number;
}

/** `<field>_iso` next to a Unix-seconds field, for spreadsheets and CRMs. */
export function withIsoTime(entry: IDataObject, field: string): IDataObject {
	const seconds = Number(entry[field]);
	if (Number.isFinite(seconds) && seconds > 0) entry[`${field}_iso`] = new Date(seconds * 1000).toISOString();
	return entry;
}

/** A required ID parameter of one item, refused when empty. */
export function requiredIdOf(context: IExecuteFunctions, itemIndex: number, parameter: string, label: string, hint: string): string {
	const value = String(context.getNodeParameter(parameter, itemIndex) ?? '').trim();
	if (!value) {
		throw new NodeOperationError(context.getNode(), `Input item ${itemIndex + 1} has no ${label}`, { description: hint, itemIndex });
	}
	return value;
}
