/* fmt_transcript_aws: Amazon Transcribe output, one job a call.
 *  - standard batch output ({"jobName","results":{"items",...}}): a turn
 *    is a run of consecutive items of one speaker (speaker_label, or
 *    channel_label), punctuation attached without a space, and so are two
 *    words of Chinese or Japanese (items of their own: "我", "要"); its
 *    offsets are its first word's start and last word's end. Items without
 *    labels take them from results.speaker_labels.segments, or, with
 *    channel identification, come from results.channel_labels.channels
 *    merged by time. results.audio_segments, when present, are the turns
 *    instead. Channel ch_0 is the agent and the other channels customers
 *    (the service's side is recorded first); spk_N labels follow the
 *    first-speaker rule of fmt_transcript.c.
 *  - Call Analytics output ({"JobName","Transcript":[{"Id",
 *    "ParticipantRole","Content","BeginOffsetMillis","EndOffsetMillis",
 *    "Sentiment"}],"ConversationCharacteristics",...}): one message an
 *    entry, its role from ParticipantRole, its sentiment lower-cased; the
 *    first message's "conversation" holds non_talk_ms, interruptions,
 *    duration_ms, sentiment per role and the matched categories as tags.
 * The call's id is the job's "conversation_id", "call_id", "jobName" or
 * "JobName", else the file's base name. Offsets are read from their digits. */
#include "fmt_transcript_call.h"
#include "fmt_readers.h"
#include "kit_mem.h"
#include "kit_utf8.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NONE ((cs_jval){NULL, 0, CS_J_NONE})

struct word {
	int64_t start, end;
	size_t lab, labn, txt, txtn;
	uint64_t line;
	size_t seq;
	int punct;
};

struct span {
	int64_t start;
	size_t lab, labn;
};

struct aws {
	tr_call call;
	cs_doc *d;
	struct word *w;
	size_t n, cap;
	struct span *seg;
	size_t nseg, segcap;
	cs_buf words;        /* the words' labels and contents */
	cs_buf tmp, lab, text;
	cs_jval channel;     /* the channel whose items are read, or none */
	const char *job;     /* where the job starts, its line job_no */
	uint64_t job_no;
	const char *at;      /* line_of()'s cursor, on line at_no */
	uint64_t at_no;
	int labelled;        /* some item had a label of its own */
	int stop;
};

static void aws_free(struct aws *x)
{
	tr_call_free(&x->call);
	free(x->w);
	free(x->seg);
	cs_buf_free(&x->words);
	cs_buf_free(&x->tmp);
	cs_buf_free(&x->lab);
	cs_buf_free(&x->text);
}

/* The line of p, counted within the job: items are read out of document
 * order (channels before items), and cs_doc_line() would start from the
 * top of the input each time it goes back. */
static uint64_t line_of(struct aws *x, const char *p)
{
	if (p < x->at) {
		x->at = x->job;
		x->at_no = x->job_no;
	}
	for (const char *q = x->at; (q = memchr(q, '\n', (size_t)(p - q))); q++)
		x->at_no++;
	x->at = p;
	return x->at_no;
}

static int take_first(cs_jval item, void *ctx)
{
	*(cs_jval *)ctx = item;
	return 1;
}

static cs_jval first_of(cs_jval arr)
{
	cs_jval v = NONE;
	cs_jeach(arr, take_first, &v);
	return v;
}

/* A value of seconds ("12.345", or a number) in ms; -1 when there is none. */
static int64_t seconds_of(cs_jval v, cs_buf *tmp)
{
	int64_t ms;
	const char *s = cs_jtext(v, tmp);
	return s && tr_seconds_ms(s, tmp->len, &ms) == 0 ? ms : -1;
}

static void keep(struct aws *x, const char *s, size_t n, size_t *off, size_t *len)
{
	*off = x->words.len;
	*len = s ? n : 0;
	if (s && n)
		cs_buf_add(&x->words, s, n);
}

/* The label of an item: its own, or the channel's being read. */
static const char *item_label(struct aws *x, cs_jval item)
{
	const char *lab = cs_jtext(cs_jget(item, "speaker_label"), &x->lab);
	if (!lab)
		lab = cs_jtext(cs_jget(item, "channel_label"), &x->lab);
	if (lab && x->channel.t == CS_J_NONE)
		x->labelled = 1;
	if (!lab)
		lab = cs_jtext(x->channel, &x->lab);
	return lab;
}

static int take_item(cs_jval item, void *ctx)
{
	struct aws *x = ctx;
	uint64_t line = line_of(x, item.p);
	const char *type = cs_jtext(cs_jget(item, "type"), &x->tmp);
	int punct = type && strcmp(type, "punctuation") == 0;
	const char *content = cs_jtext(cs_jget(first_of(cs_jget(item, "alternatives")), "content"), &x->text);
	int64_t start = seconds_of(cs_jget(item, "start_time"), &x->tmp);
	int64_t end = seconds_of(cs_jget(item, "end_time"), &x->tmp);
	if (!content || (!punct && (start < 0 || end < start))) {
		x->stop = cs_doc_bad(x->d, line, "an item without alternatives[0].content, start_time and end_time");
		return x->stop;
	}
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 256;
		x->w = cs_realloc(x->w, x->cap * sizeof *x->w);
	}
	struct word *w = &x->w[x->n];
	const char *lab = item_label(x, item);
	w->punct = punct;
	w->start = punct ? (x->n ? x->w[x->n - 1].start : 0) : start;
	w->end = punct ? w->start : end;
	w->line = line;
	w->seq = x->n++;
	keep(x, lab, lab ? x->lab.len : 0, &w->lab, &w->labn);
	keep(x, content, x->text.len, &w->txt, &w->txtn);
	return 0;
}

/* ---- labels from speaker_labels.segments ---- */

static int take_segment(cs_jval seg, void *ctx)
{
	struct aws *x = ctx;
	const char *lab = cs_jtext(cs_jget(seg, "speaker_label"), &x->lab);
	int64_t start = seconds_of(cs_jget(seg, "start_time"), &x->tmp);
	if (!lab || start < 0)
		return 0;
	if (x->nseg == x->segcap) {
		x->segcap = x->segcap ? x->segcap * 2 : 64;
		x->seg = cs_realloc(x->seg, x->segcap * sizeof *x->seg);
	}
	struct span *s = &x->seg[x->nseg++];
	s->start = start;
	keep(x, lab, x->lab.len, &s->lab, &s->labn);
	return 0;
}

/* Each word takes the label of the last segment starting at or before it
 * (segments and words are both in time order). */
static void label_from_segments(struct aws *x, cs_jval results)
{
	x->nseg = 0;
	cs_jeach(cs_jpath(results, "speaker_labels.segments"), take_segment, x);
	size_t j = 0;
	for (size_t i = 0; i < x->n && x->nseg; i++) {
		struct word *w = &x->w[i];
		while (j + 1 < x->nseg && x->seg[j + 1].start <= w->start)
			j++;
		w->lab = x->seg[j].lab;
		w->labn = x->seg[j].labn;
	}
}

/* ---- words from channel_labels.channels ---- */

static int take_channel(cs_jval ch, void *ctx)
{
	struct aws *x = ctx;
	x->channel = cs_jget(ch, "channel_label");
	cs_jeach(cs_jget(ch, "items"), take_item, x);
	x->channel = NONE;
	return x->stop;
}

static int by_time(const void *a, const void *b)
{
	const struct word *p = a, *q = b;
	if (p->start != q->start)
		return p->start < q->start ? -1 : 1;
	return p->seq < q->seq ? -1 : p->seq > q->seq;
}

static int words_from_channels(struct aws *x, cs_jval results)
{
	x->n = 0;
	if (cs_jeach(cs_jpath(results, "channel_labels.channels"), take_channel, x))
		return 1;
	if (x->n > 1)
		qsort(x->w, x->n, sizeof *x->w, by_time);
	return 0;
}

/* ---- turns ---- */

static enum tr_role channel_role(const char *lab, size_t n)
{
	if (n > 3 && memcmp(lab, "ch_", 3) == 0)
		return n == 4 && lab[3] == '0' ? TR_ROLE_AGENT : TR_ROLE_CUSTOMER;
	return TR_ROLE_NONE;
}

static void add_turn(struct aws *x, const char *lab, size_t labn, int64_t start, int64_t end, const char *text,
		     size_t textn, uint64_t line)
{
	if (!textn)
		return;
	tr_turn *t = tr_call_add(&x->call, lab, labn, start, end, text, textn, line);
	if (t->role == TR_ROLE_NONE)
		t->role = channel_role(lab, labn);
}

static int same_label(const struct aws *x, const struct word *a, const struct word *b)
{
	return a->labn == b->labn && memcmp(x->words.p + a->lab, x->words.p + b->lab, a->labn) == 0;
}

/* Word w[0..n) after the turn's text so far, a space between them unless
 * both sides are of a script set without spaces (Han, kana). */
static void add_word(cs_buf *text, const char *w, size_t n)
{
	if (cs_utf8_space_between(text->p, text->len, w, n))
		cs_buf_addc(text, ' ');
	cs_buf_add(text, w, n);
}

static void turns_from_words(struct aws *x)
{
	const struct word *first = NULL, *last = NULL;
	cs_buf_reset(&x->text);
	for (size_t i = 0; i <= x->n; i++) {
		const struct word *w = i < x->n ? &x->w[i] : NULL;
		if (w && w->punct) {
			if (first)
				cs_buf_add(&x->text, x->words.p + w->txt, w->txtn);
			continue;
		}
		if (first && (!w || !same_label(x, w, first))) {
			add_turn(x, x->words.p + first->lab, first->labn, first->start, last->end, x->text.p, x->text.len,
				 first->line);
			first = NULL;
			cs_buf_reset(&x->text);
		}
		if (!w)
			break;
		if (!first)
			first = w;
		last = w;
		add_word(&x->text, x->words.p + w->txt, w->txtn);
	}
}

static int take_audio_segment(cs_jval seg, void *ctx)
{
	struct aws *x = ctx;
	uint64_t line = line_of(x, seg.p);
	cs_jval lab = cs_jget(seg, "speaker_label");
	const char *label = cs_jtext(cs_jis(lab) ? lab : cs_jget(seg, "channel_label"), &x->lab);
	const char *text = cs_jtext(cs_jget(seg, "transcript"), &x->text);
	int64_t start = seconds_of(cs_jget(seg, "start_time"), &x->tmp);
	int64_t end = seconds_of(cs_jget(seg, "end_time"), &x->tmp);
	if (!text || start < 0 || end < start) {
		x->stop = cs_doc_bad(x->d, line, "an audio segment without transcript, start_time and end_time");
		return x->stop;
	}
	add_turn(x, label, label ? x->lab.len : 0, start, end, text, x->text.len, line);
	return 0;
}

static int read_results(struct aws *x, cs_jval results)
{
	cs_jval segs = cs_jget(results, "audio_segments");
	if (cs_jlen(segs))
		return cs_jeach(segs, take_audio_segment, x) ? 1 : 0;
	x->n = 0;
	x->labelled = 0;
	cs_buf_reset(&x->words);
	if (cs_jeach(cs_jget(results, "items"), take_item, x))
		return 1;
	if (!x->labelled && cs_jis(cs_jget(results, "speaker_labels")))
		label_from_segments(x, results);
	else if (!x->labelled && cs_jis(cs_jget(results, "channel_labels")) && words_from_channels(x, results))
		return 1;
	turns_from_words(x);
	return 0;
}

/* ---- Call Analytics ---- */

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s + 32);
}

static int take_entry(cs_jval e, void *ctx)
{
	struct aws *x = ctx;
	uint64_t line = line_of(x, e.p);
	const char *who = cs_jtext(cs_jget(e, "ParticipantRole"), &x->lab);
	const char *text = cs_jtext(cs_jget(e, "Content"), &x->text);
	int64_t start = cs_jint(cs_jget(e, "BeginOffsetMillis"), -1), end = cs_jint(cs_jget(e, "EndOffsetMillis"), -1);
	if (!text || start < 0 || end < start) {
		x->stop = cs_doc_bad(x->d, line, "a Transcript entry without Content, BeginOffsetMillis and EndOffsetMillis");
		return x->stop;
	}
	tr_turn *t = tr_call_add(&x->call, who, who ? x->lab.len : 0, start, end, text, x->text.len, line);
	if (who && strcasecmp(who, "AGENT") == 0)
		t->role = TR_ROLE_AGENT;
	else if (who && strcasecmp(who, "CUSTOMER") == 0)
		t->role = TR_ROLE_CUSTOMER;
	const char *id = cs_jtext(cs_jget(e, "Id"), &x->tmp);
	if (id)
		tr_call_keep(&x->call, id, x->tmp.len, &t->sid, &t->sidn);
	char *sent = (char *)cs_jtext(cs_jget(e, "Sentiment"), &x->tmp);
	if (sent) {
		lower(sent);
		tr_call_keep(&x->call, sent, x->tmp.len, &t->sent, &t->sentn);
	}
	return 0;
}

static void summary_number(cs_jw *w, const char *key, cs_jval v, int *count)
{
	if (v.t == CS_J_NUMBER) {
		cs_fmt_raw(w, key, v);
		++*count;
	}
}

/* The conversation's summary from ConversationCharacteristics and Categories. */
static void analytics_summary(struct aws *x, cs_jval job)
{
	cs_jval cc = cs_jget(job, "ConversationCharacteristics");
	cs_jval overall = cs_jpath(cc, "Sentiment.OverallSentiment");
	cs_jval tags = cs_jpath(job, "Categories.MatchedCategories");
	cs_jw w;
	int count = 0;
	cs_buf_reset(&x->call.meta);
	cs_jw_init(&w, &x->call.meta);
	cs_jw_object(&w);
	summary_number(&w, "non_talk_ms", cs_jpath(cc, "NonTalkTime.TotalTimeMillis"), &count);
	summary_number(&w, "interruptions", cs_jpath(cc, "Interruptions.TotalCount"), &count);
	summary_number(&w, "duration_ms", cs_jget(cc, "TotalConversationDurationMillis"), &count);
	if (cs_jget(overall, "AGENT").t == CS_J_NUMBER || cs_jget(overall, "CUSTOMER").t == CS_J_NUMBER) {
		int roles = 0;
		cs_jw_key(&w, "sentiment");
		cs_jw_object(&w);
		summary_number(&w, "agent", cs_jget(overall, "AGENT"), &roles);
		summary_number(&w, "customer", cs_jget(overall, "CUSTOMER"), &roles);
		cs_jw_end_object(&w);
		count++;
	}
	if (tags.t == CS_J_ARRAY && cs_jlen(tags)) {
		cs_fmt_raw(&w, "tags", tags);
		count++;
	}
	cs_jw_end_object(&w);
	if (!count || cs_jw_finish(&w) < 0)
		cs_buf_reset(&x->call.meta);
}

/* ---- jobs ---- */

static void job_id(struct aws *x, cs_jval job, const char *data, size_t n)
{
	static const char *const keys[] = {"conversation_id", "call_id", "jobName", "JobName"};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char *id = cs_jtext(cs_jget(job, keys[i]), &x->tmp);
		if (id && *id) {
			cs_buf_reset(&x->call.conv);
			cs_buf_add(&x->call.conv, id, x->tmp.len);
			return;
		}
	}
	tr_call_id_from_path(&x->call, data, n);
}

static int read_job(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx)
{
	struct aws *x = ctx;
	cs_jval job = {p, n, t};
	cs_jval results = cs_jget(job, "results"), entries = cs_jget(job, "Transcript");
	if (results.t != CS_J_OBJECT && entries.t != CS_J_ARRAY)
		return cs_doc_bad(d, line, "a Transcribe job without \"results\" (or a Call Analytics \"Transcript\")");
	job_id(x, job, p, n);
	x->job = x->at = p;
	x->job_no = x->at_no = line;
	x->call.next_ordinal = 0;
	x->stop = 0;
	if (entries.t == CS_J_ARRAY) {
		analytics_summary(x, job);
		if (cs_jeach(entries, take_entry, x))
			return x->stop;
	} else if (read_results(x, results)) {
		return x->stop;
	}
	return tr_call_flush(&x->call);
}

static int read_array_job(cs_jval job, void *ctx)
{
	struct aws *x = ctx;
	x->stop = read_job(x->d, job.p, job.n, job.t, cs_doc_line(x->d, job.p), x);
	return x->stop;
}

/* The input as one value (a job, or an array of jobs) when it is one:
 * cs_doc_each_value() finds where a pretty-printed value ends by trying
 * each line end, too slow for the hour-long calls Transcribe writes.
 * Returns -1 when the input is not one value. */
static int read_one_value(struct aws *x, const char *data, size_t n)
{
	const char *p = data, *e = data + n;
	enum cs_jtype t;
	cs_jerr err = {0};
	if (e - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		e--;
	int depth = cs_doc_common(x->d)->max_depth;
	if (p == e || cs_json_value(p, (size_t)(e - p), depth > 0 ? depth : CS_JSON_DEFAULT_MAX_DEPTH, &t, &err) < 0)
		return -1;
	if (t == CS_J_ARRAY)
		return cs_jeach((cs_jval){p, (size_t)(e - p), t}, read_array_job, x) ? 1 : 0;
	return read_job(x->d, p, (size_t)(e - p), t, cs_doc_line(x->d, p), x);
}

static int read_transcribe(cs_doc *d, const char *data, size_t n)
{
	struct aws x = {.d = d, .channel = NONE};
	tr_call_init(&x.call, d);
	int stop = read_one_value(&x, data, n);
	if (stop < 0)
		stop = cs_doc_each_value(d, data, n, 1, read_job, &x);
	aws_free(&x);
	return stop;
}

static int has(const char *head, size_t n, const char *key) { return memmem(head, n, key, strlen(key)) != NULL; }

static int sniff_transcribe(const char *head, size_t n, const char *path)
{
	(void)path;
	if (has(head, n, "\"ParticipantRole\"") && (has(head, n, "\"Transcript\"") || has(head, n, "\"JobName\"")))
		return 90;
	if (has(head, n, "\"results\"") && (has(head, n, "\"transcripts\"") || has(head, n, "\"jobName\"")))
		return 90;
	return has(head, n, "\"jobName\"") && has(head, n, "\"accountId\"") ? 80 : 0;
}

const struct cs_doc_format cs_fmt_transcribe = {
	"transcribe", "Amazon Transcribe jobs (standard and Call Analytics output)", sniff_transcribe, read_transcribe};
