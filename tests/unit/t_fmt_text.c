/* t_fmt_text: HTML to text and charsets to UTF-8 (lib/fmt_text.c). */
#include "fmt_text.h"
#include "tap.h"

static const char *html(const char *s, cs_buf *b)
{
	cs_buf_reset(b);
	cs_html_to_text(s, strlen(s), b);
	cs_buf_addc(b, '\0');
	b->len--;
	return b->p;
}

static const char *conv(const char *cs, const char *s, size_t n, cs_buf *b, int *rc)
{
	cs_buf_reset(b);
	*rc = cs_to_utf8(cs, s, n, b);
	cs_buf_addc(b, '\0');
	b->len--;
	return b->p;
}

int main(void)
{
	cs_buf b = CS_BUF_INIT;
	int rc;
	is_str(html("<p>Hello <b>there</b>,</p><p>Line&nbsp;two &amp; more</p>", &b), "Hello there,\n\nLine two & more",
	       "paragraphs become a blank line, inline tags vanish, entities decode");
	is_str(html("a<br>b<br/>c", &b), "a\nb\nc", "br is a line break");
	is_str(html("<html><head><title>T</title><style>p{x:1}</style></head><body>  Hi\n\n  you <script>var a='<p>';</script></body>", &b),
	       "Hi you", "head, style and script content is dropped; white space collapses");
	is_str(html("<ul><li>one</li><li>two</li></ul>", &b), "one\ntwo", "list items are lines");
	is_str(html("5 &lt; 6 &#x4F60;&#22909; &bogus; a & b", &b), "5 < 6 你好 &bogus; a & b",
	       "numeric entities; unknown ones and lone ampersands stay text");
	is_str(html("x < y and <!-- note --> z", &b), "x < y and z", "a '<' that starts no tag is text; comments go");
	ok(cs_looks_html("<div>x</div>", 12) && !cs_looks_html("a < b", 5), "telling HTML from text");

	is_str(conv("GB2312", "\xc4\xe3\xba\xc3", 4, &b, &rc), "你好", "GB2312");
	is_str(conv("gb2312", "\x86\xb4", 2, &b, &rc), "喆", "GB2312 that is really GBK is read as GB18030");
	is_str(conv("Big5", "\xa7\x41\xa6\x6e", 4, &b, &rc), "你好", "Big5");
	is_str(conv("Shift_JIS", "\x82\xb1\x82\xf1", 4, &b, &rc), "こん", "Shift_JIS");
	is_str(conv("ISO-2022-JP", "\x1b$B$3$s\x1b(B", 10, &b, &rc), "こん", "ISO-2022-JP (stateful)");
	is_str(conv("EUC-KR", "\xbe\xc8", 2, &b, &rc), "안", "EUC-KR");
	is_str(conv("windows-1251", "\xcf\xf0\xe8", 3, &b, &rc), "При", "windows-1251");
	is_str(conv("iso-8859-1", "caf\xe9 \x80", 6, &b, &rc), "café €", "Latin-1 labels read as windows-1252");
	is_str(conv("UTF-7", "Hi +ZeVnLIqe-", 13, &b, &rc), "Hi 日本語", "UTF-7");
	is_str(conv("utf-8", "ok\xff", 3, &b, &rc), "ok\xef\xbf\xbd", "invalid UTF-8 is replaced");
	conv("x-no-such-charset", "abc", 3, &b, &rc);
	ok(rc == -1 && strcmp(b.p, "abc") == 0, "an unknown charset says so and keeps the text");
	is_str(conv("GB2312", "\xc4\xe3\xff", 3, &b, &rc), "你\xef\xbf\xbd", "a bad byte in a charset becomes U+FFFD");
	cs_buf_free(&b);
	return tap_done();
}
