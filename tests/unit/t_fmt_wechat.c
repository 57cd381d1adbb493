/* t_fmt_wechat: the XML tokenizer (lib/fmt_xml.c) and the WeChat readers
 * (lib/fmt_wechat.c). */
#include "fmt_fixture.h"
#include "fmt_readers.h"
#include "fmt_xml.h"
#include "tap.h"

#define PUSH(from, t, rest)                                                                                 \
	"<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[" from "]]></FromUserName>" \
	"<CreateTime>" t "</CreateTime>" rest "</xml>\n"

/* Every token of text as one line of kinds and names: "S:a T:x E:a". */
static const char *tokens(const char *text, cs_buf *out)
{
	cs_xml x;
	cs_buf_reset(out);
	cs_xml_init(&x, text, strlen(text), 8);
	for (;;) {
		enum cs_xml_tok t = cs_xml_next(&x);
		if (out->len)
			cs_buf_addc(out, ' ');
		if (t == CS_XML_EOF) {
			cs_buf_adds(out, "EOF");
			break;
		}
		if (t == CS_XML_ERROR) {
			cs_buf_printf(out, "ERR(%s)", x.err);
			break;
		}
		if (t == CS_XML_TEXT) {
			cs_buf_adds(out, x.cdata ? "C:" : "T:");
			if (cs_xml_decode(x.text, x.textn, x.cdata, out) < 0)
				cs_buf_adds(out, "<bad ref>");
		} else {
			cs_buf_adds(out, t == CS_XML_START ? "S:" : "E:");
			cs_buf_add(out, x.name, x.namen);
		}
	}
	cs_buf_addc(out, '\0');
	return out->p;
}

static void test_xml(void)
{
	cs_buf b = CS_BUF_INIT;
	is_str(tokens("<?xml version=\"1.0\"?>\n<!DOCTYPE xml [<!ENTITY e \"boom\">]><!-- c --><a x='1'>a&lt;b &#x7EA2;&#33394;<b/></a>",
		      &b),
	       "S:a T:a<b 红色 S:b E:b E:a EOF",
	       "declaration, DOCTYPE (unread) and comment skipped; references decoded; <b/> opens and closes");
	is_str(tokens("<a><![CDATA[x]]]]><![CDATA[>y & <z>]]></a>", &b), "S:a C:x]] C:>y & <z> E:a EOF",
	       "CDATA is taken as is, even when WeChat splits ]]> across two sections");
	is_str(tokens("<a>&foo;</a>", &b), "S:a T:<bad ref> E:a EOF", "an entity a DTD would define is not expanded");
	is_str(tokens("<a><b></a>", &b), "S:a S:b ERR(</a> where </b> was expected)", "end tags must match");
	is_str(tokens("<a><b>text", &b), "S:a S:b T:text ERR(the input ends inside <b>)", "a truncated input is an error");
	is_str(tokens("<a><b><c><d><e><f><g><h><i>", &b), "S:a S:b S:c S:d S:e S:f S:g S:h ERR(elements nested too deep at <i>)",
	       "nesting is limited");
	is_str(tokens("<a x=1>", &b), "ERR(the start tag <a> is malformed or not closed)", "attribute values are quoted");
	is_str(tokens("<a><!-- never closed", &b), "S:a ERR(a comment that is not closed)", "an open comment is an error");

	cs_xml x;
	const char *doc = "<item id=\"7\" title='a &amp; b'>";
	cs_xml_init(&x, doc, strlen(doc), 0);
	cs_xml_next(&x);
	ok(cs_xml_attr(&x, "title", &b) == 0 && strcmp(b.p, "a & b") == 0, "attributes are decoded: %s", b.p);
	ok(cs_xml_attr(&x, "id", &b) == 0 && strcmp(b.p, "7") == 0, "the first attribute too");
	is_int(cs_xml_attr(&x, "missing", &b), -1, "an absent attribute");
	cs_buf_free(&b);
}

static void test_wechat_xml(void)
{
	struct fmt_out o = {CS_BUF_INIT, 0, 0};
	cs_buf r = CS_BUF_INIT;
	fmt_run(&cs_fmt_wechat_xml,
		PUSH("oA", "1772413205", "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content>"
					 "<MsgId>18446744073709551615</MsgId>")
		"<xml>\n <ToUserName>gh_1</ToUserName>\n <FromUserName>oA</FromUserName>\n <CreateTime>1772413206</CreateTime>\n"
		" <MsgType>\n  <![CDATA[event]]>\n </MsgType>\n <Event><![CDATA[scancode_push]]></Event>\n"
		" <EventKey>k1</EventKey>\n <ScanCodeInfo><ScanType>qrcode</ScanType><EventKey>nested</EventKey></ScanCodeInfo>\n</xml>\n",
		&o);
	is_int(o.n, 2, "two pushes, one a line and one pretty-printed");
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"id\":\"18446744073709551615\"") && fmt_has(r.p, "\"ts\":\"2026-03-02T01:00:05Z\"") &&
		   fmt_has(r.p, "\"customer\":{\"id\":\"oA\",\"ids\":{\"wechat\":\"oA\"}}") &&
		   fmt_has(r.p, "\"role\":\"customer\"") && !fmt_has(r.p, "conversation_id"),
	   "MsgId keeps every digit; the OpenID is the customer; no conversation id: %s", r.p);
	fmt_record(&o, 1, &r);
	ok(fmt_has(r.p, "\"role\":\"system\"") && fmt_has(r.p, "\"event\":\"scancode_push\"") &&
		   fmt_has(r.p, "\"text\":\"k1\"") && fmt_has(r.p, "\"id\":\"h-") && fmt_has(r.p, "\"line\":2"),
	   "an event: white space around CDATA dropped, the push's own EventKey wins over a nested one: %s", r.p);

	/* Retries of an event get the same id; another key another one. */
	fmt_run(&cs_fmt_wechat_xml,
		PUSH("oA", "1772413206", "<MsgType>event</MsgType><Event>CLICK</Event><EventKey>A</EventKey>")
		PUSH("oA", "1772413206", "<MsgType>event</MsgType><Event>CLICK</Event><EventKey>A</EventKey>")
		PUSH("oA", "1772413206", "<MsgType>event</MsgType><Event>CLICK</Event><EventKey>B</EventKey>"),
		&o);
	cs_buf r2 = CS_BUF_INIT;
	fmt_record(&o, 0, &r);
	fmt_record(&o, 1, &r2);
	const char *id1 = strstr(r.p, "\"id\":\"h-"), *id2 = strstr(r2.p, "\"id\":\"h-");
	ok(id1 && id2 && strncmp(id1, id2, 26) == 0, "a retried event has the same id");
	fmt_record(&o, 2, &r2);
	id2 = strstr(r2.p, "\"id\":\"h-");
	ok(id1 && id2 && strncmp(id1, id2, 26) != 0, "another menu key is another event");
	cs_buf_free(&r2);

	fmt_run(&cs_fmt_wechat_xml,
		"<xml><ToUserName>gh_1</ToUserName><Encrypt><![CDATA[AAAA]]></Encrypt></xml>\n"
		"<xml><FromUserName>oA</FromUserName><MsgType>text</MsgType></xml>\n"
		"<xml><CreateTime>1772413206</CreateTime><MsgType>text</MsgType></xml>\n"
		"<xml><FromUserName>oA</FromUserName><CreateTime>12</CreateTime><MsgType>text</MsgType></xml>\n"
		"<note>not a push</note>\n"
		"stray text\n"
		PUSH("oB", "1772413206", "<MsgType>text</MsgType><Content>ok</Content><MsgId>1</MsgId>"),
		&o);
	is_int(o.bad, 6, "encrypted, no CreateTime, no FromUserName, an unreadable time, another root, stray text: all bad");
	is_int(o.n, 1, "and the good push after them is read");

	fmt_run(&cs_fmt_wechat_xml,
		PUSH("oB", "1772413206", "<MsgType>text</MsgType><Content>a &bogus; b</Content>")
		PUSH("oB", "1772413207", "<MsgType>text</MsgType><Content>fine</Content>")
		"<xml><FromUserName>oB</FromUserName><CreateTime>1772413208</CreateTime><Content>cut",
		&o);
	is_int(o.bad, 2, "an unknown entity and a push cut off at the end are bad");
	is_int(o.n, 1, "the push between them is read");
	fmt_run(&cs_fmt_wechat_xml,
		PUSH("oB", "1772413206", "<MsgType>text</MsgType><!-- never closed")
		PUSH("oB", "1772413207", "<MsgType>text</MsgType>"),
		&o);
	is_int(o.bad, 1, "a comment never closed is reported once");
	is_int(o.n, 0, "and nothing after it is read (its end is nowhere further on)");
	fmt_run(&cs_fmt_wechat_xml,
		PUSH("oB", "1772413206", "<MsgType>text</MsgType>") "<!DOCTYPE xml><xml><!DOCTYPE x></xml>\n"
		PUSH("oB", "1772413207", "<MsgType>text</MsgType>"),
		&o);
	is_int(o.bad, 1, "a DOCTYPE inside a push is malformed; one between pushes is skipped");
	is_int(o.n, 2, "the pushes around it are read");

	fmt_run(&cs_fmt_wechat_xml,
		PUSH("oC", "1772413206", "<MsgType>voice</MsgType><MediaId>m1</MediaId><Recognition>你好</Recognition>")
		PUSH("oC", "1772413207", "<MsgType>location</MsgType><Location_X>31.2</Location_X><Location_Y>121.4</Location_Y><Label>SH</Label>"),
		&o);
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"text\":\"你好\",\"attachments\":[{\"type\":\"audio\",\"name\":\"m1\"}]"),
	   "a voice message reads as its recognised text, the voice an attachment: %s", r.p);
	fmt_record(&o, 1, &r);
	ok(fmt_has(r.p, "\"attachments\":[{\"type\":\"location\",\"url\":\"geo:31.2,121.4\",\"name\":\"SH\"}]"),
	   "a location is a geo: URI: %s", r.p);
	cs_buf_free(&o.lines);
	cs_buf_free(&r);
}

static void test_wechat_kf(void)
{
	struct fmt_out o = {CS_BUF_INIT, 0, 0};
	cs_buf r = CS_BUF_INIT;
	fmt_run(&cs_fmt_wechat_kf,
		"{\"recordlist\":[{\"openid\":\"oA\",\"opercode\":2002,\"text\":\"hi\",\"time\":1772413205,\"worker\":\"w1@gh\"},"
		"{\"openid\":\"oA\",\"opercode\":2003,\"text\":\"[voice]\",\"time\":1772413206,\"worker\":\"w1@gh\"},"
		"{\"openid\":\"oA\",\"opercode\":1003,\"text\":\"\",\"time\":1772413207,\"worker\":\"w2@gh\"},"
		"{\"opercode\":2003,\"text\":\"x\",\"time\":1772413207}],\"number\":4,\"msgid\":9}",
		&o);
	is_int(o.n, 3, "three records read");
	is_int(o.bad, 1, "a record without openid is bad");
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"role\":\"agent\",\"author\":\"w1@gh\",\"text\":\"hi\""), "2002: the agent wrote it: %s", r.p);
	fmt_record(&o, 1, &r);
	ok(fmt_has(r.p, "\"role\":\"customer\",\"text\":\"\",\"attachments\":[{\"type\":\"audio\"}]"),
	   "2003: the customer; the [voice] placeholder is an attachment: %s", r.p);
	fmt_record(&o, 2, &r);
	ok(fmt_has(r.p, "\"role\":\"system\",\"author\":\"w2@gh\"") && fmt_has(r.p, "\"event\":\"session_transferred\""),
	   "1003: a transfer event: %s", r.p);

	fmt_run(&cs_fmt_wechat_kf,
		"{\"errcode\":0,\"msg_list\":[{\"msgid\":\"m1\",\"open_kfid\":\"wk1\",\"external_userid\":\"wm1\",\"send_time\":1772413205,"
		"\"origin\":5,\"servicer_userid\":\"zs\",\"msgtype\":\"link\",\"link\":{\"title\":\"T\",\"desc\":\"D\",\"url\":\"https://x\"}},"
		"{\"msgid\":\"m2\",\"send_time\":1772413206,\"origin\":4,\"msgtype\":\"event\",\"event\":{\"event_type\":\"recall_msg\","
		"\"external_userid\":\"wm1\",\"recall_msgid\":\"m0\"}},"
		"{\"msgid\":\"m3\",\"send_time\":1772413207,\"origin\":3,\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}},"
		"{\"msgid\":\"m4\",\"external_userid\":\"wm1\",\"send_time\":1772413207,\"origin\":9,\"msgtype\":\"text\"}]}",
		&o);
	is_int(o.n, 2, "a servicer's link and an event read");
	is_int(o.bad, 2, "a customer message without external_userid and an unknown origin are bad");
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"id\":\"m1\"") && fmt_has(r.p, "\"role\":\"agent\",\"author\":\"zs\",\"text\":\"T\\nD\"") &&
		   fmt_has(r.p, "{\"type\":\"link\",\"url\":\"https://x\",\"name\":\"T\"}") &&
		   fmt_has(r.p, "\"ids\":{\"wecom\":\"wm1\"}") && fmt_has(r.p, "\"account\":\"wk1\""),
	   "origin 5 is the servicer: %s", r.p);
	fmt_record(&o, 1, &r);
	ok(fmt_has(r.p, "\"customer\":{\"id\":\"wm1\"") && fmt_has(r.p, "\"event\":\"recall_msg\""),
	   "an event's customer comes from the event: %s", r.p);

	fmt_run(&cs_fmt_wechat_kf, "{\"kf_account\":\"w1@gh\",\"createtime\":1772413205}\n{\"errcode\":40001,\"errmsg\":\"invalid credential\"}", &o);
	is_int(o.bad, 2, "a session without openid and an API error are bad");
	cs_buf_free(&o.lines);
	cs_buf_free(&r);
}

static void test_sniff(void)
{
	const char *push = PUSH("oA", "1772413205", "<MsgType>text</MsgType>");
	const char *records = "{\"recordlist\":[{\"openid\":\"o\",\"opercode\":2002}]}";
	const char *sync = "{\"errcode\":0,\"next_cursor\":\"x\",\"msg_list\":[]}";
	const char *ndjson = "{\"id\":\"1\",\"text\":\"<xml>\"}\n";
	ok(cs_fmt_wechat_xml.sniff(push, strlen(push), NULL) > 60 && cs_fmt_wechat_kf.sniff(push, strlen(push), NULL) == 0,
	   "a push is wechat-xml");
	ok(cs_fmt_wechat_kf.sniff(records, strlen(records), NULL) > 60 && cs_fmt_wechat_kf.sniff(sync, strlen(sync), NULL) > 60 &&
		   cs_fmt_wechat_xml.sniff(records, strlen(records), NULL) == 0,
	   "record lists and sync_msg pages are wechat-kf");
	ok(cs_fmt_wechat_xml.sniff(ndjson, strlen(ndjson), NULL) == 0 && cs_fmt_wechat_kf.sniff(ndjson, strlen(ndjson), NULL) == 0,
	   "plain NDJSON is neither");
}

int main(void)
{
	test_xml();
	test_wechat_xml();
	test_wechat_kf();
	test_sniff();
	return tap_done();
}
