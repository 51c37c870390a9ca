/**
 * The messages and events WeChat pushes, how the trigger names them in its Events option, and
 * the item it outputs for each.
 */
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { digestOf } from './crypto';
import type { XmlObject } from './xml';

/** The Events value that lets everything through, also types WeChat adds later. */
export const ALL_EVENTS = '*';

/** Values are `message:<MsgType>` and `event:<Event>`, WeChat's own (case-sensitive) names. */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	// `action` is what n8n's node picker lists for the trigger ("On a new follower"); without it the
	// picker makes "On event menu we chat album pic weixin" out of the name. WeChat's own event
	// names stay in the descriptions (a leading raw name would be capitalised by n8n's lint).
	{ name: 'All Messages and Events', value: ALL_EVENTS, description: 'Everything WeChat sends, also types added later', action: 'On any message or event' },
	{ name: 'Event: Article Published', value: 'event:PUBLISHJOBFINISH', description: 'A publishing job finished (PUBLISHJOBFINISH)', action: 'On an article published' },
	{ name: 'Event: Follow', value: 'event:subscribe', description: 'A user followed the account, directly or through a QR code, see "scene" (subscribe)', action: 'On a new follower' },
	{ name: 'Event: Location Report', value: 'event:LOCATION', description: 'A follower who allowed location reporting opened the chat (LOCATION)', action: 'On a location report' },
	{ name: 'Event: Mass Message Sent', value: 'event:MASSSENDJOBFINISH', description: 'A mass message finished sending, with its counts (MASSSENDJOBFINISH)', action: 'On a mass message sent' },
	{ name: 'Event: Menu Click', value: 'event:CLICK', description: 'A follower clicked a menu button of type "click" (CLICK)', action: 'On a menu click' },
	{ name: 'Event: Menu Link Opened', value: 'event:VIEW', description: 'A follower opened a link from the menu (VIEW)', action: 'On a menu link opened' },
	{ name: 'Event: Menu Location Picker', value: 'event:location_select', description: 'A follower sent a location from the menu (location_select)', action: 'On a location sent from the menu' },
	{ name: 'Event: Menu Photo or Album', value: 'event:pic_photo_or_album', description: 'A follower sent photos from the menu, taken or from the album (pic_photo_or_album)', action: 'On photos sent from the menu' },
	{ name: 'Event: Menu Scan', value: 'event:scancode_push', description: 'A follower scanned a code from the menu (scancode_push)', action: 'On a code scanned from the menu' },
	{ name: 'Event: Menu Scan and Wait', value: 'event:scancode_waitmsg', description: 'A follower scanned a code from the menu and waits for an answer (scancode_waitmsg)', action: 'On a code scanned from the menu, waiting for an answer' },
	{ name: 'Event: Menu System Camera', value: 'event:pic_sysphoto', description: 'A follower took a photo from the menu (pic_sysphoto)', action: 'On a photo taken from the menu' },
	{ name: 'Event: Menu WeChat Album', value: 'event:pic_weixin', description: "A follower sent photos from WeChat's album from the menu (pic_weixin)", action: "On photos sent from WeChat's album" },
	{ name: 'Event: QR Code Scanned by a Follower', value: 'event:SCAN', description: 'Someone who already follows scanned a parameterised QR code (SCAN)', action: 'On a QR code scanned by a follower' },
	{ name: 'Event: Subscription Notice Popup', value: 'event:subscribe_msg_popup_event', description: 'A follower answered a subscription-notice popup (subscribe_msg_popup_event)', action: 'On a subscription notice popup answered' },
	{ name: 'Event: Subscription Notice Sent', value: 'event:subscribe_msg_sent_event', description: 'A subscription notice was delivered, or not (subscribe_msg_sent_event)', action: 'On a subscription notice sent' },
	{ name: 'Event: Subscription Notice Setting', value: 'event:subscribe_msg_change_event', description: 'A follower changed a subscription-notice setting (subscribe_msg_change_event)', action: 'On a subscription notice setting changed' },
	{ name: 'Event: Template Message Sent', value: 'event:TEMPLATESENDJOBFINISH', description: 'A template message was delivered, or not (TEMPLATESENDJOBFINISH)', action: 'On a template message sent' },
	{ name: 'Event: Unfollow', value: 'event:unsubscribe', description: 'A follower unfollowed the account (unsubscribe)', action: 'On an unfollow' },
	{ name: 'Message: Image', value: 'message:image', description: 'A follower sent an image', action: 'On an image message' },
	{ name: 'Message: Link', value: 'message:link', description: 'A follower sent a link', action: 'On a link message' },
	{ name: 'Message: Location', value: 'message:location', description: 'A follower sent a location', action: 'On a location message' },
	{ name: 'Message: Short Video', value: 'message:shortvideo', description: 'A follower sent a short video', action: 'On a short video message' },
	{ name: 'Message: Text', value: 'message:text', description: 'A follower sent a text', action: 'On a text message' },
	{ name: 'Message: Video', value: 'message:video', description: 'A follower sent a video', action: 'On a video message' },
	{ name: 'Message: Voice', value: 'message:voice', description: 'A follower sent a voice message', action: 'On a voice message' },
];

/** `event:<Event>` or `message:<MsgType>`, the Events option's value for this push. */
export function eventTypeOf(fields: XmlObject): string {
	return fields.MsgType === 'event' ? `event:${String(fields.Event ?? '')}` : `message:${String(fields.MsgType)}`;
}

export function isSelected(selected: readonly string[], eventType: string): boolean {
	return selected.includes(ALL_EVENTS) || selected.includes(eventType);
}

/**
 * What identifies one push across WeChat's retries, which repeat the message exactly: MsgId for
 * messages; for events all their fields (sender, CreateTime and event, as WeChat advises, but
 * also the IDs some events carry nested, such as a subscription notice's MsgID or a publishing
 * job's publish_id, so that two notices to one follower in the same second stay two).
 */
export function retryKeyOf(fields: XmlObject): string {
	if (typeof fields.MsgId === 'string' && fields.MsgId !== '') return `msg:${fields.MsgId}`;
	return `event:${digestOf(JSON.stringify(fields))}`;
}

const QR_SCENE_PREFIX = 'qrscene_';

/**
 * The trigger's output for one push: WeChat's fields with their own names (text as WeChat sent
 * it, so 64-bit MsgIds stay exact), plus `openid`, `receivedAt`, `encrypted`, and `scene` for a
 * follow or scan through a parameterised QR code.
 */
export function pushItem(fields: XmlObject, receivedAt: Date, encrypted: boolean): IDataObject {
	const item: IDataObject = { ...fields, openid: fields.FromUserName, receivedAt: receivedAt.toISOString(), encrypted };
	const eventKey = typeof fields.EventKey === 'string' ? fields.EventKey : '';
	if (fields.Event === 'subscribe' && eventKey.startsWith(QR_SCENE_PREFIX)) item.scene = eventKey.slice(QR_SCENE_PREFIX.length);
	if (fields.Event === 'SCAN' && eventKey !== '') item.scene = eventKey;
	return item;
}
