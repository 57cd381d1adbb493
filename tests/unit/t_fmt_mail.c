/* t_fmt_mail: the mbox and eml readers (lib/fmt_mail*.c): splitting an
 * mbox, MIME, charsets, encoded words, threading, roles, quotes. */
#include "fmt_fixture.h"
#include "fmt_mail_mime.h"
#include "fmt_mail_quote.h"
#include "fmt_readers.h"
#include "kit_msg.h"
#include "tap.h"

static void test_split(void)
{
	struct fmt_out o = {CS_BUF_INIT, 0, 0};
	cs_buf r = CS_BUF_INIT;
	fmt_run(&cs_fmt_mbox,
		"From a@x.com Mon Mar  2 09:58:11 2026\nFrom: A <a@x.com>\nSubject: hello\nMessage-ID: <1@x>\n\n"
		"line one\n\nFrom the desk of A\nnot a header\n>From here on\n>>From there\nbye\n\n"
		"From b@y.com Mon Mar  2 10:00:00 2026\nFrom: b@y.com\nSubject: Re: hello\nIn-Reply-To: <1@x>\n\nok\n",
		&o);
	is_int(o.n, 2, "a \"From \" line not followed by a header does not split a message");
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "From the desk of A\\nnot a header\\nFrom here on\\n>From there\\nbye"),
	   "the body keeps its own From line; >From lines lose one '>': %s", r.p);
	ok(fmt_has(r.p, "\"ts\":\"2026-03-02T09:58:11Z\""), "no Date: the From line's date: %s", r.p);
	ok(fmt_has(r.p, "\"line\":1") && fmt_has(r.p, "\"source\":{\"format\":\"mbox\""), "the source line: %s", r.p);
	fmt_record(&o, 1, &r);
	ok(fmt_has(r.p, "\"conversation_id\":\"1@x\"") && fmt_has(r.p, "\"role\":\"agent\"") &&
		   fmt_has(r.p, "\"author\":\"b@y.com\"") && fmt_has(r.p, "\"offset\":"),
	   "a reply joins the thread of its root; another sender is the agent: %s", r.p);
	ok(fmt_has(r.p, "\"id\":\"h-"), "no Message-ID: a hash id: %s", r.p);

	fmt_run(&cs_fmt_mbox, "Return-Path: <a@x>\nFrom: a@x\n\nhi\n", &o);
	is_int(o.bad, 1, "no From line at the start: not an mbox");
	is_int(o.n, 0, "and nothing read");
	fmt_run(&cs_fmt_mbox, "From a Mon Mar  2 09:58:11 2026\nFrom: a@x\nSubject: s", &o);
	is_int(o.bad, 1, "a message cut inside its header is bad");
	cs_buf_free(&o.lines);
	cs_buf_free(&r);
}

static void test_mime(void)
{
	struct fmt_out o = {CS_BUF_INIT, 0, 0};
	cs_buf r = CS_BUF_INIT;
	fmt_run(&cs_fmt_eml,
		"From: =?UTF-8?B?5p2O?= =?UTF-8?B?5Lyf?= <Li@X.com>\nSubject: =?utf-8?q?caf=C3=A9?= =?utf-8?q?_ok?=\n"
		"Message-ID: <a@b>\nContent-Type: multipart/mixed; boundary=\"b1\"\n\npreamble\n--b1\n"
		"Content-Type: multipart/alternative; boundary=b2\n\n--b2\nContent-Type: text/html\n\n<p>html</p>\n--b2\n"
		"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nplain =\n"
		"text=3D1\n--b2--\n--b1\nContent-Type: application/pdf\nContent-Disposition: attachment;\n"
		" filename*=UTF-8''%E5%8F%91%E7%A5%A8.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0x\nLjQ=\n--b1\n"
		"Content-Type: text/plain\n\nthe part after the last boundary is cut",
		&o);
	is_int(o.n, 1, "one eml message");
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"customer\":{\"id\":\"li@x.com\",\"name\":\"李伟\",\"email\":\"li@x.com\"}"),
	   "adjacent encoded words join; the address is lowercased: %s", r.p);
	ok(fmt_has(r.p, "\"subject\":\"café ok\""), "Q encoded words: %s", r.p);
	ok(fmt_has(r.p, "\"text\":\"plain text=1\\n\\nthe part after the last boundary is cut\""),
	   "alternative prefers text/plain; quoted-printable soft breaks; a truncated multipart keeps what is there: %s",
	   r.p);
	ok(fmt_has(r.p, "\"attachments\":[{\"type\":\"file\",\"name\":\"发票.pdf\",\"size\":8,\"content_type\":\"application/pdf\"}]"),
	   "an attachment is listed with its RFC 2231 name and decoded size: %s", r.p);

	fmt_run(&cs_fmt_eml,
		"From: x@y\nContent-Type: text/plain; charset=x-unknown-42\n\n\xC4\xE3\xBA\xC3\n", &o);
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"text\":\"你好\""), "an unknown charset: 8-bit text read as GB18030 when it reads cleanly: %s", r.p);
	fmt_run(&cs_fmt_eml, "From: x@y\n\ncaf\xE9 au lait\n", &o);
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"text\":\"café au lait\""), "no charset, not UTF-8 nor GB18030: windows-1252: %s", r.p);
	fmt_run(&cs_fmt_eml, "From: x@y\nContent-Type: text/plain; charset=gb2312\n\n\x86\xB4\xE9\x46\n", &o);
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"text\":\"喆镕\""), "GB2312 that is really GBK: %s", r.p);
	fmt_run(&cs_fmt_eml, "From: x@y\nSubject: Why did I get an autoreply?\n\n<html><body><p>a</p><p>b</p></body></html>\n", &o);
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"text\":\"a\\n\\nb\"") && fmt_has(r.p, "\"role\":\"customer\""),
	   "HTML sent as text/plain is made text; a subject that only mentions an autoreply is no auto-reply: %s", r.p);
	fmt_run(&cs_fmt_eml, "From: x@y\nContent-Type: text/plain; charset=UTF-7\n\nHi Mom -+Jjo--!\n", &o);
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"text\":\"Hi Mom -\xE2\x98\xBA-!\""), "UTF-7 is decoded though it is all ASCII: %s", r.p);
	fmt_run(&cs_fmt_mbox,
		"From a Mon Mar  2 09:58:11 2026\r\nFrom: a@x\r\nSubject: one\r\n\r\nfirst\r\n\r\n"
		"From b Mon Mar  2 09:59:11 2026\r\nFrom: b@x\r\nSubject: two\r\n\r\nsecond\r\n",
		&o);
	fmt_record(&o, 1, &r);
	ok(o.n == 2 && fmt_has(r.p, "\"text\":\"second\"") && fmt_has(r.p, "\"subject\":\"two\""),
	   "an mbox with CRLF lines: %s", r.p);
	fmt_run(&cs_fmt_eml, "From: x@y\nContent-Transfer-Encoding: base64\n\naGVsbG8g!!d29y\nbGQ\n", &o);
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"text\":\"hello world\""), "bad base64: stray bytes skipped, missing padding taken: %s", r.p);

	cs_buf deep = CS_BUF_INIT;
	cs_buf_adds(&deep, "From: x@y\n");
	for (int i = 0; i < 40; i++)
		cs_buf_printf(&deep, "Content-Type: multipart/mixed; boundary=\"d%d\"\n\n--d%d\n", i, i);
	cs_buf_adds(&deep, "Content-Type: text/plain\n\ndeep\n");
	fmt_run(&cs_fmt_eml, deep.p, &o);
	is_int(o.n, 1, "parts nested 40 deep: the message is read");
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"text\":\"\""), "and what is deeper than the limit is left out: %s", r.p);
	cs_buf_free(&deep);
	fmt_run(&cs_fmt_eml, "just some text\nwithout headers\n", &o);
	is_int(o.bad, 1, "an eml without a header is bad");
	cs_buf_free(&o.lines);
	cs_buf_free(&r);
}

static void test_threads(void)
{
	struct fmt_out o = {CS_BUF_INIT, 0, 0};
	cs_buf r = CS_BUF_INIT;
	fmt_run(&cs_fmt_mbox,
		"From c Mon Mar  2 09:00:00 2026\nFrom: Cy <c@c.com>\nTo: help@shop\nSubject: [help] Broken lamp\n"
		"Message-ID: <c1@c>\nDate: Mon, 2 Mar 2026 09:00:00 +0000\n\nmy lamp is broken\n\n"
		"From h Mon Mar  2 10:00:00 2026\nFrom: help@shop\nTo: c@c.com\nSubject: 回复：Re: Broken lamp\n"
		"Date: not a date\n\nWe will send a new one.\n\nSent from my iPhone\n\n"
		"From m Mon Mar  2 10:00:01 2026\nFrom: MAILER-DAEMON@shop\nTo: help@shop\n"
		"Subject: Undelivered Mail Returned to Sender\nContent-Type: multipart/report; report-type=delivery-status; boundary=r\n\n"
		"--r\nContent-Type: text/plain\n\nno such user\n--r\nContent-Type: message/delivery-status\n\nAction: failed\n"
		"--r\nContent-Type: message/rfc822\n\nMessage-ID: <c1@c>\nSubject: x\n\nbody\n--r--\n\n"
		"From c Mon Mar  2 11:00:00 2026\nFrom: c@c.com\nSubject: Out of Office\nAuto-Submitted: auto-replied\n"
		"In-Reply-To: <c1@c>\n\naway\n",
		&o);
	is_int(o.n, 4, "four messages");
	fmt_record(&o, 1, &r);
	ok(fmt_has(r.p, "\"conversation_id\":\"c1@c\"") && fmt_has(r.p, "\"role\":\"agent\"") &&
		   fmt_has(r.p, "\"signature\":\"Sent from my iPhone\"") && fmt_has(r.p, "\"ts\":\"2026-03-02T10:00:00Z\""),
	   "no References: the stripped subject and the customer's address find the thread; a broken Date: the From line's: %s",
	   r.p);
	fmt_record(&o, 2, &r);
	ok(fmt_has(r.p, "\"conversation_id\":\"c1@c\"") && fmt_has(r.p, "\"role\":\"system\"") &&
		   fmt_has(r.p, "\"event\":\"bounce\"") && fmt_has(r.p, "\"content_type\":\"message/rfc822\""),
	   "a bounce joins the thread of the message it returns, which is listed as an attachment: %s", r.p);
	fmt_record(&o, 3, &r);
	ok(fmt_has(r.p, "\"event\":\"auto_reply\"") && fmt_has(r.p, "\"role\":\"system\""), "an auto-reply: %s", r.p);
	cs_buf_free(&o.lines);
	cs_buf_free(&r);
}

static void is_span(cs_span s, const char *want, const char *what)
{
	cs_buf b = CS_BUF_INIT;
	cs_buf_add(&b, s.p ? s.p : "", s.n);
	is_str(b.p, want, "%s", what);
	cs_buf_free(&b);
}

static void test_quotes(void)
{
	const char *t = "Thanks, done.\n\n-- \nAnna\n\nOn Mon, 2 Mar 2026, Li <li@x.com> wrote:\n> where is it?\n";
	mail_parts p = mail_split_quote(t, strlen(t));
	is_span(p.text, "Thanks, done.", "the reply");
	is_span(p.signature, "Anna", "the signature after \"-- \"");
	is_span(p.quoted, "On Mon, 2 Mar 2026, Li <li@x.com> wrote:\n> where is it?", "the quote from its header line");
	t = "好的\n\n------------------ 原始邮件 ------------------\n发件人: a\n";
	p = mail_split_quote(t, strlen(t));
	is_span(p.text, "好的", "原始邮件 starts a quote");
	t = "Fine.\n\n________________________________\nFrom: Li\nSent: Monday\nTo: us\nSubject: x\n\nold\n";
	p = mail_split_quote(t, strlen(t));
	is_span(p.text, "Fine.", "an Outlook header block with its rule");
	t = "> a\nanswer a\n> b\nanswer b\n";
	p = mail_split_quote(t, strlen(t));
	is_span(p.text, "> a\nanswer a\n> b\nanswer b", "quotes answered in between are kept");
	t = "see below\n> old 1\n\n> old 2\n";
	p = mail_split_quote(t, strlen(t));
	is_span(p.quoted, "> old 1\n\n> old 2", "a trailing block of '>' lines is the quote");
}

static void test_sniff(void)
{
	const char *mbox = "From a@b Mon Mar  2 09:58:11 2026\nFrom: a@b\nSubject: x\n\nhi\n";
	const char *eml = "Received: from x\nFrom: a@b\nSubject: x\nDate: Mon, 2 Mar 2026 09:58:11 +0000\n\nhi\n";
	ok(cs_fmt_mbox.sniff(mbox, strlen(mbox), NULL) >= 90 && cs_fmt_eml.sniff(mbox, strlen(mbox), NULL) == 0,
	   "an mbox is an mbox, not an eml");
	ok(cs_fmt_eml.sniff(eml, strlen(eml), NULL) >= 80 && cs_fmt_mbox.sniff(eml, strlen(eml), NULL) == 0,
	   "an eml is an eml");
	const char *csv = "from,to,subject\na,b,c\n", *json = "{\"From\": \"a\"}\n";
	ok(!cs_fmt_eml.sniff(csv, strlen(csv), NULL) && !cs_fmt_eml.sniff(json, strlen(json), NULL) &&
		   !cs_fmt_mbox.sniff(json, strlen(json), NULL),
	   "CSV and JSON are neither");
}

int main(void)
{
	cs_msg_set_quiet(1);   /* the notices of truncated and deep parts */
	test_split();
	test_mime();
	test_threads();
	test_quotes();
	test_sniff();
	return tap_done();
}
