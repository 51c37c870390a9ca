/**
 * A WeChat Official Account API simulator: a real HTTP server on loopback that behaves like
 * api.weixin.qq.com where this package depends on it (see shared/reference/wechat-api.md):
 * errors as HTTP 200 + errcode, both token endpoints with their real semantics, token expiry on
 * a clock the test controls, the real end-of-list shapes of cgi-bin/user/get, faults on demand,
 * and a request log to assert on. The resources live in their own modules: account.ts (tags,
 * blacklist, profiles, quotas), messaging.ts and templates.ts (sending), media.ts (media and
 * material); wire.ts reads multipart uploads and shapes file answers.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SimulatedAccount, cursorPage } from './account';
import type { CursorListView } from './account';
import { SimulatedAnalytics } from './analytics';
import { SimulatedComments } from './comments';
import { FollowerList } from './followers';
import { SimulatedContent } from './content';
import { SimulatedMedia } from './media';
import { SimulatedMenus } from './menus';
import { SimulatedMessaging } from './messaging';
import { SimulatedQrCodes } from './qrcodes';
import type { UploadedFile } from './wire';
import { FileReply, HttpStatusReply, headerFileName, isMultipart, parseMultipart } from './wire';

export { FileReply, HttpStatusReply } from './wire';
export { simulatedOpenid } from './followers';

export type EndShape =
	/** real servers: the last data page echoes its last OpenID, the next call returns count 0 without data */
	| 'echo-then-empty'
	/** the documentation: the last data page has an empty next_openid */
	| 'empty-cursor';

export interface SimulatorOptions {
	appId?: string;
	appSecret?: string;
	/** how many followers, or the exact OpenIDs */
	followers?: number | string[];
	/** OpenIDs per user/get page (10,000 on real servers) */
	pageSize?: number;
	endShape?: EndShape;
	/** lifetime of a new token (7200 s on real servers) */
	tokenTtlSeconds?: number;
	/** how long a classic token keeps working after a newer one was issued (about 300 s) */
	classicOverlapSeconds?: number;
	/** added before every answer, to imitate a real round trip */
	latencyMs?: number;
}

export type FaultReply =
	| { errcode: number; errmsg: string }
	/** close the connection without answering */
	| 'drop'
	/**
	 * serve the request (every side effect happens: a message is delivered, a medium stored), then
	 * close the connection instead of answering: a success the client never hears of
	 */
	| 'dropAfterServing'
	| { httpStatus: number }
	/** answer with this body as it is (crafted pages: repeated cursors, empty OpenIDs) */
	| { json: object };

export interface RequestLogEntry {
	method: string;
	path: string;
	query: Record<string, string>;
	body?: Record<string, unknown>;
	/** errcode of the answer, 0 for success; undefined for a dropped connection */
	errcode?: number;
}

interface TokenRecord {
	kind: 'classic' | 'stable';
	expiresAt: number;
	/** replaced by a newer token: answered with 40001 "not latest" once expired */
	superseded: boolean;
}

interface Fault {
	path: string;
	reply: FaultReply;
	remaining: number;
}

export const SIM_APP_ID = 'wx5im0ff1c1a1acc7';
export const SIM_APP_SECRET = 'c0ffee5ecret0000000000000000beef';

export class WeChatSimulator {
	/** the account's real AppID and AppSecret; change them to imitate a reset secret */
	appId: string;
	appSecret: string;
	pageSize: number;
	endShape: EndShape;
	tokenTtlSeconds: number;
	classicOverlapSeconds: number;
	latencyMs: number;
	/** added to the real clock: tests move time forward to expire tokens */
	clockOffsetMs = 0;
	/** every request, in order */
	readonly log: RequestLogEntry[] = [];
	/** when set, every call answers 40164 quoting this caller IP */
	blockedIp: string | undefined;
	/** when set, user/get answers 45009 after this many successful calls */
	userGetDailyQuota: number | undefined;
	/** tags, blacklist, profiles, remarks and quotas of the account */
	readonly account: SimulatedAccount;
	/** temporary media, permanent material, article images */
	readonly media: SimulatedMedia;
	/** template, customer-service, mass and subscription messages, and what was delivered */
	readonly messaging: SimulatedMessaging;
	/** comments on published articles */
	readonly comments: SimulatedComments;
	/** drafts and publications */
	readonly content: SimulatedContent;
	/** the menu and conditional menus */
	readonly menus: SimulatedMenus;
	/** QR codes and short links */
	readonly qrcodes: SimulatedQrCodes;
	/** datacube analytics */
	readonly analytics: SimulatedAnalytics;

	private readonly followers = new FollowerList();
	private readonly tokens = new Map<string, TokenRecord>();
	private stableToken: string | undefined;
	private faults: Fault[] = [];
	private hooks: Array<{ path: string; call: number; action: () => void }> = [];
	private readonly callCounts = new Map<string, number>();
	private readonly successCounts = new Map<string, number>();
	private readonly inFlight = new Map<string, number>();
	private readonly peakInFlight = new Map<string, number>();
	private tokenSerial = 0;
	private userGetSuccesses = 0;
	private server: Server | undefined;
	private readonly sockets = new Set<import('node:net').Socket>();

	constructor(options: SimulatorOptions = {}) {
		this.appId = options.appId ?? SIM_APP_ID;
		this.appSecret = options.appSecret ?? SIM_APP_SECRET;
		this.pageSize = options.pageSize ?? 10_000;
		this.endShape = options.endShape ?? 'echo-then-empty';
		this.tokenTtlSeconds = options.tokenTtlSeconds ?? 7200;
		this.classicOverlapSeconds = options.classicOverlapSeconds ?? 300;
		this.latencyMs = options.latencyMs ?? 0;
		this.setFollowers(options.followers ?? 0);
		this.account = new SimulatedAccount(
			() => this.followerView(),
			rid,
			(path) => this.successCounts.get(path) ?? 0,
		);
		this.media = new SimulatedMedia(() => this.now(), rid);
		this.messaging = new SimulatedMessaging({
			followers: () => this.followerView(),
			account: this.account,
			media: this.media,
			now: () => this.now(),
			rid,
			successfulCalls: (path) => this.successCounts.get(path) ?? 0,
		});
		const clock = { now: () => this.now(), rid };
		this.comments = new SimulatedComments(clock);
		this.content = new SimulatedContent({ ...clock, media: this.media, comments: this.comments });
		this.menus = new SimulatedMenus({
			account: this.account,
			followers: () => this.followerView(),
			rid,
		});
		this.qrcodes = new SimulatedQrCodes(clock);
		this.analytics = new SimulatedAnalytics(clock);
	}

	now(): number {
		return Date.now() + this.clockOffsetMs;
	}

	advanceClock(ms: number): void {
		this.clockOffsetMs += ms;
	}

	/**
	 * A count generates the followers' OpenIDs from their positions (simulatedOpenid), holding no
	 * strings, so 10,000,000 followers cost nothing until asked for; an array sets them exactly.
	 */
	setFollowers(followers: number | string[]): void {
		this.followers.set(followers);
	}

	/** Every follower's OpenID in list order, as an array: for tests, not for millions of followers. */
	allFollowers(): readonly string[] {
		return this.followers.all();
	}

	/** How many followers and the SHA-256 of their OpenIDs in order joined by "\n", without an array of them. */
	followersDigest(): { count: number; sha256: string } {
		return this.followers.digest();
	}

	/** A follower unfollows: gone from the list, the OpenID still valid (profile says subscribe 0). */
	unfollow(openid: string): void {
		this.followers.remove(openid);
		this.account.formerFollowers.add(openid);
	}

	private followerView(): CursorListView {
		const followers = this.followers;
		return {
			get ids() {
				return followers.all();
			},
			indexOf: (id) => followers.indexOf(id),
		};
	}

	/** Answers the next `times` calls to `path` with `reply` instead of serving them. */
	injectFault(path: string, reply: FaultReply, times = 1): void {
		this.faults.push({ path, reply, remaining: times });
	}

	/** Every access token handed out so far, to search outputs and logs for. */
	issuedTokens(): string[] {
		return [...this.tokens.keys()];
	}

	/** How many requests to `path` arrived so far (clearLog does not reset it). */
	callCount(path: string): number {
		return this.callCounts.get(path) ?? 0;
	}

	/** The most requests to `path` that were being served at the same time. */
	maxConcurrent(path: string): number {
		return this.peakInFlight.get(path) ?? 0;
	}

	/** Runs `action` just before the `call`-th request to `path` (1-based) is served. */
	when(path: string, call: number, action: () => void): void {
		this.hooks.push({ path, call, action });
	}

	/** Every token issued so far stops working now, as after its expiry time. */
	expireAllTokens(): void {
		for (const record of this.tokens.values()) record.expiresAt = Math.min(record.expiresAt, this.now() - 1);
	}

	/**
	 * Another system of the same account calls the classic cgi-bin/token: every earlier classic
	 * token is superseded and stops working after the overlap (immediately with 0).
	 */
	anotherSystemTakesClassicToken(overlapSeconds = this.classicOverlapSeconds): string {
		return this.issueClassicToken(overlapSeconds);
	}

	/** Another system asks stable_token with force_refresh: the stable token is replaced at once. */
	anotherSystemForcesStableRefresh(): string {
		return this.issueStableToken(true);
	}

	requests(path: string): RequestLogEntry[] {
		return this.log.filter((entry) => entry.path === path);
	}

	/** Calls to either token endpoint. */
	tokenCalls(): RequestLogEntry[] {
		return this.log.filter((entry) => entry.path === '/cgi-bin/token' || entry.path === '/cgi-bin/stable_token');
	}

	/** How many OpenIDs each call to a batch endpoint (tagging, blacklist) carried, in order. */
	openidListSizes(path: string): number[] {
		return this.requests(path).map((entry) => (entry.body?.openid_list as unknown[] | undefined)?.length ?? 0);
	}

	/** The next_openid of every user/get call, in order ('' for the first page). */
	userGetCursors(): string[] {
		return this.requests('/cgi-bin/user/get').map((entry) => entry.query.next_openid ?? '');
	}

	clearLog(): void {
		this.log.length = 0;
	}

	async start(port = 0): Promise<string> {
		this.server = createServer((req, res) => {
			void this.handle(req, res);
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		return this.baseUrl;
	}

	get baseUrl(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('simulator not started');
		return `http://127.0.0.1:${address.port}`;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
		this.server = undefined;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://simulator');
		const query = Object.fromEntries(url.searchParams.entries());
		const entry: RequestLogEntry = { method: req.method ?? 'GET', path: url.pathname, query };
		this.log.push(entry);
		let body: Record<string, unknown> | undefined;
		let files: Record<string, UploadedFile> = {};
		const raw = await readBody(req);
		const contentType = req.headers['content-type'];
		if (isMultipart(contentType)) {
			const parts = parseMultipart(raw, contentType!);
			if (!parts) return this.reply(res, entry, { errcode: 41005, errmsg: `media data missing rid: ${rid()}` });
			body = parts.fields;
			files = parts.files;
			// The log keeps what was uploaded, never the bytes.
			entry.body = { ...parts.fields };
			for (const [name, file] of Object.entries(files))
				entry.body[name] = { fileName: file.fileName, contentType: file.contentType, size: file.data.length };
		} else {
			try {
				if (raw.length > 0) body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
			} catch {
				return this.reply(res, entry, { errcode: 47001, errmsg: 'data format error rid: sim-parse' });
			}
			if (body) entry.body = body;
		}
		const inFlight = (this.inFlight.get(url.pathname) ?? 0) + 1;
		this.inFlight.set(url.pathname, inFlight);
		this.peakInFlight.set(url.pathname, Math.max(inFlight, this.peakInFlight.get(url.pathname) ?? 0));
		res.on('close', () => this.inFlight.set(url.pathname, (this.inFlight.get(url.pathname) ?? 1) - 1));
		if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
		const call = (this.callCounts.get(url.pathname) ?? 0) + 1;
		this.callCounts.set(url.pathname, call);
		for (const hook of this.hooks) if (hook.path === url.pathname && hook.call === call) hook.action();

		const fault = this.faults.find((candidate) => candidate.path === url.pathname && candidate.remaining > 0);
		if (fault) {
			fault.remaining--;
			this.faults = this.faults.filter((candidate) => candidate.remaining > 0);
		}
		const faultReply = fault?.reply;
		if (faultReply !== undefined && faultReply !== 'dropAfterServing') {
			if (faultReply === 'drop') {
				req.socket.destroy();
				return;
			}
			if ('json' in faultReply) return this.reply(res, entry, faultReply.json);
			if ('httpStatus' in faultReply) {
				entry.errcode = -1;
				res.writeHead(faultReply.httpStatus, { 'Content-Type': 'text/html' });
				res.end('<html><body>gateway error</body></html>');
				return;
			}
			return this.reply(res, entry, faultReply);
		}
		if (this.blockedIp) {
			return this.reply(res, entry, {
				errcode: 40164,
				errmsg: `invalid ip ${this.blockedIp} ipv6 ::ffff:${this.blockedIp}, not in whitelist rid: ${rid()}`,
			});
		}
		const answer = this.route(url.pathname, query, body ?? {}, files);
		if (!(answer as { errcode?: number }).errcode) this.successCounts.set(url.pathname, (this.successCounts.get(url.pathname) ?? 0) + 1);
		if (faultReply === 'dropAfterServing') {
			// Served, but the answer is lost: the log's errcode stays undefined, as for 'drop'.
			req.socket.destroy();
			return;
		}
		if (answer instanceof FileReply) return this.sendFile(res, entry, answer);
		if (answer instanceof HttpStatusReply) {
			// A page answer, not the API's JSON (showqrcode with an unknown ticket: 404).
			res.writeHead(answer.status, { 'Content-Type': 'text/html' });
			res.end(`<html><body>${answer.status}</body></html>`);
			return;
		}
		this.reply(res, entry, answer);
	}

	private route(path: string, query: Record<string, string>, body: Record<string, unknown>, files: Record<string, UploadedFile>): object {
		switch (path) {
			case '/cgi-bin/token':
				return this.classicTokenEndpoint(query);
			case '/cgi-bin/stable_token':
				return this.stableTokenEndpoint(body);
			case '/cgi-bin/user/get':
				return this.withToken(query, () => this.userGet(query.next_openid ?? ''));
			case '/cgi-bin/showqrcode':
				// A public page on mp.weixin.qq.com: no access token.
				return this.qrcodes.image(query);
			case '/cgi-bin/get_api_domain_ip':
				return this.withToken(query, () => ({ ip_list: ['101.226.103.0/25', '101.226.233.128/25'] }));
			default:
				return this.withToken(
					query,
					() =>
						this.account.route(path, query, body, this.endShape) ??
						this.messaging.route(path, body) ??
						this.media.route(path, query, body, files) ??
						this.content.route(path, body) ??
						this.comments.route(path, body) ??
						this.menus.route(path, query, body) ??
						this.qrcodes.route(path, body) ??
						this.analytics.route(path, body) ?? { errcode: 404, errmsg: `invalid url domain rid: ${rid()}` },
				);
		}
	}

	private checkApp(appid: unknown, secret: unknown, wrongSecret: { errcode: number; errmsg: string }) {
		if (!appid) return { errcode: 41002, errmsg: `appid missing rid: ${rid()}` };
		if (appid !== this.appId) return { errcode: 40013, errmsg: `invalid appid rid: ${rid()}` };
		if (!secret) return { errcode: 41004, errmsg: `appsecret missing rid: ${rid()}` };
		if (secret !== this.appSecret) return wrongSecret;
		return undefined;
	}

	private classicTokenEndpoint(query: Record<string, string>): object {
		if (query.grant_type !== 'client_credential') return { errcode: 40002, errmsg: `invalid grant_type rid: ${rid()}` };
		const problem = this.checkApp(query.appid, query.secret, {
			errcode: 40001,
			errmsg: `invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r rid: ${rid()}`,
		});
		if (problem) return problem;
		const token = this.issueClassicToken(this.classicOverlapSeconds);
		return { access_token: token, expires_in: this.tokenTtlSeconds };
	}

	private stableTokenEndpoint(body: Record<string, unknown>): object {
		if (body.grant_type !== 'client_credential') return { errcode: 40002, errmsg: `invalid grant_type rid: ${rid()}` };
		const problem = this.checkApp(body.appid, body.secret, { errcode: 40125, errmsg: `invalid appsecret rid: ${rid()}` });
		if (problem) return problem;
		const token = this.issueStableToken(body.force_refresh === true);
		const record = this.tokens.get(token)!;
		return { access_token: token, expires_in: Math.floor((record.expiresAt - this.now()) / 1000) };
	}

	private newTokenValue(kind: 'classic' | 'stable'): string {
		this.tokenSerial++;
		// Long and opaque like real tokens, so tests can search errors for them.
		return `${kind === 'stable' ? 'STB' : 'CLS'}_${this.tokenSerial}_${'x'.repeat(20)}${Math.random().toString(36).slice(2, 12)}`;
	}

	private issueClassicToken(overlapSeconds: number): string {
		const now = this.now();
		for (const record of this.tokens.values()) {
			if (record.kind === 'classic' && !record.superseded) {
				record.superseded = true;
				record.expiresAt = Math.min(record.expiresAt, now + overlapSeconds * 1000);
			}
		}
		const token = this.newTokenValue('classic');
		this.tokens.set(token, { kind: 'classic', expiresAt: now + this.tokenTtlSeconds * 1000, superseded: false });
		return token;
	}

	private issueStableToken(forceRefresh: boolean): string {
		const now = this.now();
		const current = this.stableToken ? this.tokens.get(this.stableToken) : undefined;
		// The platform hands out the same stable token until 5 minutes before it expires.
		if (current && !forceRefresh && current.expiresAt - now > 300_000) return this.stableToken!;
		if (current) {
			current.superseded = true;
			if (forceRefresh) current.expiresAt = now - 1;
		}
		const token = this.newTokenValue('stable');
		this.tokens.set(token, { kind: 'stable', expiresAt: now + this.tokenTtlSeconds * 1000, superseded: false });
		this.stableToken = token;
		return token;
	}

	private withToken(query: Record<string, string>, serve: () => object): object {
		const token = query.access_token;
		if (!token) return { errcode: 41001, errmsg: `access_token missing rid: ${rid()}` };
		const record = this.tokens.get(token);
		if (!record) return { errcode: 40001, errmsg: `invalid credential, access_token is invalid or not latest rid: ${rid()}` };
		if (record.expiresAt <= this.now()) {
			return record.superseded
				? { errcode: 40001, errmsg: `invalid credential, access_token is invalid or not latest rid: ${rid()}` }
				: { errcode: 42001, errmsg: `access_token expired rid: ${rid()}` };
		}
		return serve();
	}

	private userGet(nextOpenid: string): object {
		if (this.userGetDailyQuota !== undefined && this.userGetSuccesses >= this.userGetDailyQuota) {
			return { errcode: 45009, errmsg: `reach max api daily quota limit rid: ${rid()}` };
		}
		const page = cursorPage(this.followers, nextOpenid, this.pageSize, this.endShape, (id) => this.followers.indexOf(id));
		if (!page) return { errcode: 40003, errmsg: `invalid openid rid: ${rid()}` };
		this.userGetSuccesses++;
		return page;
	}

	private reply(res: ServerResponse, entry: RequestLogEntry, body: object): void {
		entry.errcode = (body as { errcode?: number }).errcode ?? 0;
		const text = JSON.stringify(body);
		res.writeHead(200, { 'Content-Type': 'application/json; encoding=utf-8', 'Content-Length': Buffer.byteLength(text) });
		res.end(text);
	}

	/** A file answer, with the headers WeChat sends media with. */
	private sendFile(res: ServerResponse, entry: RequestLogEntry, file: FileReply): void {
		entry.errcode = 0;
		res.writeHead(200, {
			'Content-Type': file.contentType,
			'Content-disposition': `attachment; filename="${headerFileName(file.fileName)}"`,
			'Content-Length': file.data.length,
			'Cache-Control': 'no-cache, must-revalidate',
		});
		res.end(file.data);
	}
}

function rid(): string {
	return `sim-${Math.random().toString(16).slice(2, 10)}`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}
