/**
 * Passive replies (被动回复): the XML that answers a push on the same HTTP request, plain or in
 * WeChat's encrypted envelope.
 */
import { randomBytes } from 'node:crypto';

import { encryptPushMessage, pushSignature } from './crypto';
import type { XmlBuildObject } from './xml';
import { buildWeChatXml } from './xml';

export type PassiveReply =
	| { type: 'text'; content: string }
	| { type: 'image' | 'voice'; mediaId: string }
	| { type: 'video'; mediaId: string; title?: string; description?: string }
	| { type: 'music'; title?: string; description?: string; musicUrl?: string; hqMusicUrl?: string; thumbMediaId: string }
	| { type: 'news'; title: string; description?: string; picUrl?: string; url: string };

/** The reply's XML: to the follower who wrote, from the account they wrote to. */
export function passiveReplyXml(toUser: string, fromUser: string, createTime: number, reply: PassiveReply): string {
	const fields: XmlBuildObject = { ToUserName: toUser, FromUserName: fromUser, CreateTime: createTime, MsgType: reply.type };
	switch (reply.type) {
		case 'text':
			fields.Content = reply.content;
			break;
		case 'image':
			fields.Image = { MediaId: reply.mediaId };
			break;
		case 'voice':
			fields.Voice = { MediaId: reply.mediaId };
			break;
		case 'video':
			fields.Video = withoutEmpty({ MediaId: reply.mediaId, Title: reply.title, Description: reply.description });
			break;
		case 'music':
			fields.Music = withoutEmpty({
				Title: reply.title,
				Description: reply.description,
				MusicUrl: reply.musicUrl,
				HQMusicUrl: reply.hqMusicUrl,
				ThumbMediaId: reply.thumbMediaId,
			});
			break;
		case 'news':
			fields.ArticleCount = 1;
			fields.Articles = {
				item: [withoutEmpty({ Title: reply.title, Description: reply.description, PicUrl: reply.picUrl, Url: reply.url })],
			};
			break;
	}
	return buildWeChatXml(fields);
}

/** The encrypted envelope of a reply, signed with a fresh timestamp and nonce. */
export function encryptedReplyXml(
	xml: string,
	encryption: { token: string; aesKey: Buffer; appId: string },
	timestamp: number,
	nonce: string = randomBytes(8).readUInt32BE(0).toString(),
	random?: Buffer,
): string {
	const encrypted = encryptPushMessage(xml, encryption.aesKey, encryption.appId, random);
	return buildWeChatXml({
		Encrypt: encrypted,
		MsgSignature: pushSignature(encryption.token, String(timestamp), nonce, encrypted),
		TimeStamp: timestamp,
		Nonce: nonce,
	});
}

function withoutEmpty(fields: Record<string, string | undefined>): XmlBuildObject {
	return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
}
