import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** WeChat's limit for a customer-service text: longer texts are refused with 45002. */
export const TEXT_LIMIT_BYTES = 2048;

type MessageType = 'text' | 'image' | 'voice' | 'video' | 'music' | 'news' | 'mpnews' | 'mpnewsarticle' | 'msgmenu' | 'miniprogrampage';

const showFor = (...types: MessageType[]) => ({ show: { messageType: types } });

const mediaIdHint = 'from Media → Upload (temporary, 3 days) or Media → Add Material (permanent)';

/** The message parameters of Customer Service Message → Send, one set per message type. */
export const contentProperties: INodeProperties[] = [
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		noDataExpression: true,
		default: 'text',
		options: [
			{ name: 'Article (Material)', value: 'mpnews', description: 'An article material by its media ID' },
			{ name: 'Image', value: 'image' },
			{ name: 'Link Article', value: 'news', description: 'One article card with a link' },
			{ name: 'Menu', value: 'msgmenu', description: 'A question with options the follower taps; the tap comes back as a message to the trigger' },
			{ name: 'Mini Program Card', value: 'miniprogrampage' },
			{ name: 'Music', value: 'music' },
			{ name: 'Published Article', value: 'mpnewsarticle', description: 'An article published by the account, by its article ID' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
			{ name: 'Voice', value: 'voice' },
		],
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'Up to 2,048 bytes (about 680 Chinese characters); HTML links are allowed',
		displayOptions: showFor('text'),
	},
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		description: `The media ID of the file, ${mediaIdHint}`,
		displayOptions: showFor('image', 'voice', 'video', 'mpnews'),
	},
	{
		displayName: 'Article ID',
		name: 'articleId',
		type: 'string',
		required: true,
		default: '',
		description: 'The article_id of a published article (Publication → Get Many lists them)',
		displayOptions: showFor('mpnewsarticle'),
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		displayOptions: showFor('video', 'music', 'news', 'miniprogrampage'),
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		displayOptions: showFor('video', 'music', 'news'),
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/article',
		description: 'The page the article opens',
		displayOptions: showFor('news'),
	},
	{
		displayName: 'Picture URL',
		name: 'picUrl',
		type: 'string',
		default: '',
		description: 'The image of the card; WeChat shows 1068×455 or 150×150 best',
		displayOptions: showFor('news'),
	},
	{
		displayName: 'Music URL',
		name: 'musicUrl',
		type: 'string',
		required: true,
		default: '',
		displayOptions: showFor('music'),
	},
	{
		displayName: 'High Quality Music URL',
		name: 'hqMusicUrl',
		type: 'string',
		default: '',
		description: 'Played on Wi-Fi; the Music URL when empty',
		displayOptions: showFor('music'),
	},
	{
		displayName: 'Mini Program AppID',
		name: 'miniProgramAppId',
		type: 'string',
		required: true,
		default: '',
		description: 'A mini program linked to the account',
		displayOptions: showFor('miniprogrampage'),
	},
	{
		displayName: 'Mini Program Page',
		name: 'miniProgramPagePath',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'pages/index/index',
		displayOptions: showFor('miniprogrampage'),
	},
	{
		displayName: 'Thumbnail Media ID',
		name: 'thumbMediaId',
		type: 'string',
		default: '',
		description: `The media ID of the cover image, ${mediaIdHint}`,
		displayOptions: showFor('video', 'music', 'miniprogrampage'),
	},
	{
		displayName: 'Menu Header',
		name: 'menuHead',
		type: 'string',
		default: '',
		placeholder: 'Were you happy with our service?',
		displayOptions: showFor('msgmenu'),
	},
	{
		displayName: 'Menu Options',
		name: 'menuOptions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Menu Option',
		displayOptions: showFor('msgmenu'),
		options: [
			{
				displayName: 'Option',
				name: 'option',
				values: [
					{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'Comes back as bizmsgmenuid when tapped' },
					{ displayName: 'Text', name: 'content', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Menu Footer',
		name: 'menuTail',
		type: 'string',
		default: '',
		displayOptions: showFor('msgmenu'),
	},
];

/** `{ msgtype, <msgtype>: {...} }` for one input item, checked against WeChat's limits first. */
export function customMessageOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const type = context.getNodeParameter('messageType', itemIndex) as MessageType;
	const text = (name: string) => String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const required = (name: string, label: string) => {
		const value = text(name);
		if (!value) {
			throw new NodeOperationError(context.getNode(), `"${label}" is empty`, {
				description: `A ${type} message needs "${label}".`,
				itemIndex,
			});
		}
		return value;
	};
	switch (type) {
		case 'text': {
			const content = String(context.getNodeParameter('text', itemIndex, '') ?? '');
			if (!content.trim()) required('text', 'Text');
			const bytes = Buffer.byteLength(content, 'utf8');
			if (bytes > TEXT_LIMIT_BYTES) {
				throw new NodeOperationError(context.getNode(), `The text is ${bytes.toLocaleString('en')} bytes; WeChat accepts up to ${TEXT_LIMIT_BYTES.toLocaleString('en')}`, {
					description: 'Shorten the text (a Chinese character takes 3 bytes), or send it as several messages.',
					itemIndex,
				});
			}
			return { msgtype: 'text', text: { content } };
		}
		case 'image':
		case 'voice':
		case 'mpnews':
			return { msgtype: type, [type]: { media_id: required('mediaId', 'Media ID') } };
		case 'video':
			return {
				msgtype: 'video',
				video: { media_id: required('mediaId', 'Media ID'), thumb_media_id: text('thumbMediaId'), title: text('title'), description: text('description') },
			};
		case 'music': {
			const musicurl = required('musicUrl', 'Music URL');
			return {
				msgtype: 'music',
				music: { title: text('title'), description: text('description'), musicurl, hqmusicurl: text('hqMusicUrl') || musicurl, thumb_media_id: text('thumbMediaId') },
			};
		}
		case 'news':
			return {
				msgtype: 'news',
				news: { articles: [{ title: text('title'), description: text('description'), url: required('url', 'URL'), picurl: text('picUrl') }] },
			};
		case 'mpnewsarticle':
			return { msgtype: 'mpnewsarticle', mpnewsarticle: { article_id: required('articleId', 'Article ID') } };
		case 'msgmenu': {
			const options = (context.getNodeParameter('menuOptions', itemIndex, {}) as { option?: Array<{ id?: string; content?: string }> }).option ?? [];
			const list = options
				.map((option) => ({ id: String(option.id ?? '').trim(), content: String(option.content ?? '').trim() }))
				.filter((option) => option.content);
			if (!list.length) {
				throw new NodeOperationError(context.getNode(), 'The menu has no options', { description: 'Add at least one menu option with a text.', itemIndex });
			}
			return { msgtype: 'msgmenu', msgmenu: { head_content: text('menuHead'), list, tail_content: text('menuTail') } };
		}
		case 'miniprogrampage':
			return {
				msgtype: 'miniprogrampage',
				miniprogrampage: {
					title: text('title'),
					appid: required('miniProgramAppId', 'Mini Program AppID'),
					pagepath: required('miniProgramPagePath', 'Mini Program Page'),
					thumb_media_id: text('thumbMediaId'),
				},
			};
		default:
			throw new NodeOperationError(context.getNode(), `Unknown message type "${String(type)}"`, { itemIndex });
	}
}
