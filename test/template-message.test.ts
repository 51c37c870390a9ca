import { Fixture, errorOf, openidItems } from './harness/fixture';
import { LIBRARY_ORDER_STATUS, TEMPLATE_ORDER_SHIPPED } from './simulator/templates';

let fixture: Fixture;
afterEach(async () => await fixture?.stop());

const SEND = '/cgi-bin/message/template/send';

/** The Fields mapper as the editor stores it after the user filled it in. */
const fields = (value: Record<string, string>) => ({ mappingMode: 'defineBelow', value });

const shipped = {
	templateId: TEMPLATE_ORDER_SHIPPED,
	templateData: fields({ first: 'Your order has shipped', keyword1: '={{ $json.order }}', keyword2: 'SF Express', remark: 'Thank you' }),
};

function orderItems(openids: readonly string[]) {
	return openids.map((openid, index) => ({ json: { openid, order: `A-${index + 1}` } }));
}

describe('Template Message → templates and fields in the editor', () => {
	test('the Template dropdown lists the private templates; the fields are read from the content', async () => {
		fixture = await Fixture.start();
		const options = await fixture.loadOptions('getTemplates');
		expect(options.map((option) => option.value)).toContain(TEMPLATE_ORDER_SHIPPED);
		expect(options.find((option) => option.value === TEMPLATE_ORDER_SHIPPED)?.name).toBe('Order shipped');

		const mapped = await fixture.resourceMapping('getTemplateFields', { resource: 'templateMessage', operation: 'send', templateId: TEMPLATE_ORDER_SHIPPED });
		expect(mapped.fields.map((field) => field.id)).toEqual(['first', 'keyword1', 'keyword2', 'keyword3', 'remark']);

		const none = await fixture.resourceMapping('getTemplateFields', { resource: 'templateMessage', operation: 'send', templateId: '' });
		expect(none.fields).toEqual([]);
		expect(none.emptyFieldsNotice).toContain('Choose a template');
	});

	test('Get Templates outputs each template with its field names', async () => {
		fixture = await Fixture.start();
		const templates = await fixture.run('templateMessage.getTemplates');
		const shippedTemplate = templates.find((item) => item.json.template_id === TEMPLATE_ORDER_SHIPPED)!;
		expect(shippedTemplate.json.fields).toEqual(['first', 'keyword1', 'keyword2', 'keyword3', 'remark']);
		expect(templates.length).toBe(fixture.sim.messaging.templates.privateTemplates.size);
	});

	test('Add, Delete, Get and Set Industry', async () => {
		fixture = await Fixture.start();
		const [added] = await fixture.run('templateMessage.addTemplate', { templateIdShort: LIBRARY_ORDER_STATUS });
		const templateId = added.json.template_id as string;
		expect(fixture.sim.messaging.templates.privateTemplates.has(templateId)).toBe(true);
		await fixture.run('templateMessage.deleteTemplate', { templateId });
		expect(fixture.sim.messaging.templates.privateTemplates.has(templateId)).toBe(false);

		const error = await errorOf(() => fixture.run('templateMessage.deleteTemplate', { templateId }));
		expect(error.message).toContain('errcode 40037');

		await fixture.run('templateMessage.setIndustry', { primaryIndustry: 1, secondaryIndustry: 2 });
		const [industry] = await fixture.run('templateMessage.getIndustry');
		expect(industry.json).toEqual({
			primary_industry: { first_class: expect.any(String), second_class: expect.any(String) },
			secondary_industry: { first_class: expect.any(String), second_class: expect.any(String) },
		});
		expect(fixture.sim.requests('/cgi-bin/template/api_set_industry')[0].body).toEqual({ industry_id1: '1', industry_id2: '2' });
	});
});

describe('Template Message → Send', () => {
	test('one message per item with the mapped fields, in input order, each delivered once', async () => {
		fixture = await Fixture.start({ followers: 30, latencyMs: 5 });
		const openids = fixture.sim.allFollowers().slice(0, 30);
		const output = await fixture.run('templateMessage.send', { ...shipped, options: { url: 'https://example.com/o' } }, { input: orderItems(openids) });

		expect(output.map((item) => item.json.openid)).toEqual(openids);
		expect(output.map((item) => (item.pairedItem as { item: number }).item)).toEqual(openids.map((_, index) => index));
		expect(fixture.sim.callCount(SEND)).toBe(30);
		const counts = fixture.sim.messaging.deliveryCounts();
		for (const openid of openids) expect(counts.get(openid)).toBe(1);
		const first = fixture.sim.messaging.deliveredTo(openids[0])[0];
		expect(first.payload).toMatchObject({
			template_id: TEMPLATE_ORDER_SHIPPED,
			url: 'https://example.com/o',
			data: { first: { value: 'Your order has shipped' }, keyword1: { value: 'A-1' }, keyword2: { value: 'SF Express' }, remark: { value: 'Thank you' } },
		});
		// the msgid WeChat answered, per item
		expect(output[0].json.msgid).toBe(first.msgid);
		// Messages in Flight (default 5) bounds the sends at once, and they do overlap.
		expect(fixture.sim.maxConcurrent(SEND)).toBeLessThanOrEqual(5);
		expect(fixture.sim.maxConcurrent(SEND)).toBeGreaterThan(1);
	});

	test('Messages in Flight 1 sends one at a time', async () => {
		fixture = await Fixture.start({ followers: 6, latencyMs: 5 });
		await fixture.run('templateMessage.send', { ...shipped, options: { messagesInFlight: 1 } }, { input: orderItems(fixture.sim.allFollowers()) });
		expect(fixture.sim.maxConcurrent(SEND)).toBe(1);
	});

	test('"Map Automatically" takes the input fields of the same names', async () => {
		fixture = await Fixture.start({ followers: 1 });
		const [openid] = fixture.sim.allFollowers();
		await fixture.run(
			'templateMessage.send',
			{
				templateId: TEMPLATE_ORDER_SHIPPED,
				templateData: { mappingMode: 'autoMapInputData', value: null, schema: [{ id: 'first' }, { id: 'keyword1' }, { id: 'remark', removed: true }] },
			},
			{ input: [{ json: { openid, first: 'Hello', keyword1: 42, remark: 'not mapped', other: 'ignored' } }] },
		);
		expect(fixture.sim.messaging.deliveredTo(openid)[0].payload.data).toEqual({ first: { value: 'Hello' }, keyword1: { value: '42' } });
	});

	test('a send whose connection drops after WeChat accepted it is repeated with its key and delivered once', async () => {
		fixture = await Fixture.start({ followers: 4 });
		const openids = fixture.sim.allFollowers();
		fixture.sim.when(SEND, 2, () => fixture.sim.injectFault(SEND, 'dropAfterServing'));
		const output = await fixture.run('templateMessage.send', { ...shipped, options: { messagesInFlight: 1 } }, { input: orderItems(openids) });

		expect(fixture.sim.callCount(SEND)).toBe(5);
		for (const openid of openids) expect(fixture.sim.messaging.deliveredTo(openid)).toHaveLength(1);
		// The repeat carried the same client_msg_id and got the original msgid back.
		const second = fixture.sim.requests(SEND).filter((entry) => entry.body?.touser === openids[1]);
		expect(second).toHaveLength(2);
		expect(second[0].body?.client_msg_id).toBe(second[1].body?.client_msg_id);
		expect(output[1].json.msgid).toBe(fixture.sim.messaging.deliveredTo(openids[1])[0].msgid);
	});

	test('an answer lost, then the repeat refused (45009): the item says it may have been sent, not "not sent"', async () => {
		fixture = await Fixture.start({ followers: 3 });
		const openids = fixture.sim.allFollowers();
		fixture.sim.injectFault(SEND, 'dropAfterServing');
		fixture.sim.when(SEND, 2, () => fixture.sim.injectFault(SEND, { errcode: 45009, errmsg: 'reach max api daily quota limit rid: x' }));
		const output = await fixture.run('templateMessage.send', { ...shipped, options: { messagesInFlight: 1 } }, { input: orderItems(openids), continueOnFail: true });
		expect(output[0].json).toMatchObject({ sent: 'unknown', openid: openids[0] });
		expect(output[0].json.description).toContain('same Idempotency Key within');
		expect(output[1].json).toMatchObject({ sent: false, error: 'Not sent: the daily quota ran out at item 1' });
		expect(fixture.sim.messaging.deliveries.map((delivery) => delivery.openid)).toEqual([openids[0]]);
	});

	test('a template with no field value is refused before sending; Map Automatically without a schema reads the template once', async () => {
		fixture = await Fixture.start({ followers: 3 });
		const openids = fixture.sim.allFollowers();
		let error = await errorOf(() => fixture.run('templateMessage.send', { ...shipped, templateData: fields({ first: '' }) }, { input: orderItems(openids) }));
		expect(error.message).toBe('No field of the template has a value');
		expect(fixture.sim.callCount(SEND)).toBe(0);

		// A template chosen by expression: the editor could offer no fields, the schema is empty.
		const auto = { templateId: '={{ $json.template }}', templateData: { mappingMode: 'autoMapInputData', value: null, schema: [] } };
		const input = openids.map((openid) => ({ json: { openid, template: TEMPLATE_ORDER_SHIPPED, keyword1: 'A-1', unrelated: 'x' } }));
		await fixture.run('templateMessage.send', auto, { input });
		expect(fixture.sim.callCount('/cgi-bin/template/get_all_private_template')).toBe(1);
		expect(fixture.sim.messaging.deliveredTo(openids[2])[0].payload.data).toEqual({ keyword1: { value: 'A-1' } });
		error = await errorOf(() => fixture.run('templateMessage.send', auto, { input: [{ json: { openid: openids[0], template: TEMPLATE_ORDER_SHIPPED, other: 1 } }] }));
		expect(error.description).toContain('Map Automatically found no input field');
	});

	test('a token expiring mid-run costs no message and doubles none', async () => {
		fixture = await Fixture.start({ followers: 12 });
		const openids = fixture.sim.allFollowers();
		fixture.sim.when(SEND, 6, () => fixture.sim.expireAllTokens());
		const output = await fixture.run('templateMessage.send', shipped, { input: orderItems(openids) });
		expect(output.every((item) => item.json.msgid !== undefined)).toBe(true);
		expect(fixture.sim.requests(SEND).some((entry) => entry.errcode === 42001)).toBe(true);
		for (const openid of openids) expect(fixture.sim.messaging.deliveredTo(openid)).toHaveLength(1);
	});

	test('running the same workflow again within 10 minutes sends nothing twice (derived key)', async () => {
		fixture = await Fixture.start({ followers: 3 });
		const input = orderItems(fixture.sim.allFollowers());
		await fixture.run('templateMessage.send', shipped, { input });
		await fixture.run('templateMessage.send', shipped, { input });
		expect(fixture.sim.messaging.deliveries).toHaveLength(3);

		// Another content is another message.
		await fixture.run('templateMessage.send', { ...shipped, templateData: fields({ first: 'Second notice' }) }, { input });
		expect(fixture.sim.messaging.deliveries).toHaveLength(6);
	});

	test('an own Idempotency Key decides what is the same message; over 64 characters it is refused before sending', async () => {
		fixture = await Fixture.start({ followers: 1 });
		const input = orderItems(fixture.sim.allFollowers());
		await fixture.run('templateMessage.send', { ...shipped, options: { idempotencyKey: 'order-1' } }, { input });
		await fixture.run('templateMessage.send', { ...shipped, templateData: fields({ first: 'changed' }), options: { idempotencyKey: 'order-1' } }, { input });
		expect(fixture.sim.messaging.deliveries).toHaveLength(1);
		expect(fixture.sim.requests(SEND)[0].body?.client_msg_id).toBe('order-1');

		const error = await errorOf(() => fixture.run('templateMessage.send', { ...shipped, options: { idempotencyKey: 'k'.repeat(65) } }, { input }));
		expect(error.message).toContain('64 characters');
		expect(fixture.sim.callCount(SEND)).toBe(2);
	});

	test('with Continue, refused recipients become error items in place and the others are sent', async () => {
		fixture = await Fixture.start({ followers: 5 });
		const openids = [...fixture.sim.allFollowers()];
		fixture.sim.unfollow(openids[1]);
		fixture.sim.messaging.refusing.add(openids[3]);
		const input = orderItems([...openids, 'oNotAnOpenidOfThisAccount000']);
		const output = await fixture.run('templateMessage.send', shipped, { input, continueOnFail: true });

		expect(output).toHaveLength(6);
		expect(output.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(output[1].json).toMatchObject({ sent: false });
		expect(output[1].json.error).toContain('does not follow');
		expect(output[1].json.error).toContain('errcode 43004');
		expect(output[3].json.error).toContain('errcode 43101');
		expect(output[5].json.error).toContain('errcode 40003');
		for (const index of [0, 2, 4]) expect(output[index].json.msgid).toEqual(expect.any(Number));
		expect(fixture.sim.messaging.deliveries.map((delivery) => delivery.openid)).toEqual(expect.arrayContaining([openids[0], openids[2], openids[4]]));
		expect(fixture.sim.messaging.deliveries).toHaveLength(3);
	});

	test('without Continue the run stops at a refused recipient and says which items were sent', async () => {
		fixture = await Fixture.start({ followers: 10 });
		const openids = [...fixture.sim.allFollowers()];
		fixture.sim.unfollow(openids[3]);
		const error = await errorOf(() =>
			fixture.run('templateMessage.send', { ...shipped, options: { messagesInFlight: 1 } }, { input: orderItems(openids) }),
		);
		expect(error.message).toContain('errcode 43004');
		expect(error.description).toContain('Sent: items 1–3 (3 of 10).');
		expect(error.description).toContain('Not sent: items 4–10');
		expect(fixture.sim.callCount(SEND)).toBe(4);
	});

	test('the daily quota (45009) stops the run, with Continue too, and says from where to resume', async () => {
		fixture = await Fixture.start({ followers: 8 });
		fixture.sim.messaging.dailyQuota.set(SEND, 5);
		const input = orderItems(fixture.sim.allFollowers());
		const error = await errorOf(() => fixture.run('templateMessage.send', { ...shipped, options: { messagesInFlight: 1 } }, { input }));
		expect(error.message).toContain('errcode 45009');
		expect(error.description).toContain('Sent: items 1–5 (5 of 8).');
		expect(error.description).toContain('Not sent: items 6–8; run those items again.');

		fixture.sim.messaging.dailyQuota.set(SEND, 7);
		const output = await fixture.run('templateMessage.send', { ...shipped, templateData: fields({ first: 'other' }), options: { messagesInFlight: 1 } }, { input, continueOnFail: true });
		expect(output.filter((item) => item.json.msgid !== undefined)).toHaveLength(2);
		expect(output[2].json.error).toContain('errcode 45009');
		expect(output.slice(3).map((item) => item.json.error)).toEqual(Array(5).fill('Not sent: the daily quota ran out at item 3'));
		expect(output.slice(2).every((item) => item.json.sent === false)).toBe(true);
		// Nothing was tried after the quota ran out.
		expect(fixture.sim.callCount(SEND)).toBe(5 + 1 + 3);
	});

	test('an item without OpenID fails before anything is sent for it', async () => {
		fixture = await Fixture.start({ followers: 2 });
		const output = await fixture.run('templateMessage.send', shipped, { input: [{ json: { openid: '' } }, ...openidItems([fixture.sim.allFollowers()[0]])], continueOnFail: true });
		expect(output[0].json.error).toContain('has no OpenID');
		expect(output[1].json.msgid).toEqual(expect.any(Number));
		expect(fixture.sim.callCount(SEND)).toBe(1);
	});

	test('no secret in an error item', async () => {
		fixture = await Fixture.start({ followers: 1 });
		fixture.sim.injectFault(SEND, { httpStatus: 502 }, 10);
		const output = await fixture.run('templateMessage.send', shipped, { input: orderItems(fixture.sim.allFollowers()), continueOnFail: true });
		const text = JSON.stringify(output);
		for (const token of fixture.sim.issuedTokens()) expect(text).not.toContain(token);
		expect(text).not.toContain(fixture.sim.appSecret);
		expect(output[0].json.error).toContain('HTTP 502');
		// Keyed: safe to repeat, so the transient retries ran (1 + 4); a 502 may come after WeChat got it.
		expect(fixture.sim.callCount(SEND)).toBe(5);
		expect(output[0].json).toMatchObject({ sent: 'unknown', openid: fixture.sim.allFollowers()[0] });
	});
});
