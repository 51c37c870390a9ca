import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import { randomBytes } from 'crypto';

import { redactSecrets } from '../helpers/redact';
import { explainErrcode } from './errcodes';
import type { DownloadedFile, HttpAnswer, UploadedFile } from './http';
import { answerOfDownload, httpOptionsFor, transportFailureOf } from './http';
import { CREDENTIAL_TYPE, apiBaseUrl, hostOf, isStoredTokenUsable, mpBaseUrl, tokenFailureOf } from './token';

/** Retries of one call after errcode -1, HTTP 5xx or a dropped connection. */
export const MAX_TRANSIENT_RETRIES = 4;
const BACKOFF_BASE_MS = 300;
const BACKOFF_MAX_MS = 5_000;
/** Waits of one call for the next minute after errcode 45011. */
export const MAX_MINUTE_WAITS = 2;

/**
 * What repeating a call after a failure could do.
 * - `safe`: reads, and changes that end the same however often they are made (the default);
 * - `keyed`: sends a message with an idempotency key WeChat honours (template `client_msg_id`,
 *   mass `clientmsgid`): a repeat never delivers twice, so it is retried like a read;
 * - `once`: sends a message WeChat cannot recognise again: repeated only where WeChat provably
 *   did not receive it (no connection was made, or WeChat refused the call: token, 45011).
 *   Any other failure ends the call with `sent: 'unknown'` on the error.
 */
export type RepeatSafety = 'safe' | 'keyed' | 'once';

export interface WeChatApiRequest {
	method: IHttpRequestMethods;
	/** e.g. /cgi-bin/user/get */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** a file to send as multipart/form-data instead of a JSON body */
	upload?: UploadedFile;
	repeat?: RepeatSafety;
	/** errcodes that are an answer, not a failure, for this call (e.g. 45065: already sent) */
	acceptErrcodes?: number[];
	/**
	 * errcodes that mean "already done" (e.g. 40007 for a delete): accepted only when this call is
	 * a repeat after an attempt that may have reached WeChat, which then made the change. The
	 * answer comes back with its errcode, so the operation can say so. A first attempt still fails.
	 */
	acceptOnRepeat?: number[];
	/** for calls that are not `safe`: what may have happened, e.g. "The material may have been added" */
	mayHaveHappened?: string;
	/**
	 * `mp`: a public page of mp.weixin.qq.com (the QR code image), called without the access
	 * token, which must never leave for another host. A custom API server serves it itself.
	 */
	site?: 'api' | 'mp';
}

export interface WeChatApiClient {
	/** One WeChat call: the parsed body of a successful answer, or a NodeApiError a user can act on. */
	request<T extends IDataObject = IDataObject>(request: WeChatApiRequest, itemIndex: number): Promise<T>;
	/** A call that may answer with a file (media downloads): the file, or WeChat's JSON. */
	download(request: WeChatApiRequest, itemIndex: number): Promise<{ file: DownloadedFile } | { json: IDataObject }>;
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
		// Senders report per item whether the message went out (false) or may have (unknown).
		if (failure.details.sent !== undefined) error.context.sent = failure.details.sent;
		throw error;
	}

	/**
	 * One HTTP call. `sentWith` receives the credential data the call went out with: n8n writes a
	 * token it fetched into that object, so afterwards it holds the token this call used, which
	 * concurrent calls may already have replaced in `credentials`.
	 */
	async function send(request: WeChatApiRequest, download: boolean, sentWith: { data?: ICredentialDataDecryptedObject }): Promise<HttpAnswer> {
		const data = credentials;
		sentWith.data = data;
		const boundary = `n8nWeChat${randomBytes(12).toString('hex')}`;
		if (request.site === 'mp') {
			const options = httpOptionsFor(`${mpBaseUrl(credentials)}${request.path}`, request.method, { qs: request.qs, download, boundary });
			return answerOf((await context.helpers.httpRequest(options)) as unknown, download);
		}
		// Passing the credential data explicitly lets this client decide when n8n refreshes the
		// token: an empty expirable `accessToken` makes n8n run preAuthentication and store the
		// result, which it also writes back into this object.
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			httpOptionsFor(`${baseUrl}${request.path}`, request.method, {
				qs: request.qs,
				body: request.body,
				upload: request.upload,
				download,
				boundary,
			}),
			{
				credentialsDecrypted: {
					id: credentialRef?.id ?? '',
					name: credentialRef?.name ?? '',
					type: CREDENTIAL_TYPE,
					data,
				},
			},
		).finally(() => knownSecrets.add(data.accessToken))) as unknown;
		return answerOf(response, download);
	}

	async function call(request: WeChatApiRequest, itemIndex: number, download: boolean): Promise<HttpAnswer> {
		const repeat = request.repeat ?? 'safe';
		// A keyed call repeated after an attempt that may have reached WeChat: if it then fails,
		// the message may still have been sent by that earlier attempt.
		let mayHaveReached = false;
		// Any call repeated after an attempt that may have reached WeChat (for acceptOnRepeat).
		let repeatsAnAmbiguousAttempt = false;
		const sentState = (ambiguousNow: boolean): { sent?: false | 'unknown' } =>
			repeat === 'safe' ? {} : { sent: ambiguousNow || mayHaveReached ? 'unknown' : false };
		const keyedNote = (failure: ApiFailure): ApiFailure =>
			repeat === 'keyed' && failure.details.sent === 'unknown'
				? {
						...failure,
						description: `${failure.description} An earlier attempt may have reached WeChat. Running this item again with the same Idempotency Key within WeChat's window (10 minutes for template messages, 24 hours for mass messages) cannot deliver it twice; after that, check before sending again.`,
					}
				: failure;
		let transientRetries = 0;
		let minuteWaits = 0;
		let tokenRenewed = false;
		const where = `${request.method} ${hostOf(request.site === 'mp' ? mpBaseUrl(credentials) : baseUrl)}${request.path}`;

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
			const sentWith: { data?: ICredentialDataDecryptedObject } = {};
			try {
				const answer = await send(request, download, sentWith);
				if ('file' in answer) return answer;
				body = answer.json;
			} catch (error) {
				if (error instanceof UnexpectedBody) {
					if (repeat === 'once') fail(maybeSent(request, where, 'an answer that is not JSON', transientRetries), itemIndex);
					fail(
						keyedNote({
							message: `WeChat answered ${where} with something that is not JSON`,
							description:
								'Check "API Server" in the credential: a custom base URL must point at the WeChat API or a gateway that forwards it unchanged.',
							details: { response: error.message, ...sentState(true) },
						}),
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
							details: { stage: 'access token', ...(tokenFailure.errcode ? { errcode: tokenFailure.errcode } : {}), ...sentState(false) },
						},
						itemIndex,
					);
				}
				const transport = transportFailureOf(error);
				const transient = transport.status === undefined || transport.status >= 500 || transport.status === 429;
				// Anything after a connection was made may have reached WeChat.
				const ambiguous = !transport.neverConnected;
				if (repeat === 'once' && ambiguous) fail(maybeSent(request, where, transport.summary, transientRetries), itemIndex);
				if (transient && (await backOff(transport.summary))) {
					mayHaveReached ||= ambiguous && repeat === 'keyed';
					repeatsAnAmbiguousAttempt ||= ambiguous;
					continue;
				}
				fail(
					keyedNote({
						message: `Could not complete ${where}: ${transport.summary}${transient ? ` (after ${transientRetries + 1} attempts)` : ''}`,
						description:
							transport.status === undefined
								? 'n8n could not reach the WeChat API server. Check the network and proxy settings of the n8n server, or choose another "API Server" in the credential (api2.weixin.qq.com is the off-site fallback).'
								: 'Check "API Server" in the credential; a custom base URL must point at the WeChat API or a gateway that forwards it unchanged.',
						details: {
							request: where,
							...(transport.status ? { httpStatus: transport.status } : { network: transport.summary }),
							...sentState(ambiguous),
						},
					}),
					itemIndex,
				);
			}

			const errcode = Number(body.errcode ?? 0);
			if (!errcode || request.acceptErrcodes?.includes(errcode)) return { json: body };
			if (repeatsAnAmbiguousAttempt && request.acceptOnRepeat?.includes(errcode)) return { json: body };

			const errmsg = String(body.errmsg ?? '');
			const explanation = explainErrcode(errcode, errmsg, 'api', request.path);
			if (explanation.reaction === 'refreshToken' && !tokenRenewed) {
				tokenRenewed = true;
				context.logger.debug(`WeChat ${where}: errcode ${errcode}, renewing the access token`);
				// The token this call used, not whatever another call in flight has set since.
				await renewToken(sentWith.data?.accessToken, itemIndex);
				continue;
			}
			if (explanation.reaction === 'retry' && repeat === 'once') {
				// WeChat got the message and answered "system error": it does not say whether it went out.
				fail(maybeSent(request, where, `errcode ${errcode} (${errmsg.replace(/\s*rid:.*$/, '')})`, transientRetries, errcode), itemIndex);
			}
			if (explanation.reaction === 'retry' && (await backOff(`errcode ${errcode}`))) {
				mayHaveReached ||= repeat === 'keyed';
				repeatsAnAmbiguousAttempt = true;
				continue;
			}
			if (explanation.reaction === 'waitNextMinute' && minuteWaits < MAX_MINUTE_WAITS && !isCancelled(context)) {
				minuteWaits++;
				const delay = msUntilNextMinute(Date.now());
				context.logger.info(`WeChat ${where}: per-minute limit reached (45011), waiting ${Math.round(delay / 1000)} s`);
				await waitUnlessCancelled(context, delay);
				continue;
			}
			fail(
				keyedNote({
					message: explanation.message,
					description: explanation.description,
					// WeChat refused this call: its message was not sent by it (an earlier attempt may have).
					details: { errcode, errmsg, request: where, ...sentState(explanation.reaction === 'retry') },
				}),
				itemIndex,
			);
		}
	}

	async function request<T extends IDataObject>(request: WeChatApiRequest, itemIndex: number): Promise<T> {
		const answer = await call(request, itemIndex, false);
		return ('json' in answer ? answer.json : {}) as T;
	}

	async function download(request: WeChatApiRequest, itemIndex: number) {
		return await call(request, itemIndex, true);
	}

	return { request, download, redact };
}

/** A parsed answer: WeChat's JSON, or (for downloads) the file or the JSON WeChat sent instead. */
function answerOf(response: unknown, download: boolean): HttpAnswer {
	const answer = download ? answerOfDownload(response as { body?: unknown; headers?: Record<string, unknown> }) : response;
	if (typeof answer !== 'object' || answer === null) {
		throw new UnexpectedBody(typeof answer === 'string' ? answer.slice(0, 200) : String(answer));
	}
	return download ? (answer as HttpAnswer) : { json: answer as IDataObject };
}

/**
 * A call that cannot be recognised if repeated failed after it may have reached WeChat: repeating
 * it could send a message twice (or add a material twice), so the node stops and says so.
 */
function maybeSent(request: WeChatApiRequest, where: string, what: string, retries: number, errcode?: number): ApiFailure {
	const happened = request.mayHaveHappened ?? 'The message may have been sent';
	return {
		message: `${happened}: ${where} failed with ${what}${retries ? ` after ${retries + 1} attempts` : ''}`,
		description:
			'WeChat may have received the request before the failure, and it cannot recognise this request if it is sent again, so the node did not repeat it. Check (with the follower, or in the WeChat Official Accounts Platform) before running this item again.',
		details: { request: where, sent: 'unknown', ...(errcode !== undefined ? { errcode } : { network: what }) },
	};
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

/** How soon a stopped execution stops waiting. */
const CANCEL_CHECK_MS = 1_000;

/** Waits up to `ms`, in slices of at most a second, so a stopped execution stops waiting soon. */
export async function waitUnlessCancelled(context: ApiContext, ms: number): Promise<void> {
	const until = Date.now() + ms;
	for (let left = ms; left > 0 && !isCancelled(context); left = until - Date.now()) {
		await sleep(Math.min(left, CANCEL_CHECK_MS));
	}
}

/** Whether the user stopped the execution (the editor filling a dropdown cannot be stopped). */
export function isCancelled(context: ApiContext): boolean {
	return 'getExecutionCancelSignal' in context && context.getExecutionCancelSignal?.()?.aborted === true;
}

class UnexpectedBody extends Error {}
