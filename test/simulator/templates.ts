/**
 * The templates of the simulated account: private template-message templates (template/*), the
 * two industries they belong to, the library api_add_template picks from, and the
 * subscription-notice templates (wxaapi/newtmpl/gettemplate). Sending them is messaging.ts.
 */
type Reply = Record<string, unknown>;

export interface PrivateTemplate {
	template_id: string;
	title: string;
	primary_industry: string;
	deputy_industry: string;
	/** `{{key.DATA}}` placeholders, one a line */
	content: string;
	example: string;
}

export interface SubscriptionTemplate {
	priTmplId: string;
	title: string;
	content: string;
	example: string;
	/** 2: one-time, 3: long-term */
	type: number;
}

/** Template IDs are 43 characters, like real ones. */
export const TEMPLATE_ORDER_SHIPPED = 'TPL_ORDER_SHIPPED_0000000000000000000000000';
/** the newer style of keys: thing1, time2, character_string3 */
export const TEMPLATE_PICKUP_READY = 'TPL_PICKUP_READY_00000000000000000000000000';
export const TEMPLATE_PAYMENT_RECEIVED = 'TPL_PAYMENT_RECEIVED_0000000000000000000000';

/** Short IDs of the template library that api_add_template knows. */
export const LIBRARY_ORDER_STATUS = 'TM00015';
/** a newer-style library template, whose keywords keyword_name_list can pick */
export const LIBRARY_APPOINTMENT = 'OPENTM411999701';

export const SUBSCRIPTION_ORDER_STATUS = 'SUB_ORDER_STATUS_00000000000000000000000000';
export const SUBSCRIPTION_APPOINTMENT = 'SUB_APPOINTMENT_000000000000000000000000000';

/** Most private templates an account may hold (45026 beyond). */
export const MAX_PRIVATE_TEMPLATES = 25;

/** WeChat's industry codes for template messages (api_set_industry): first and second class. */
export const INDUSTRIES: ReadonlyMap<number, { first_class: string; second_class: string }> = new Map(
	(
		[
			[1, 'IT科技', '互联网|电子商务'],
			[2, 'IT科技', 'IT软件与服务'],
			[3, 'IT科技', 'IT硬件与设备'],
			[4, 'IT科技', '电子技术'],
			[5, 'IT科技', '通信与运营商'],
			[6, 'IT科技', '网络游戏'],
			[7, '金融业', '银行'],
			[8, '金融业', '基金理财信托'],
			[9, '金融业', '保险'],
			[10, '餐饮', '餐饮'],
			[11, '酒店旅游', '酒店'],
			[12, '酒店旅游', '旅游'],
			[13, '运输与仓储', '快递'],
			[14, '运输与仓储', '物流'],
			[15, '运输与仓储', '仓储'],
			[16, '教育', '培训'],
			[17, '教育', '院校'],
			[18, '政府与公共事业', '学术科研'],
			[19, '政府与公共事业', '交警'],
			[20, '政府与公共事业', '博物馆'],
			[21, '政府与公共事业', '公共事业|非盈利机构'],
			[22, '医药护理', '医药医疗'],
			[23, '医药护理', '护理美容'],
			[24, '医药护理', '保健与卫生'],
			[25, '交通工具', '汽车相关'],
			[26, '交通工具', '摩托车相关'],
			[27, '交通工具', '火车相关'],
			[28, '交通工具', '飞机相关'],
			[29, '房地产', '建筑'],
			[30, '房地产', '物业'],
			[31, '消费品', '消费品'],
			[32, '商业服务', '法律'],
			[33, '商业服务', '会展'],
			[34, '商业服务', '中介服务'],
			[35, '商业服务', '认证'],
			[36, '商业服务', '审计'],
			[37, '文体娱乐', '传媒'],
			[38, '文体娱乐', '体育'],
			[39, '文体娱乐', '娱乐休闲'],
			[40, '印刷', '印刷'],
			[41, '其它', '其它'],
		] as const
	).map(([id, first_class, second_class]) => [id, { first_class, second_class }]),
);

const SEEDED_TEMPLATES: PrivateTemplate[] = [
	{
		template_id: TEMPLATE_ORDER_SHIPPED,
		title: 'Order shipped',
		primary_industry: 'IT科技',
		deputy_industry: '互联网|电子商务',
		content: '{{first.DATA}}\nOrder: {{keyword1.DATA}}\nCarrier: {{keyword2.DATA}}\nShipped at: {{keyword3.DATA}}\n{{remark.DATA}}',
		example: 'Your order is on its way\nOrder: 2026031500042\nCarrier: SF Express\nShipped at: 2026-03-15 14:30\nThank you for shopping with us',
	},
	{
		template_id: TEMPLATE_PICKUP_READY,
		title: 'Ready for pickup',
		primary_industry: 'IT科技',
		deputy_industry: '互联网|电子商务',
		content: 'Store: {{thing1.DATA}}\nPickup before: {{time2.DATA}}\nPickup code: {{character_string3.DATA}}',
		example: 'Store: Xuhui flagship\nPickup before: 2026-03-16 21:00\nPickup code: A1234',
	},
	{
		template_id: TEMPLATE_PAYMENT_RECEIVED,
		title: 'Payment received',
		primary_industry: 'IT科技',
		deputy_industry: 'IT软件与服务',
		content: '{{first.DATA}}\nAmount: {{keyword1.DATA}}\nPaid at: {{keyword2.DATA}}\n{{remark.DATA}}',
		example: 'We received your payment\nAmount: ¥99.00\nPaid at: 2026-03-15 10:02\nYour subscription is active',
	},
];

interface LibraryTemplate {
	title: string;
	primary_industry: string;
	deputy_industry: string;
	/** the classic style wraps the keywords in {{first}} and {{remark}} */
	classic: boolean;
	/** each keyword keeps its key whichever keywords are picked, as in WeChat's library */
	keywords: Array<{ name: string; key: string; example: string }>;
}

const LIBRARY = new Map<string, LibraryTemplate>([
	[
		LIBRARY_ORDER_STATUS,
		{
			title: 'Order status update',
			primary_industry: 'IT科技',
			deputy_industry: '互联网|电子商务',
			classic: true,
			keywords: [
				{ name: 'Order', key: 'keyword1', example: '2026031500042' },
				{ name: 'Status', key: 'keyword2', example: 'Delivered' },
			],
		},
	],
	[
		LIBRARY_APPOINTMENT,
		{
			title: 'Appointment confirmed',
			primary_industry: 'IT科技',
			deputy_industry: 'IT软件与服务',
			classic: false,
			keywords: [
				{ name: 'Service', key: 'thing1', example: 'Annual check-up' },
				{ name: 'Time', key: 'time2', example: '2026-03-20 09:30' },
				{ name: 'Booking number', key: 'character_string3', example: 'BK-20260320-7' },
				{ name: 'Notes', key: 'thing4', example: 'Bring your ID card' },
			],
		},
	],
]);

const SEEDED_SUBSCRIPTION_TEMPLATES: SubscriptionTemplate[] = [
	{
		priTmplId: SUBSCRIPTION_ORDER_STATUS,
		title: 'Order status',
		content: 'Order: {{character_string1.DATA}}\nStatus: {{phrase2.DATA}}',
		example: 'Order: 2026031500042\nStatus: Shipped',
		type: 2,
	},
	{
		priTmplId: SUBSCRIPTION_APPOINTMENT,
		title: 'Appointment reminder',
		content: 'Service: {{thing1.DATA}}\nTime: {{time2.DATA}}',
		example: 'Service: Annual check-up\nTime: 2026-03-20 09:30',
		type: 2,
	},
];

export class SimulatedTemplates {
	/** by template_id, in the order they were added */
	readonly privateTemplates = new Map<string, PrivateTemplate>(SEEDED_TEMPLATES.map((template) => [template.template_id, { ...template }]));
	readonly subscriptionTemplates = new Map<string, SubscriptionTemplate>(
		SEEDED_SUBSCRIPTION_TEMPLATES.map((template) => [template.priTmplId, { ...template }]),
	);
	/** the two industry codes set with api_set_industry */
	industry: [number, number] = [1, 2];
	private serial = 0;

	constructor(private readonly rid: () => string) {}

	route(path: string, body: Record<string, unknown>): Reply | undefined {
		switch (path) {
			case '/cgi-bin/template/get_all_private_template':
				return { template_list: [...this.privateTemplates.values()] };
			case '/cgi-bin/template/del_private_template':
				if (typeof body.template_id !== 'string' || !this.privateTemplates.delete(body.template_id)) return this.invalidTemplate();
				return { errcode: 0, errmsg: 'ok' };
			case '/cgi-bin/template/api_add_template':
				return this.addTemplate(body);
			case '/cgi-bin/template/api_set_industry':
				return this.setIndustry(body);
			case '/cgi-bin/template/get_industry': {
				const [primary, secondary] = this.industry.map((id) => INDUSTRIES.get(id)!);
				return { primary_industry: primary, secondary_industry: secondary };
			}
			case '/wxaapi/newtmpl/gettemplate':
				return { errcode: 0, errmsg: 'ok', data: [...this.subscriptionTemplates.values()] };
			default:
				return undefined;
		}
	}

	invalidTemplate(): Reply {
		return { errcode: 40037, errmsg: `invalid template_id rid: ${this.rid()}` };
	}

	private addTemplate(body: Record<string, unknown>): Reply {
		const library = LIBRARY.get(String(body.template_id_short ?? ''));
		if (!library) return this.invalidTemplate();
		let keywords = library.keywords;
		const names = body.keyword_name_list;
		if (names !== undefined && !(Array.isArray(names) && names.length === 0)) {
			// WeChat's errcode for keywords the library template does not have is not confirmed:
			// 47003 (invalid argument) here.
			if (!Array.isArray(names) || !names.every((name) => library.keywords.some((keyword) => keyword.name === name))) {
				return { errcode: 47003, errmsg: `argument invalid! keyword_name_list invalid rid: ${this.rid()}` };
			}
			keywords = names.map((name) => library.keywords.find((keyword) => keyword.name === name)!);
		}
		if (this.privateTemplates.size >= MAX_PRIVATE_TEMPLATES) return { errcode: 45026, errmsg: `template num exceeds limit rid: ${this.rid()}` };
		this.serial++;
		const head = `TPL_ADDED_${this.serial}_`;
		const templateId = head + 'x'.repeat(43 - head.length);
		const lines = keywords.map((keyword) => `${keyword.name}: {{${keyword.key}.DATA}}`);
		const examples = keywords.map((keyword) => `${keyword.name}: ${keyword.example}`);
		this.privateTemplates.set(templateId, {
			template_id: templateId,
			title: library.title,
			primary_industry: library.primary_industry,
			deputy_industry: library.deputy_industry,
			content: (library.classic ? ['{{first.DATA}}', ...lines, '{{remark.DATA}}'] : lines).join('\n'),
			example: examples.join('\n'),
		});
		return { errcode: 0, errmsg: 'ok', template_id: templateId };
	}

	private setIndustry(body: Record<string, unknown>): Reply {
		// Codes come as strings ("1"); plain numbers are taken too.
		const ids = [body.industry_id1, body.industry_id2].map((id) => (/^\d+$/.test(String(id ?? '')) ? Number(id) : NaN));
		if (!ids.every((id) => INDUSTRIES.has(id))) return { errcode: 40102, errmsg: `invalid industry id rid: ${this.rid()}` };
		this.industry = [ids[0], ids[1]];
		return { errcode: 0, errmsg: 'ok' };
	}
}
