/* eng_qa: cs-qa's engine (see eng_qa.h). */
#include "eng_qa.h"
#include "eng_qa_card.h"
#include "eng_qa_eval.h"
#include "kit_hash.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_time.h"
#include "svc_sentiment.h"
#include <inttypes.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cs_qa {
	struct cs_qa_opts o;
	qa_card *card;
	cs_lexicon *lexicon;
	qa_conv conv;
	cs_buf out, text, scratch, conv_id, alerts;
	cs_jw w;
	/* counters for --stats */
	uint64_t conversations, texts, passed_through, auto_failed, alerts_raised, messages;
	uint64_t no_text;
};

void cs_qa_opts_init(struct cs_qa_opts *o)
{
	memset(o, 0, sizeof *o);
	o->alerts = CS_QA_ALERTS_RECORDS;
	o->max_evidence = 3;
	o->messages_sentiment = 1;
}

/* ---- reading a conversation ---- */

static cs_jval member(const cs_rec *rec, const char *key)
{
	const cs_member *m = cs_obj_get(&rec->obj, key, strlen(key));
	return m ? (cs_jval){m->val.p, m->val.n, (enum cs_jtype)m->type} : (cs_jval){NULL, 0, CS_J_NONE};
}

static int64_t time_of(cs_jval v)
{
	cs_time t;
	if (v.t != CS_J_STRING || cs_time_parse(v.p + 1, v.n - 2, &t) < 0)
		return QA_NO_TIME;
	return t.ms;
}

static int64_t offset_of(cs_jval v)
{
	return v.t == CS_J_NUMBER ? cs_jint(v, QA_NO_TIME) : QA_NO_TIME;
}

/* A string member's text in place (no escapes) or unescaped into buf. */
static const char *str_of(cs_jval v, cs_buf *buf, size_t *n)
{
	const char *s = NULL;
	*n = 0;
	if (v.t == CS_J_STRING && cs_json_str((cs_span){v.p, v.n}, v.t, buf, &s, n) == 0)
		return s;
	if (v.t == CS_J_NUMBER && cs_json_id((cs_span){v.p, v.n}, v.t, buf, &s, n) == 0)
		return s;
	*n = 0;
	return "";
}

struct add_ctx {
	cs_qa *q;
	cs_buf id, ts, event, text, role;
	cs_obj members;
	size_t n;
};

/* The members of a message cs-qa reads, found in one pass over it. */
struct msg_members {
	cs_jval id, ts, event, type, text, role, start_ms, end_ms;
};

static void find_members(const cs_obj *obj, struct msg_members *mm)
{
	static const struct { const char *key; size_t off; } known[] = {
		{"id", offsetof(struct msg_members, id)}, {"ts", offsetof(struct msg_members, ts)},
		{"event", offsetof(struct msg_members, event)}, {"type", offsetof(struct msg_members, type)},
		{"text", offsetof(struct msg_members, text)}, {"role", offsetof(struct msg_members, role)},
		{"start_ms", offsetof(struct msg_members, start_ms)}, {"end_ms", offsetof(struct msg_members, end_ms)},
	};
	memset(mm, 0, sizeof *mm);
	for (size_t i = 0; i < obj->n; i++) {
		const cs_member *m = &obj->m[i];
		for (size_t k = 0; k < sizeof known / sizeof *known; k++)
			if (cs_member_is(m, known[k].key, strlen(known[k].key))) {
				*(cs_jval *)((char *)mm + known[k].off) = (cs_jval){m->val.p, m->val.n, (enum cs_jtype)m->type};
				break;
			}
	}
}

static int add_message(cs_jval m, void *ctx)
{
	struct add_ctx *a = ctx;
	if (m.t != CS_J_OBJECT || cs_json_members((cs_span){m.p, m.n}, &a->members) < 0)
		return 1;
	struct msg_members mm;
	find_members(&a->members, &mm);
	struct qa_msg_in in = {0};
	in.id = str_of(mm.id, &a->id, &in.id_len);
	in.ts_text = str_of(mm.ts, &a->ts, &in.ts_len);
	in.event = str_of(mm.event.t != CS_J_NONE ? mm.event : mm.type, &a->event, &in.event_len);
	in.text = str_of(mm.text, &a->text, &in.text_len);
	size_t rn;
	const char *role = str_of(mm.role, &a->role, &rn);
	in.role = qa_role_of(role, rn);
	in.ts = time_of(mm.ts);
	in.start_ms = offset_of(mm.start_ms);
	in.end_ms = offset_of(mm.end_ms);
	qa_conv_add(&a->q->conv, &in);
	a->n++;
	return 0;
}

static void add_ctx_free(struct add_ctx *a)
{
	cs_buf_free(&a->id);
	cs_buf_free(&a->ts);
	cs_buf_free(&a->event);
	cs_buf_free(&a->text);
	cs_buf_free(&a->role);
	cs_obj_free(&a->members);
}

/* ---- writing the qa field ---- */

/* v to the nearest 1/scale, written in the shortest form (33.3, not 33.300000000000004). */
static void write_double(cs_jw *w, double v, double scale)
{
	double r = round(v * scale) / scale;
	if (r == (double)(int64_t)r && fabs(r) < 1e15)
		cs_jw_int(w, (int64_t)r);   /* 100, not 1e+02; no -0 */
	else
		cs_jw_double(w, r);
}

static const char *label_name(int label) { return label > 0 ? "positive" : label < 0 ? "negative" : "neutral"; }

static void write_msg_ref(cs_jw *w, const qa_conv *c, uint32_t msg)
{
	const struct qa_msg *m = &c->msgs[msg];
	cs_jw_key(w, "message_id");
	cs_jw_str(w, c->strs.p + m->id_off, m->id_len);
	if (m->ts_len) {
		cs_jw_key(w, "ts");
		cs_jw_str(w, c->strs.p + m->ts_off, m->ts_len);
	}
}

static void write_ev(cs_jw *w, const qa_conv *c, const struct qa_ev *ev, const cs_buf *conv_id)
{
	cs_jw_object(w);
	if (conv_id) {
		cs_jw_key(w, "conversation_id");
		cs_jw_str(w, conv_id->p, conv_id->len);
	}
	if (ev->is_metric) {
		cs_jw_key(w, "metric");
		cs_jw_cstr(w, qa_metric_name((enum qa_metric)ev->metric));
		cs_jw_key(w, "value");
		write_double(w, ev->value, 1000);
		if (ev->msg != UINT32_MAX)
			write_msg_ref(w, c, ev->msg);
		cs_jw_end_object(w);
		return;
	}
	const struct qa_msg *m = &c->msgs[ev->msg];
	const char *text = c->raw.p + m->raw_off;
	size_t cs = cs_utf8_count(text, ev->s), ce = cs + cs_utf8_count(text + ev->s, ev->e - ev->s);
	write_msg_ref(w, c, ev->msg);
	cs_jw_key(w, "span");
	cs_jw_array(w);
	cs_jw_uint(w, cs);
	cs_jw_uint(w, ce);
	cs_jw_end_array(w);
	cs_jw_key(w, "text");
	cs_jw_str(w, text + ev->s, ev->e - ev->s);
	cs_jw_end_object(w);
}

/* Evidence of a result, each passage once, at most max entries. */
static void write_evidence(cs_jw *w, const qa_conv *c, const struct qa_result *r, int max, const cs_buf *conv_id)
{
	cs_jw_key(w, "evidence");
	cs_jw_array(w);
	int written = 0;
	for (size_t i = r->ev_first; i < r->ev_first + r->ev_count && written < max; i++) {
		const struct qa_ev *ev = &c->evs[i];
		int dup = 0;
		for (size_t k = r->ev_first; k < i && !dup; k++)
			dup = memcmp(&c->evs[k], ev, sizeof *ev) == 0;
		if (dup)
			continue;
		write_ev(w, c, ev, conv_id);
		written++;
	}
	cs_jw_end_array(w);
}

struct item_outcome {
	int applicable, passed;
	const struct qa_result *because;
};

static struct item_outcome judge_item(qa_conv *c, const struct qa_item *it)
{
	struct item_outcome o = {1, 0, NULL};
	const struct qa_result *applies = it->applies ? qa_eval(c, it->applies) : NULL;
	if (applies && applies->val != 1) {
		o.applicable = 0;
		o.because = applies;
		return o;
	}
	const struct qa_result *r = qa_eval(c, it->pass ? it->pass : it->fail);
	if (r->val < 0) {
		o.applicable = 0;
		o.because = r;
		return o;
	}
	o.passed = it->pass ? r->val == 1 : r->val == 0;
	o.because = r;
	/* a failed pass rule may have no evidence of its own (a greeting
	 * never said): show what made the item apply instead */
	if (!o.passed && !r->ev_count && applies)
		o.because = applies;
	return o;
}

struct totals {
	double points, possible, comp_points, comp_possible;
	int auto_fail;
};

static void write_item(cs_qa *q, const struct qa_item *it)
{
	cs_jw *w = &q->w;
	struct item_outcome o = judge_item(&q->conv, it);
	double points = o.applicable && o.passed ? it->weight : 0;
	cs_jw_object(w);
	cs_jw_key(w, "id");
	cs_jw_cstr(w, it->id);
	if (it->section) {
		cs_jw_key(w, "section");
		cs_jw_cstr(w, it->section);
	}
	cs_jw_key(w, "applicable");
	cs_jw_bool(w, o.applicable);
	cs_jw_key(w, "passed");
	if (o.applicable)
		cs_jw_bool(w, o.passed);
	else
		cs_jw_null(w);
	cs_jw_key(w, "points");
	write_double(w, points, 100);
	cs_jw_key(w, "weight");
	write_double(w, it->weight, 100);
	if (it->auto_fail && o.applicable && !o.passed) {
		cs_jw_key(w, "auto_fail");
		cs_jw_bool(w, 1);
	}
	if (it->review) {
		cs_jw_key(w, "review");
		cs_jw_bool(w, 1);
	}
	write_evidence(w, &q->conv, o.because, q->o.max_evidence, NULL);
	cs_jw_end_object(w);
}

static void write_score(cs_jw *w, const char *key, double points, double possible)
{
	cs_jw_key(w, key);
	if (possible > 0)
		write_double(w, 100 * points / possible, 10);
	else
		cs_jw_null(w);
}

static void write_sections(cs_qa *q)
{
	const qa_card *card = q->card;
	if (!card->nsections)
		return;
	cs_jw *w = &q->w;
	cs_jw_key(w, "sections");
	cs_jw_array(w);
	for (size_t s = 0; s < card->nsections; s++) {
		double points = 0, possible = 0;
		for (size_t i = 0; i < card->nitems; i++) {
			const struct qa_item *it = &card->items[i];
			if (!it->section || strcmp(it->section, card->sections[s].id) != 0)
				continue;
			struct item_outcome o = judge_item(&q->conv, it);
			if (o.applicable) {
				possible += it->weight;
				points += o.passed ? it->weight : 0;
			}
		}
		cs_jw_object(w);
		cs_jw_key(w, "id");
		cs_jw_cstr(w, card->sections[s].id);
		write_score(w, "score", points, possible);
		cs_jw_end_object(w);
	}
	cs_jw_end_array(w);
}

static void write_items(cs_qa *q)
{
	cs_jw *w = &q->w;
	struct totals t = {0};
	/* the totals come first in the record, so judge every item before writing */
	for (size_t i = 0; i < q->card->nitems; i++) {
		const struct qa_item *it = &q->card->items[i];
		struct item_outcome o = judge_item(&q->conv, it);
		if (!o.applicable)
			continue;
		t.possible += it->weight;
		t.points += o.passed ? it->weight : 0;
		if (it->compliance) {
			t.comp_possible += it->weight;
			t.comp_points += o.passed ? it->weight : 0;
		}
		t.auto_fail |= it->auto_fail && !o.passed;
	}
	cs_jw_key(w, "scorecard");
	cs_jw_cstr(w, q->card->name);
	if (q->card->version) {
		cs_jw_key(w, "version");
		cs_jw_cstr(w, q->card->version);
	}
	if (t.auto_fail) {
		cs_jw_key(w, "score");
		cs_jw_int(w, 0);
	} else {
		write_score(w, "score", t.points, t.possible);
	}
	write_score(w, "compliance", t.comp_points, t.comp_possible);
	cs_jw_key(w, "auto_fail");
	cs_jw_bool(w, t.auto_fail);
	q->auto_failed += t.auto_fail;
	write_sections(q);
	cs_jw_key(w, "items");
	cs_jw_array(w);
	for (size_t i = 0; i < q->card->nitems; i++)
		write_item(q, &q->card->items[i]);
	cs_jw_end_array(w);
}

/* ---- alerts ---- */

static void alert_id(const cs_buf *conv_id, const char *alert, char out[20])
{
	uint64_t h = cs_hash64(conv_id->p ? conv_id->p : "", conv_id->len, 0xA1E7);
	h = cs_hash64(alert, strlen(alert), h);
	snprintf(out, 20, "a-%016" PRIx64, h);
}

/* The record: {"kind":"alert","id","ts","source","type","severity","customer","conversation_id","reason","evidence"}. */
static void write_alert_record(cs_qa *q, cs_run *run, const cs_rec *rec, const struct qa_alert_def *a,
			       const struct qa_result *r)
{
	cs_buf_reset(&q->alerts);
	cs_jw w;
	cs_jw_init(&w, &q->alerts);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "alert");
	char id[20];
	alert_id(&q->conv_id, a->id, id);
	cs_jw_key(&w, "id");
	cs_jw_cstr(&w, id);
	cs_jval ended = member(rec, "ended");
	if (ended.t == CS_J_STRING) {
		cs_jw_key(&w, "ts");
		cs_jw_raw(&w, ended.p, ended.n);
	}
	cs_jw_key(&w, "source");
	cs_jw_cstr(&w, "cs-qa");
	cs_jw_key(&w, "type");
	cs_jw_cstr(&w, a->type);
	cs_jw_key(&w, "severity");
	cs_jw_cstr(&w, qa_severity_name(a->severity));
	cs_jval customer = member(rec, "customer");
	if (customer.t == CS_J_OBJECT) {
		cs_buf_reset(&q->scratch);
		cs_json_compact(customer.p, customer.n, &q->scratch);
		cs_jw_key(&w, "customer");
		cs_jw_raw(&w, q->scratch.p, q->scratch.len);
	}
	cs_jw_key(&w, "conversation_id");
	cs_jw_str(&w, q->conv_id.p ? q->conv_id.p : "", q->conv_id.len);
	cs_jw_key(&w, "reason");
	cs_jw_cstr(&w, a->reason);
	write_evidence(&w, &q->conv, r, q->o.max_evidence, &q->conv_id);
	cs_jw_end_object(&w);
	cs_run_write_line(run, q->alerts.p, q->alerts.len);
}

/* qa.alerts, and the alert records when asked; returns how many fired. */
static size_t write_alerts(cs_qa *q, cs_run *run, const cs_rec *rec)
{
	cs_jw *w = &q->w;
	size_t fired = 0;
	cs_jw_key(w, "alerts");
	cs_jw_array(w);
	for (size_t i = 0; i < q->card->nalerts; i++) {
		const struct qa_alert_def *a = &q->card->alerts[i];
		const struct qa_result *r = qa_eval(&q->conv, a->when);
		if (r->val != 1)
			continue;
		fired++;
		cs_jw_object(w);
		cs_jw_key(w, "type");
		cs_jw_cstr(w, a->type);
		cs_jw_key(w, "severity");
		cs_jw_cstr(w, qa_severity_name(a->severity));
		cs_jw_key(w, "reason");
		cs_jw_cstr(w, a->reason);
		write_evidence(w, &q->conv, r, q->o.max_evidence, NULL);
		cs_jw_end_object(w);
	}
	cs_jw_end_array(w);
	(void)run;
	(void)rec;
	return fired;
}

static void write_alert_records(cs_qa *q, cs_run *run, const cs_rec *rec)
{
	for (size_t i = 0; i < q->card->nalerts; i++) {
		const struct qa_alert_def *a = &q->card->alerts[i];
		const struct qa_result *r = qa_eval(&q->conv, a->when);
		if (r->val == 1)
			write_alert_record(q, run, rec, a, r);
	}
}

/* ---- sentiment ---- */

static void write_emotion_words(cs_jw *w, const qa_conv *c, uint32_t msg, int emotion)
{
	const struct qa_msg *m = &c->msgs[msg];
	cs_jw_key(w, "words");
	cs_jw_array(w);
	for (size_t k = m->emo_first; k < m->emo_first + m->emo_count; k++)
		if (c->emos[k].emotion == emotion)
			cs_jw_str(w, c->raw.p + m->raw_off + c->emos[k].s, c->emos[k].e - c->emos[k].s);
	cs_jw_end_array(w);
}

static void write_emotions(cs_jw *w, const qa_conv *c, int with_ids)
{
	cs_jw_key(w, "emotions");
	cs_jw_array(w);
	for (size_t i = 0; i < c->nmsgs; i++)
		for (int e = 0; e < CS_EMO_N; e++) {
			if (!(c->msgs[i].emotions & (1u << e)))
				continue;
			cs_jw_object(w);
			cs_jw_key(w, "emotion");
			cs_jw_cstr(w, cs_emotion_name((enum cs_emotion)e));
			if (with_ids) {
				cs_jw_key(w, "message_id");
				cs_jw_str(w, c->strs.p + c->msgs[i].id_off, c->msgs[i].id_len);
				cs_jw_key(w, "role");
				cs_jw_cstr(w, c->msgs[i].role == QA_ROLE_CUSTOMER ? "customer"
					      : c->msgs[i].role == QA_ROLE_AGENT ? "agent" : "other");
			}
			write_emotion_words(w, c, (uint32_t)i, e);
			cs_jw_end_object(w);
		}
	cs_jw_end_array(w);
}

static void write_side(cs_jw *w, qa_conv *c)
{
	double v;
	uint32_t msg;
	if (!qa_metric(c, QA_M_SENTIMENT_MEAN, &v, &msg))
		return;
	static const struct { const char *key; enum qa_metric m; } parts[] = {
		{"start", QA_M_SENTIMENT_START}, {"end", QA_M_SENTIMENT_END}, {"min", QA_M_SENTIMENT_MIN},
		{"mean", QA_M_SENTIMENT_MEAN},
	};
	cs_jw_key(w, "customer");
	cs_jw_object(w);
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		qa_metric(c, parts[i].m, &v, &msg);
		cs_jw_key(w, parts[i].key);
		write_double(w, v, 10000);
	}
	qa_metric(c, QA_M_SENTIMENT_TREND, &v, &msg);
	cs_jw_key(w, "trajectory");
	cs_jw_cstr(w, v >= 0.1 ? "improving" : v <= -0.1 ? "worsening" : "steady");
	cs_jw_key(w, "trajectory_values");
	cs_jw_array(w);
	for (size_t i = 0; i < c->nmsgs; i++)
		if (c->msgs[i].role == QA_ROLE_CUSTOMER)
			write_double(w, c->msgs[i].compound, 10000);
	cs_jw_end_array(w);
	cs_jw_end_object(w);
}

static void write_sentiment(cs_qa *q)
{
	cs_jw *w = &q->w;
	qa_conv *c = &q->conv;
	cs_jw_key(w, "sentiment");
	cs_jw_object(w);
	write_side(w, c);
	if (q->o.messages_sentiment) {
		cs_jw_key(w, "messages");
		cs_jw_array(w);
		for (size_t i = 0; i < c->nmsgs; i++) {
			cs_jw_object(w);
			cs_jw_key(w, "id");
			cs_jw_str(w, c->strs.p + c->msgs[i].id_off, c->msgs[i].id_len);
			cs_jw_key(w, "compound");
			write_double(w, c->msgs[i].compound, 10000);
			cs_jw_key(w, "label");
			cs_jw_cstr(w, label_name(c->msgs[i].label));
			cs_jw_end_object(w);
		}
		cs_jw_end_array(w);
	}
	write_emotions(w, c, 1);
	cs_jw_end_object(w);
}

/* ---- records ---- */

static int conversation(cs_qa *q, cs_run *run, const cs_rec *rec, cs_jval messages)
{
	size_t n;
	cs_buf_reset(&q->conv_id);
	const char *id = str_of(member(rec, "id"), &q->scratch, &n);
	cs_buf_add(&q->conv_id, id, n);
	const char *channel = str_of(member(rec, "channel"), &q->text, &n);
	qa_conv_reset(&q->conv, channel, n);
	struct add_ctx a = {.q = q};
	int bad = cs_jeach(messages, add_message, &a);
	add_ctx_free(&a);
	if (bad) {
		cs_rec_bad(rec, "\"messages\" holds something other than message objects");
		return CS_REC_BAD;
	}
	q->conversations++;
	q->messages += a.n;
	cs_buf_reset(&q->out);
	cs_jw_init(&q->w, &q->out);
	cs_jw_object(&q->w);
	size_t fired = 0;
	if (q->card) {
		write_items(q);
		fired = write_alerts(q, run, rec);
	}
	write_sentiment(q);
	cs_jw_end_object(&q->w);
	if (cs_jw_finish(&q->w) < 0)
		cs_die(CS_EXIT_INTERNAL, "the qa field for %s:%llu is not valid JSON", rec->file, (unsigned long long)rec->line);
	q->alerts_raised += fired;
	if (q->o.alerts != CS_QA_ALERTS_ONLY)
		cs_run_write_field(run, rec, "qa", q->out.p, q->out.len);
	if (fired && q->o.alerts != CS_QA_ALERTS_INLINE)
		write_alert_records(q, run, rec);
	return CS_REC_OK;
}

/* A review or survey comment: one customer message, sentiment only. */
static int single_text(cs_qa *q, cs_run *run, const cs_rec *rec, cs_jval text)
{
	size_t n;
	const char *s = str_of(text, &q->text, &n);
	qa_conv_reset(&q->conv, NULL, 0);
	struct qa_msg_in in = {.text = s, .text_len = n, .role = QA_ROLE_CUSTOMER, .ts = QA_NO_TIME,
			       .start_ms = QA_NO_TIME, .end_ms = QA_NO_TIME};
	qa_conv_add(&q->conv, &in);
	q->texts++;
	const struct qa_msg *m = &q->conv.msgs[0];
	cs_buf_reset(&q->out);
	cs_jw *w = &q->w;
	cs_jw_init(w, &q->out);
	cs_jw_object(w);
	cs_jw_key(w, "sentiment");
	cs_jw_object(w);
	cs_jw_key(w, "compound");
	write_double(w, m->compound, 10000);
	cs_jw_key(w, "label");
	cs_jw_cstr(w, label_name(m->label));
	write_emotions(w, &q->conv, 0);
	cs_jw_end_object(w);
	cs_jw_end_object(w);
	if (q->o.alerts != CS_QA_ALERTS_ONLY)
		cs_run_write_field(run, rec, "qa", q->out.p, q->out.len);
	return CS_REC_OK;
}

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_qa *q = ctx;
	cs_jval messages = member(rec, "messages");
	if (messages.t == CS_J_ARRAY)
		return conversation(q, run, rec, messages);
	if (messages.t != CS_J_NONE) {
		cs_rec_bad(rec, "\"messages\" is not an array");
		return CS_REC_BAD;
	}
	cs_jval text = member(rec, "text");
	if (text.t == CS_J_STRING)
		return single_text(q, run, rec, text);
	q->passed_through++;
	if (q->o.alerts != CS_QA_ALERTS_ONLY)
		cs_run_write_line(run, rec->text, rec->len);
	return CS_REC_OK;
}

static void counters(void *ctx, cs_stats *st)
{
	cs_qa *q = ctx;
	cs_stats_add(st, "conversations", q->conversations);
	cs_stats_add(st, "messages_scored", q->messages);
	cs_stats_add(st, "texts", q->texts);
	cs_stats_add(st, "passed_through", q->passed_through);
	cs_stats_add(st, "auto_failed", q->auto_failed);
	cs_stats_add(st, "alerts", q->alerts_raised);
	cs_stats_add(st, "regex_limit_hits", q->conv.regex_limit_hits);
}

static void summary(void *ctx, const struct cs_common *c)
{
	cs_qa *q = ctx;
	(void)c;
	if (q->conv.regex_limit_hits)
		cs_notice("%" PRIu64 " regex matches stopped at the match limit and counted as no match",
			  q->conv.regex_limit_hits);
}

/* ---- setting up ---- */

/* A name without '/' or ".json" is one of share/scorecards. */
static void scorecard_path(const char *name, cs_buf *path)
{
	cs_buf_reset(path);
	size_t n = strlen(name);
	if (strchr(name, '/') || (n > 5 && strcmp(name + n - 5, ".json") == 0))
		cs_buf_adds(path, name);
	else
		cs_buf_printf(path, "%s/scorecards/%s.json", cs_share_dir(), name);
}

static qa_card *load_card(const struct cs_qa_opts *o)
{
	cs_buf path = CS_BUF_INIT, err = CS_BUF_INIT;
	scorecard_path(o->scorecard ? o->scorecard : "default", &path);
	qa_card *card = qa_card_load(path.p, &err);
	if (!card)
		cs_die(CS_EXIT_CONFIG, "scorecard %s", err.p);
	cs_buf_free(&path);
	cs_buf_free(&err);
	return card;
}

static cs_lexicon *load_lexicon(const struct cs_qa_opts *o)
{
	cs_lexicon *lx = cs_lexicon_new();
	cs_buf dir = CS_BUF_INIT, err = CS_BUF_INIT;
	cs_buf_printf(&dir, "%s/lexicons", cs_share_dir());
	if (cs_lexicon_load_defaults(lx, dir.p, &err) < 0)
		cs_die(CS_EXIT_CONFIG, "lexicon %s", err.p);
	for (size_t i = 0; i < o->nlexicons; i++)
		if (cs_lexicon_load_file(lx, o->lexicons[i], &err) < 0)
			cs_die(CS_EXIT_CONFIG, "--lexicon %s", err.p);
	cs_buf_free(&dir);
	cs_buf_free(&err);
	return lx;
}

cs_qa *cs_qa_new(const struct cs_common *c, const struct cs_qa_opts *o, struct cs_engine *engine)
{
	(void)c;
	cs_qa *q = cs_calloc(1, sizeof *q);
	q->o = *o;
	q->lexicon = load_lexicon(o);
	if (!o->sentiment_only)
		q->card = load_card(o);
	qa_conv_init(&q->conv, q->card, q->lexicon, o->max_evidence);
	*engine = (struct cs_engine){.ctx = q, .record = record, .counters = counters, .summary = summary};
	return q;
}

void cs_qa_free(cs_qa *q)
{
	if (!q)
		return;
	qa_conv_free(&q->conv);
	qa_card_free(q->card);
	cs_lexicon_free(q->lexicon);
	cs_buf_free(&q->out);
	cs_buf_free(&q->text);
	cs_buf_free(&q->scratch);
	cs_buf_free(&q->conv_id);
	cs_buf_free(&q->alerts);
	free(q);
}

int cs_qa_check(const struct cs_qa_opts *o)
{
	qa_card *card = load_card(o);
	double total = 0;
	for (size_t i = 0; i < card->nitems; i++)
		total += card->items[i].weight;
	printf("scorecard %s%s%s: %zu items (weights sum to %g), %zu rules, %zu alerts, %zu phrase lists, %zu phrases\n",
	       card->name, card->version ? " version " : "", card->version ? card->version : "", card->nitems, total,
	       card->nrules, card->nalerts, card->nlists, cs_phrases_count(card->phrases));
	for (size_t i = 0; i < card->nitems; i++) {
		const struct qa_item *it = &card->items[i];
		printf("  %-24s %6g  %s%s%s%s\n", it->id, it->weight, it->section ? it->section : "-",
		       it->auto_fail ? " auto_fail" : "", it->compliance ? " compliance" : "", it->review ? " review" : "");
	}
	qa_card_free(card);
	return CS_EXIT_OK;
}
