import { redactSecrets } from '../nodes/WeChatOfficialAccount/helpers/redact';

describe('redactSecrets', () => {
	test('masks access_token and secret fields of quoted URLs and bodies', () => {
		expect(
			redactSecrets('GET https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=abc123&x=1', []),
		).toBe('GET https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=***&x=1');
		expect(redactSecrets('/cgi-bin/user/get?access_token=87_ABCdef-xyz&next_openid=o1', [])).toBe(
			'/cgi-bin/user/get?access_token=***&next_openid=o1',
		);
		expect(redactSecrets('{"appid":"wx1","secret":"abc123","force_refresh":false}', [])).toBe(
			'{"appid":"wx1","secret":"***","force_refresh":false}',
		);
	});

	test('masks known secret values wherever they stand', () => {
		expect(redactSecrets('rejected 0123456789abcdef0123 twice: 0123456789abcdef0123', ['0123456789abcdef0123'])).toBe(
			'rejected *** twice: ***',
		);
	});

	test('leaves short or empty values alone, so ordinary words survive', () => {
		expect(redactSecrets('the cat sat', ['cat', '', undefined, 42])).toBe('the cat sat');
	});
});
