import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'weChatOfficialAccountApi';

/**
 * Refresh a stored token this long before WeChat says it expires. The stable token endpoint
 * rotates its token 5 minutes before expiry, so asking inside that window returns the next token
 * rather than the same one again.
 */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** The fields `preAuthentication` stores; n8n saves them with the credential. */
export interface StoredToken extends IDataObject {
	accessToken: string;
	/** epoch milliseconds */
	expiresAt: number;
	/** which AppID/AppSecret/server the token was issued for; see tokenFingerprint */
	issuedFor: string;
}

/**
 * How token failures are recognised after n8n wrapped them. n8n 1.x keeps only the message and
 * description of what preAuthentication throws, so the messages themselves carry the kind:
 * errcode failures end with "(WeChat errcode N)" (see errcodes.ts), the others start with this.
 */
export const TOKEN_ENDPOINT_FAILURE = 'The WeChat token endpoint';
export const TOKEN_ENDPOINT_UNREACHABLE = 'could not be reached';
/** The errcode a token failure names; the credential may follow it with ". <advice>". */
const ERRCODE_IN_MESSAGE = /\(WeChat errcode (-?\d+)\)(?:$|\. )/;

export interface TokenFailure {
	message: string;
	description: string;
	errcode?: number;
	/** the token endpoint could not be reached (worth retrying) */
	network: boolean;
}

export function apiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.apiDomain === 'custom') {
		return String(credentials.baseUrl ?? '')
			.trim()
			.replace(/\/+$/, '');
	}
	return `https://${String(credentials.apiDomain || 'api.weixin.qq.com')}`;
}

/**
 * Where WeChat's public pages are (the QR code image, `cgi-bin/showqrcode`): mp.weixin.qq.com
 * for every official API server; a custom server (a gateway) is expected to forward them too.
 */
export function mpBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return credentials.apiDomain === 'custom' ? apiBaseUrl(credentials) : 'https://mp.weixin.qq.com';
}

/**
 * n8n does not clear hidden fields when a user edits a credential, so a token remembers what it
 * was issued for: a changed AppID, AppSecret or server makes the stored token unusable. Only a
 * truncated hash is kept, next to the secret it is derived from, inside the encrypted credential.
 */
export function tokenFingerprint(credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256')
		.update(
			[String(credentials.appId ?? '').trim(), String(credentials.appSecret ?? '').trim(), apiBaseUrl(credentials)].join('\n'),
		)
		.digest('hex')
		.slice(0, 16);
}

/** Whether the stored token can be used as it is (n8n itself only checks that it is not empty). */
export function isStoredTokenUsable(credentials: ICredentialDataDecryptedObject, now: number): boolean {
	return (
		typeof credentials.accessToken === 'string' &&
		credentials.accessToken !== '' &&
		credentials.issuedFor === tokenFingerprint(credentials) &&
		Number(credentials.expiresAt ?? 0) - now > TOKEN_REFRESH_MARGIN_MS
	);
}

/** The token failure behind an error from httpRequestWithAuthentication, if that is what it is. */
export function tokenFailureOf(error: unknown): TokenFailure | undefined {
	for (let current = error as { cause?: unknown } | undefined, depth = 0; current && depth < 4; depth++) {
		const { message, description } = current as { message?: unknown; description?: unknown };
		if (typeof message === 'string') {
			const errcode = ERRCODE_IN_MESSAGE.exec(message)?.[1];
			if (errcode !== undefined || message.startsWith(TOKEN_ENDPOINT_FAILURE)) {
				const advice = typeof description === 'string' ? description : '';
				// The credential repeats the advice in its message for n8n's credential dialog.
				const match = ERRCODE_IN_MESSAGE.exec(message);
				return {
					message: match ? message.slice(0, match.index + match[0].replace(/\. $/, '').length) : message,
					description: advice || (match ? message.slice(match.index + match[0].length) : ''),
					errcode: errcode === undefined ? undefined : Number(errcode),
					network: message.endsWith(TOKEN_ENDPOINT_UNREACHABLE),
				};
			}
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

/** The server part of a base URL, for messages: no scheme, no user:password@. */
export function hostOf(baseUrl: string): string {
	return baseUrl.replace(/^[a-z]+:\/\//i, '').replace(/^[^@/]*@/, '');
}
