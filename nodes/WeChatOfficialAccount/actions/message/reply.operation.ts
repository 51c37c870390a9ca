import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { PassiveReply } from '../../push/reply';
import { encryptedReplyXml, passiveReplyXml } from '../../push/reply';
import { pushSettingsOf } from '../../push/settings';
import { CREDENTIAL_TYPE } from '../../transport/token';
import type { BatchOperationExecute } from '../node.type';

/** The trigger's type name ends with this, whatever the package prefix (community or custom). */
const TRIGGER_TYPE_SUFFIX = 'weChatOfficialAccountTrigger';

const show = (...replyType: string[]) => ({ show: { replyType } });

const properties: INodeProperties[] = [
	{
		displayName: 'Reply Type',
		name: 'replyType',
		type: 'options',
		options: [
			{ name: 'Image', value: 'image' },
			{ name: 'Music', value: 'music' },
			{ name: 'News (One Article Link)', value: 'news' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
			{ name: 'Voice', value: 'voice' },
		],
		default: 'text',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'Thanks for following!',
		description: 'The text the follower sees. Line breaks are kept; links written as <a href="https://example.com">text</a> are clickable.',
		displayOptions: show('text'),
	},
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		default: '',
		required: true,
		description: 'The media_id of an uploaded image, voice or video (temporary or permanent material)',
		displayOptions: show('image', 'voice', 'video'),
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		displayOptions: show('news'),
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		displayOptions: show('video', 'music'),
	},
	{
		displayName: 'Description',
		name: 'descriptionText',
		type: 'string',
		default: '',
		displayOptions: show('video', 'music', 'news'),
	},
	{
		displayName: 'Link URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/article',
		description: 'Where the article card leads (https://...)',
		displayOptions: show('news'),
	},
	{
		displayName: 'Picture URL',
		name: 'picUrl',
		type: 'string',
		default: '',
		description: 'The card picture (JPG or PNG; 360×200 or 200×200 look best)',
		displayOptions: show('news'),
	},
	{
		displayName: 'Music URL',
		name: 'musicUrl',
		type: 'string',
		default: '',
		displayOptions: show('music'),
	},
	{
		displayName: 'High-Quality Music URL',
		name: 'hqMusicUrl',
		type: 'string',
		default: '',
		description: 'Played on Wi-Fi instead of Music URL',
		displayOptions: show('music'),
	},
	{
		displayName: 'Thumbnail Media ID',
		name: 'thumbMediaId',
		type: 'string',
		default: '',
		required: true,
		description: 'The media_id of an uploaded thumbnail (thumb) image',
		displayOptions: show('music'),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['reply'] } }, properties);

/**
 * Answers the push that started this execution, on its own HTTP request, through n8n's
 * response mechanism (which also carries it from a queue-mode worker to the main instance).
 * One push takes one reply: the first input item's parameters make it; every input item is
 * passed on unchanged.
 */
export const executeBatch: BatchOperationExecute = async function (itemIndexes, _client, continueOnFail) {
	const [first] = itemIndexes;
	if (first === undefined) return [];
	const passThrough = () => itemIndexes.map((itemIndex) => ({ itemIndex, json: [this.getInputData()[itemIndex].json] }));
	try {
		const push = triggeringPush(this);
		const now = Math.floor(Date.now() / 1000);
		const xml = passiveReplyXml(push.FromUserName, push.ToUserName, now, replyOf(this, first));
		const body = push.encrypted ? encryptedReplyXml(xml, await encryptionOf(this), now) : xml;
		await this.sendResponse({ body, headers: { 'content-type': 'application/xml; charset=utf-8' }, statusCode: 200 });
		return passThrough();
	} catch (error) {
		// Ours are NodeOperationErrors already, and stay as they are; anything else is wrapped.
		const failure = new NodeOperationError(this.getNode(), error as Error, { itemIndex: first });
		if (!continueOnFail) throw failure;
		return [{ itemIndex: first, error: failure }, ...passThrough().slice(1)];
	}
};

interface TriggeringPush {
	ToUserName: string;
	FromUserName: string;
	encrypted: boolean;
}

/**
 * The item of the WeChat Official Account Trigger that started this execution, found by its
 * type among this node's parents, so renaming the trigger changes nothing.
 */
function triggeringPush(context: IExecuteFunctions): TriggeringPush {
	const proxy = context.getWorkflowDataProxy(0);
	const trigger = context
		.getParentNodes(context.getNode().name)
		.find((parent) => parent.type.endsWith(TRIGGER_TYPE_SUFFIX) && proxy.$(parent.name).isExecuted);
	if (!trigger) {
		throw new NodeOperationError(context.getNode(), 'No WeChat Official Account Trigger started this execution', {
			description:
				'Reply answers the message that a WeChat Official Account Trigger received: place this node after that trigger, whose "Respond" is "With a Reply Operation".',
		});
	}
	const triggerNode = proxy.$(trigger.name);
	if ((triggerNode.params as IDataObject | undefined)?.respond !== 'replyOperation') {
		throw new NodeOperationError(context.getNode(), `The trigger "${trigger.name}" has already answered WeChat with "success"`, {
			description: 'Set "Respond" in the trigger to "With a Reply Operation".',
		});
	}
	const json = (triggerNode.first() as { json?: IDataObject } | undefined)?.json ?? {};
	if (typeof json.ToUserName !== 'string' || typeof json.FromUserName !== 'string') {
		throw new NodeOperationError(context.getNode(), `The output of the trigger "${trigger.name}" has no ToUserName and FromUserName`);
	}
	return { ToUserName: json.ToUserName, FromUserName: json.FromUserName, encrypted: json.encrypted === true };
}

function replyOf(context: IExecuteFunctions, itemIndex: number): PassiveReply {
	const read = (name: string) => String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const required = (name: string, label: string, keepSpace = false) => {
		const raw = String(context.getNodeParameter(name, itemIndex, '') ?? '');
		if (!raw.trim()) throw new NodeOperationError(context.getNode(), `"${label}" is empty`, { itemIndex });
		// IDs and URLs lose stray spaces; a text keeps its line breaks and indentation.
		return keepSpace ? raw : raw.trim();
	};
	const type = context.getNodeParameter('replyType', itemIndex) as PassiveReply['type'];
	switch (type) {
		case 'text':
			return { type, content: required('text', 'Text', true) };
		case 'image':
		case 'voice':
			return { type, mediaId: required('mediaId', 'Media ID') };
		case 'video':
			return { type, mediaId: required('mediaId', 'Media ID'), title: read('title'), description: read('descriptionText') };
		case 'music':
			return {
				type,
				title: read('title'),
				description: read('descriptionText'),
				musicUrl: read('musicUrl'),
				hqMusicUrl: read('hqMusicUrl'),
				thumbMediaId: required('thumbMediaId', 'Thumbnail Media ID'),
			};
		case 'news':
			return { type, title: required('title', 'Title'), description: read('descriptionText'), picUrl: read('picUrl'), url: required('url', 'Link URL') };
	}
	throw new NodeOperationError(context.getNode(), `Unknown reply type "${String(type)}"`, { itemIndex });
}

/** The encrypted push needs an encrypted reply, with the credential's Token and EncodingAESKey. */
async function encryptionOf(context: IExecuteFunctions): Promise<{ token: string; aesKey: Buffer; appId: string }> {
	const settings = pushSettingsOf(await context.getCredentials(CREDENTIAL_TYPE, 0));
	if ('problem' in settings) {
		throw new NodeOperationError(context.getNode(), settings.problem.message, { description: settings.problem.description });
	}
	if (!settings.aesKey) {
		throw new NodeOperationError(context.getNode(), 'The message came encrypted, but the credential has no EncodingAESKey to encrypt the reply', {
			description: "Use the trigger's credential in this node, with the account's EncodingAESKey.",
		});
	}
	return { token: settings.token, aesKey: settings.aesKey, appId: settings.appId };
}
