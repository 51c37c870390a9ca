/**
 * Sending from the simulated account: template messages, customer-service messages, mass
 * messages (to all, a tag or a list; preview, status, delete, speed) and subscription notices,
 * with WeChat's recipient checks, idempotency keys, limits and errcodes. Everything WeChat accepts
 * is written to `deliveries` at once, whatever then happens to the connection.
 */
import type { CursorListView, SimulatedAccount } from './account';
import type { SimulatedMedia } from './media';
import { SimulatedTemplates } from './templates';

type Reply = Record<string, unknown>;

export type DeliveryChannel = 'template' | 'custom' | 'mass' | 'preview' | 'subscribe';

export interface Delivery {
	channel: DeliveryChannel;
	openid: string;
	/** msgid of template/send, msg_id of a mass job or preview; 0 where WeChat answers none (custom, subscribe) */
	msgid: number;
	/** the request body without its recipients */
	payload: Record<string, unknown>;
}

export interface MassJob {
	msgId: number;
	msgDataId?: number;
	msgtype: string;
	status: 'SEND_SUCCESS' | 'DELETE';
	/** articles deleted one by one (article_idx) */
	deletedArticles: number[];
	recipients: string[];
	clientmsgid?: string;
}

export interface MessagingContext {
	followers(): CursorListView;
	account: SimulatedAccount;
	media: SimulatedMedia;
	now(): number;
	rid(): string;
	/** successful calls to a path so far (for dailyQuota) */
	successfulCalls(path: string): number;
}

/** mass/speed: speed 0..4 and the real speed it stands for, in 10,000 messages a minute */
const MASS_SPEEDS = [80, 60, 45, 30, 10];
const TEXT_LIMIT_BYTES = 2048;
const MINUTE = 60_000;
/** template/send: a client_msg_id is remembered 10 minutes per OpenID */
const TEMPLATE_DEDUPE_MS = 10 * MINUTE;
/** mass: a clientmsgid is remembered 24 hours; again within a minute is "retry too fast" */
const MASS_DEDUPE_MS = 24 * 60 * MINUTE;
const MASS_RETRY_MS = MINUTE;
const MASS_LIST = { min: 2, max: 10_000 };
const MASS_IMAGES_MAX = 8;

type PartCheck = (part: Record<string, unknown>) => Reply | undefined;

export class SimulatedMessaging {
	/** every message WeChat accepted, in order */
	readonly deliveries: Delivery[] = [];
	/** custom/typing calls that were accepted (not deliveries) */
	readonly typing: Array<{ openid: string; command: string }> = [];
	/** followers who refuse the account's messages: 43101 */
	readonly refusing = new Set<string>();
	/** followers whose 48-hour window is closed: custom messages answer 45015 */
	readonly outsideWindow = new Set<string>();
	/** followers who have not accepted the subscription notice: bizsend answers 43101 */
	readonly subscribeRefused = new Set<string>();
	/** WeChat IDs (微信号) that mass/preview can address with towxname, to their OpenID */
	readonly wechatIds = new Map<string, string>();
	/** customer-service messages a follower can receive per interaction (45047 beyond) */
	customRepliesPerUser = 20;
	/** path → successful calls a day; 45009 once reached. Unset: unlimited. */
	readonly dailyQuota = new Map<string, number>();
	/** mass jobs by msg_id */
	readonly massJobs = new Map<number, MassJob>();
	/** mass/speed/set: 0 (fastest) to 4 */
	massSpeed = 0;
	readonly templates: SimulatedTemplates;

	private nextMsgid = 3_100_000_000;
	private nextMassId = 1_000_000_001;
	private nextMsgDataId = 2_247_483_647;
	private readonly templateKeys = new Map<string, { msgid: number; at: number }>();
	private readonly clientMsgIds = new Map<string, { msgId: number; at: number }>();
	private readonly customReplies = new Map<string, number>();

	constructor(private readonly context: MessagingContext) {
		this.templates = new SimulatedTemplates(context.rid);
	}

	deliveredTo(openid: string): Delivery[] {
		return this.deliveries.filter((delivery) => delivery.openid === openid);
	}

	deliveryCounts(): Map<string, number> {
		const counts = new Map<string, number>();
		for (const delivery of this.deliveries) counts.set(delivery.openid, (counts.get(delivery.openid) ?? 0) + 1);
		return counts;
	}

	/** The follower writes to the account: the 48-hour window opens again and the reply count restarts. */
	interaction(openid: string): void {
		this.outsideWindow.delete(openid);
		this.customReplies.delete(openid);
	}

	route(path: string, body: Record<string, unknown>): Reply | undefined {
		const serve = this.endpoint(path);
		if (!serve) return this.templates.route(path, body);
		const quota = this.dailyQuota.get(path);
		if (quota !== undefined && this.context.successfulCalls(path) >= quota) return this.error(45009, 'reach max api daily quota limit');
		return serve(body);
	}

	private endpoint(path: string): ((body: Record<string, unknown>) => Reply) | undefined {
		switch (path) {
			case '/cgi-bin/message/template/send':
				return (body) => this.templateSend(body);
			case '/cgi-bin/message/custom/send':
				return (body) => this.customSend(body);
			case '/cgi-bin/message/custom/typing':
				return (body) => this.customTyping(body);
			case '/cgi-bin/message/mass/sendall':
				return (body) => this.massSendAll(body);
			case '/cgi-bin/message/mass/send':
				return (body) => this.massSend(body);
			case '/cgi-bin/message/mass/preview':
				return (body) => this.massPreview(body);
			case '/cgi-bin/message/mass/get':
				return (body) => this.massGet(body);
			case '/cgi-bin/message/mass/delete':
				return (body) => this.massDelete(body);
			case '/cgi-bin/message/mass/speed/get':
				return () => ({ speed: this.massSpeed, realspeed: MASS_SPEEDS[this.massSpeed] });
			case '/cgi-bin/message/mass/speed/set':
				return (body) => this.massSpeedSet(body);
			case '/cgi-bin/message/subscribe/bizsend':
				return (body) => this.subscribeSend(body);
			default:
				return undefined;
		}
	}

	private error(errcode: number, errmsg: string, extra: Reply = {}): Reply {
		return { errcode, errmsg: `${errmsg} rid: ${this.context.rid()}`, ...extra };
	}

	private ok(extra: Reply = {}): Reply {
		return { errcode: 0, errmsg: 'ok', ...extra };
	}

	private isFollower(openid: string): boolean {
		return this.context.followers().indexOf(openid) !== undefined;
	}

	/** Template, custom, preview and subscribe check their one recipient so, in this order. */
	private recipientProblem(openid: unknown): Reply | undefined {
		if (!this.context.account.isKnownUser(openid)) return this.error(40003, 'invalid openid');
		if (!this.isFollower(openid)) return this.error(43004, 'require subscribe');
		if (this.refusing.has(openid)) return this.error(43101, 'user refuse to accept the msg');
		return undefined;
	}

	private deliver(channel: DeliveryChannel, openids: Iterable<string>, msgid: number, body: Record<string, unknown>): void {
		const payload = { ...body };
		delete payload.touser;
		delete payload.towxname;
		for (const openid of openids) this.deliveries.push({ channel, openid, msgid, payload });
	}

	private knownMedia(mediaId: unknown): boolean {
		return typeof mediaId === 'string' && this.context.media.get(mediaId) !== undefined;
	}

	private templateProblem(templateId: unknown, templates: ReadonlyMap<string, unknown>): Reply | undefined {
		return typeof templateId === 'string' && templates.has(templateId) ? undefined : this.templates.invalidTemplate();
	}

	/** 47003 names the first data entry without a string value, as WeChat's errmsg does. */
	private dataProblem(data: unknown): Reply | undefined {
		if (!data || typeof data !== 'object' || Array.isArray(data)) return this.error(47003, 'argument invalid! data invalid');
		for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
			if (!entry || typeof (entry as { value?: unknown }).value !== 'string') return this.error(47003, `argument invalid! data.${key}.value invalid`);
		}
		return undefined;
	}

	// ---- template messages ----

	private templateSend(body: Record<string, unknown>): Reply {
		const problem =
			this.recipientProblem(body.touser) ?? this.templateProblem(body.template_id, this.templates.privateTemplates) ?? this.dataProblem(body.data);
		if (problem) return problem;
		const openid = body.touser as string;
		const clientMsgId = body.client_msg_id;
		if (clientMsgId !== undefined && (typeof clientMsgId !== 'string' || clientMsgId.length > 64)) {
			return this.error(47003, 'argument invalid! client_msg_id invalid');
		}
		// "For the same openid + client_msg_id only one message is sent" for 10 minutes: a repeat
		// succeeds with the first msgid and delivers nothing.
		const key = clientMsgId ? `${openid}\n${clientMsgId}` : undefined;
		const seen = key ? this.templateKeys.get(key) : undefined;
		if (seen && this.context.now() - seen.at < TEMPLATE_DEDUPE_MS) return this.ok({ msgid: seen.msgid });
		const msgid = this.nextMsgid++;
		if (key) this.templateKeys.set(key, { msgid, at: this.context.now() });
		this.deliver('template', [openid], msgid, body);
		return this.ok({ msgid });
	}

	// ---- customer-service messages ----

	private readonly customParts: Record<string, PartCheck> = {
		text: (part) => this.textProblem(part.content, true),
		image: (part) => this.mediaProblem(part, ['media_id']),
		voice: (part) => this.mediaProblem(part, ['media_id']),
		video: (part) => this.mediaProblem(part, ['media_id', 'thumb_media_id']),
		music: (part) => this.requiredProblem(part, ['musicurl', 'hqmusicurl']) ?? this.mediaProblem(part, ['thumb_media_id']),
		news: (part) => {
			if (!Array.isArray(part.articles) || part.articles.length === 0) return this.error(44002, 'empty post data');
			if (part.articles.length > 1) return this.error(45008, 'article size out of limit');
			return undefined;
		},
		mpnews: (part) => this.mediaProblem(part, ['media_id']),
		mpnewsarticle: (part) => this.requiredProblem(part, ['article_id']),
		msgmenu: (part) => (Array.isArray(part.list) && part.list.length > 0 ? undefined : this.error(44002, 'empty post data')),
		miniprogrampage: (part) => this.requiredProblem(part, ['appid', 'pagepath']) ?? this.mediaProblem(part, ['thumb_media_id']),
	};

	private readonly massParts: Record<string, PartCheck> = {
		text: (part) => this.textProblem(part.content, false),
		// any media ID the account holds (a news material above all)
		mpnews: (part) => this.mediaProblem(part, ['media_id']),
		voice: (part) => this.mediaProblem(part, ['media_id']),
		// msgtype "image" carries its part as "images" in mass messages (WeChat's own naming).
		image: (part) => {
			const ids = part.media_ids;
			if (!Array.isArray(ids) || ids.length === 0) return this.error(44002, 'empty post data');
			// WeChat's errcode for more than 8 images is not documented: 47003 here.
			if (ids.length > MASS_IMAGES_MAX) return this.error(47003, 'argument invalid! media_ids invalid');
			return ids.every((id) => this.knownMedia(id)) ? undefined : this.error(40007, 'invalid media_id');
		},
		mpvideo: (part) => this.mediaProblem(part, ['media_id']),
		wxcard: (part) => this.requiredProblem(part, ['card_id']),
	};

	private textProblem(content: unknown, limited: boolean): Reply | undefined {
		if (typeof content !== 'string') return this.error(44002, 'empty post data');
		if (content === '') return this.error(44004, 'empty content');
		if (limited && Buffer.byteLength(content) > TEXT_LIMIT_BYTES) return this.error(45002, 'content size out of limit');
		return undefined;
	}

	private requiredProblem(part: Record<string, unknown>, fields: string[]): Reply | undefined {
		return fields.every((field) => typeof part[field] === 'string' && part[field] !== '') ? undefined : this.error(44002, 'empty post data');
	}

	private mediaProblem(part: Record<string, unknown>, fields: string[]): Reply | undefined {
		if (!fields.every((field) => typeof part[field] === 'string' && part[field] !== '')) return this.error(44002, 'empty post data');
		return fields.every((field) => this.knownMedia(part[field])) ? undefined : this.error(40007, 'invalid media_id');
	}

	/** The message of a custom or mass body: 40008 for an unknown msgtype, then its own checks. */
	private contentProblem(body: Record<string, unknown>, checks: Record<string, PartCheck>): Reply | undefined {
		const msgtype = body.msgtype;
		if (typeof msgtype !== 'string' || !Object.prototype.hasOwnProperty.call(checks, msgtype)) return this.error(40008, 'invalid message type');
		const part = body[checks === this.massParts && msgtype === 'image' ? 'images' : msgtype];
		if (!part || typeof part !== 'object' || Array.isArray(part)) return this.error(44002, 'empty post data');
		return checks[msgtype](part as Record<string, unknown>);
	}

	private windowProblem(openid: string): Reply | undefined {
		return this.outsideWindow.has(openid) ? this.error(45015, 'response out of time limit or subscription is canceled') : undefined;
	}

	private customSend(body: Record<string, unknown>): Reply {
		const problem = this.recipientProblem(body.touser) ?? this.windowProblem(body.touser as string) ?? this.contentProblem(body, this.customParts);
		if (problem) return problem;
		const openid = body.touser as string;
		const replies = this.customReplies.get(openid) ?? 0;
		if (replies >= this.customRepliesPerUser) return this.error(45047, 'out of response count limit');
		this.customReplies.set(openid, replies + 1);
		// custom/send answers no msgid.
		this.deliver('custom', [openid], 0, body);
		return this.ok();
	}

	private customTyping(body: Record<string, unknown>): Reply {
		const problem = this.recipientProblem(body.touser) ?? this.windowProblem(body.touser as string);
		if (problem) return problem;
		if (body.command !== 'Typing' && body.command !== 'CancelTyping') return this.error(47003, 'argument invalid! command invalid');
		this.typing.push({ openid: body.touser as string, command: body.command });
		return this.ok();
	}

	// ---- mass messages ----

	/** 45067 for a clientmsgid too long, 45066 again within a minute, 45065 again within a day. */
	private clientMsgIdProblem(clientmsgid: unknown): Reply | undefined {
		if (clientmsgid === undefined || clientmsgid === '') return undefined;
		if (typeof clientmsgid !== 'string' || clientmsgid.length > 64) return this.error(45067, 'clientmsgid size out of limit');
		const seen = this.clientMsgIds.get(clientmsgid);
		if (!seen) return undefined;
		const age = this.context.now() - seen.at;
		if (age < MASS_RETRY_MS) return this.error(45066, 'clientmsgid retry too fast');
		if (age < MASS_DEDUPE_MS) return this.error(45065, 'clientmsgid exist', { msg_id: seen.msgId });
		return undefined;
	}

	/** Submits a mass job: one delivery per recipient; refusing followers are left out silently. */
	private submitMass(body: Record<string, unknown>, recipients: string[]): Reply {
		const problem = this.contentProblem(body, this.massParts) ?? this.clientMsgIdProblem(body.clientmsgid);
		if (problem) return problem;
		const msgtype = body.msgtype as string;
		const msgId = this.nextMassId++;
		// msg_data_id only comes with article messages.
		const msgDataId = msgtype === 'mpnews' || msgtype === 'image' ? this.nextMsgDataId++ : undefined;
		const clientmsgid = typeof body.clientmsgid === 'string' && body.clientmsgid !== '' ? body.clientmsgid : undefined;
		if (clientmsgid) this.clientMsgIds.set(clientmsgid, { msgId, at: this.context.now() });
		const delivered = recipients.filter((openid) => !this.refusing.has(openid));
		this.massJobs.set(msgId, { msgId, msgDataId, msgtype, status: 'SEND_SUCCESS', deletedArticles: [], recipients: delivered, clientmsgid });
		this.deliver('mass', delivered, msgId, body);
		return { errcode: 0, errmsg: 'send job submission success', msg_id: msgId, ...(msgDataId !== undefined ? { msg_data_id: msgDataId } : {}) };
	}

	private massSendAll(body: Record<string, unknown>): Reply {
		const filter = body.filter as { is_to_all?: unknown; tag_id?: unknown } | undefined;
		if (!filter || typeof filter !== 'object') return this.error(44002, 'empty post data');
		if (filter.is_to_all === true) return this.submitMass(body, [...this.context.followers().ids]);
		// WeChat names tags "groups" here, from before tags replaced them.
		const tag = this.context.account.tags.get(Number(filter.tag_id));
		if (filter.tag_id === undefined || !tag) return this.error(40050, 'invalid group id');
		return this.submitMass(
			body,
			tag.members.filter((openid) => this.isFollower(openid)),
		);
	}

	private massSend(body: Record<string, unknown>): Reply {
		const list = body.touser;
		if (!Array.isArray(list) || list.length < MASS_LIST.min) return this.error(40130, 'invalid openid list size, at least two openid');
		if (list.length > MASS_LIST.max) return this.error(40032, 'invalid openid list size');
		// OpenIDs that are not followers (now) are skipped without an error; each one counts once.
		const recipients = [...new Set(list)].filter((openid): openid is string => typeof openid === 'string' && this.isFollower(openid));
		return this.submitMass(body, recipients);
	}

	private massPreview(body: Record<string, unknown>): Reply {
		// towxname wins over touser, as WeChat documents it.
		let openid = body.touser;
		if (body.towxname !== undefined) {
			openid = this.wechatIds.get(String(body.towxname));
			if (openid === undefined) return this.error(40132, 'invalid username');
		}
		const problem = this.recipientProblem(openid) ?? this.contentProblem(body, this.massParts);
		if (problem) return problem;
		const msgId = this.nextMassId++;
		this.deliver('preview', [openid as string], msgId, body);
		return { errcode: 0, errmsg: 'preview success', msg_id: msgId };
	}

	/** WeChat does not document the errcode for a msg_id it does not know: 47003 (invalid argument) here. */
	private unknownMassJob(): Reply {
		return this.error(47003, 'argument invalid! msg_id invalid');
	}

	private massGet(body: Record<string, unknown>): Reply {
		const job = this.massJobs.get(Number(body.msg_id));
		if (!job) return this.unknownMassJob();
		return { msg_id: job.msgId, msg_status: job.status };
	}

	private massDelete(body: Record<string, unknown>): Reply {
		const job = this.massJobs.get(Number(body.msg_id));
		if (!job) return this.unknownMassJob();
		// article_idx 1.. deletes one article; absent or 0 deletes the whole message.
		const articleIdx = Number(body.article_idx ?? 0);
		if (articleIdx > 0) job.deletedArticles.push(articleIdx);
		else job.status = 'DELETE';
		return this.ok();
	}

	private massSpeedSet(body: Record<string, unknown>): Reply {
		const speed = body.speed;
		if (typeof speed !== 'number' || !Number.isInteger(speed) || speed < 0 || speed >= MASS_SPEEDS.length) {
			return this.error(47003, 'argument invalid! speed invalid');
		}
		this.massSpeed = speed;
		return this.ok();
	}

	// ---- subscription notices ----

	private subscribeSend(body: Record<string, unknown>): Reply {
		const problem =
			this.recipientProblem(body.touser) ??
			this.templateProblem(body.template_id, this.templates.subscriptionTemplates) ??
			this.dataProblem(body.data) ??
			(this.subscribeRefused.has(body.touser as string) ? this.error(43101, 'user refuse to accept the msg') : undefined);
		if (problem) return problem;
		// bizsend answers no msgid.
		this.deliver('subscribe', [body.touser as string], 0, body);
		return this.ok();
	}
}
