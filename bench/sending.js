// Section 6: template messages to many followers, one call per follower, at a realistic round
// trip: one at a time against the default Messages in Flight, in-process (n8n-core's real
// ExecuteContext against the simulator). Also checks exactly one send call and one delivery each.
'use strict';

const path = require('node:path');

const { log } = require('../e2e/lib');

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

async function sendingBench(compiled, results, { size, latencyMs, concurrencies }) {
	const { Fixture } = require(path.join(compiled, 'test', 'harness', 'fixture.js'));
	const { TEMPLATE_ORDER_SHIPPED } = require(path.join(compiled, 'test', 'simulator', 'templates.js'));
	results.sending = [];
	for (const concurrency of concurrencies) {
		const fixture = await Fixture.start({ followers: size, latencyMs });
		try {
			const input = fixture.sim.allFollowers().map((openid) => ({ json: { openid } }));
			// A first call stores the token, as a scheduled workflow's earlier runs would have.
			await fixture.run('quota.get', {});
			const start = process.hrtime.bigint();
			const output = await fixture.run(
				'templateMessage.send',
				{
					templateId: TEMPLATE_ORDER_SHIPPED,
					templateData: { mappingMode: 'defineBelow', value: { first: 'Your order has shipped', keyword1: '={{ $json.openid }}' } },
					options: { messagesInFlight: concurrency },
				},
				{ input },
			);
			const elapsed = ms(start);
			const counts = fixture.sim.messaging.deliveryCounts();
			const entry = {
				size,
				latencyMs,
				concurrency,
				ms: elapsed,
				sendCalls: fixture.sim.callCount('/cgi-bin/message/template/send'),
				delivered: counts.size,
				eachOnce: [...counts.values()].every((count) => count === 1),
				inOrder: output.length === size && output.every((item, index) => item.json.openid === input[index].json.openid),
				peakInFlight: fixture.sim.maxConcurrent('/cgi-bin/message/template/send'),
			};
			results.sending.push(entry);
			// The figures mean nothing if a message was lost, doubled or reordered.
			if (!entry.eachOnce || !entry.inOrder || entry.sendCalls !== size || entry.delivered !== size) {
				log(`FAILED: template send N=${size} in flight=${concurrency} lost, doubled or reordered messages`);
				process.exitCode = 1;
			}
			log(`template send N=${size} latency=${latencyMs} in flight=${concurrency}: ${(elapsed / 1000).toFixed(1)} s, ${entry.sendCalls} calls, each once: ${entry.eachOnce}`);
		} finally {
			await fixture.stop();
		}
	}
}

function sendingReport(entries) {
	if (!entries?.length) return [];
	const [first] = entries;
	const sequential = entries.find((entry) => entry.concurrency === 1);
	const lines = ['', '## 6. Sending template messages', ''];
	lines.push(
		`Template Message → Send to ${first.size.toLocaleString('en')} followers (one input item each), in-process, every simulated request taking ${first.latencyMs} ms. "Messages in Flight" 1 sends one at a time; the default is 5. One run each.`,
		'',
		'| messages in flight | seconds | speed-up vs one at a time | send calls | followers reached | each exactly once | most in flight | outputs in input order |',
		'|---|---|---|---|---|---|---|---|',
	);
	for (const e of entries) {
		const speedUp = sequential ? `${(sequential.ms / e.ms).toFixed(1)}×` : '–';
		lines.push(
			`| ${e.concurrency} | ${(e.ms / 1000).toFixed(1)} | ${speedUp} | ${e.sendCalls.toLocaleString('en')} | ${e.delivered.toLocaleString('en')} | ${e.eachOnce ? 'yes' : '**no**'} | ${e.peakInFlight} | ${e.inOrder ? 'yes' : '**no**'} |`,
		);
	}
	return lines;
}

module.exports = { sendingBench, sendingReport };
