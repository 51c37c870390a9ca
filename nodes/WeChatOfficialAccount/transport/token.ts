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

/** Marker on errors thrown by the token fetch, so the transport can tell them from other failures. */
export interface TokenFailure {
	errcode?: number;
	/** the token endpoint could not be reached (worth retrying) */
	network?: boolean;
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

export function tokenFailureOf(error: unknown): (TokenFailure & { message: string; description: string }) | undefined {
	// n8n wraps whatever preAuthentication throws in a NodeApiError; look through the wrapper.
	for (let current = error as { cause?: unknown } | undefined, depth = 0; current && depth < 4; depth++) {
		const candidate = current as { extra?: { weChatTokenFailure?: TokenFailure }; message?: string; description?: string };
		const failure = candidate.extra?.weChatTokenFailure;
		if (failure) {
			return { ...failure, message: String(candidate.message), description: String(candidate.description ?? '') };
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

/** The server part of a base URL, for messages: no scheme, no user:password@. */
export function hostOf(baseUrl: string): string {
	return baseUrl.replace(/^[a-z]+:\/\//i, '').replace(/^[^@/]*@/, '');
}
