import type { JsonObject } from 'n8n-workflow';
import { NodeApiError, UserError } from 'n8n-workflow';

import { tokenFailureOf } from '../nodes/WeChatOfficialAccount/transport/token';

const node = { id: 'n', name: 'WeChat', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

describe('Recognising a token failure behind n8n\'s wrapper', () => {
	test('n8n 2.x keeps the credential\'s error as cause', () => {
		const credentialError = new UserError('WeChat rejected the AppSecret (WeChat errcode 40125)', { description: 'Copy it.' });
		const wrapped = new NodeApiError(node, credentialError as unknown as JsonObject);
		expect(tokenFailureOf(wrapped)).toEqual({
			message: 'WeChat rejected the AppSecret (WeChat errcode 40125)',
			description: 'Copy it.',
			errcode: 40125,
			network: false,
		});
	});

	test('n8n 1.x keeps only message and description: still recognised', () => {
		// What n8n 1.123's NodeApiError leaves of the credential's error: no cause, no extra.
		const wrapped = { message: 'The WeChat token endpoint at api.weixin.qq.com could not be reached', description: 'Network error ECONNRESET.' };
		expect(tokenFailureOf(wrapped)).toMatchObject({ network: true, errcode: undefined });
		expect(tokenFailureOf({ message: 'WeChat is busy and kept answering "system error" after several retries (WeChat errcode -1)' })).toMatchObject({
			errcode: -1,
			network: false,
		});
	});

	test('other failures are not token failures', () => {
		expect(tokenFailureOf(new NodeApiError(node, { message: 'connect ECONNREFUSED 127.0.0.1:9' }))).toBeUndefined();
		expect(tokenFailureOf(undefined)).toBeUndefined();
	});
});
