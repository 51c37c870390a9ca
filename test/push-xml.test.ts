import { XmlError, buildWeChatXml, parseWeChatXml } from '../nodes/WeChatOfficialAccount/push/xml';

describe('reading WeChat XML', () => {
	test("the documentation's text message: CDATA, plain numbers, whitespace between fields", () => {
		const xml = `<xml>
  <ToUserName><![CDATA[toUser]]></ToUserName>
  <FromUserName><![CDATA[fromUser]]></FromUserName>
  <CreateTime>1348831860</CreateTime>
  <MsgType><![CDATA[text]]></MsgType>
  <Content><![CDATA[this is a test]]></Content>
  <MsgId>1234567890123456</MsgId>
  <MsgDataId>xxxx</MsgDataId>
  <Idx>xxxx</Idx>
</xml>`;
		expect(parseWeChatXml(xml)).toEqual({
			ToUserName: 'toUser',
			FromUserName: 'fromUser',
			CreateTime: '1348831860',
			MsgType: 'text',
			Content: 'this is a test',
			MsgId: '1234567890123456',
			MsgDataId: 'xxxx',
			Idx: 'xxxx',
		});
	});

	test('text keeps its case and whitespace; entities and character references are decoded', () => {
		expect(parseWeChatXml('<xml><Content>  A &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#20013;&#x6587; &#x1F600;  </Content></xml>')).toEqual({
			Content: '  A <b> & "c" \'d\' 中文 😀  ',
		});
		expect(parseWeChatXml('<xml><Content><![CDATA[a]]>&amp;<![CDATA[<b>&amp;]]></Content></xml>').Content).toBe('a&<b>&amp;');
		expect(parseWeChatXml('<xml><Content><![CDATA[多行\n文本 ✓]]></Content></xml>').Content).toBe('多行\n文本 ✓');
	});

	test('nested elements: ScanCodeInfo, SendLocationInfo, SendPicsInfo with its item list', () => {
		const scan = parseWeChatXml(
			'<xml><Event><![CDATA[scancode_push]]></Event><ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType><ScanResult><![CDATA[1]]></ScanResult></ScanCodeInfo></xml>',
		);
		expect(scan.ScanCodeInfo).toEqual({ ScanType: 'qrcode', ScanResult: '1' });
		const location = parseWeChatXml(
			'<xml><SendLocationInfo><Location_X><![CDATA[23]]></Location_X><Location_Y><![CDATA[113]]></Location_Y><Scale><![CDATA[15]]></Scale><Label><![CDATA[ 广州市]]></Label><Poiname><![CDATA[]]></Poiname></SendLocationInfo></xml>',
		);
		expect(location.SendLocationInfo).toEqual({ Location_X: '23', Location_Y: '113', Scale: '15', Label: ' 广州市', Poiname: '' });
		const one = parseWeChatXml('<xml><SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum><![CDATA[1b5f7c23b5bf75682a53e7b6d163e185]]></PicMd5Sum></item></PicList></SendPicsInfo></xml>');
		expect(one.SendPicsInfo).toEqual({ Count: '1', PicList: { item: [{ PicMd5Sum: '1b5f7c23b5bf75682a53e7b6d163e185' }] } });
		const two = parseWeChatXml('<xml><SendPicsInfo><Count>2</Count><PicList><item><PicMd5Sum>a</PicMd5Sum></item><item><PicMd5Sum>b</PicMd5Sum></item></PicList></SendPicsInfo></xml>');
		expect(two.SendPicsInfo).toEqual({ Count: '2', PicList: { item: [{ PicMd5Sum: 'a' }, { PicMd5Sum: 'b' }] } });
	});

	test("a mass-send report's result lists, and repeated elements other than item become lists", () => {
		const report = parseWeChatXml(`<xml><ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName><FromUserName><![CDATA[oV5CrjpxgaGXNHIQigzNlgLTnwic]]></FromUserName><CreateTime>1481013459</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[MASSSENDJOBFINISH]]></Event><MsgID>1000001625</MsgID><Status><![CDATA[err(30003)]]></Status><TotalCount>0</TotalCount><FilterCount>0</FilterCount><SentCount>0</SentCount><ErrorCount>0</ErrorCount>
<CopyrightCheckResult><Count>2</Count><ResultList><item><ArticleIdx>1</ArticleIdx><UserDeclareState>0</UserDeclareState><AuditState>2</AuditState><OriginalArticleUrl><![CDATA[Url_1]]></OriginalArticleUrl><OriginalArticleType>1</OriginalArticleType><CanReprint>1</CanReprint><NeedReplaceContent>1</NeedReplaceContent><NeedShowReprintSource>1</NeedShowReprintSource></item><item><ArticleIdx>2</ArticleIdx><UserDeclareState>0</UserDeclareState><AuditState>2</AuditState><OriginalArticleUrl><![CDATA[Url_2]]></OriginalArticleUrl><OriginalArticleType>1</OriginalArticleType><CanReprint>1</CanReprint><NeedReplaceContent>1</NeedReplaceContent><NeedShowReprintSource>1</NeedShowReprintSource></item></ResultList><CheckState>2</CheckState></CopyrightCheckResult>
<ArticleUrlResult><Count>1</Count><ResultList><item><ArticleIdx>1</ArticleIdx><ArticleUrl><![CDATA[https://mp.weixin.qq.com/s/x]]></ArticleUrl></item></ResultList></ArticleUrlResult></xml>`);
		expect(report.MsgID).toBe('1000001625');
		expect((report.CopyrightCheckResult as { ResultList: { item: unknown[] } }).ResultList.item).toHaveLength(2);
		expect(report.ArticleUrlResult).toEqual({ Count: '1', ResultList: { item: [{ ArticleIdx: '1', ArticleUrl: 'https://mp.weixin.qq.com/s/x' }] } });
		expect(parseWeChatXml('<xml><A>1</A><A>2</A><A>3</A></xml>')).toEqual({ A: ['1', '2', '3'] });
		const popup = parseWeChatXml('<xml><SubscribeMsgPopupEvent><List><TemplateId>t1</TemplateId><SubscribeStatusString>accept</SubscribeStatusString></List></SubscribeMsgPopupEvent></xml>');
		expect(popup.SubscribeMsgPopupEvent).toEqual({ List: [{ TemplateId: 't1', SubscribeStatusString: 'accept' }] });
	});

	test('an XML declaration, comments, self-closing and attribute-carrying elements are accepted', () => {
		expect(parseWeChatXml('<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><xml><A/><B x="1" y=\'&amp;\'>b</B><!-- in --></xml>\n')).toEqual({ A: '', B: 'b' });
		expect(parseWeChatXml('<xml></xml>')).toEqual({});
	});

	test.each([
		['a DOCTYPE', '<!DOCTYPE xml [<!ENTITY x "y">]><xml><A>&x;</A></xml>', /DOCTYPE/],
		['an ENTITY declaration inside', '<xml><!ENTITY x "y"><A>1</A></xml>', /DOCTYPE and ENTITY/],
		['an unknown entity', '<xml><A>&x;</A></xml>', /unknown entity &x;/],
		['a bare ampersand', '<xml><A>fish & chips</A></xml>', /starts no entity/],
		['a reference to a character XML forbids', '<xml><A>&#0;</A></xml>', /not a character/],
		['truncated input', '<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUser', /ends inside a tag/],
		['an unclosed element', '<xml><A>1</A>', /<xml> is not closed/],
		['an unclosed CDATA', '<xml><A><![CDATA[1</A></xml>', /CDATA section is not closed/],
		['a mismatched closing tag', '<xml><A>1</B></xml>', /<\/B> closes <A>/],
		['another root', '<root><A>1</A></root>', /root element is <root>/],
		['text in the root', '<xml>hello</xml>', /holds text/],
		['mixed content', '<xml><A>1<B>2</B></A></xml>', /mixes text and elements/],
		['content after the root', '<xml></xml><xml></xml>', /after the root/],
		['a processing instruction inside', '<xml><?php ?></xml>', /processing instructions/],
		['a __proto__ element', '<xml><__proto__><polluted>1</polluted></__proto__></xml>', /not accepted/],
		['"]]>" in plain text', '<xml><A>a]]>b</A></xml>', /outside a CDATA section/],
		['not XML at all', '{"ToUserName":"x"}', /expected the root element/],
		['an empty body', '', /expected the root element/],
	])('refuses %s', (_what, xml, reason) => {
		expect(() => parseWeChatXml(xml)).toThrow(XmlError);
		expect(() => parseWeChatXml(xml)).toThrow(reason);
	});

	test('refuses nesting beyond 12 levels and more than 5,000 elements, without recursing further', () => {
		const deep = `${'<a>'.repeat(20)}x${'</a>'.repeat(20)}`;
		expect(() => parseWeChatXml(`<xml>${deep}</xml>`)).toThrow(/nested deeper than 12/);
		const deepest = `<xml>${'<a>'.repeat(100_000)}</xml>`;
		expect(() => parseWeChatXml(deepest)).toThrow(/nested deeper/);
		expect(() => parseWeChatXml(`<xml>${'<a>1</a>'.repeat(5_001)}</xml>`)).toThrow(/more than 5000 elements/);
	});

	test('an unknown entity is quoted short, on one line, in the error', () => {
		expect(() => parseWeChatXml(`<xml><A>&${'x\n'.repeat(500)};</A></xml>`)).toThrow(/unknown entity &x\?x\?x\?x\?x\?x\?x\?x\?…; \(at/);
	});

	test('a prototype-named element stays a plain field', () => {
		const fields = parseWeChatXml('<xml><constructor>1</constructor><toString>2</toString></xml>');
		expect(fields).toEqual({ constructor: '1', toString: '2' });
	});
});

describe('writing WeChat XML', () => {
	test('strings in CDATA, numbers plain, nesting and lists; it reads back to the same fields', () => {
		const xml = buildWeChatXml({ ToUserName: 'o1', CreateTime: 12, Articles: { item: [{ Title: 'a' }, { Title: 'b' }] } });
		expect(xml).toBe(
			'<xml><ToUserName><![CDATA[o1]]></ToUserName><CreateTime>12</CreateTime><Articles><item><Title><![CDATA[a]]></Title></item><item><Title><![CDATA[b]]></Title></item></Articles></xml>',
		);
		expect(parseWeChatXml(xml)).toEqual({ ToUserName: 'o1', CreateTime: '12', Articles: { item: [{ Title: 'a' }, { Title: 'b' }] } });
	});

	test(']]> inside text survives, and characters XML cannot carry are dropped', () => {
		const text = 'a]]>b<c>&d 中文\u0000\u0008e\uFFFF😀';
		expect(parseWeChatXml(buildWeChatXml({ Content: text })).Content).toBe('a]]>b<c>&d 中文e😀');
	});
});
