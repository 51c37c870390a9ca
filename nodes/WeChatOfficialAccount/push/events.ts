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
	{ name: 'All Messages and Events', value: ALL_EVENTS, description: 'Everything WeChat sends, also types added later' },
	{ name: 'Event: Article Published (PUBLISHJOBFINISH)', value: 'event:PUBLISHJOBFINISH', description: 'A publishing job finished' },
	{ name: 'Event: Follow (Subscribe)', value: 'event:subscribe', description: 'A user followed the account, directly or through a QR code (see "scene")' },
	{ name: 'Event: Location Report (LOCATION)', value: 'event:LOCATION', description: 'A follower who allowed location reporting opened the chat' },
	{ name: 'Event: Mass Message Sent (MASSSENDJOBFINISH)', value: 'event:MASSSENDJOBFINISH', description: 'A mass message finished sending, with its counts' },
	{ name: 'Event: Menu Click (CLICK)', value: 'event:CLICK', description: 'A follower clicked a menu button of type "click"' },
	{ name: 'Event: Menu Link Opened (VIEW)', value: 'event:VIEW', description: 'A follower opened a link from the menu' },
	{ name: 'Event: Menu Location Picker (Location_select)', value: 'event:location_select', description: 'A follower sent a location from the menu' },
	{ name: 'Event: Menu Photo or Album (Pic_photo_or_album)', value: 'event:pic_photo_or_album', description: 'A follower sent photos from the menu' },
	{ name: 'Event: Menu Scan (Scancode_push)', value: 'event:scancode_push', description: 'A follower scanned a code from the menu' },
	{ name: 'Event: Menu Scan and Wait (Scancode_waitmsg)', value: 'event:scancode_waitmsg', description: 'A follower scanned a code from the menu and waits for an answer' },
	{ name: 'Event: Menu System Camera (Pic_sysphoto)', value: 'event:pic_sysphoto', description: 'A follower took a photo from the menu' },
	{ name: 'Event: Menu WeChat Album (Pic_weixin)', value: 'event:pic_weixin', description: "A follower sent photos from WeChat's album from the menu" },
	{ name: 'Event: QR Code Scanned by a Follower (SCAN)', value: 'event:SCAN', description: 'Someone who already follows scanned a parameterised QR code' },
	{ name: 'Event: Subscription Notice Popup (Subscribe_msg_popup_event)', value: 'event:subscribe_msg_popup_event', description: 'A follower answered a subscription-notice popup' },
	{ name: 'Event: Subscription Notice Sent (Subscribe_msg_sent_event)', value: 'event:subscribe_msg_sent_event', description: 'A subscription notice was delivered, or not' },
	{ name: 'Event: Subscription Notice Setting (Subscribe_msg_change_event)', value: 'event:subscribe_msg_change_event', description: 'A follower changed a subscription-notice setting' },
	{ name: 'Event: Template Message Sent (TEMPLATESENDJOBFINISH)', value: 'event:TEMPLATESENDJOBFINISH', description: 'A template message was delivered, or not' },
	{ name: 'Event: Unfollow (Unsubscribe)', value: 'event:unsubscribe', description: 'A follower unfollowed the account' },
	{ name: 'Message: Image', value: 'message:image' },
	{ name: 'Message: Link', value: 'message:link' },
	{ name: 'Message: Location', value: 'message:location' },
	{ name: 'Message: Short Video', value: 'message:shortvideo' },
	{ name: 'Message: Text', value: 'message:text' },
	{ name: 'Message: Video', value: 'message:video' },
	{ name: 'Message: Voice', value: 'message:voice' },
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
