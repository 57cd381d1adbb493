/* t_csv: cs_csv_read over in-memory input, each case fed in 1-byte, 3-byte
 * and 64 KiB reads so that results cannot depend on chunk boundaries. */
#include "tap.h"
#include "kit_buf.h"
#include "kit_csv.h"
#include "kit_msg.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
	const char *p;
	size_t len, pos, chunk;
	int fail;               /* return an error instead of data */
} mem_reader;

static long mem_read(void *ctx, char *dst, size_t n)
{
	mem_reader *m = ctx;
	if (m->fail)
		return -1;
	size_t k = m->len - m->pos;
	if (k > m->chunk)
		k = m->chunk;
	if (k > n)
		k = n;
	memcpy(dst, m->p + m->pos, k);
	m->pos += k;
	return (long)k;
}

/* Rows rendered as "LINE[cell][cell]\n". */
typedef struct {
	cs_buf out;
	int rows, stop_at, stop_value, bad_len;
} collector;

static int collect(const cs_csv_row *row, void *ctx)
{
	collector *c = ctx;
	cs_buf_printf(&c->out, "%llu", (unsigned long long)row->line);
	for (size_t i = 0; i < row->n; i++) {
		if (row->cell[i][row->len[i]] != '\0')
			c->bad_len++;
		cs_buf_addc(&c->out, '[');
		cs_buf_add(&c->out, row->cell[i], row->len[i]);
		cs_buf_addc(&c->out, ']');
	}
	cs_buf_addc(&c->out, '\n');
	c->rows++;
	return c->rows == c->stop_at ? c->stop_value : 0;
}

typedef struct {
	int rc;
	char rows[4096];
	size_t rows_len;
	char err[512];
	int nrows;
} result;

static const size_t chunks[] = { 1, 3, 65536 };
#define NCHUNKS (sizeof chunks / sizeof chunks[0])

static void capture_stderr(int *saved, FILE **tmp)
{
	fflush(stderr);
	*tmp = tmpfile();
	*saved = dup(2);
	dup2(fileno(*tmp), 2);
}

static void restore_stderr(int saved, FILE *tmp, char *err, size_t cap)
{
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	size_t n = fread(err, 1, cap - 1, tmp);
	err[n] = '\0';
	fclose(tmp);
}

static size_t max_row;   /* passed to cs_csv_read by run_n */

static result run_n(const char *data, size_t len, size_t chunk, char delim, int stop_at)
{
	mem_reader m = { data, len, 0, chunk, 0 };
	collector c = { CS_BUF_INIT, 0, stop_at, 7, 0 };
	result r;
	int saved;
	FILE *tmp;
	capture_stderr(&saved, &tmp);
	r.rc = cs_csv_read(mem_read, &m, "x.csv", delim, max_row, collect, &c);
	restore_stderr(saved, tmp, r.err, sizeof r.err);
	r.rows_len = c.out.len < sizeof r.rows ? c.out.len : sizeof r.rows - 1;
	if (r.rows_len)
		memcpy(r.rows, c.out.p, r.rows_len);
	r.rows[r.rows_len] = '\0';
	r.nrows = c.rows;
	if (c.bad_len)
		r.rc = -100;    /* a cell not NUL-terminated at its length */
	cs_buf_free(&c.out);
	return r;
}

static result run(const char *data, size_t chunk, char delim)
{
	return run_n(data, strlen(data), chunk, delim, 0);
}

/* Input parsed cleanly at every chunk size into the expected rows. */
static void rows_are(const char *name, const char *data, char delim, const char *want)
{
	for (size_t i = 0; i < NCHUNKS; i++) {
		result r = run(data, chunks[i], delim);
		is_int(r.rc, CS_CSV_END, "%s: rc (chunk %zu)", name, chunks[i]);
		is_str(r.rows, want, "%s: rows (chunk %zu)", name, chunks[i]);
		is_str(r.err, "", "%s: no message (chunk %zu)", name, chunks[i]);
	}
}

/* Input rejected at every chunk size with exactly this message, after
 * delivering the rows before the error. */
static void error_is(const char *name, const char *data, const char *rows, const char *msg)
{
	for (size_t i = 0; i < NCHUNKS; i++) {
		result r = run(data, chunks[i], ',');
		is_int(r.rc, CS_CSV_SYNTAX, "%s: syntax error (chunk %zu)", name, chunks[i]);
		is_str(r.err, msg, "%s: message (chunk %zu)", name, chunks[i]);
		is_str(r.rows, rows, "%s: rows before the error (chunk %zu)", name, chunks[i]);
	}
}

static void test_basic(void)
{
	rows_are("simple", "a,b,c\n1,2,3\n", ',', "1[a][b][c]\n2[1][2][3]\n");
	rows_are("header", "name,age\nann,30\nbob,41\n", ',',
		 "1[name][age]\n2[ann][30]\n3[bob][41]\n");
	rows_are("empty cells", ",a,,\n", ',', "1[][a][][]\n");
	rows_are("quoted comma", "\"a,b\",c\n\"\",\"x\"\n", ',', "1[a,b][c]\n2[][x]\n");
	rows_are("doubled quotes", "\"say \"\"hi\"\"\",x\n\"\"\"\"\n", ',',
		 "1[say \"hi\"][x]\n2[\"]\n");
	rows_are("padded", "  padded  ,  b\t,\t c \n\"  q  \",x\n", ',',
		 "1[  padded  ][  b\t][\t c ]\n2[  q  ][x]\n");
	rows_are("tsv", "a\tb c\t\"q\tx\"\n1\t,2\t\n", '\t', "1[a][b c][q\tx]\n2[1][,2][]\n");
	rows_are("semicolon", "a;b,c\n", ';', "1[a][b,c]\n");
	rows_are("no final newline", "a,b\nc,d", ',', "1[a][b]\n2[c][d]\n");
	rows_are("no final newline, quoted", "a\n\"q\"", ',', "1[a]\n2[q]\n");
	rows_are("no final newline, empty last cell", "a,", ',', "1[a][]\n");
	rows_are("empty input", "", ',', "");
	rows_are("utf-8", "名字,城市\n张三,\"北京\"\n😀,é\n", ',',
		 "1[名字][城市]\n2[张三][北京]\n3[😀][é]\n");
}

static void test_lines(void)
{
	const char *lf = "id,text\n1,\"l1\nl2\nl3\"\n2,x\n3,\"a\n\"\n4,y\n";
	const char *want = "1[id][text]\n2[1][l1\nl2\nl3]\n5[2][x]\n6[3][a\n]\n8[4][y]\n";
	rows_are("quoted newline", lf, ',', want);

	const char *crlf = "id,text\r\n1,\"l1\r\nl2\r\nl3\"\r\n2,x\r\n3,\"a\r\n\"\r\n4,y\r\n";
	rows_are("crlf", crlf, ',',
		 "1[id][text]\n2[1][l1\r\nl2\r\nl3]\n5[2][x]\n6[3][a\r\n]\n8[4][y]\n");
	rows_are("crlf same as lf", "a,b\r\nc,d\r\n\r\ne,f\r\n", ',', "1[a][b]\n2[c][d]\n4[e][f]\n");
	rows_are("blank lines", "\na,b\n\n\r\n\nc,d\n\n", ',', "2[a][b]\n6[c][d]\n");
	rows_are("quoted empty line is a row", "\"\"\n\n", ',', "1[]\n");
	/* A bare CR ends a row without starting a physical line. */
	rows_are("bare cr", "a\rb\n\r\"x\ny\"\n", ',', "1[a]\n1[b]\n2[x\ny]\n");
	rows_are("quoted newline then comma", "\"p\nq\",r\ns\n", ',', "1[p\nq][r]\n3[s]\n");
}

static void test_errors(void)
{
	error_is("unterminated", "a\nb\n\"c\nd\n", "1[a]\n2[b]\n",
		 "t_csv: x.csv:4: unterminated quoted field (opened at line 3)\n");
	error_is("unterminated, no final newline", "a\n\"b", "1[a]\n",
		 "t_csv: x.csv:2: unterminated quoted field (opened at line 2)\n");
	error_is("unterminated after a multi-line cell", "\"p\nq\",\"r\ns\nt", "",
		 "t_csv: x.csv:4: unterminated quoted field (opened at line 2)\n");
	error_is("stray quote", "ok\nab\"c\nnext\n", "1[ok]\n",
		 "t_csv: x.csv:2: stray quote in unquoted field\n");
	error_is("text after closing quote", "ok\nx,y\n\"abc\"x\n", "1[ok]\n2[x][y]\n",
		 "t_csv: x.csv:3: malformed quoted field (text after closing quote)\n");
	error_is("space after closing quote", "\"abc\" ,x\n", "",
		 "t_csv: x.csv:1: malformed quoted field (text after closing quote)\n");
	error_is("text after a multi-line quoted cell", "a\n\"b\nc\"d\n", "1[a]\n",
		 "t_csv: x.csv:3: malformed quoted field (text after closing quote)\n");

	cs_exit_raise(0);
	ok(cs_exit_status() == CS_EXIT_DATA, "syntax errors raise exit status 1");
}

static void test_max_row(void)
{
	max_row = 5;
	rows_are("rows up to the limit, line ends not counted", "ab,cd\r\n12345\n", ',',
		 "1[ab][cd]\n2[12345]\n");
	error_is("a row over the limit, at the line it starts", "ab\nabc,de\nz\n", "1[ab]\n",
		 "t_csv: x.csv:2: row longer than 5 bytes (--max-record)\n");
	error_is("quoted line breaks do not count, their cells do", "\"a\nb\nc\"\n\"ab\ncd\nef\"\n",
		 "1[a\nb\nc]\n", "t_csv: x.csv:4: row longer than 5 bytes (--max-record)\n");
	max_row = 0;
}

static void test_utf8(void)
{
	error_is("bad byte", "ok\nab,c\xff" "d\n", "1[ok]\n",
		 "t_csv: x.csv:2:5: invalid UTF-8 (byte 0xff)\n"
		 "t_csv: x.csv: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8)\n");
	error_is("bad byte in a multi-line cell", "a,\"x\ny\xc3(\"\n", "",
		 "t_csv: x.csv:2:2: invalid UTF-8 (byte 0xc3)\n"
		 "t_csv: x.csv: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8)\n");
	error_is("latin-1", "caf\xe9\n", "",
		 "t_csv: x.csv:1:4: invalid UTF-8 (byte 0xe9)\n"
		 "t_csv: x.csv: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8)\n");
	error_is("overlong", "a\xc0\xaf\n", "",
		 "t_csv: x.csv:1:2: invalid UTF-8 (byte 0xc0)\n"
		 "t_csv: x.csv: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8)\n");
	error_is("overlong 3-byte", "\xe0\x80\xaf\n", "",
		 "t_csv: x.csv:1:1: invalid UTF-8 (byte 0xe0)\n"
		 "t_csv: x.csv: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8)\n");
	error_is("surrogate", "x,\xed\xa0\x80\n", "",
		 "t_csv: x.csv:1:3: invalid UTF-8 (byte 0xed)\n"
		 "t_csv: x.csv: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8)\n");
	error_is("above U+10FFFF", "\xf4\x90\x80\x80\n", "",
		 "t_csv: x.csv:1:1: invalid UTF-8 (byte 0xf4)\n"
		 "t_csv: x.csv: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8)\n");
	error_is("stray continuation", "\xe4\xb8\xad\x80\n", "",
		 "t_csv: x.csv:1:4: invalid UTF-8 (byte 0x80)\n"
		 "t_csv: x.csv: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8)\n");
	error_is("truncated at end of input", "a\nab\xe4\xb8", "1[a]\n",
		 "t_csv: x.csv:2:3: invalid UTF-8 (byte 0xe4)\n"
		 "t_csv: x.csv: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8)\n");
	error_is("sequence cut by a newline", "\xe4\xb8\n", "",
		 "t_csv: x.csv:1:1: invalid UTF-8 (byte 0xe4)\n"
		 "t_csv: x.csv: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8)\n");
	error_is("csv error before utf-8 error on the line", "a\"\xff\n", "",
		 "t_csv: x.csv:1: stray quote in unquoted field\n");
}

/* bad_row: "bad LINE" where each bad row starts; stops at the second when asked. */
static int note_bad(uint64_t line, void *ctx)
{
	collector *c = ctx;
	cs_buf_printf(&c->out, "bad %llu\n", (unsigned long long)line);
	return ++c->bad_len == 2 && c->stop_at < 0 ? c->stop_value : 0;
}

/* With a bad_row callback, each chunk size: rows and bad rows in order, and the result. */
static void bad_rows_are(const char *name, const char *data, int stop, int want_rc, const char *want)
{
	for (size_t i = 0; i < NCHUNKS; i++) {
		mem_reader m = { data, strlen(data), 0, chunks[i], 0 };
		collector c = { CS_BUF_INIT, 0, stop ? -1 : 0, 7, 0 };
		struct cs_csv_opts o = {.delim = ',', .max_row = 8, .check_utf8 = 1, .bad_row = note_bad};
		int saved;
		FILE *tmp;
		char err[512];
		capture_stderr(&saved, &tmp);
		int rc = cs_csv_read_opts(mem_read, &m, "x.csv", &o, collect, &c);
		restore_stderr(saved, tmp, err, sizeof err);
		is_int(rc, want_rc, "%s: rc (chunk %zu)", name, chunks[i]);
		is_str(c.out.p ? c.out.p : "", want, "%s: rows (chunk %zu)", name, chunks[i]);
		cs_buf_free(&c.out);
	}
}

static void test_bad_rows(void)
{
	/* too long (a quoted newline, and after the limit text after a closing
	 * quote), then bad UTF-8 twice in one row, then at the end of the input */
	const char *data = "a,b\n\"12345\n678\"9\"x\",y\nc,d\ne\xff,\xfe\nf\n\xe4";
	bad_rows_are("each bad row skipped", data, 0, CS_CSV_END,
		     "1[a][b]\nbad 2\n4[c][d]\nbad 5\n6[f]\nbad 7\n");
	bad_rows_are("stopped at the second", data, 1, 7, "1[a][b]\nbad 2\n4[c][d]\nbad 5\n");
	bad_rows_are("a CSV error still ends the input", "a\"b\nc\n", 0, CS_CSV_SYNTAX, "");
}

static void test_stop_and_read_error(void)
{
	const char *data = "a\nb\nc\n";
	for (size_t i = 0; i < NCHUNKS; i++) {
		result r = run_n(data, strlen(data), chunks[i], ',', 2);
		is_int(r.rc, 7, "callback stop value passed back (chunk %zu)", chunks[i]);
		is_int(r.nrows, 2, "no row after the stop (chunk %zu)", chunks[i]);
	}
	result r = run_n("a\nb", 3, 1, ',', 2);
	is_int(r.rc, 7, "stop value from the last row without newline");

	mem_reader m = { "a\n", 2, 0, 1, 1 };
	collector c = { CS_BUF_INIT, 0, 0, 0, 0 };
	is_int(cs_csv_read(mem_read, &m, "x.csv", ',', 0, collect, &c), CS_CSV_READ_ERROR,
	       "read error");
	cs_buf_free(&c.out);
}

static int upcase_first(const cs_csv_row *row, void *ctx)
{
	cs_buf *b = ctx;
	row->cell[0][0] = 'X';
	cs_buf_add(b, row->cell[0], row->len[0]);
	return 0;
}

static void test_misc(void)
{
	/* A NUL byte is a valid cell byte: lengths, not strlen, carry it. */
	const char nul[] = "a\0b,c\n";
	for (size_t i = 0; i < NCHUNKS; i++) {
		result r = run_n(nul, sizeof nul - 1, chunks[i], ',', 0);
		is_int(r.rc, CS_CSV_END, "NUL in a cell (chunk %zu)", chunks[i]);
		ok(r.rows_len == 10 && memcmp(r.rows, "1[a\0b][c]\n", 10) == 0,
		   "NUL kept in the cell (chunk %zu)", chunks[i]);
	}

	cs_buf b = CS_BUF_INIT;
	mem_reader m = { "ab\ncd\n", 6, 0, 2, 0 };
	cs_csv_read(mem_read, &m, "x.csv", ',', 0, upcase_first, &b);
	is_str(b.p, "XbXd", "cells are writable in the callback");
	cs_buf_free(&b);

	/* A quoted field much larger than the read size. */
	size_t big = 200000;
	cs_buf in = CS_BUF_INIT;
	cs_buf_adds(&in, "h\n\"");
	for (size_t i = 0; i < big; i++)
		cs_buf_addc(&in, i % 1000 == 999 ? '\n' : 'x');
	cs_buf_adds(&in, "\",end\nlast\n");
	for (size_t i = 0; i < NCHUNKS; i++) {
		m = (mem_reader){ in.p, in.len, 0, chunks[i], 0 };
		collector c = { CS_BUF_INIT, 0, 0, 0, 0 };
		int rc = cs_csv_read(mem_read, &m, "x.csv", ',', 0, collect, &c);
		is_int(rc, CS_CSV_END, "big field (chunk %zu)", m.chunk);
		is_int(c.rows, 3, "big field: rows (chunk %zu)", m.chunk);
		/* "1[h]\n" "2[" big "][end]\n" "203[last]\n": 200 newlines in the cell. */
		is_int(c.out.len, big + 24, "big field: bytes (chunk %zu)", m.chunk);
		is_str(c.out.p + c.out.len - 16, "[end]\n203[last]\n",
		       "big field: next row line (chunk %zu)", m.chunk);
		cs_buf_free(&c.out);
	}
	cs_buf_free(&in);
}

/* A long unquoted field with a delimiter, a line end or a stray quote at
 * every place of the blocks the scanner skips whole: each is found where it
 * is, at every chunk size. */
static void test_long_runs(void)
{
	int rows_ok = 1, quotes_ok = 1, delims_ok = 1;
	for (size_t at = 0; at < 100; at++) {
		char data[256], want[256];
		memset(data, 'a', 120);
		data[at] = ';';
		snprintf(data + 120, sizeof data - 120, ",z\n");
		snprintf(want, sizeof want, "1[%.*s;%.*s][z]\n", (int)at, data, (int)(119 - at), data + at + 1);
		for (size_t c = 0; c < NCHUNKS; c++) {
			result r = run(data, chunks[c], ',');
			rows_ok &= r.rc == CS_CSV_END && strcmp(r.rows, want) == 0;
			result t = run(data, chunks[c], ';');
			delims_ok &= t.rc == CS_CSV_END && t.nrows == 1 && (size_t)(strchr(t.rows, ']') - t.rows) == at + 2;
		}
		memset(data, 'a', 120);
		data[at + 1] = '"';
		snprintf(data + 120, sizeof data - 120, "\n");
		result q = run(data, 65536, ',');
		quotes_ok &= q.rc == CS_CSV_SYNTAX && strstr(q.err, "stray quote") != NULL;
		memset(data, 'a', 120);
		data[at] = '\n';
		snprintf(data + 120, sizeof data - 120, "\n");
		result l = run(data, 65536, ',');
		rows_ok &= l.rc == CS_CSV_END && l.nrows == 1 + (at > 0);
	}
	ok(rows_ok, "a 120-byte field: a delimiter or a line end at each of 100 places is found there");
	ok(delims_ok, "with ';' as the delimiter: the first field ends at each of 100 places");
	ok(quotes_ok, "a stray quote at each of 100 places of an unquoted field is refused");
}

int main(void)
{
	cs_msg_init("t_csv");
	test_long_runs();
	test_basic();
	test_lines();
	test_errors();
	test_max_row();
	test_utf8();
	test_bad_rows();
	test_stop_and_read_error();
	test_misc();
	return tap_done();
}
