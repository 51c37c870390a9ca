import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { redactSecrets } from '../helpers/redact';
import { explainErrcode } from './errcodes';
import { CREDENTIAL_TYPE, apiBaseUrl, hostOf, isStoredTokenUsable, tokenFailureOf } from './token';

/** Retries of one call after errcode -1, HTTP 5xx or a dropped connection. */
export const MAX_TRANSIENT_RETRIES = 4;
const BACKOFF_BASE_MS = 300;
const BACKOFF_MAX_MS = 5_000;
/** Waits of one call for the next minute after errcode 45011. */
export const MAX_MINUTE_WAITS = 2;

export interface WeChatApiRequest {
	method: IHttpRequestMethods;
	/** e.g. /cgi-bin/user/get */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

export interface WeChatApiClient {
	/** One WeChat call: the parsed body of a successful answer, or a NodeApiError a user can act on. */
	request<T extends IDataObject = IDataObject>(request: WeChatApiRequest, itemIndex: number): Promise<T>;
	/** Text with every secret this client knows of removed; for messages built outside the transport. */
	redact(text: string): string;
}

/** Where calls are made from: a node execution, or the editor filling a dropdown. */
export type ApiContext = IExecuteFunctions | ILoadOptionsFunctions;

/** What the user should read when a call fails; `details` is safe to show (no secrets). */
export interface ApiFailure {
	message: string;
	description: string;
	details: JsonObject;
}

/**
 * The one request path of the package: every WeChat call goes through here. It checks `errcode`
 * on HTTP 200, keeps the access token fresh, retries what is worth retrying within bounds, and
 * turns everything else into an actionable NodeApiError with no secret in it.
 */
export async function createApiClient(context: ApiContext): Promise<WeChatApiClient> {
	const credentialRef = context.getNode().credentials?.[CREDENTIAL_TYPE];
	let credentials = await readStoredCredentials(context, 0);
	const baseUrl = apiBaseUrl(credentials);
	// Secrets seen during this execution, for redaction: the AppSecret and every token used.
	const knownSecrets = new Set<unknown>([credentials.appSecret, credentials.accessToken]);
	const redact = (text: string) => redactSecrets(text, [...knownSecrets]);

	/**
	 * The stored token was rejected. Another execution or worker may already have stored a newer
	 * one: use it rather than fetch a new token that would replace theirs (with the classic
	 * endpoint, cancel it). Only when the store still holds the failed token, fetch a new one.
	 */
	async function renewToken(failedToken: unknown, itemIndex: number) {
		const stored = await readStoredCredentials(context, itemIndex);
		credentials =
			stored.accessToken !== failedToken && stored.accessToken !== ''
				? stored
				: { ...stored, accessToken: '' };
	}

	function fail(failure: ApiFailure, itemIndex: number): never {
		const message = redact(failure.message);
		// n8n shows and stores the details as the error's response body: redact them too.
		const details = Object.fromEntries(
			Object.entries(failure.details).map(([key, value]) => [key, typeof value === 'string' ? redact(value) : value]),
		) as JsonObject;
		const error = new NodeApiError(context.getNode(), details, {
			message,
			description: redact(failure.description),
			itemIndex,
		});
		// NodeApiError swaps a message that mentions e.g. ECONNREFUSED for a generic sentence
		// without the host; ours already says what happened and where.
		error.message = message;
		// Batch senders look at it to find the one OpenID a whole batch was refused for.
		if (typeof failure.details.errcode === 'number') error.context.errcode = failure.details.errcode;
		throw error;
	}

	async function send(request: WeChatApiRequest): Promise<IDataObject> {
		// Passing the credential data explicitly lets this client decide when n8n refreshes the
		// token: an empty expirable `accessToken` makes n8n run preAuthentication and store the
		// result, which it also writes back into this object.
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			{
				method: request.method,
				url: `${baseUrl}${request.path}`,
				qs: request.qs,
				body: request.body,
				json: true,
			},
			{
				credentialsDecrypted: {
					id: credentialRef?.id ?? '',
					name: credentialRef?.name ?? '',
					type: CREDENTIAL_TYPE,
					data: credentials,
				},
			},
		).finally(() => knownSecrets.add(credentials.accessToken))) as IDataObject | string | undefined;
		if (typeof response !== 'object' || response === null) {
			throw new UnexpectedBody(typeof response === 'string' ? response.slice(0, 200) : String(response));
		}
		return response;
	}

	async function request<T extends IDataObject>(request: WeChatApiRequest, itemIndex: number): Promise<T> {
		let transientRetries = 0;
		let minuteWaits = 0;
		let tokenRenewed = false;
		const where = `${request.method} ${hostOf(baseUrl)}${request.path}`;

		const backOff = async (reason: string): Promise<boolean> => {
			if (transientRetries >= MAX_TRANSIENT_RETRIES || isCancelled(context)) return false;
			const delay = Math.min(BACKOFF_BASE_MS * 2 ** transientRetries, BACKOFF_MAX_MS);
			transientRetries++;
			context.logger.debug(
				`WeChat ${where}: ${reason}; retry ${transientRetries}/${MAX_TRANSIENT_RETRIES} in ${delay} ms`,
			);
			await sleep(delay);
			return true;
		};

		for (;;) {
			let body: IDataObject;
			try {
				body = await send(request);
			} catch (error) {
				if (error instanceof UnexpectedBody) {
					fail(
						{
							message: `WeChat answered ${where} with something that is not JSON`,
							description:
								'Check "API Server" in the credential: a custom base URL must point at the WeChat API or a gateway that forwards it unchanged.',
							details: { response: error.message },
						},
						itemIndex,
					);
				}
				const tokenFailure = tokenFailureOf(error);
				if (tokenFailure) {
					const transient = tokenFailure.network || tokenFailure.errcode === -1;
					if (transient && (await backOff(tokenFailure.message))) continue;
					fail(
						{
							message: tokenFailure.message,
							description: tokenFailure.description,
							details: { stage: 'access token', ...(tokenFailure.errcode ? { errcode: tokenFailure.errcode } : {}) },
						},
						itemIndex,
					);
				}
				const transport = transportFailureOf(error);
				const transient = transport.status === undefined || transport.status >= 500 || transport.status === 429;
				if (transient && (await backOff(transport.summary))) continue;
				fail(
					{
						message: `Could not complete ${where}: ${transport.summary}${transient ? ` (after ${transientRetries + 1} attempts)` : ''}`,
						description:
							transport.status === undefined
								? 'n8n could not reach the WeChat API server. Check the network and proxy settings of the n8n server, or choose another "API Server" in the credential (api2.weixin.qq.com is the off-site fallback).'
								: 'Check "API Server" in the credential; a custom base URL must point at the WeChat API or a gateway that forwards it unchanged.',
						details: { request: where, ...(transport.status ? { httpStatus: transport.status } : { network: transport.summary }) },
					},
					itemIndex,
				);
			}

			const errcode = Number(body.errcode ?? 0);
			if (!errcode) return body as T;

			const errmsg = String(body.errmsg ?? '');
			const explanation = explainErrcode(errcode, errmsg, 'api');
			if (explanation.reaction === 'refreshToken' && !tokenRenewed) {
				tokenRenewed = true;
				context.logger.debug(`WeChat ${where}: errcode ${errcode}, renewing the access token`);
				await renewToken(credentials.accessToken, itemIndex);
				continue;
			}
			if (explanation.reaction === 'retry' && (await backOff(`errcode ${errcode}`))) continue;
			if (explanation.reaction === 'waitNextMinute' && minuteWaits < MAX_MINUTE_WAITS && !isCancelled(context)) {
				minuteWaits++;
				const delay = msUntilNextMinute(Date.now());
				context.logger.info(`WeChat ${where}: per-minute limit reached (45011), waiting ${Math.round(delay / 1000)} s`);
				await sleep(delay);
				continue;
			}
			fail(
				{
					message: explanation.message,
					description: explanation.description,
					details: { errcode, errmsg, request: where },
				},
				itemIndex,
			);
		}
	}

	return { request, redact };
}

/** The credential as n8n stores it, with the token blanked when it must not be used any more. */
async function readStoredCredentials(context: ApiContext, itemIndex: number): Promise<ICredentialDataDecryptedObject> {
	const stored = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
	// n8n refreshes only an empty token; expiry and an edited AppID/AppSecret are ours to check.
	return isStoredTokenUsable(stored, Date.now()) ? { ...stored } : { ...stored, accessToken: '' };
}

/** Until one second into the next wall-clock minute: WeChat's per-minute windows. */
export function msUntilNextMinute(now: number): number {
	return 60_000 - (now % 60_000) + 1_000;
}

function isCancelled(context: ApiContext): boolean {
	return 'getExecutionCancelSignal' in context && context.getExecutionCancelSignal?.()?.aborted === true;
}

class UnexpectedBody extends Error {}

/** Status and error code of a failed HTTP call, looked up through n8n's error wrappers. */
function transportFailureOf(error: unknown): { status?: number; summary: string } {
	let status: number | undefined;
	let code: string | undefined;
	for (let current = error as Record<string, unknown> | undefined, depth = 0; current && depth < 5; depth++) {
		const response = current.response as { status?: unknown } | undefined;
		if (status === undefined && typeof response?.status === 'number') status = response.status;
		if (code === undefined && typeof current.code === 'string' && /^[A-Z_]+$/.test(current.code)) code = current.code;
		current = current.cause as Record<string, unknown> | undefined;
	}
	const summary = status !== undefined ? `HTTP ${status}` : (code ?? 'network error');
	return { status, summary };
}
