// Sending inside real n8n: template messages to followers from a pull (with refused recipients
// under "Continue" and a connection dropped after WeChat accepted one), an image uploaded from a
// binary property and sent as a customer-service message, and a mass message to a tag. The
// simulator's delivery log is the witness: every message delivered exactly once.
'use strict';

const assert = require('node:assert/strict');

const { wechatWorkflow, nodeOutput, assertNoSecret } = require('./lib');

const TEMPLATE_SEND = '/cgi-bin/message/template/send';
const CUSTOM_SEND = '/cgi-bin/message/custom/send';
// A 1×1 PNG.
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The Fields mapper as the editor saves it: values plus the schema it offered. */
function mappedFields(value) {
	return {
		mappingMode: 'defineBelow',
		value,
		matchingColumns: [],
		schema: Object.keys(value).map((id) => ({ id, displayName: id, required: false, defaultMatch: false, display: true, type: 'string', canBeUsedToMatch: false })),
	};
}

async function runMessagingChecks({ instance, sim, templates, credential, secrets, check }) {
	const label = `${instance.install.label}, messaging`;
	await instance.importWorkflows([
		wechatWorkflow('wechatMsgTempl01', 'Template message to every follower', credential, [
			{ name: 'Get followers', parameters: { resource: 'follower', operation: 'getAll', returnAll: true } },
			{
				name: 'Order shipped',
				onError: 'continueRegularOutput',
				parameters: {
					resource: 'templateMessage',
					operation: 'send',
					templateId: templates.TEMPLATE_ORDER_SHIPPED,
					templateData: mappedFields({ first: 'Your order has shipped', keyword1: '={{ "A-" + $itemIndex }}', keyword2: 'SF Express' }),
					options: { idempotencyKey: '={{ "e2e-" + $execution.id + "-" + $json.openid }}' },
				},
			},
		]),
	]);

	await check(`${label}: a template message to 1,000 followers from a pull: each delivered once, unfollowers as error items, a dropped answer not doubled`, async () => {
		sim.setFollowers(1000);
		const followers = [...sim.allFollowers()];
		// Seven people unfollow between the pull and the send.
		const leaving = [3, 100, 101, 500, 998, 999, 640].map((index) => followers[index]);
		sim.when(TEMPLATE_SEND, sim.callCount(TEMPLATE_SEND) + 1, () => leaving.forEach((openid) => sim.unfollow(openid)));
		// WeChat accepts one message and the connection breaks before its answer arrives.
		sim.when(TEMPLATE_SEND, sim.callCount(TEMPLATE_SEND) + 250, () => sim.injectFault(TEMPLATE_SEND, 'dropAfterServing'));
		const deliveriesBefore = sim.messaging.deliveries.length;
		const callsBefore = sim.callCount(TEMPLATE_SEND);
		const result = await instance.execute('wechatMsgTempl01');
		assert.equal(result.code, 0, result.stderr.slice(-2000));

		const items = nodeOutput(result.run, 'Received');
		assert.equal(items.length, 1000);
		const errors = items.filter((item) => item.json.error);
		assert.deepEqual(errors.map((item) => item.json.openid ?? followers[item.pairedItem.item]).sort(), [...leaving].sort());
		assert.ok(errors.every((item) => /errcode 43004/.test(item.json.error) && item.json.sent === false));
		assert.deepEqual(items.map((item) => item.pairedItem.item), followers.map((_, index) => index), 'outputs in input order, paired');
		const delivered = sim.messaging.deliveries.slice(deliveriesBefore).filter((delivery) => delivery.channel === 'template');
		assert.equal(delivered.length, 993);
		assert.equal(new Set(delivered.map((delivery) => delivery.openid)).size, 993, 'nobody got it twice');
		// 1,000 sends and the one repeat after the dropped answer
		assert.equal(sim.callCount(TEMPLATE_SEND) - callsBefore, 1001);
		assertNoSecret(result.stdout + result.stderr, secrets());
	});

	await check(`${label}: an image from a binary property, uploaded and sent as a customer-service message`, async () => {
		sim.setFollowers(5);
		const [openid] = sim.allFollowers();
		await instance.importWorkflows([imageWorkflow(credential, openid)]);
		const uploadsBefore = sim.media.temporary.size;
		const result = await instance.execute('wechatMsgImage01');
		assert.equal(result.code, 0, result.stderr.slice(-2000));
		const [uploaded] = nodeOutput(result.run, 'Upload');
		assert.equal(uploaded.json.type, 'image');
		assert.equal(sim.media.temporary.size, uploadsBefore + 1);
		const stored = sim.media.get(uploaded.json.media_id);
		assert.ok(stored, 'the simulator stored the upload');
		assert.equal(stored.fileName, 'photo.png');
		assert.ok(stored.data.equals(Buffer.from(PNG_BASE64, 'base64')), 'the bytes arrived unchanged');
		const sent = sim.messaging.deliveredTo(openid).filter((delivery) => delivery.channel === 'custom');
		assert.deepEqual(sent.map((delivery) => delivery.payload), [{ msgtype: 'image', image: { media_id: uploaded.json.media_id } }]);
		assert.deepEqual(nodeOutput(result.run, 'Received').map((item) => item.json), [{ openid, msgtype: 'image', sent: true }]);
	});

	await check(`${label}: a mass message to a tag reaches its members once`, async () => {
		sim.setFollowers(300);
		const members = sim.allFollowers().filter((_, index) => index % 3 === 0);
		const tagId = sim.account.addTag(`e2e-mass-${Date.now()}`, [...members]);
		await instance.importWorkflows([
			wechatWorkflow('wechatMsgMass001', 'Mass message to a tag', credential, [
				{ name: 'Tell the tag', parameters: { resource: 'massMessage', operation: 'send', target: 'tag', tagId, messageType: 'text', text: 'New this week' } },
			]),
		]);
		const before = sim.messaging.deliveries.length;
		const calls = sim.callCount('/cgi-bin/message/mass/sendall');
		const result = await instance.execute('wechatMsgMass001');
		assert.equal(result.code, 0, result.stderr.slice(-2000));
		assert.equal(sim.callCount('/cgi-bin/message/mass/sendall'), calls + 1);
		const delivered = sim.messaging.deliveries.slice(before);
		assert.deepEqual(delivered.map((delivery) => delivery.openid).sort(), [...members].sort());
		const [item] = nodeOutput(result.run, 'Received');
		assert.equal(item.json.msg_id, delivered[0].msgid);
		assertNoSecret(result.stdout + result.stderr, secrets());
	});
}

/** Set (an OpenID and a PNG as base64) → Convert to File → Media → Upload → Customer Service → Send. */
function imageWorkflow(credential, openid) {
	return wechatWorkflow('wechatMsgImage01', 'Upload an image, send it to a follower', credential, [
		{
			name: 'Photo as base64',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [
						{ id: 'e2e-openid', name: 'openid', value: openid, type: 'string' },
						{ id: 'e2e-image', name: 'image', value: PNG_BASE64, type: 'string' },
					],
				},
				options: {},
			},
		},
		{
			name: 'Photo file',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			parameters: { operation: 'toBinary', sourceProperty: 'image', binaryPropertyName: 'data', options: { fileName: 'photo.png', mimeType: 'image/png' } },
		},
		{ name: 'Upload', parameters: { resource: 'media', operation: 'upload', type: 'image', binaryPropertyName: 'data' } },
		{
			name: 'Send image',
			parameters: {
				resource: 'customerServiceMessage',
				operation: 'send',
				openid: "={{ $('Photo as base64').item.json.openid }}",
				messageType: 'image',
				mediaId: '={{ $json.media_id }}',
			},
		},
	]);
}

module.exports = { runMessagingChecks, mappedFields };
