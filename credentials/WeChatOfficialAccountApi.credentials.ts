import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { UserError } from 'n8n-workflow';

import { explainErrcode } from '../nodes/WeChatOfficialAccount/transport/errcodes';
import type { StoredToken } from '../nodes/WeChatOfficialAccount/transport/token';
import {
	TOKEN_ENDPOINT_FAILURE,
	TOKEN_ENDPOINT_UNREACHABLE,
	apiBaseUrl,
	hostOf,
	tokenFingerprint,
} from '../nodes/WeChatOfficialAccount/transport/token';

export class WeChatOfficialAccountApi implements ICredentialType {
	name = 'weChatOfficialAccountApi';

	// n8n names a new credential "<displayName without 'API'> account": "WeChat Official Accounts
	// Platform account" (the platform's English name); "WeChat Official Account API" gave
	// "WeChat Official Account account".
	displayName = 'WeChat Official Accounts Platform API';

	icon: Icon = { light: 'file:../icons/wechat.svg', dark: 'file:../icons/wechat.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-wechat-official-account/n8n-nodes-wechat-official-account#credential';

	properties: INodeProperties[] = [
		{
			// The first thing that fails on a real setup, so it comes first.
			displayName:
				'WeChat answers only calls from IP addresses on the account\'s IP whitelist. Before testing, add the public IP address n8n calls out from in the WeChat Official Accounts Platform (mp.weixin.qq.com): Settings and Development → Basic Configuration → IP Whitelist.',
			name: 'ipWhitelistNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'AppID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'wx0123456789abcdef',
			description:
				'Developer ID of the Official Account: Settings and Development → Basic Configuration in the WeChat Official Accounts Platform',
		},
		{
			displayName: 'AppSecret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Developer password, shown once when generated in Settings and Development → Basic Configuration, where the IP whitelist is too',
		},
		{
			displayName: 'API Server',
			name: 'apiDomain',
			type: 'options',
			default: 'api.weixin.qq.com',
			options: [
				{ name: 'api.weixin.qq.com (Nearest Access Point)', value: 'api.weixin.qq.com' },
				{ name: 'api2.weixin.qq.com (Off-Site Fallback)', value: 'api2.weixin.qq.com' },
				{ name: 'sh.api.weixin.qq.com (Shanghai)', value: 'sh.api.weixin.qq.com' },
				{ name: 'sz.api.weixin.qq.com (Shenzhen)', value: 'sz.api.weixin.qq.com' },
				{ name: 'hk.api.weixin.qq.com (Hong Kong)', value: 'hk.api.weixin.qq.com' },
				{ name: 'Custom Base URL', value: 'custom' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://wechat-gateway.example.com',
			description:
				'A gateway or proxy that forwards requests to the WeChat API unchanged, e.g. one with a fixed outbound IP for the IP whitelist. It also receives the QR code image requests (/cgi-bin/showqrcode) that otherwise go to mp.weixin.qq.com.',
			displayOptions: { show: { apiDomain: ['custom'] } },
		},
		{
			displayName: 'Token Endpoint',
			name: 'grantEndpoint',
			type: 'options',
			default: 'stable',
			options: [
				{
					name: 'Stable Token (Recommended)',
					value: 'stable',
					description:
						'Calls cgi-bin/stable_token: every system that asks gets the same token, so nobody cancels anybody',
				},
				{
					name: 'Classic Token',
					value: 'classic',
					description:
						'Calls cgi-bin/token: each call cancels the token that other systems of this account hold',
				},
			],
		},
		{
			displayName:
				'The classic endpoint cancels the token of every other system that uses this AppID (after about 5 minutes), and theirs cancels ours. Use it only if nothing else calls cgi-bin/token for this account. Saving or testing a new credential fetches its first token from it; the test itself uses the stable endpoint, which cancels nothing.',
			name: 'classicNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { grantEndpoint: ['classic'] } },
		},
		// Message push (the trigger and the Reply operation): the account's server configuration.
		{
			displayName:
				'The fields below are only needed by the WeChat Official Account Trigger: copy them from Settings and Development → Basic Configuration → Server Configuration.',
			name: 'messagePushNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Message Token',
			name: 'messageToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The Token of the server configuration: WeChat signs every push with it',
		},
		// A secret, whatever the lint's name heuristic says: it decrypts every message and signs replies.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'EncodingAESKey',
			name: 'encodingAesKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The EncodingAESKey of the server configuration, 43 letters and digits. Needed for Compatible and Safe Mode.',
		},
		{
			displayName: 'Message Encryption',
			name: 'messageEncryption',
			type: 'options',
			default: 'safe',
			description: 'The Message Encryption Method chosen in the server configuration',
			options: [
				{
					name: 'Plaintext Mode',
					value: 'plaintext',
					description: 'Messages arrive unencrypted; only the query is signed',
				},
				{
					name: 'Compatible Mode',
					value: 'compatible',
					description: 'Messages arrive plain and encrypted together; the trigger verifies and reads the encrypted copy, and refuses requests without one',
				},
				{
					name: 'Safe Mode (Recommended)',
					value: 'safe',
					description: 'Messages arrive encrypted; an unencrypted request is refused',
				},
			],
		},
		// Written by preAuthentication and stored by n8n; never shown.
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Token Expires At',
			name: 'expiresAt',
			type: 'hidden',
			default: 0,
		},
		{
			displayName: 'Token Issued For',
			name: 'issuedFor',
			type: 'hidden',
			default: '',
		},
	];

	/**
	 * Fetches an access token; n8n calls this when the stored one is empty (the node empties it
	 * when it expires, is rejected, or belongs to an edited AppID/AppSecret) and stores the result.
	 * The stable endpoint is the default: every caller gets the same token, so concurrent
	 * executions and workers refreshing at once do not cancel each other.
	 */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<StoredToken> {
		const baseUrl = apiBaseUrl(credentials);
		const appid = String(credentials.appId ?? '').trim();
		const secret = String(credentials.appSecret ?? '').trim();
		let response: TokenResponse;
		try {
			response =
				credentials.grantEndpoint === 'classic'
					? await this.helpers.httpRequest({
							method: 'GET',
							url: `${baseUrl}/cgi-bin/token`,
							qs: { grant_type: 'client_credential', appid, secret },
							json: true,
						})
					: await this.helpers.httpRequest({
							method: 'POST',
							url: `${baseUrl}/cgi-bin/stable_token`,
							body: { grant_type: 'client_credential', appid, secret, force_refresh: false },
							json: true,
						});
		} catch (error) {
			// The request error carries the URL and body, that is the AppSecret: never pass it on.
			const status = (error as { response?: { status?: number } }).response?.status;
			const code = (error as { code?: string }).code;
			throw new UserError(`${TOKEN_ENDPOINT_FAILURE} at ${hostOf(baseUrl)} ${TOKEN_ENDPOINT_UNREACHABLE}`, {
				description: `${status ? `HTTP ${status}` : `Network error ${code ?? ''}`.trim()}. Check that n8n can reach the WeChat API server chosen in the credential ("API Server"); behind a firewall, allow outbound HTTPS to it.`,
			});
		}
		if (response?.errcode) {
			const errmsg = String(response.errmsg ?? '');
			const explanation = explainErrcode(response.errcode, errmsg, 'token');
			// n8n's credential dialog shows only the message of a failed token fetch: the advice goes
			// into it too (the node's errors take it apart again, see tokenFailureOf).
			throw new UserError(`${explanation.message}. ${explanation.description}`, { description: explanation.description });
		}
		if (typeof response?.access_token !== 'string' || response.access_token === '') {
			throw new UserError(`${TOKEN_ENDPOINT_FAILURE} at ${hostOf(baseUrl)} answered without an access token`, {
				description:
					'Check "API Server" in the credential: it must point at the WeChat API or a gateway that forwards it unchanged.',
			});
		}
		return {
			accessToken: response.access_token,
			expiresAt: Date.now() + Number(response.expires_in ?? 7200) * 1000,
			issuedFor: tokenFingerprint(credentials),
		};
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: { access_token: '={{$credentials.accessToken}}' },
		},
	};

	// Proves AppID, AppSecret and the IP whitelist every time. n8n runs preAuthentication for a
	// test only when no token is stored, so a call made with the stored token would prove nothing
	// about an edited AppSecret: the test asks the stable token endpoint itself, with the AppID and
	// AppSecret as they are in the form. Without force_refresh it returns the account's current
	// stable token and cancels nobody's token, whichever Token Endpoint is chosen.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.apiDomain === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://" + $credentials.apiDomain}}',
			url: '/cgi-bin/stable_token',
			method: 'POST',
			body: {
				grant_type: 'client_credential',
				appid: '={{String($credentials.appId ?? "").trim()}}',
				secret: '={{String($credentials.appSecret ?? "").trim()}}',
				force_refresh: false,
			},
		},
		rules: [
			...TEST_ERRCODES.map((errcode) => {
				const explanation = explainErrcode(errcode, '', 'token');
				return {
					type: 'responseSuccessBody' as const,
					properties: { key: 'errcode', value: errcode, message: `${explanation.message}. ${explanation.description}` },
				};
			}),
			{
				// Any other refusal: an answer without a token is never a success.
				type: 'responseSuccessBody',
				properties: {
					key: 'access_token',
					value: undefined,
					message:
						'WeChat did not issue an access token. Check AppID, AppSecret and "API Server"; a custom base URL must point at the WeChat API or a gateway that forwards it unchanged.',
				},
			},
		],
	};
}

/** The token endpoint's refusals the test explains one by one (the same texts as a workflow's errors). */
const TEST_ERRCODES = [40125, 40001, 40013, 41002, 41004, 40164, 89501, 89503, 89506, 89507, -1, 45009, 45011, 48001, 50001, 50002];

interface TokenResponse {
	access_token?: string;
	expires_in?: number;
	errcode?: number;
	errmsg?: string;
}
