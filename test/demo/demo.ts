/**
 * `npm run demo`: the node pulls 23,000 followers (the size of the WeChat documentation's own
 * example) from the bundled simulator, inside n8n-core's execution context, and prints what it
 * took. A second execution shows the stored token being reused.
 */
import { Fixture, openidsOf } from '../harness/fixture';

async function main() {
	const followers = Number(process.env.DEMO_FOLLOWERS ?? 23_000);
	const fixture = await Fixture.start({ followers });
	try {
		console.log(`WeChat simulator with ${followers} followers on ${fixture.sim.baseUrl}\n`);
		for (const run of ['first execution (no stored token)', 'second execution (stored token)']) {
			fixture.sim.clearLog();
			const started = process.hrtime.bigint();
			const items = await fixture.getFollowers({ returnAll: true });
			const ms = Number(process.hrtime.bigint() - started) / 1e6;
			const openids = openidsOf(items);
			console.log(`${run}:`);
			console.log(`  followers received  ${openids.length} (distinct: ${new Set(openids).size})`);
			console.log(`  user/get pages      ${fixture.sim.requests('/cgi-bin/user/get').length}`);
			console.log(`  token calls         ${fixture.sim.tokenCalls().length}`);
			console.log(`  time                ${ms.toFixed(0)} ms`);
			console.log(`  first item          ${JSON.stringify(items[0]?.json)}\n`);
			if (openids.length !== followers || new Set(openids).size !== followers) {
				throw new Error('the demo did not receive every follower exactly once');
			}
		}
	} finally {
		await fixture.stop();
	}
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
