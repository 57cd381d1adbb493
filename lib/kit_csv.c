/* cs_csv: CSV/TSV rows, with physical line numbers and a strict UTF-8 check
 * of the raw bytes, through a tokenizer of our own (it replaced libcsv, which
 * calls a function for every byte: three times slower on real exports).
 *
 * Input is fed in pieces that end at each CR or LF. A row can then only end
 * on the last byte of a piece (CR and LF are the only row terminators), which
 * tells us where every row starts: a row begins in the first piece whose
 * first byte is not a terminator while no row is open. Lines are counted on
 * LF only, so CRLF files number lines exactly like LF files. */
#include "kit_csv.h"
#include "kit_buf.h"
#include "kit_bytes.h"
#include "kit_in.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CS_CSV_CHUNK ((size_t)64 << 10)

/* Incremental RFC 3629 decoder state, carried across pieces and chunks. */
typedef struct {
	unsigned need;          /* continuation bytes still expected */
	unsigned char lo, hi;   /* allowed range of the next continuation byte */
	unsigned char lead;     /* first byte of the current (or bad) sequence */
	uint64_t line, col;     /* where that byte is */
} cs_csv_u8;

typedef struct {
	const char *name;
	uint64_t line;          /* current physical line, 1-based */
	uint64_t col;           /* bytes already fed on the current line */
	int ended_nl;           /* last byte fed was LF */
	size_t max_row;         /* longest row in bytes, line ends not counted; 0: no limit */
	size_t row_bytes;       /* the open row's bytes so far */
	int row_open;           /* a row has begun and not yet ended */
	uint64_t row_line;      /* where the open row began */
	uint64_t field_line;    /* where the open row's current field began */
	cs_buf bytes;           /* the open row's cells, each NUL-terminated */
	size_t *off, *len;      /* per cell: offset into bytes, length */
	char **cell;
	size_t n, cap;
	cs_csv_row_fn fn;
	void *fn_ctx;
	int stop;               /* the callback's non-zero return */
	cs_csv_u8 u8;
	int check_utf8;         /* reject invalid UTF-8 (else the caller replaces it) */
	int pass_unconverted;   /* but for CS_IN_UNCONVERTED: the caller rejects the row */
	/* the tokenizer; lenient: --csv-quotes lenient */
	int lenient;
	enum { TOK_START, TOK_UNQUOTED, TOK_QUOTED, TOK_QUOTE_SEEN } tok_state;
	int tok_row_has_field;
	char tok_delim;
	size_t field_start;     /* the open field's first byte in bytes */
	int (*bad_row)(uint64_t line, void *ctx);
	int row_bad;            /* the open row was reported bad: it is skipped to its end */
	int strict_quotes;      /* !lenient, while a bad row is read leniently */
	char *err;              /* opts->err: syntax errors are handed back here */
	size_t errlen;
	uint64_t *err_line;
} cs_csv_reader;

static int cs_csv_is_term(unsigned char c) { return c == '\r' || c == '\n'; }

/* The first CR or LF in s[i..n), or n. */
static size_t term_at(const char *s, size_t i, size_t n)
{
	const char *lf = memchr(s + i, '\n', n - i);
	size_t end = lf ? (size_t)(lf - s) : n;
	const char *cr = memchr(s + i, '\r', end - i);
	return cr ? (size_t)(cr - s) : end;
}

/* Begins a sequence at lead byte b; returns 0 if b cannot start one. */
static int cs_csv_u8_lead(cs_csv_u8 *u, unsigned char b)
{
	u->lo = 0x80;
	u->hi = 0xBF;
	if (b >= 0xC2 && b <= 0xDF)
		u->need = 1;
	else if (b >= 0xE0 && b <= 0xEF)
		u->need = 2;
	else if (b >= 0xF0 && b <= 0xF4)
		u->need = 3;
	else
		return 0;
	/* Overlongs, surrogates and code points above U+10FFFF are excluded by
	 * narrowing the range of the second byte. */
	if (b == 0xE0)
		u->lo = 0xA0;
	else if (b == 0xED)
		u->hi = 0x9F;
	else if (b == 0xF0)
		u->lo = 0x90;
	else if (b == 0xF4)
		u->hi = 0x8F;
	return 1;
}

/* n less a sequence begun in the last bytes of s[0..n) and not finished there. */
static size_t whole_sequences(const unsigned char *s, size_t n)
{
	for (size_t back = 1; back <= 3 && back <= n; back++) {
		unsigned char b = s[n - back];
		if (b < 0x80)
			return n;
		if (b >= 0xC0) {
			size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
			return len > back ? n - back : n;
		}
	}
	return n;
}

/* Checks s[0..n), the next bytes of the current line. Returns n if they are
 * valid so far, else the offset of the byte that made the input invalid; the
 * sequence to report (its first byte and position) is left in r->u8. */
static size_t cs_csv_u8_scan(cs_csv_reader *r, const unsigned char *s, size_t n)
{
	cs_csv_u8 *u = &r->u8;
	size_t i = 0;
	if (!u->need) {   /* the whole sequences at once; any error is found again below, to say where */
		size_t whole = whole_sequences(s, n);
		if (cs_utf8_valid((const char *)s, whole, NULL))
			i = whole;
	}
	for (; i < n; i++) {
		unsigned char b = s[i];
		if (u->need) {
			if (b < u->lo || b > u->hi)
				return i;
			u->lo = 0x80;
			u->hi = 0xBF;
			u->need--;
			continue;
		}
		if (b < 0x80 || (b == CS_IN_UNCONVERTED && r->pass_unconverted))
			continue;
		u->lead = b;
		u->line = r->line;
		u->col = r->col + i + 1;
		if (!cs_csv_u8_lead(u, b))
			return i;
	}
	return n;
}

/* With opts->err set, a syntax error is handed back instead of printed. */
static int cs_csv_give_back(cs_csv_reader *r, uint64_t line, const char *reason)
{
	if (!r->err)
		return 0;
	snprintf(r->err, r->errlen, "%s", reason);
	if (r->err_line)
		*r->err_line = line;
	return 1;
}

static int cs_csv_u8_error(cs_csv_reader *r)
{
	char reason[64];
	snprintf(reason, sizeof reason, "invalid UTF-8 (byte 0x%02x)", r->u8.lead);
	if (cs_csv_give_back(r, r->u8.line, reason))
		return CS_CSV_SYNTAX;
	cs_error("%s:%llu:%llu: invalid UTF-8 (byte 0x%02x)", r->name,
		 (unsigned long long)r->u8.line, (unsigned long long)r->u8.col, r->u8.lead);
	cs_exit_raise(CS_EXIT_DATA);
	cs_in_hint_encoding(r->name);
	return CS_CSV_SYNTAX;
}

static int cs_csv_syntax(cs_csv_reader *r, uint64_t line, const char *reason)
{
	if (cs_csv_give_back(r, line, reason))
		return CS_CSV_SYNTAX;
	cs_error("%s:%llu: %s", r->name, (unsigned long long)line, reason);
	cs_exit_raise(CS_EXIT_DATA);
	return CS_CSV_SYNTAX;
}

/* The tokenizer refused byte bad, or (-1) the input ended in a quoted field. */
static int cs_csv_parse_error(cs_csv_reader *r, int bad)
{
	char reason[64];
	if (bad < 0) {
		uint64_t last = r->ended_nl ? r->line - 1 : r->line;
		snprintf(reason, sizeof reason, "unterminated quoted field (opened at line %llu)",
			 (unsigned long long)r->field_line);
		return cs_csv_syntax(r, last, reason);
	}
	/* Strict, it refuses exactly two things: a quote inside an unquoted
	 * field, and anything but a quote, delimiter or terminator after a
	 * closing quote. */
	if (bad == '"')
		return cs_csv_syntax(r, r->line, "stray quote in unquoted field");
	return cs_csv_syntax(r, r->line, "malformed quoted field (text after closing quote)");
}

/* The open row, starting at line, was reported bad (report is what the
 * report returned): with a bad_row callback it is skipped to its end,
 * unless the callback stops the reading. Returns 0 to go on. */
static int cs_csv_row_fault(cs_csv_reader *r, int report, uint64_t line)
{
	if (!r->bad_row || r->err)
		return report;
	int stop = r->bad_row(line, r->fn_ctx);
	if (stop)
		return stop;
	r->row_bad = 1;
	r->strict_quotes = !r->lenient;
	r->lenient = 1;   /* the row's end is all that is still wanted from it */
	return 0;
}

static void cs_csv_on_field(cs_csv_reader *r);
static void cs_csv_on_row(int term, void *ctx);

/* ---- the tokenizer ----
 * Our own, for speed: libcsv calls a function for every byte, this scans
 * runs of plain bytes at a time. Strict (RFC 4180) it refuses what libcsv's
 * strict mode refuses: a quote inside an unquoted field, and anything but a
 * quote, delimiter or line end after a closing quote. Lenient
 * (--csv-quotes lenient) it follows Python's csv (doublequote, not strict):
 * a quote opens a quoted field only at the start of a field; elsewhere in
 * an unquoted field it is text; after a closing quote, text up to the next
 * delimiter is added as it is ("ab"c is abc). */

static void tok_emit(cs_csv_reader *r)
{
	cs_csv_on_field(r);
	r->tok_row_has_field = 1;
}

static void tok_end_row(cs_csv_reader *r)
{
	if (r->tok_row_has_field || r->tok_state != TOK_START)
		tok_emit(r);
	cs_csv_on_row('\n', r);
	r->tok_row_has_field = 0;
	r->tok_state = TOK_START;
}

#if defined(__x86_64__) && defined(__GNUC__)
/* Whole 32-byte blocks of p[0..e) skipped while none holds the delimiter, a
 * quote, CR or LF: the first such byte, or where fewer than 32 are left. */
__attribute__((target("avx2"), noinline)) static const char *plain_skip32(const char *p, const char *e, char d)
{
	const __m256i delim = _mm256_set1_epi8(d), quote = _mm256_set1_epi8('"');
	const __m256i lf = _mm256_set1_epi8('\n'), cr = _mm256_set1_epi8('\r');
	for (; e - p >= 32; p += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
		__m256i hit = _mm256_or_si256(_mm256_cmpeq_epi8(v, delim), _mm256_cmpeq_epi8(v, quote));
		hit = _mm256_or_si256(hit, _mm256_or_si256(_mm256_cmpeq_epi8(v, lf), _mm256_cmpeq_epi8(v, cr)));
		unsigned m = (unsigned)_mm256_movemask_epi8(hit);
		if (m)
			return p + __builtin_ctz(m);
	}
	return p;
}

static size_t plain_skip(const char *s, size_t i, size_t n, char d)
{
	return n - i >= 32 && __builtin_cpu_supports("avx2") ? (size_t)(plain_skip32(s + i, s + n, d) - s) : i;
}
#else
static size_t plain_skip(const char *s, size_t i, size_t n, char d)
{
	(void)s;
	(void)n;
	(void)d;
	return i;
}
#endif

/* The end of the run of bytes at s[i..n) that are plain text in an
 * unquoted field. */
static size_t tok_plain_run(const cs_csv_reader *r, const char *s, size_t i, size_t n)
{
	char d = r->tok_delim;
	i = plain_skip(s, i, n, d);
	for (; i + 8 <= n; i += 8) {
		uint64_t v = cs_load8(s + i);
		if (cs_has_byte8(v, (unsigned char)d) | cs_has_byte8(v, '"') | cs_has_byte8(v, '\n') | cs_has_byte8(v, '\r'))
			break;
	}
	while (i < n && s[i] != d && s[i] != '"' && s[i] != '\n' && s[i] != '\r')
		i++;
	return i;
}

/* One byte that is not plain text (or the start of a field): returns 0, or
 * -1 when strict mode refuses it. */
static int tok_byte(cs_csv_reader *r, char c)
{
	int term = c == '\n' || c == '\r', delim = c == r->tok_delim;
	switch (r->tok_state) {
	case TOK_START:
		if (c == '"') {
			r->tok_state = TOK_QUOTED;
		} else if (delim) {
			tok_emit(r);
		} else if (term) {
			if (r->tok_row_has_field)
				tok_end_row(r);
		} else {
			cs_buf_addc(&r->bytes, c);
			r->tok_state = TOK_UNQUOTED;
		}
		return 0;
	case TOK_QUOTED:
		if (c == '"')
			r->tok_state = TOK_QUOTE_SEEN;
		else
			cs_buf_addc(&r->bytes, c);
		return 0;
	case TOK_QUOTE_SEEN:
		if (c == '"') {
			cs_buf_addc(&r->bytes, '"');
			r->tok_state = TOK_QUOTED;
			return 0;
		}
		if (!delim && !term && !r->lenient)
			return -1;   /* text after a closing quote */
		r->tok_state = TOK_UNQUOTED;
		break;
	case TOK_UNQUOTED:
		if (c == '"' && !r->lenient)
			return -1;   /* a quote inside an unquoted field */
		break;
	}
	if (delim) {
		tok_emit(r);
		r->tok_state = TOK_START;
	} else if (term) {
		tok_end_row(r);
	} else {
		cs_buf_addc(&r->bytes, c);
	}
	return 0;
}

/* Parse s[0..n); returns n, or the index of the byte strict mode refused. */
static size_t tok_parse(cs_csv_reader *r, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && !r->stop) {
		if (r->tok_state == TOK_UNQUOTED) {
			size_t end = tok_plain_run(r, s, i, n);
			cs_buf_add(&r->bytes, s + i, end - i);
			i = end;
		} else if (r->tok_state == TOK_QUOTED) {
			const char *q = memchr(s + i, '"', n - i);
			size_t end = q ? (size_t)(q - s) : n;
			cs_buf_add(&r->bytes, s + i, end - i);
			i = end;
		}
		if (i < n) {
			if (tok_byte(r, s[i]) < 0)
				return i;
			i++;
		}
	}
	return n;
}

/* The end of the input: 0, or -1 inside a quoted field. */
static int tok_fini(cs_csv_reader *r)
{
	if (r->tok_state == TOK_QUOTED)
		return -1;
	if (r->tok_row_has_field || r->tok_state != TOK_START)
		tok_end_row(r);
	return 0;
}

/* The field the tokenizer wrote at the end of bytes is complete. */
static void cs_csv_on_field(cs_csv_reader *r)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->off = cs_realloc(r->off, r->cap * sizeof *r->off);
		r->len = cs_realloc(r->len, r->cap * sizeof *r->len);
		r->cell = cs_realloc(r->cell, r->cap * sizeof *r->cell);
	}
	r->off[r->n] = r->field_start;
	r->len[r->n] = r->bytes.len - r->field_start;
	r->n++;
	cs_buf_addc(&r->bytes, '\0');
	r->field_start = r->bytes.len;
	/* The next field starts right after this delimiter, on this line. */
	r->field_line = r->line;
}

static void cs_csv_on_row(int term, void *ctx)
{
	cs_csv_reader *r = ctx;
	(void)term;
	if (r->n && !r->stop && !r->row_bad) {
		for (size_t i = 0; i < r->n; i++)
			r->cell[i] = r->bytes.p + r->off[i];
		cs_csv_row row = { r->cell, r->len, r->n, r->row_line };
		r->stop = r->fn(&row, r->fn_ctx);
	}
	r->n = 0;
	cs_buf_reset(&r->bytes);
	r->field_start = 0;
	r->row_open = 0;
	r->row_bytes = 0;
	if (r->row_bad) {
		r->row_bad = 0;
		r->lenient = !r->strict_quotes;
		r->u8.need = 0;
	}
}

/* The bytes of a bad row are not kept. */
static void cs_csv_drop_bad_row(cs_csv_reader *r)
{
	if (!r->row_bad)
		return;
	cs_buf_reset(&r->bytes);
	r->field_start = 0;
	r->n = 0;
}

static int cs_csv_too_long(cs_csv_reader *r)
{
	char reason[96];
	snprintf(reason, sizeof reason, "row longer than %zu bytes (--max-record)", r->max_row);
	return cs_csv_syntax(r, r->row_line, reason);
}

/* Feeds s[0..n), which holds at most one CR or LF, as its last byte. */
static int cs_csv_piece(cs_csv_reader *r, const char *s, size_t n)
{
	if (!r->row_open && !cs_csv_is_term((unsigned char)s[0])) {
		r->row_open = 1;
		r->row_line = r->field_line = r->line;
	}
	size_t ok = r->check_utf8 && !r->row_bad ? cs_csv_u8_scan(r, (const unsigned char *)s, n) : n;
	size_t fits = n;   /* the bytes before the row goes over max_row */
	if (r->row_open && !r->row_bad) {
		size_t body = n - cs_csv_is_term((unsigned char)s[n - 1]);
		if (r->max_row && r->row_bytes + body > r->max_row)
			fits = r->max_row - r->row_bytes;
		r->row_bytes += body;
	}
	/* The bytes before the first fault are parsed first, so that an earlier
	 * CSV error wins, whatever the size of the pieces. */
	size_t clean = ok < fits ? ok : fits;
	size_t used = clean ? tok_parse(r, s, clean) : 0;
	if (used < clean)
		return cs_csv_parse_error(r, (unsigned char)s[used]);
	if (clean < n) {
		int rc = cs_csv_row_fault(r, fits <= ok ? cs_csv_too_long(r) : cs_csv_u8_error(r), r->row_line);
		if (rc)
			return rc;
		tok_parse(r, s + clean, n - clean);   /* lenient now: it refuses nothing */
	}
	cs_csv_drop_bad_row(r);
	r->ended_nl = s[n - 1] == '\n';
	if (r->ended_nl) {
		r->line++;
		r->col = 0;
	} else {
		r->col += n;
	}
	return r->stop;
}

static int cs_csv_chunk(cs_csv_reader *r, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t end = term_at(s, i, n);
		if (end < n)
			end++;
		int rc = cs_csv_piece(r, s + i, end - i);
		if (rc)
			return rc;
		i = end;
	}
	return 0;
}

static int cs_csv_finish(cs_csv_reader *r)
{
	int rc;
	if (r->check_utf8 && r->u8.need && !r->row_bad && (rc = cs_csv_row_fault(r, cs_csv_u8_error(r), r->row_line)))
		return rc;
	if (tok_fini(r) != 0)
		return cs_csv_parse_error(r, -1);
	return r->stop;
}

static void cs_csv_reader_init(cs_csv_reader *r, const char *name, char delim, int lenient)
{
	memset(r, 0, sizeof *r);
	r->lenient = lenient;
	r->tok_delim = delim;
	r->name = name;
	r->line = 1;
}

static void cs_csv_reader_free(cs_csv_reader *r)
{
	cs_buf_free(&r->bytes);
	free(r->off);
	free(r->len);
	free(r->cell);
}

int cs_csv_read(cs_csv_read_fn rd, void *rctx, const char *name, char delim, size_t max_row,
		cs_csv_row_fn fn, void *ctx)
{
	return cs_csv_read_utf8(rd, rctx, name, delim, max_row, 1, fn, ctx);
}

int cs_csv_read_utf8(cs_csv_read_fn rd, void *rctx, const char *name, char delim, size_t max_row,
		     int check_utf8, cs_csv_row_fn fn, void *ctx)
{
	struct cs_csv_opts o = {.delim = delim, .max_row = max_row, .check_utf8 = check_utf8};
	return cs_csv_read_opts(rd, rctx, name, &o, fn, ctx);
}

/* After a syntax error: the lines of the input after the one at fault. */
static uint64_t lines_unread(cs_csv_read_fn rd, void *rctx, char *buf, uint64_t lines_so_far, uint64_t bad_line,
			     int last_open)
{
	long got;
	while ((got = rd(rctx, buf, CS_CSV_CHUNK)) > 0) {
		lines_so_far += cs_count_newlines(buf, (size_t)got);
		last_open = buf[got - 1] != '\n';
	}
	uint64_t total = lines_so_far + (uint64_t)last_open;
	return total > bad_line ? total - bad_line : 0;
}

int cs_csv_read_opts(cs_csv_read_fn rd, void *rctx, const char *name, const struct cs_csv_opts *o, cs_csv_row_fn fn,
		     void *ctx)
{
	cs_csv_reader r;
	uint64_t line_at_chunk = 1;   /* r.line as the last chunk began */
	long got = 0;
	cs_csv_reader_init(&r, name, o->delim, o->lenient_quotes);
	r.max_row = o->max_row;
	r.check_utf8 = o->check_utf8;
	r.pass_unconverted = o->pass_unconverted;
	r.err = o->err;
	r.errlen = o->errlen;
	r.err_line = o->err_line;
	r.bad_row = o->bad_row;
	r.fn = fn;
	r.fn_ctx = ctx;
	char *buf = cs_malloc(CS_CSV_CHUNK);
	int rc;
	for (;;) {
		got = rd(rctx, buf, CS_CSV_CHUNK);
		if (got < 0) {
			rc = CS_CSV_READ_ERROR;
			break;
		}
		if (got == 0) {
			rc = cs_csv_finish(&r);
			break;
		}
		line_at_chunk = r.line;
		rc = cs_csv_chunk(&r, buf, (size_t)got);
		if (rc)
			break;
	}
	/* counted only after an error, from the chunk it is in: not on every read */
	if (rc == CS_CSV_SYNTAX && o->unread_lines && got > 0)
		*o->unread_lines = lines_unread(rd, rctx, buf, line_at_chunk - 1 + cs_count_newlines(buf, (size_t)got), r.line,
						buf[got - 1] != '\n');
	else if (o->unread_lines)
		*o->unread_lines = 0;
	free(buf);
	cs_csv_reader_free(&r);
	return rc;
}
