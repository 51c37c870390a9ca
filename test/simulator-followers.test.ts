import { createHash } from 'node:crypto';

import { FollowerList, simulatedOpenidIndex } from './simulator/followers';
import { WeChatSimulator, simulatedOpenid } from './simulator/simulator';

describe('the simulator generates its followers from their positions', () => {
	it('serves 10,000,000 followers page by page without holding them, each OpenID shaped like WeChat\'s', () => {
		const list = new FollowerList(10_000_000);
		expect(list.length).toBe(10_000_000);
		const last = list.slice(9_999_990, 10_000_010);
		expect(last).toHaveLength(10);
		for (const openid of last) expect(openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
		expect(new Set(last).size).toBe(10);
		expect(list.indexOf(last[9])).toBe(9_999_999);
		expect(list.indexOf(simulatedOpenid(10_000_000))).toBeUndefined();
	});

	it('knows the position of each of its OpenIDs and of nothing else', () => {
		const list = new FollowerList(5000);
		const ids = list.slice(0, 5000);
		expect(new Set(ids).size).toBe(5000);
		expect(ids.every((openid, index) => list.indexOf(openid) === index)).toBe(true);
		for (const other of ['', 'oSIMx', `${ids[3].slice(0, 27)}!`, `${ids[3]}A`, `oSIMx01${ids[3].slice(7)}`, 'oLVPpjqs9BhvzwPj5A-vTYAX3GLc']) {
			expect(list.indexOf(other)).toBeUndefined();
			expect(simulatedOpenidIndex(other)).toBeUndefined();
		}
	});

	it('digests the list in order, joined by newlines, as a hash of the whole text would', () => {
		const sim = new WeChatSimulator({ followers: 25_001 });
		const expected = createHash('sha256').update(sim.allFollowers().join('\n')).digest('hex');
		sim.setFollowers(25_001);
		expect(sim.followersDigest()).toEqual({ count: 25_001, sha256: expected });
		sim.setFollowers(['b', 'a']);
		expect(sim.followersDigest()).toEqual({ count: 2, sha256: createHash('sha256').update('b\na').digest('hex') });
		sim.setFollowers(0);
		expect(sim.followersDigest()).toEqual({ count: 0, sha256: createHash('sha256').update('').digest('hex') });
	});

	it('digests 10,000,000 followers page by page, never building an array of them', () => {
		const list = new FollowerList(10_000_000);
		const slice = jest.spyOn(list, 'slice');
		const all = jest.spyOn(list, 'all');
		const { count, sha256 } = list.digest();
		expect(count).toBe(10_000_000);
		expect(sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(all).not.toHaveBeenCalled();
		expect(slice).toHaveBeenCalledTimes(1000);
		expect(Math.max(...slice.mock.calls.map(([start, end]) => end! - start))).toBe(10_000);
	});

	it('shifts the list when a follower unfollows, as before', () => {
		const sim = new WeChatSimulator({ followers: 5 });
		const [a, b, c, d, e] = sim.allFollowers();
		sim.unfollow(c);
		expect(sim.allFollowers()).toEqual([a, b, d, e]);
		expect(sim.account.isKnownUser(c)).toBe(true);
		sim.setFollowers(3);
		expect(sim.allFollowers()).toEqual([a, b, c]);
	});
});
