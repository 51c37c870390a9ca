const REDACTED = '***';

// Query and body fields that carry secrets, wherever a URL or a body is quoted.
const SECRET_FIELDS = /\b(access_token|secret|appsecret)(["']?\s*[=:]\s*["']?)[^&"'\s,}]+/gi;

/**
 * Removes secrets from text that is about to reach a user: the known secret values themselves
 * (the AppSecret, access tokens) and any `access_token=` / `secret=` field of a quoted URL or body.
 */
export function redactSecrets(text: string, knownSecrets: readonly unknown[]): string {
	let result = text.replace(SECRET_FIELDS, `$1$2${REDACTED}`);
	for (const secret of knownSecrets) {
		// Short values could match ordinary words; real secrets and tokens are long.
		if (typeof secret === 'string' && secret.length >= 8) {
			result = result.split(secret).join(REDACTED);
		}
	}
	return result;
}
