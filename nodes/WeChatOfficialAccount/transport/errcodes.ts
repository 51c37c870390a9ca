/**
 * What each WeChat errcode means for this package, and what the user should do about it.
 * WeChat answers errors with HTTP 200 and `{ errcode, errmsg }`; this table is the one place
 * that turns them into actions (retry, refresh the token, wait, fail) and readable messages.
 * Shared by the credential (token endpoint) and the node transport (business calls).
 */

import { explainContentErrcode } from './contentErrcodes';

export type ErrcodeReaction =
	/** transient server trouble: retry with bounded exponential back-off */
	| 'retry'
	/** the access token is stale: fetch a new one and repeat the call once */
	| 'refreshToken'
	/** per-minute frequency limit: wait for the next minute, bounded */
	| 'waitNextMinute'
	| 'fail';

export interface ErrcodeExplanation {
	reaction: ErrcodeReaction;
	/** one line: what happened */
	message: string;
	/** what to do about it */
	description: string;
}

/** Where the errcode came from: the token endpoints give some codes a different meaning. */
export type ErrcodeSource = 'token' | 'api';

const BASIC_CONFIGURATION =
	'WeChat Official Accounts Platform (mp.weixin.qq.com) → Settings and Development → Basic Configuration';

const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);

/** The IP WeChat saw, quoted in 40164's errmsg: "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: ..." */
export function callerIpFromErrmsg(errmsg: string): string | undefined {
	const match = /invalid ip ([0-9a-fA-F.:]+)/.exec(errmsg);
	return match?.[1];
}

/** WeChat's request id, worth quoting to WeChat support. */
function ridFromErrmsg(errmsg: string): string | undefined {
	return /rid:\s*([\w-]+)/.exec(errmsg)?.[1];
}

export function explainErrcode(
	errcode: number,
	errmsg: string,
	source: ErrcodeSource,
	/** the API path, for the codes whose advice depends on the API (48001) */
	path = '',
): ErrcodeExplanation {
	const explanation = errcode === 48001 ? unauthorised(path) : explain(errcode, errmsg, source);
	const rid = ridFromErrmsg(errmsg);
	return {
		...explanation,
		message: `${explanation.message} (WeChat errcode ${errcode})`,
		description: rid
			? `${explanation.description} WeChat request id: ${rid}.`
			: explanation.description,
	};
}

function explain(
	errcode: number,
	errmsg: string,
	source: ErrcodeSource,
): Omit<ErrcodeExplanation, 'message'> & { message: string } {
	if (source === 'token' && errcode === 40001) {
		return wrongSecret();
	}
	if (TOKEN_ERRCODES.has(errcode)) {
		return {
			reaction: 'refreshToken',
			message: 'WeChat rejected the access token even after a fresh one was fetched',
			description:
				'Another system may be fetching tokens for this account with the classic endpoint (cgi-bin/token), which cancels the tokens of everyone else. Set "Token Endpoint" in the credential to "Stable Token", and switch the other system to the stable token endpoint as well.',
		};
	}
	switch (errcode) {
		case -1:
			return {
				reaction: 'retry',
				message: 'WeChat is busy and kept answering "system error" after several retries',
				description:
					'This is on WeChat\'s side. Run the workflow again in a few minutes, or enable "Retry On Fail" in the node settings.',
			};
		case 40013:
			return {
				reaction: 'fail',
				message: 'WeChat does not recognise the AppID',
				description: `Copy the AppID (Developer ID) from ${BASIC_CONFIGURATION} into the credential. Use the AppID of the Official Account itself, not of a Mini Program or an Open Platform app.`,
			};
		case 40125:
			return wrongSecret();
		case 40164: {
			const ip = callerIpFromErrmsg(errmsg);
			const which = ip ? `n8n's outgoing IP address ${ip}` : "n8n's outgoing IP address";
			return {
				reaction: 'fail',
				message: ip
					? `WeChat refused the call from IP ${ip}: it is not in the account's IP whitelist`
					: "WeChat refused the call: n8n's IP address is not in the account's IP whitelist",
				description: `Add ${which} to the IP whitelist in ${BASIC_CONFIGURATION} → IP Whitelist. If n8n runs behind NAT or a cloud load balancer, the address WeChat sees is the public egress address; if it changes, route n8n through a fixed egress IP or a proxy and whitelist that.`,
			};
		}
		case 89501:
			return approval(
				'WeChat is waiting for the account administrator to approve token requests from this IP address',
				'The administrator received a confirmation request in WeChat. Once they approve it, run the workflow again.',
			);
		case 89503:
			return approval(
				"Token requests from this IP address need the account administrator's approval",
				'WeChat sent the administrator a confirmation request. Once they approve it in WeChat, run the workflow again. Adding the IP to the IP whitelist avoids the approval step.',
			);
		case 89506:
		case 89507:
			return approval(
				'The account administrator refused token requests from this IP address',
				`Ask the administrator to add n8n's IP address to the IP whitelist in ${BASIC_CONFIGURATION}, then run the workflow again. WeChat blocks new requests from a refused IP for a while (24 hours after a refusal, 1 hour after a rejection).`,
			);
		case 41001:
			return {
				reaction: 'fail',
				message: 'The request reached WeChat without an access token',
				description:
					'This is a bug in the node or a proxy that strips query strings. Please report it with the WeChat request id.',
			};
		case 41002:
		case 41004:
			return {
				reaction: 'fail',
				message: 'The AppID or AppSecret in the credential is empty',
				description: `Fill in both fields from ${BASIC_CONFIGURATION}.`,
			};
		case 45009:
			return {
				reaction: 'fail',
				message: "The account's daily quota for this WeChat API is used up",
				description:
					'The quota resets at midnight Beijing time (UTC+8). Run again after that (a pull resumes with "Start After OpenID"; sends with the items not sent), or raise the quota in the WeChat Official Accounts Platform (Settings and Development → Interface Permissions). This node never resets quotas on its own.',
			};
		case 45011:
			return {
				reaction: 'waitNextMinute',
				message: "WeChat's per-minute limit for this API is still exceeded after waiting",
				description:
					'Another workflow or system is calling the same API heavily. Spread the workflows out in time and run this one again.',
			};
		case 50001:
			return {
				reaction: 'fail',
				message: 'The user has not authorised this API for the account',
				description:
					'Check Settings and Development → Interface Permissions in the WeChat Official Accounts Platform.',
			};
		case 50002:
			return {
				reaction: 'fail',
				message: 'The account is restricted by WeChat',
				description:
					'Log in to the WeChat Official Accounts Platform to see why the account is limited; WeChat lifts some restrictions after a while.',
			};
		case 40003:
		case 49003:
			return {
				reaction: 'fail',
				message: 'WeChat does not recognise an OpenID in the request as a follower of this account',
				description:
					'Check the OpenIDs passed in (and "Start After OpenID" of a list): each must be an OpenID of this same account, copied exactly. OpenIDs of another AppID are different for the same person.',
			};
		case 40032:
			return {
				reaction: 'fail',
				message: 'Too many OpenIDs in one request',
				description:
					'This is a bug in the node: it splits lists into the chunk size WeChat allows, which WeChat may have lowered. Please report it with the WeChat request id.',
			};
		case 45056:
			return {
				reaction: 'fail',
				message: 'The account already has the maximum number of tags (100)',
				description: 'Delete tags that are no longer used (Tag → Delete), then create this one again.',
			};
		case 45057:
			return {
				reaction: 'fail',
				message: 'WeChat does not delete a tag that more than 100,000 followers carry',
				description:
					'Remove followers from the tag first (Tag → Get Followers, then Tag → Remove Followers) until fewer than 100,000 carry it, then delete it.',
			};
		case 45058:
			return {
				reaction: 'fail',
				message: 'System tags (IDs 0, 1 and 2) cannot be changed or deleted',
				description: 'Choose a tag the account created; Tag → Get Many lists them with their IDs.',
			};
		case 45059:
			return {
				reaction: 'fail',
				message: 'A follower already carries the maximum number of tags (20)',
				description: 'Remove a tag from that follower (Tag → Remove Followers) before adding another.',
			};
		case 45157:
			return {
				reaction: 'fail',
				message: 'WeChat refused the tag name: it is already used by another tag or is not allowed',
				description: 'Tag names must be unique within the account. Choose another name, or use the existing tag (Tag → Get Many lists them).',
			};
		case 45158:
			return {
				reaction: 'fail',
				message: 'The tag name is too long',
				description: 'WeChat allows tag names of up to 30 characters. Shorten the name.',
			};
		case 45159:
			return {
				reaction: 'fail',
				message: 'WeChat does not know this tag ID',
				description: 'The tag may have been deleted. Tag → Get Many lists the tags of the account with their IDs.',
			};
		case 46004:
			return {
				reaction: 'fail',
				message: 'WeChat does not know this user',
				description: 'Check the OpenID: it must be an OpenID of this account, copied exactly.',
			};
		case 76021:
		case 76022:
			return {
				reaction: 'fail',
				message: 'WeChat has no quota to report for this API path',
				description:
					'Enter the path of a WeChat API the account may call, starting with a slash and without the domain or query, e.g. /cgi-bin/user/get.',
			};
		case 45066:
			// The same mass-message clientmsgid within a minute: after a minute WeChat answers 45065
			// with the job it already has, which is what a repeat after a lost answer needs.
			return {
				reaction: 'waitNextMinute',
				message: 'WeChat asks to wait a minute before repeating this mass message',
				description: 'The same mass message (same Idempotency Key) was submitted less than a minute ago. Wait a minute and run the node again: WeChat then answers with the job it already has.',
			};
		default: {
			const known = explainMessagingErrcode(errcode) ?? explainContentErrcode(errcode);
			if (known) return { reaction: 'fail', ...known };
			return explainOther(errcode, errmsg);
		}
	}
}

/** Sending messages and media: refused recipients, limits, content WeChat rejects. */
function explainMessagingErrcode(errcode: number): { message: string; description: string } | undefined {
	switch (errcode) {
		case 43004:
			return {
				message: 'The recipient does not follow the account (any more)',
				description: 'WeChat delivers messages only to current followers. Remove this OpenID from the recipients, e.g. by filtering on "subscribe" after Follower → Get.',
			};
		case 43101:
			return {
				message: 'The recipient has refused messages of this kind from the account',
				description: 'The follower turned off these messages (or has not accepted this subscription notice). Nothing can be sent to them until they allow it again.',
			};
		case 45015:
			return {
				message: 'Outside the 48-hour window: the follower has not interacted with the account in the last 48 hours',
				description: 'Customer-service messages can be sent only within 48 hours after the follower last messaged the account, clicked a menu, scanned a QR code or followed. Use a template message instead, or wait for the follower to write.',
			};
		case 45047:
			return {
				message: 'Too many customer-service messages to this follower since their last interaction',
				description: 'WeChat limits how many customer-service messages one follower receives between two of their interactions. Wait until the follower writes again, or use a template message.',
			};
		case 40037:
			return {
				message: 'WeChat does not know this template ID',
				description: 'Choose a template from the list (Template Message → Get Many shows the account\'s private templates); a template deleted in the platform is gone.',
			};
		case 47003:
			return {
				message: 'WeChat refused a parameter of the message as invalid',
				description: 'Check the template fields (each needs a value), the URL, the mini program AppID and path, and the Idempotency Key (at most 64 characters). WeChat\'s errmsg names the parameter.',
			};
		case 40007:
			return {
				message: 'WeChat does not know this media ID',
				description: 'Temporary media expire 3 days after upload, and each media ID belongs to one account. Drafts (thumbnails) and menus need permanent material (Media → Add Material); for messages, upload the file again (Media → Upload) and use the new media ID.',
			};
		case 40004:
			return { message: 'WeChat refused the media type', description: 'Choose image, voice, video or thumb.' };
		case 40005:
			return {
				message: 'WeChat refused the file type',
				description: 'Images: bmp, png, jpeg, jpg or gif; voice: amr or mp3 (permanent also wma, wav); video: mp4; thumb: jpg; images inside articles: jpg or png.',
			};
		case 40006:
		case 40009:
			return {
				message: 'WeChat refused the file size',
				description: 'Images up to 10 MB, voice up to 2 MB, video up to 10 MB, thumbs up to 64 KB, images inside articles up to 1 MB.',
			};
		case 41005:
			return { message: 'WeChat received no file', description: 'Check "Input Binary Field": the input item must carry a file under that name.' };
		case 40008:
			return { message: 'WeChat does not know this message type', description: 'Choose one of the message types the operation offers.' };
		case 44002:
		case 44004:
			return { message: 'The message is empty', description: 'Fill in the message content (text, media ID or article).' };
		case 45002:
			return { message: 'The message text is too long', description: 'WeChat accepts customer-service texts of up to 2,048 bytes (about 680 Chinese characters).' };
		case 45008:
			return {
				message: 'Too many articles or images',
				description: 'A customer-service news message carries one article; a draft holds up to 8 articles, a picture message up to 20 images.',
			};
		case 40130:
			return {
				message: 'A mass message to a list needs at least two OpenIDs',
				description: 'To reach one follower use Mass Message → Preview, a customer-service message or a template message.',
			};
		case 40050:
			return { message: 'WeChat does not know this tag', description: 'Tag → Get Many lists the tags of the account with their IDs.' };
		case 45028:
			return {
				message: 'The account has no mass-message quota left',
				description: 'Subscription accounts may send one mass message a day, service accounts four a month. Wait for the quota to renew.',
			};
		case 45065:
			return {
				message: 'WeChat already has a mass message with this Idempotency Key',
				description: 'The same message was submitted in the last 24 hours; WeChat sends it once.',
			};
		case 45067:
			return { message: 'The Idempotency Key is too long', description: 'WeChat accepts keys of up to 64 characters.' };
		case 45026:
			return {
				message: 'The account has the maximum number of templates (25)',
				description: 'Delete a template that is no longer used (Template Message → Delete Template), then add this one again.',
			};
		case 40102:
			return { message: 'WeChat does not know this industry ID', description: 'Use the industry codes of WeChat\'s template message documentation (1 to 41).' };
		default:
			return undefined;
	}
}

function explainOther(errcode: number, errmsg: string): Omit<ErrcodeExplanation, 'message'> & { message: string } {
	switch (errcode) {
		case 40002:
			return {
				reaction: 'fail',
				message: 'WeChat rejected the token request type',
				description: 'This is a bug in the credential. Please report it.',
			};
		default:
			return {
				reaction: 'fail',
				message: `WeChat returned an error: ${stripRid(errmsg) || 'no message'}`,
				description:
					'Look up this errcode in the WeChat Official Account documentation (Global Return Codes).',
			};
	}
}

function wrongSecret(): Omit<ErrcodeExplanation, 'message'> & { message: string } {
	return {
		reaction: 'fail',
		message: 'WeChat rejected the AppSecret',
		description: `Copy the AppSecret from ${BASIC_CONFIGURATION} into the credential (reset it there if nobody has it; resetting breaks any other system that uses the old one). Check that AppID and AppSecret belong to the same account.`,
	};
}

/** 48001: the account may not use this API; what it takes depends on the API. */
function unauthorised(path: string): Omit<ErrcodeExplanation, 'message'> & { message: string } {
	const need = PERMISSION_BY_PATH.find(([prefix]) => path.startsWith(prefix))?.[1];
	return {
		reaction: 'fail',
		message: 'This account type is not authorised for this WeChat API',
		description: need
			? `${need} Check Settings and Development → Interface Permissions in the WeChat Official Accounts Platform.`
			: 'Follower lists, template and mass messages and many other APIs need a verified account (template messages a verified Service Account). Check Settings and Development → Interface Permissions in the WeChat Official Accounts Platform.',
	};
}

/** What an account needs for the APIs 48001 is most often met on, by path prefix. */
const PERMISSION_BY_PATH: Array<[string, string]> = [
	['/cgi-bin/freepublish/', 'Publishing through the API needs a verified account (WeChat verification).'],
	['/cgi-bin/draft/', 'The draft API needs a verified account (WeChat verification).'],
	['/cgi-bin/comment/', 'Comment management needs a verified account with comments enabled.'],
	['/cgi-bin/menu/addconditional', 'Conditional menus need a verified account.'],
	['/cgi-bin/menu/delconditional', 'Conditional menus need a verified account.'],
	['/cgi-bin/menu/trymatch', 'Conditional menus need a verified account.'],
	['/cgi-bin/qrcode/', 'QR codes with parameters need a verified Service Account.'],
	['/cgi-bin/message/template/', 'Template messages need a verified Service Account.'],
	['/cgi-bin/message/mass/', 'Mass messages through the API need a verified account.'],
	['/datacube/', 'Analytics through the API need a verified account.'],
];

function approval(message: string, description: string) {
	return { reaction: 'fail' as const, message, description };
}

function stripRid(errmsg: string): string {
	return errmsg.replace(/\s*,?\s*rid:.*$/, '').replace(/,?\s*(hints|view more at).*$/, '').trim();
}
