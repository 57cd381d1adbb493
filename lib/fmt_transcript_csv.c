/* fmt_transcript_csv: a call transcript as CSV, one turn a row, the header
 * naming the columns in any order: speaker, start and end (or start_time
 * and end_time; times as seconds with decimals, hh:mm:ss.ttt, or
 * milliseconds when the name ends in "ms"), text; and optionally role,
 * sentiment, and conversation_id or call_id (rows of one call together:
 * when it changes, a new call starts). Read with the kit's CSV reader
 * after tr_decode; the delimiter is sniffed. */
#include "fmt_transcript_call.h"
#include "fmt_readers.h"
#include "kit_csv.h"
#include "kit_msg.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum col { C_SPEAKER, C_ROLE, C_START, C_END, C_TEXT, C_CONV, C_SENT, NCOL };

static const char *const col_names[NCOL] = {
	"speaker speaker_label speaker_name participant name",
	"role participant_role speaker_role",
	"start start_time begin begin_time start_ms begin_ms start_offset_ms start_seconds",
	"end end_time stop end_ms end_offset_ms end_seconds",
	"text transcript content utterance message sentence",
	"conversation_id call_id conversation",
	"sentiment",
};

/* A row function's "stop reading this input" (1 stops the run). */
enum { STOP_FILE = 2 };

struct tcsv {
	tr_call call;
	cs_doc *d;
	long col[NCOL];     /* the column of each, -1 when absent */
	int in_ms[NCOL];    /* a start or end column in milliseconds */
	int header_done;
	uint64_t rows;
	int stop;
	cs_buf name;
};

/* Is the header cell h one of the space-separated names? */
static int names_match(const char *names, const char *h, size_t n)
{
	for (const char *p = names; *p;) {
		size_t k = strcspn(p, " ");
		if (k == n && memcmp(p, h, n) == 0)
			return 1;
		p += k + (p[k] == ' ');
	}
	return 0;
}

/* A header cell lower-cased and trimmed, spaces and dashes as '_'. */
static void normalize(const char *s, size_t n, cs_buf *out)
{
	cs_buf_reset(out);
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		cs_buf_addc(out, ch == ' ' || ch == '-' ? '_' : ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch);
	}
}

static int take_header(struct tcsv *x, const cs_csv_row *row)
{
	static const char *const needed[] = {[C_START] = "start", [C_END] = "end", [C_TEXT] = "text"};
	for (int c = 0; c < NCOL; c++)
		x->col[c] = -1;
	for (size_t i = 0; i < row->n; i++) {
		normalize(row->cell[i], row->len[i], &x->name);
		for (int c = 0; c < NCOL; c++)
			if (x->col[c] < 0 && x->name.len && names_match(col_names[c], x->name.p, x->name.len)) {
				x->col[c] = (long)i;
				x->in_ms[c] = x->name.len >= 2 && memcmp(x->name.p + x->name.len - 2, "ms", 2) == 0;
				break;
			}
	}
	x->header_done = 1;
	for (int c = C_START; c <= C_TEXT; c++)
		if (x->col[c] < 0)
			return cs_doc_bad(x->d, row->line,
					  "the header names no %s column (a transcript needs speaker, start, end and text)",
					  needed[c]) ? 1 : STOP_FILE;
	return 0;
}

static char *cell(const cs_csv_row *row, const struct tcsv *x, enum col c, size_t *n)
{
	if (x->col[c] < 0 || (size_t)x->col[c] >= row->n) {
		*n = 0;
		return NULL;
	}
	*n = row->len[x->col[c]];
	return row->cell[x->col[c]];
}

/* The start or end of a row; 0, or 1 when reported (x->stop set). */
static int row_time(struct tcsv *x, const cs_csv_row *row, enum col c, int64_t *ms)
{
	size_t n;
	const char *s = cell(row, x, c, &n);
	const char *why = !n ? "empty" : x->in_ms[c] ? tr_int_ms(s, n, ms) ? "not whole milliseconds" : NULL
						     : tr_time_ms(s, n, ms);
	if (!why)
		return 0;
	x->stop = cs_doc_bad(x->d, row->line, "%s time: %s ('%.*s')", c == C_START ? "start" : "end", why,
			     (int)(n < 40 ? n : 40), s ? s : "");
	return 1;
}

/* A conversation_id or call_id cell unlike the call's: a new call. */
static int switch_call(struct tcsv *x, const cs_csv_row *row)
{
	size_t n;
	const char *conv = cell(row, x, C_CONV, &n);
	if (!n || (x->call.conv.len == n && memcmp(x->call.conv.p, conv, n) == 0))
		return 0;
	int stop = tr_call_flush(&x->call);
	cs_buf_reset(&x->call.conv);
	cs_buf_add(&x->call.conv, conv, n);
	return stop;
}

static int take_row(struct tcsv *x, const cs_csv_row *row)
{
	int64_t start, end;
	size_t spkn, textn, rolen, sentn;
	x->call.next_ordinal = x->rows++;
	if (row_time(x, row, C_START, &start) || row_time(x, row, C_END, &end))
		return x->stop;
	if (end < start)
		return cs_doc_bad(x->d, row->line, "the turn ends before it starts");
	if (switch_call(x, row))
		return 1;
	const char *text = cell(row, x, C_TEXT, &textn), *spk = cell(row, x, C_SPEAKER, &spkn);
	const char *role = cell(row, x, C_ROLE, &rolen);
	char *sent = cell(row, x, C_SENT, &sentn);
	if (!textn)
		return 0;
	tr_turn *t = tr_call_add(&x->call, spk, spkn, start, end, text, textn, row->line);
	if (rolen)
		t->role = tr_role_of_label(role, rolen);
	for (size_t i = 0; i < sentn; i++)
		sent[i] = sent[i] >= 'A' && sent[i] <= 'Z' ? (char)(sent[i] + 32) : sent[i];
	tr_call_keep(&x->call, sent, sentn, &t->sent, &t->sentn);
	return 0;
}

static int csv_row(const cs_csv_row *row, void *ctx)
{
	struct tcsv *x = ctx;
	return x->header_done ? take_row(x, row) : take_header(x, row);
}

/* ---- the CSV reader over memory, its syntax errors reported as bad ---- */

struct mem {
	const char *p;
	size_t left;
};

static long mem_read(void *ctx, char *dst, size_t n)
{
	struct mem *m = ctx;
	size_t k = n < m->left ? n : m->left;
	if (k > 1 << 20)
		k = 1 << 20;
	memcpy(dst, m->p, k);
	m->p += k;
	m->left -= k;
	return (long)k;
}

static int read_csv_text(struct tcsv *x, const char *text, size_t n)
{
	char reason[256];
	uint64_t line = 0;
	struct mem m = {text, n};
	struct cs_csv_opts o = {.delim = cs_csv_sniff_delimiter(text, n < 65536 ? n : 65536),
				.max_row = cs_doc_common(x->d)->max_record, .err = reason, .errlen = sizeof reason,
				.err_line = &line};
	int res = cs_csv_read_opts(mem_read, &m, cs_doc_path(x->d), &o, csv_row, x);
	if (res == CS_CSV_SYNTAX)
		return cs_doc_bad(x->d, line, "%s", reason);
	if (res == 1)
		return 1;
	if (!x->header_done)
		return cs_doc_bad(x->d, 0, "no header row");
	return 0;
}

static int read_tcsv(cs_doc *d, const char *data, size_t n)
{
	struct tcsv x = {.d = d};
	cs_buf decoded = CS_BUF_INIT;
	const char *text;
	size_t len;
	tr_call_init(&x.call, d);
	tr_call_id_from_path(&x.call, data, n);
	tr_decode(d, data, n, &decoded, &text, &len);
	int stop = read_csv_text(&x, text, len);
	if (!stop)
		stop = tr_call_flush(&x.call);
	tr_call_free(&x.call);
	cs_buf_free(&x.name);
	cs_buf_free(&decoded);
	return stop;
}

/* A header row naming a start, an end and a text column (and a speaker). */
static int sniff_tcsv(const char *head, size_t n, const char *path)
{
	const char *p = head, *e = head + n;
	(void)path;
	if (e - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	const char *nl = memchr(p, '\n', (size_t)(e - p));
	const char *end = nl ? nl : e;
	cs_buf cellname = CS_BUF_INIT;
	int seen[NCOL] = {0};
	while (p < end) {
		const char *q = p;
		while (q < end && *q != ',' && *q != ';' && *q != '\t' && *q != '|' && *q != '\r')
			q++;
		size_t k = (size_t)(q - p);
		if (k >= 2 && *p == '"' && q[-1] == '"') {
			p++;
			k -= 2;
		}
		normalize(p, k, &cellname);
		for (int c = 0; c < NCOL; c++)
			seen[c] |= cellname.len && names_match(col_names[c], cellname.p, cellname.len);
		p = q + 1;
	}
	cs_buf_free(&cellname);
	if (!seen[C_START] || !seen[C_END] || !seen[C_TEXT])
		return 0;
	return seen[C_SPEAKER] || seen[C_ROLE] ? 85 : 70;
}

const struct cs_doc_format cs_fmt_transcript_csv = {
	"transcript-csv", "call transcripts as CSV (speaker, start, end, text columns)", sniff_tcsv, read_tcsv};
