/* t_in: input streams (lib/kit_in.c). Fixtures go to a mkdtemp directory, which
 * is also the working directory, so file names in messages stay short; stderr
 * goes to a file there so that messages can be checked. */
#include "kit_buf.h"
#include "kit_in.h"
#include "kit_msg.h"
#include "fixture.h"
#include "tap.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void sh(const char *cmd)
{
	if (system(cmd) != 0) {
		printf("# fixture command failed: %s\n", cmd);
		exit(99);
	}
}

/* Cut the last k bytes off a file. */
static void chop(const char *name, size_t k)
{
	size_t n;
	char *p = read_all(name, &n);
	write_file(name, p, n > k ? n - k : 0);
	free(p);
}

/* Flip one byte in the middle of a file. */
static void flip_middle(const char *name)
{
	size_t n;
	char *p = read_all(name, &n);
	p[n / 2] ^= 0x55;
	write_file(name, p, n);
	free(p);
}

static void read_size(int n)
{
	char s[32];
	if (n <= 0) {
		unsetenv("CS_TEST_READ_SIZE");
		return;
	}
	snprintf(s, sizeof s, "%d", n);
	setenv("CS_TEST_READ_SIZE", s, 1);
}

static struct cs_in_opts opts_utf8(void)
{
	struct cs_in_opts o = {0, 0, 1, NULL};
	return o;
}

/* The whole stream as text: "name:line:text" per line, "name:line:BAD" and
 * "FATAL" for errors; "!NUL" flags a line without its terminating NUL. */
static const char *transcript(char **files, int nfiles, const struct cs_in_opts *o)
{
	static cs_buf t = CS_BUF_INIT;
	const char *line;
	size_t len;
	int r, guard = 0;
	cs_in *in = cs_in_new(files, nfiles, o);
	cs_buf_reset(&t);
	cs_buf_add(&t, "", 0);
	while ((r = cs_in_getline(in, &line, &len)) != CS_IN_EOF && guard++ < 100000) {
		if (r == CS_IN_FATAL) {
			cs_buf_adds(&t, "FATAL\n");
			continue;
		}
		cs_buf_printf(&t, "%s:%llu:", cs_in_name(in), (unsigned long long)cs_in_lineno(in));
		if (r == CS_IN_BAD) {
			cs_buf_adds(&t, "BAD\n");
			continue;
		}
		cs_buf_add(&t, line, len);
		cs_buf_adds(&t, line[len] ? "!NUL\n" : "\n");
	}
	cs_in_free(in);
	return t.p;
}

static const char *transcript1(const char *file, const struct cs_in_opts *o)
{
	char *files[] = {(char *)file};
	return transcript(files, 1, o);
}

/* The lines joined by "\n" (each one ended by it); *bad counts non-lines. */
static void slurp(char **files, int nfiles, const struct cs_in_opts *o, cs_buf *out, int *bad)
{
	const char *line;
	size_t len;
	int r;
	cs_in *in = cs_in_new(files, nfiles, o);
	cs_buf_reset(out);
	*bad = 0;
	while ((r = cs_in_getline(in, &line, &len)) != CS_IN_EOF) {
		if (r != CS_IN_LINE) {
			++*bad;
			if (r == CS_IN_FATAL)
				break;
			continue;
		}
		cs_buf_add(out, line, len);
		cs_buf_addc(out, '\n');
	}
	cs_in_free(in);
}

static void test_plain(void)
{
	struct cs_in_opts o = opts_utf8();
	write_str("plain.txt", "alpha\nbeta\n{\"k\":\"v\"}\n");
	is_str(transcript1("plain.txt", &o), "plain.txt:1:alpha\nplain.txt:2:beta\nplain.txt:3:{\"k\":\"v\"}\n",
	       "plain lines");
	write_str("crlf.txt", "a\r\n\r\nb\rc\r\n");
	is_str(transcript1("crlf.txt", &o), "crlf.txt:1:a\ncrlf.txt:2:\ncrlf.txt:3:b\rc\n",
	       "CRLF: only a CR before LF is dropped");
	write_str("nonl.txt", "one\ntwo");
	is_str(transcript1("nonl.txt", &o), "nonl.txt:1:one\nnonl.txt:2:two\n", "last line without newline");
	write_str("cr_end.txt", "x\r");
	is_str(transcript1("cr_end.txt", &o), "cr_end.txt:1:x\r\n", "a lone CR at the end of the file is kept");
	write_str("empty_lines.txt", "\n\nx\n\n");
	is_str(transcript1("empty_lines.txt", &o),
	       "empty_lines.txt:1:\nempty_lines.txt:2:\nempty_lines.txt:3:x\nempty_lines.txt:4:\n",
	       "empty lines are lines; nothing after the last newline");
	write_str("empty.txt", "");
	is_str(transcript1("empty.txt", &o), "", "empty file has no lines");
	write_str("nl.txt", "\n");
	is_str(transcript1("nl.txt", &o), "nl.txt:1:\n", "a lone newline is one empty line");
	write_str("bom.txt", "\xEF\xBB\xBF{\"a\":1}\n\xEF\xBB\xBFx\n");
	is_str(transcript1("bom.txt", &o), "bom.txt:1:{\"a\":1}\nbom.txt:2:\xEF\xBB\xBFx\n",
	       "UTF-8 BOM removed at the start of a file only");
	write_str("bom_only.txt", "\xEF\xBB\xBF");
	is_str(transcript1("bom_only.txt", &o), "", "a file holding just a BOM has no lines");
	write_str("bom_short.txt", "\xEF\xBB");
	is_str(transcript1("bom_short.txt", &o), "bom_short.txt:1:BAD\n", "a partial BOM is data (invalid UTF-8)");
	is_str(errtext(), "t_in: bom_short.txt:1:1: invalid UTF-8 (byte 0xef)\n"
			  "t_in: bom_short.txt: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8)\n",
	       "invalid UTF-8 message with column and the hint (no --encoding here: iconv)");
	is_int(cs_exit_status(), 1, "invalid UTF-8 raises exit 1");
}

static void test_files(void)
{
	struct cs_in_opts o = opts_utf8();
	char *files[] = {"f1.txt", "f2.txt", "empty.txt", "f3.txt"};
	write_str("f1.txt", "a1\na2\n");
	write_str("f2.txt", "\xEF\xBB\xBF" "b1\nb2\nb3");
	write_str("f3.txt", "c1\n");
	is_str(transcript(files, 4, &o),
	       "f1.txt:1:a1\nf1.txt:2:a2\nf2.txt:1:b1\nf2.txt:2:b2\nf2.txt:3:b3\nf3.txt:1:c1\n",
	       "several files in turn, names and line numbers per file");

	cs_in *in = cs_in_new(files, 4, &o);
	const char *line;
	size_t len;
	is_str(cs_in_name(in), "f1.txt", "name before the first read");
	while (cs_in_getline(in, &line, &len) == CS_IN_LINE)
		;
	is_int(cs_in_bytes(in), 6 + 8 + 3, "bytes counter: decoded bytes, BOM left out");
	cs_in_free(in);

	write_str("cnt.txt", "a\r\n\r\nb\rc\n");
	in = cs_in_new((char *[]){"cnt.txt"}, 1, &o);
	while (cs_in_getline(in, &line, &len) == CS_IN_LINE)
		;
	is_int(cs_in_bytes(in), 9, "bytes counter counts CR and LF");
	is_int(cs_in_getline(in, &line, &len), CS_IN_EOF, "EOF is sticky");
	cs_in_free(in);
}

static void test_max_record(void)
{
	struct cs_in_opts o = opts_utf8();
	static const int sizes[] = {0, 1, 3, 16};
	o.max_record = 10;
	write_str("long.txt", "short\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nafter\n0123456789\n"
			      "0123456789a\n0123456789\r\nyyyyyyyyyyyyyyyyyyyyyy");
	const char *want = "long.txt:1:short\nlong.txt:2:BAD\nlong.txt:3:after\nlong.txt:4:0123456789\n"
			   "long.txt:5:BAD\nlong.txt:6:0123456789\nlong.txt:7:BAD\n";
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		read_size(sizes[i]);
		is_str(transcript1("long.txt", &o), want, "max_record 10, read size %d", sizes[i]);
		is_str(errtext(), "t_in: long.txt:2: record longer than 10 bytes (--max-record)\n"
				  "t_in: long.txt:5: record longer than 10 bytes (--max-record)\n"
				  "t_in: long.txt:7: record longer than 10 bytes (--max-record)\n",
		       "max_record messages, read size %d", sizes[i]);
	}
	read_size(0);

	/* A 5 MB line against a 1000-byte limit, then lines after it. */
	size_t big = 5 << 20;
	char *p = malloc(big + 32);
	memset(p, 'z', big);
	memcpy(p + big, "\nnext\n", 7);
	write_file("huge.txt", p, big + 6);
	o.max_record = 1000;
	is_str(transcript1("huge.txt", &o), "huge.txt:1:BAD\nhuge.txt:2:next\n", "5 MB line over the limit skipped");
	errtext();
	/* The same line is fine under the default limit, assembled across buffers. */
	o.max_record = 0;
	cs_in *in = cs_in_new((char *[]){"huge.txt"}, 1, &o);
	const char *line;
	size_t len;
	is_int(cs_in_getline(in, &line, &len), CS_IN_LINE, "5 MB line read whole");
	ok(len == big && memcmp(line, p, big) == 0 && line[len] == '\0', "5 MB line intact");
	is_int(cs_in_getline(in, &line, &len), CS_IN_LINE, "line after it");
	is_str(line, "next", "line after it is right");
	is_int(cs_in_lineno(in), 2, "its line number");
	cs_in_free(in);
	free(p);
}

static void test_invalid_utf8(void)
{
	struct cs_in_opts o = opts_utf8();
	write_str("bad.txt", "ok\nab\xFF" "c\n\xC0\xAF\nx\xED\xA0\x80\nyy\xF0\x9F\x98\nfine \xF0\x9F\x98\x80\n");
	is_str(transcript1("bad.txt", &o),
	       "bad.txt:1:ok\nbad.txt:2:BAD\nbad.txt:3:BAD\nbad.txt:4:BAD\nbad.txt:5:BAD\nbad.txt:6:fine \xF0\x9F\x98\x80\n",
	       "0xFF, overlong C0 AF, surrogate ED A0 80, truncated 4-byte sequence are bad");
	is_str(errtext(), "t_in: bad.txt:2:3: invalid UTF-8 (byte 0xff)\n"
			  "t_in: bad.txt:3:1: invalid UTF-8 (byte 0xc0)\n"
			  "t_in: bad.txt:4:2: invalid UTF-8 (byte 0xed)\n"
			  "t_in: bad.txt:5:3: invalid UTF-8 (byte 0xf0)\n",
	       "messages with columns; the hint only once per run");

	cs_in *in = cs_in_new((char *[]){"bad.txt"}, 1, &o);
	const char *line;
	size_t len;
	cs_in_getline(in, &line, &len);
	is_int(cs_in_getline(in, &line, &len), CS_IN_BAD, "bad line");
	ok(len == 4 && memcmp(line, "ab\xFF" "c", 4) == 0, "a bad line is still handed out as read");
	cs_in_free(in);
	errtext();

	o.check_utf8 = 0;
	is_str(transcript1("bad.txt", &o),
	       "bad.txt:1:ok\nbad.txt:2:ab\xFF" "c\nbad.txt:3:\xC0\xAF\nbad.txt:4:x\xED\xA0\x80\nbad.txt:5:yy\xF0\x9F\x98\n"
	       "bad.txt:6:fine \xF0\x9F\x98\x80\n",
	       "without check_utf8 bytes pass as they are");
}

static void test_replace(void)
{
	struct cs_in_opts o = opts_utf8();
	o.replace_invalid = 1;
	write_str("rep.txt", "ok\nab\xFF" "c\n\xC0\xAF\nx\xED\xA0\x80y\n\xE0\x80!\n\xF4\x90\x80\x80\n"
			     "\xF0\x9F\x98" "A\n\xE4\xB8\xE4\xB8\xAD\nend\xF0\x9F\x98\n\xF0\x9F\x98\x80\n");
	cs_in *in = cs_in_new((char *[]){"rep.txt"}, 1, &o);
	static const char *want[] = {
		"ok", "ab\xEF\xBF\xBD" "c", "\xEF\xBF\xBD\xEF\xBF\xBD",
		"x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy", "\xEF\xBF\xBD\xEF\xBF\xBD!",
		"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", "\xEF\xBF\xBD" "A",
		"\xEF\xBF\xBD\xE4\xB8\xAD", "end\xEF\xBF\xBD", "\xF0\x9F\x98\x80",
	};
	const char *line;
	size_t len;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		int r = cs_in_getline(in, &line, &len);
		ok(r == CS_IN_LINE && len == strlen(want[i]) && memcmp(line, want[i], len) == 0 && !line[len],
		   "replacement line %zu (maximal subparts)", i + 1);
	}
	is_int(cs_in_getline(in, &line, &len), CS_IN_EOF, "replacement: EOF");
	is_int(cs_in_replaced(in), 1 + 2 + 3 + 2 + 4 + 1 + 1 + 1, "replacement count");
	cs_in_free(in);
	is_str(errtext(), "", "replacement prints nothing");
}

/* Text whose multibyte characters fall at every offset modulo small sizes. */
static void straddle_text(cs_buf *b)
{
	static const char *chars[] = {"\xF0\x9F\x98\x80", "\xF0\xA0\x80\x80", "\xE4\xB8\xAD\xE6\x96\x87", "\xC3\xA9", "\xE2\x82\xAC"};
	cs_buf_reset(b);
	for (int i = 0; i < 60; i++) {
		for (int k = 0; k < i % 9; k++)
			cs_buf_addc(b, (char)('a' + k));
		for (int k = 0; k <= i % 7; k++)
			cs_buf_adds(b, chars[(i + k) % 5]);
		if (i % 13 == 0) /* long enough to need assembling with small buffers */
			for (int k = 0; k < 30; k++)
				cs_buf_adds(b, "\xF0\x9F\x98\x80x");
		cs_buf_adds(b, i % 4 == 3 ? "\r\n" : "\n");
	}
}

static void strip_cr(cs_buf *b)
{
	size_t j = 0;
	for (size_t i = 0; i < b->len; i++)
		if (!(b->p[i] == '\r' && i + 1 < b->len && b->p[i + 1] == '\n'))
			b->p[j++] = b->p[i];
	b->len = j;
	b->p[j] = '\0';
}

static void test_straddle(void)
{
	static const int sizes[] = {1, 2, 3, 5, 7, 0};
	cs_buf text = CS_BUF_INIT, want = CS_BUF_INIT, got = CS_BUF_INIT;
	straddle_text(&text);
	cs_buf_add(&want, text.p, text.len);
	strip_cr(&want);
	cs_buf_reset(&got);
	cs_buf_add(&got, "\xEF\xBB\xBF", 3);
	cs_buf_add(&got, text.p, text.len);
	write_file("st.txt", got.p, got.len); /* with a BOM, which must go too */
	sh("zstd -q -f -o st.zst st.txt && gzip -n -c st.txt > st.gz");
	sh("iconv -f UTF-8 -t GB18030 st.txt > st.gb && iconv -f UTF-8 -t UTF-16LE st.txt > st.u16");
	sh("gzip -n -c st.u16 > st.u16.gz && zstd -q -f -o st.gb.zst st.gb");

	struct {
		const char *file, *enc;
	} cases[] = {{"st.txt", NULL}, {"st.zst", NULL}, {"st.gz", NULL}, {"st.u16", NULL},
		     {"st.u16.gz", NULL}, {"st.gb", "GB18030"}, {"st.gb.zst", "gb18030"}};
	for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
		read_size(sizes[s]);
		for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
			struct cs_in_opts o = opts_utf8();
			int bad;
			o.encoding = cases[c].enc;
			slurp((char *[]){(char *)cases[c].file}, 1, &o, &got, &bad);
			ok(bad == 0 && got.len == want.len && memcmp(got.p, want.p, want.len) == 0,
			   "4-byte characters across boundaries: %s, read size %d", cases[c].file, sizes[s]);
		}
	}
	read_size(0);
	is_str(errtext(), "", "no messages while reading them");
	cs_buf_free(&text);
	cs_buf_free(&want);
	cs_buf_free(&got);
}

static void test_encodings(void)
{
	struct cs_in_opts o = opts_utf8();
	const char *zh = "{\"msg\":\"\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C\"}\n"
			 "\xE5\xAE\xA2\xE6\x88\xB7\xE6\x9C\x8D\xE5\x8A\xA1 \xF0\xA0\x80\x80\n";
	write_str("zh.txt", zh);
	sh("iconv -f UTF-8 -t GB18030 zh.txt > zh.gb");
	sh("printf '\\377\\376' > zh.u16 && iconv -f UTF-8 -t UTF-16LE zh.txt >> zh.u16");
	size_t n;
	char *raw = read_all("zh.gb", &n);
	ok(n > 0 && memcmp(raw, zh, n < strlen(zh) ? n : strlen(zh)) != 0, "GB18030 fixture differs from UTF-8");
	free(raw);
	o.encoding = "GB18030";
	const char *want_gb = "zh.gb:1:{\"msg\":\"\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C\"}\n"
			      "zh.gb:2:\xE5\xAE\xA2\xE6\x88\xB7\xE6\x9C\x8D\xE5\x8A\xA1 \xF0\xA0\x80\x80\n";
	is_str(transcript1("zh.gb", &o), want_gb, "GB18030 Chinese text converted");
	o.encoding = "utf8";
	is_str(transcript1("zh.u16", &o),
	       "zh.u16:1:{\"msg\":\"\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C\"}\n"
	       "zh.u16:2:\xE5\xAE\xA2\xE6\x88\xB7\xE6\x9C\x8D\xE5\x8A\xA1 \xF0\xA0\x80\x80\n",
	       "UTF-16LE with BOM detected by itself, BOM removed");
	sh("printf '\\376\\377' > zh.u16be && iconv -f UTF-8 -t UTF-16BE zh.txt >> zh.u16be");
	is_str(transcript1("zh.u16be", &o),
	       "zh.u16be:1:{\"msg\":\"\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C\"}\n"
	       "zh.u16be:2:\xE5\xAE\xA2\xE6\x88\xB7\xE6\x9C\x8D\xE5\x8A\xA1 \xF0\xA0\x80\x80\n",
	       "UTF-16BE with BOM detected by itself, BOM removed");
	o.encoding = "UTF-16LE";
	is_str(transcript1("zh.u16", &o),
	       "zh.u16:1:{\"msg\":\"\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C\"}\n"
	       "zh.u16:2:\xE5\xAE\xA2\xE6\x88\xB7\xE6\x9C\x8D\xE5\x8A\xA1 \xF0\xA0\x80\x80\n",
	       "explicit UTF-16LE: the converted BOM is removed");

	/* Bytes that do not belong to the encoding make their line bad, exit 1;
	 * the lines before and after it are read. */
	write_str("ascii.txt", "ok\nok\n\x80x\x81\nafter\n");
	o.encoding = "ASCII";
	is_str(transcript1("ascii.txt", &o), "ascii.txt:1:ok\nascii.txt:2:ok\nascii.txt:3:BAD\nascii.txt:4:after\n",
	       "invalid byte in --encoding: its line is bad, the others are read");
	is_str(errtext(), "t_in: ascii.txt:3: invalid ASCII byte sequence (byte 0x80); is --encoding right?\n",
	       "invalid --encoding byte message with line, once a line");
	o.replace_invalid = 1;
	is_str(transcript1("ascii.txt", &o),
	       "ascii.txt:1:ok\nascii.txt:2:ok\nascii.txt:3:\xEF\xBF\xBDx\xEF\xBF\xBD\nascii.txt:4:after\n",
	       "with replace_invalid what is not converted becomes U+FFFD");
	is_str(errtext(), "", "and is not an error");
	o.replace_invalid = 0;
	write_file("odd.u16", "\xFF\xFE" "a\0\n\0b", 7);
	o.encoding = NULL;
	is_str(transcript1("odd.u16", &o), "odd.u16:1:a\nodd.u16:2:BAD\n", "odd byte count in UTF-16LE: last line bad");
	is_str(errtext(), "t_in: odd.u16:2: incomplete UTF-16LE byte sequence (byte 0x62); is --encoding right?\n",
	       "incomplete sequence message");
	/* a lone surrogate is skipped a code unit at a time: what follows keeps its alignment */
	write_file("sur.u16", "a\0\n\0\x00\xD8x\0\n\0b\0\n\0", 14);
	o.encoding = "UTF-16LE";
	is_str(transcript1("sur.u16", &o), "sur.u16:1:a\nsur.u16:2:BAD\nsur.u16:3:b\n", "UTF-16 lone surrogate: its line bad");
	errtext();

	/* Through cs_in_read the mark stays in the text for the reader to find. */
	cs_in *cvt = cs_in_new((char *[]){"ascii.txt"}, 1, &(struct cs_in_opts){0, 0, 0, "ASCII"});
	char buf[64];
	size_t got = 0;
	long r;
	while ((r = cs_in_read(cvt, buf + got, sizeof buf - got)) > 0)
		got += (size_t)r;
	ok(got == 16 && memcmp(buf, "ok\nok\n\xFFx\xFF\nafter\n", 16) == 0, "cs_in_read: a mark for each unconverted byte");
	ok(cs_in_converted(cvt), "the file is converted");
	is_int(cs_in_report_unconverted(cvt, 3), 1, "the record at line 3 holds the mark");
	is_str(errtext(), "t_in: ascii.txt:3: invalid ASCII byte sequence (byte 0x80); is --encoding right?\n",
	       "reported with the byte");
	cs_in_free(cvt);
	cvt = cs_in_new((char *[]){"bad.txt"}, 1, &(struct cs_in_opts){0, 0, 0, NULL});
	cs_in_read(cvt, buf, sizeof buf);
	is_int(cs_in_report_unconverted(cvt, 2), 0, "a file not converted has no marks");
	cs_in_free(cvt);
	is_int(cs_exit_status(), 1, "conversion errors raise exit 1, not 4");

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		struct cs_in_opts bad = {0, 0, 1, "NO-SUCH-ENCODING"};
		cs_in_free(cs_in_new(NULL, 0, &bad));
		_exit(0);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 2, "unknown --encoding ends the run with exit 2");
	is_str(errtext(), "t_in: unknown encoding 'NO-SUCH-ENCODING' (--encoding)\n", "unknown encoding message");
}

/* Lines "line N ..." with some Chinese, large enough to cross 1 MiB buffers. */
static void big_text(cs_buf *b, int nlines)
{
	cs_buf_reset(b);
	for (int i = 1; i <= nlines; i++)
		cs_buf_printf(b, "{\"n\":%d,\"text\":\"line %d \xE5\xAE\xA2\xE6\x88\xB7 %*s\"}\n", i, i, i % 50, "");
}

static void test_compressed(void)
{
	struct cs_in_opts o = opts_utf8();
	cs_buf text = CS_BUF_INIT, got = CS_BUF_INIT;
	int bad;
	write_str("z1.txt", "first\nsecond\n");
	write_str("z2.txt", "third\nfourth");
	sh("zstd -q -f z1.txt z2.txt && cat z1.txt.zst z2.txt.zst > z12.zst");
	sh("gzip -n -c z1.txt > z1.gz && gzip -n -c z2.txt > z2.gz && cat z1.gz z2.gz > z12.gz");
	is_str(transcript1("z1.txt.zst", &o), "z1.txt.zst:1:first\nz1.txt.zst:2:second\n", "zstd single frame");
	is_str(transcript1("z12.zst", &o), "z12.zst:1:first\nz12.zst:2:second\nz12.zst:3:third\nz12.zst:4:fourth\n",
	       "zstd concatenated frames all read");
	is_str(transcript1("z1.gz", &o), "z1.gz:1:first\nz1.gz:2:second\n", "gzip");
	is_str(transcript1("z12.gz", &o), "z12.gz:1:first\nz12.gz:2:second\nz12.gz:3:third\nz12.gz:4:fourth\n",
	       "gzip concatenated members all read");
	for (int rs = 1; rs <= 7; rs += 6) {
		read_size(rs);
		is_str(transcript1("z12.zst", &o),
		       "z12.zst:1:first\nz12.zst:2:second\nz12.zst:3:third\nz12.zst:4:fourth\n",
		       "zstd concatenated frames, read size %d", rs);
		is_str(transcript1("z12.gz", &o), "z12.gz:1:first\nz12.gz:2:second\nz12.gz:3:third\nz12.gz:4:fourth\n",
		       "gzip concatenated members, read size %d", rs);
	}
	read_size(0);
	write_str("empty.txt", "");
	sh("zstd -q -f -o empty.zst empty.txt && gzip -n -c empty.txt > empty.gz");
	is_str(transcript1("empty.zst", &o), "", "zstd of an empty file");
	is_str(transcript1("empty.gz", &o), "", "gzip of an empty file");
	is_str(errtext(), "", "no messages so far");

	big_text(&text, 60000);
	write_file("big.txt", text.p, text.len);
	sh("zstd -q -f big.txt && gzip -n -c big.txt > big.gz && cp big.txt.zst big2.zst && cat big.txt.zst >> big2.zst");
	slurp((char *[]){"big.txt.zst"}, 1, &o, &got, &bad);
	ok(bad == 0 && got.len == text.len && memcmp(got.p, text.p, text.len) == 0, "zstd, %zu bytes, default buffer",
	   text.len);
	slurp((char *[]){"big.gz"}, 1, &o, &got, &bad);
	ok(bad == 0 && got.len == text.len && memcmp(got.p, text.p, text.len) == 0, "gzip, default buffer");
	slurp((char *[]){"big2.zst"}, 1, &o, &got, &bad);
	ok(bad == 0 && got.len == 2 * text.len && memcmp(got.p + text.len, text.p, text.len) == 0,
	   "two large zstd frames");
	read_size(4099);
	slurp((char *[]){"big2.zst", "big.gz"}, 2, &o, &got, &bad);
	ok(bad == 0 && got.len == 3 * text.len, "zstd and gzip with 4099-byte reads");

	read_size(0);
	sh("cp big.txt.zst trunc.zst && cp big.gz trunc.gz && cp z1.gz trunc_small.gz");
	chop("trunc.zst", 10);
	chop("trunc.gz", 10);
	chop("trunc_small.gz", 4);
	const char *line;
	size_t len;
	int r, nlines = 0;
	cs_in *in = cs_in_new((char *[]){"trunc.zst"}, 1, &o);
	while ((r = cs_in_getline(in, &line, &len)) == CS_IN_LINE)
		nlines++;
	is_int(r, CS_IN_FATAL, "truncated zstd (10 bytes cut) is fatal, not EOF");
	ok(nlines > 1000 && nlines < 60000, "lines before the cut were read (%d)", nlines);
	is_int(cs_in_getline(in, &line, &len), CS_IN_EOF, "then EOF");
	cs_in_free(in);
	is_str(errtext(), "t_in: trunc.zst: truncated zstd frame (unexpected end of input)\n", "truncated zstd message");
	is_int(cs_exit_status(), 4, "truncated input raises exit 4");

	slurp((char *[]){"trunc.gz"}, 1, &o, &got, &bad);
	ok(bad == 1 && got.len < text.len, "truncated gzip is fatal");
	is_str(errtext(), "t_in: trunc.gz: truncated gzip stream (unexpected end of input)\n", "truncated gzip message");
	is_str(transcript1("trunc_small.gz", &o), "trunc_small.gz:1:first\ntrunc_small.gz:2:second\nFATAL\n",
	       "gzip missing only its trailer: the lines, then fatal");
	errtext();

	sh("cp z1.txt.zst junk.zst && echo 'not zstd at all' >> junk.zst");
	is_str(transcript1("junk.zst", &o), "junk.zst:1:first\njunk.zst:2:second\nFATAL\n",
	       "junk after a zstd frame is fatal");
	const char *e = errtext();
	if (!ok(strncmp(e, "t_in: junk.zst: corrupt zstd data: ", 35) == 0, "corrupt zstd message"))
		printf("# %s", e);
	sh("cp big.txt.zst flip.zst && cp big.gz flip.gz");
	flip_middle("flip.zst");
	flip_middle("flip.gz");
	o.check_utf8 = 0; /* a flipped bit may yield bytes that are not UTF-8 before it is caught */
	slurp((char *[]){"flip.zst"}, 1, &o, &got, &bad);
	ok(bad == 1 && got.len < text.len, "corrupt zstd block is fatal");
	e = errtext();
	if (!ok(strncmp(e, "t_in: flip.zst: corrupt zstd data: ", 35) == 0, "corrupt zstd block message"))
		printf("# %s", e);
	slurp((char *[]){"flip.gz"}, 1, &o, &got, &bad);
	ok(bad == 1, "corrupt gzip is fatal (at the latest at the CRC)");
	e = errtext();
	if (!ok(strncmp(e, "t_in: flip.gz: corrupt gzip data: ", 34) == 0, "corrupt gzip message"))
		printf("# %s", e);
	o.check_utf8 = 1;

	char *files2[] = {"nope.txt", "z1.gz"};
	is_str(transcript(files2, 2, &o), "FATAL\nz1.gz:1:first\nz1.gz:2:second\n",
	       "a missing file is fatal, then the next is read");
	is_str(errtext(), "t_in: nope.txt: No such file or directory\n", "cannot-open message");

	mkdir("sub", 0700);
	is_str(transcript1("sub", &o), "FATAL\n", "reading a directory is fatal");
	is_str(errtext(), "t_in: sub: read error: Is a directory\n", "read error message");

	write_str("paren.txt", "(\n(\xB5\n");
	o.check_utf8 = 0;
	is_str(transcript1("paren.txt", &o), "paren.txt:1:(\nparen.txt:2:(\xB5\n",
	       "text that starts like a zstd magic number is text");
	cs_buf_free(&text);
	cs_buf_free(&got);
}

static void test_read(void)
{
	char *files[] = {"r1.txt", "r2.zst", "empty.txt", "r3.u16"};
	static const char *want[] = {"hello\nworld", "zstd\n", "", "\xE4\xB8\xAD\n"};
	write_str("r1.txt", "\xEF\xBB\xBFhello\nworld");
	write_str("r2.txt", "zstd\n");
	sh("zstd -q -f -o r2.zst r2.txt");
	write_file("r3.u16", "\xFF\xFE\x2D\x4E\n\0", 6);
	for (int s = 0; s <= 3; s += 3) {
		read_size(s);
		struct cs_in_opts o = opts_utf8();
		cs_in *in = cs_in_new(files, 4, &o);
		cs_buf got = CS_BUF_INIT;
		char chunk[4];
		int i = 0;
		uint64_t total = 0;
		do {
			long r;
			cs_buf_reset(&got);
			cs_buf_add(&got, "", 0);
			while ((r = cs_in_read(in, chunk, sizeof chunk)) > 0)
				cs_buf_add(&got, chunk, (size_t)r);
			is_int(r, 0, "cs_in_read: end of file %d", i + 1);
			is_str(got.p, want[i], "cs_in_read: decoded bytes of %s, read size %d", files[i], s);
			is_str(cs_in_name(in), files[i], "cs_in_read: name");
			total += strlen(want[i]);
			i++;
		} while (cs_in_next_file(in));
		is_int(i, 4, "cs_in_next_file: all files");
		is_int(cs_in_bytes(in), total, "cs_in_read: bytes counter");
		cs_in_free(in);
		cs_buf_free(&got);
	}
	read_size(0);
}

/* A plain decoder to check cs_utf8_valid against. */
static size_t ref_utf8_bad(const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = p[i], len;
		uint32_t cp, min;
		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xE0) == 0xC0)
			len = 2, cp = c & 0x1F, min = 0x80;
		else if ((c & 0xF0) == 0xE0)
			len = 3, cp = c & 0x0F, min = 0x800;
		else if ((c & 0xF8) == 0xF0)
			len = 4, cp = c & 0x07, min = 0x10000;
		else
			return i;
		if (i + len > n)
			return i;
		for (unsigned k = 1; k < len; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (p[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += len;
	}
	return n;
}

static void test_utf8_valid(void)
{
	static const struct {
		const char *s;
		int valid;
		size_t bad;
	} cases[] = {
		{"", 1, 0}, {"plain ascii", 1, 0}, {"\xC2\x80", 1, 0}, {"\xDF\xBF", 1, 0}, {"\xE0\xA0\x80", 1, 0},
		{"\xED\x9F\xBF", 1, 0}, {"\xEE\x80\x80", 1, 0}, {"\xEF\xBF\xBF", 1, 0}, {"\xF0\x90\x80\x80", 1, 0},
		{"\xF4\x8F\xBF\xBF", 1, 0}, {"\xF0\x9F\x98\x80", 1, 0}, {"\xF0\xA0\x80\x80", 1, 0},
		{"\x80", 0, 0}, {"a\xBF", 0, 1}, {"\xC0\xAF", 0, 0}, {"\xC1\xBF", 0, 0}, {"\xE0\x9F\xBF", 0, 0},
		{"\xED\xA0\x80", 0, 0}, {"\xED\xBF\xBF", 0, 0}, {"\xF0\x8F\xBF\xBF", 0, 0}, {"\xF4\x90\x80\x80", 0, 0},
		{"\xF5\x80\x80\x80", 0, 0}, {"\xFF", 0, 0}, {"\xFE", 0, 0}, {"ab\xE4\xB8", 0, 2},
		{"\xE4\xB8\xADx\xF0\x9F\x98", 0, 4}, {"\xC3", 0, 0}, {"\xC3(", 0, 0}, {"\xE4(\xAD", 0, 0},
		{"\xE4\xB8(", 0, 0}, {"0123456789abcdef0123456789\xFF", 0, 26},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t bad = 12345;
		int v = cs_utf8_valid(cases[i].s, strlen(cases[i].s), &bad);
		ok(v == cases[i].valid && (v || bad == cases[i].bad), "cs_utf8_valid case %zu", i);
	}
	ok(cs_utf8_valid("a\0b", 3, NULL), "NUL is valid UTF-8; bad_at may be NULL");

	/* The first bad byte at every position of a long line (SWAR offsets). */
	char line[80];
	int all = 1;
	for (size_t pos = 0; pos < 70; pos++) {
		memset(line, 'a', sizeof line);
		memcpy(line + 3, "\xE4\xB8\xAD", 3);
		if (pos >= 3 && pos < 6)
			continue;
		line[pos] = (char)0xFF;
		size_t bad = 0;
		if (cs_utf8_valid(line, sizeof line, &bad) || bad != pos)
			all = 0;
	}
	ok(all, "first bad byte found at every offset");

	/* Random strings drawn from bytes that matter, against the reference. */
	static const unsigned char alpha[] = {'a', 0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
					      0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3,
					      0xF4, 0xF5, 0xFF, 0xE4, 0xB8, 0xAD};
	unsigned char s[40];
	uint32_t seed = 12345;
	int agree = 1;
	for (int iter = 0; iter < 300000 && agree; iter++) {
		size_t n = (size_t)(iter % 40);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = alpha[(seed >> 16) % sizeof alpha];
		}
		size_t bad = 0, want = ref_utf8_bad(s, n);
		int v = cs_utf8_valid((const char *)s, n, &bad);
		if (v != (want == n) || (!v && bad != want))
			agree = 0;
	}
	ok(agree, "cs_utf8_valid agrees with a reference decoder on 300000 random strings");
}

/* A lender that never hands a buffer out twice, so a line on loan whose bytes
 * change was overwritten by the stream itself. */
struct lender {
	int fresh, retired;
	char **bufs;
};

static char *lend_fresh(void *ctx)
{
	struct lender *l = ctx;
	l->fresh++;
	return malloc(4u << 20);
}

static void lend_retire(void *ctx, char *buf)
{
	struct lender *l = ctx;
	l->bufs = realloc(l->bufs, (size_t)(l->retired + 1) * sizeof *l->bufs);
	l->bufs[l->retired++] = buf;
}

struct kept {
	const char *p;      /* the line as handed out */
	char *copy;         /* its bytes then */
	size_t len;
};

/* Read files with lending on (l not NULL) or off, keep every line on loan,
 * and check at the end that each still holds its bytes and NUL; the lines,
 * BAD and FATAL as a transcript. */
static const char *lend_transcript(char **files, int nfiles, const struct cs_in_opts *o, int *lent_lines,
				   int *changed, struct lender *l)
{
	static cs_buf t = CS_BUF_INIT;
	struct kept *k = NULL;
	size_t nk = 0;
	const char *line;
	size_t len;
	int r;
	cs_in *in = cs_in_new(files, nfiles, o);
	if (l)
		cs_in_lend(in, lend_fresh, lend_retire, l);
	cs_buf_reset(&t);
	cs_buf_add(&t, "", 0);
	*lent_lines = *changed = 0;
	while ((r = cs_in_getline(in, &line, &len)) != CS_IN_EOF) {
		if (r != CS_IN_LINE) {
			cs_buf_adds(&t, r == CS_IN_FATAL ? "FATAL\n" : "BAD\n");
			continue;
		}
		cs_buf_add(&t, line, len);
		cs_buf_addc(&t, '\n');
		if (!cs_in_line_lent(in))
			continue;
		k = realloc(k, (nk + 1) * sizeof *k);
		k[nk].p = line;
		k[nk].len = len;
		k[nk].copy = malloc(len + 1);
		memcpy(k[nk].copy, line, len + 1);
		nk++;
	}
	for (size_t i = 0; i < nk; i++) {
		*changed += memcmp(k[i].p, k[i].copy, k[i].len + 1) != 0;
		free(k[i].copy);
	}
	*lent_lines = (int)nk;
	free(k);
	cs_in_free(in);
	return t.p;
}

static void test_lend(void)
{
	struct cs_in_opts o = opts_utf8();
	cs_buf big = CS_BUF_INIT;
	for (int i = 0; i < 400; i++)
		cs_buf_printf(&big, "{\"n\":%d,\"pad\":\"%.*s\"}%s", i, i % 37, "abcdefghijklmnopqrstuvwxyz0123456789xyz",
			      i % 5 == 0 ? "\r\n" : "\n");
	write_file("lend1.txt", big.p, big.len);
	write_str("lend2.txt", "x1\n\xEF\xBB\xBFx2\nbad \xff\nlast");
	char *files[] = {"lend1.txt", "lend2.txt"};
	static const int sizes[] = {1, 3, 17, 64, 100, 4096, 0};
	for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
		for (int replace = 0; replace <= 1; replace++) {
			o.replace_invalid = replace;
			read_size(sizes[s]);
			int lent, changed;
			char *want = strdup(lend_transcript(files, 2, &o, &lent, &changed, NULL));
			is_int(lent, 0, "read size %d, replace %d: without lending no line is on loan", sizes[s], replace);
			struct lender l = {0, 0, NULL};
			const char *got = lend_transcript(files, 2, &o, &lent, &changed, &l);
			is_str(got, want, "read size %d, replace %d: the same lines with lending on", sizes[s], replace);
			ok(lent > 300, "read size %d, replace %d: most lines are on loan (%d)", sizes[s], replace, lent);
			is_int(changed, 0, "read size %d, replace %d: every line on loan keeps its bytes and NUL", sizes[s],
			       replace);
			is_int(l.retired, l.fresh + 1, "read size %d, replace %d: every buffer comes back, the first included",
			       sizes[s], replace);
			for (int i = 0; i < l.retired; i++)
				free(l.bufs[i]);
			free(l.bufs);
			free(want);
			errtext();
		}
	}
	read_size(0);
	cs_buf_free(&big);
	errtext();
}

static int open_fds(void)
{
	int n = 0;
	char path[32];
	for (int fd = 0; fd < 1024; fd++) {
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		n += access(path, F_OK) == 0;
	}
	return n;
}

int main(void)
{
	fixture_enter("t_in");
	int fds = open_fds();

	/* Exit statuses only go up, so checks of exit 1 come before those of 4. */
	test_utf8_valid();
	test_plain();
	test_files();
	test_max_record();
	test_invalid_utf8();
	test_replace();
	test_straddle();
	test_encodings();
	test_read();
	test_compressed();
	test_lend();

	errtext();
	is_int(open_fds(), fds, "no file descriptors left open");
	fixture_leave();
	return tap_done();
}
