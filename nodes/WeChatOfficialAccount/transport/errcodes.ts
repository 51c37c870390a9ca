/**
 * What each WeChat errcode means for this package, and what the user should do about it.
 * WeChat answers errors with HTTP 200 and `{ errcode, errmsg }`; this table is the one place
 * that turns them into actions (retry, refresh the token, wait, fail) and readable messages.
 * Shared by the credential (token endpoint) and the node transport (business calls).
 */

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
): ErrcodeExplanation {
	const explanation = explain(errcode, errmsg, source);
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
					'The quota resets at midnight Beijing time (UTC+8). Run the pull again after that, or raise the quota in the WeChat Official Accounts Platform (Settings and Development → Interface Permissions). This node never resets quotas on its own.',
			};
		case 45011:
			return {
				reaction: 'waitNextMinute',
				message: "WeChat's per-minute limit for this API is still exceeded after waiting",
				description:
					'Another workflow or system is calling the same API heavily. Spread the workflows out in time and run this one again.',
			};
		case 48001:
			return {
				reaction: 'fail',
				message: 'This account type is not authorised for this WeChat API',
				description:
					'Follower lists need a verified Service Account or Subscription Account. Check Settings and Development → Interface Permissions in the WeChat Official Accounts Platform.',
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
					'Check "Start After OpenID" (or the OpenIDs passed in): it must be an OpenID of this same account, copied exactly. OpenIDs of another AppID are different for the same person.',
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

function approval(message: string, description: string) {
	return { reaction: 'fail' as const, message, description };
}

function stripRid(errmsg: string): string {
	return errmsg.replace(/\s*,?\s*rid:.*$/, '').replace(/,?\s*(hints|view more at).*$/, '').trim();
}
