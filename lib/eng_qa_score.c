/* eng_qa_score: what cs-qa writes for one record (see eng_qa_score.h). */
#include "eng_qa_score.h"
#include "kit_hash.h"
#include "kit_jedit.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include <inttypes.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading a conversation ---- */

static cs_jval member(const cs_rec *rec, const char *key)
{
	const cs_member *m = cs_obj_get(&rec->obj, key, strlen(key));
	return m ? (cs_jval){m->val.p, m->val.n, (enum cs_jtype)m->type} : (cs_jval){NULL, 0, CS_J_NONE};
}

static int64_t time_of(cs_jval v)
{
	int64_t ms;
	return cs_jtime(v, &ms) == 0 ? ms : QA_NO_TIME;
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

/* The members of a message cs-qa reads, found in one pass over it. */
struct msg_members {
	cs_jval id, ts, event, type, text, role, start_ms, end_ms, internal;
};

static void find_members(const cs_obj *obj, struct msg_members *mm)
{
#define KNOWN(name) {#name, sizeof #name - 1, offsetof(struct msg_members, name)}
	static const struct { const char *key; size_t len, off; } known[] = {
		KNOWN(id), KNOWN(ts), KNOWN(event), KNOWN(type), KNOWN(text), KNOWN(role), KNOWN(start_ms), KNOWN(end_ms),
		KNOWN(internal),
	};
#undef KNOWN
	memset(mm, 0, sizeof *mm);
	for (size_t i = 0; i < obj->n; i++) {
		const cs_member *m = &obj->m[i];
		for (size_t k = 0; k < sizeof known / sizeof *known; k++) {
			/* a key without escapes is its bytes: most keys differ in length */
			if (!m->key_escaped && m->key.n != known[k].len)
				continue;
			if (cs_member_is(m, known[k].key, known[k].len)) {
				*(cs_jval *)((char *)mm + known[k].off) = (cs_jval){m->val.p, m->val.n, (enum cs_jtype)m->type};
				break;
			}
		}
	}
}

static int add_message(cs_jval m, const cs_obj *members, void *ctx)
{
	struct add_ctx *a = ctx;
	(void)m;
	if (!members)
		return 1;
	struct msg_members mm;
	find_members(members, &mm);
	struct qa_msg_in in = {0};
	in.id = str_of(mm.id, &a->id, &in.id_len);
	in.event = str_of(mm.event.t != CS_J_NONE ? mm.event : mm.type, &a->event, &in.event_len);
	in.text = str_of(mm.text, &a->text, &in.text_len);
	size_t rn;
	const char *role = str_of(mm.role, &a->role, &rn);
	in.role = qa_role_of(role, rn);
	in.ts = time_of(mm.ts);
	in.start_ms = offset_of(mm.start_ms);
	in.end_ms = offset_of(mm.end_ms);
	in.internal = mm.internal.t == CS_J_TRUE;
	qa_conv_add(&a->k->conv, &in);
	a->n++;
	return 0;
}

static void add_ctx_free(struct add_ctx *a)
{
	cs_buf_free(&a->id);
	cs_buf_free(&a->event);
	cs_buf_free(&a->text);
	cs_buf_free(&a->role);
	cs_obj_free(&a->members);
}

/* ---- writing the qa field ---- */

static const char *label_name(int label) { return label > 0 ? "positive" : label < 0 ? "negative" : "neutral"; }

/* A message by its id, or by its place in "messages" (from 0) when it has
 * none: id-less messages would all be "". */
static void write_msg_name(cs_jw *w, const qa_conv *c, uint32_t msg, const char *id_key, const char *index_key)
{
	const struct qa_msg *m = &c->msgs[msg];
	if (m->id_len) {
		cs_jw_key(w, id_key);
		cs_jw_str(w, c->strs.p + m->id_off, m->id_len);
	} else {
		cs_jw_key(w, index_key);
		cs_jw_uint(w, msg);
	}
}

static void write_msg_ref(cs_jw *w, const qa_conv *c, uint32_t msg)
{
	int64_t ts = c->msgs[msg].ts;
	write_msg_name(w, c, msg, "message_id", "message_index");
	if (ts != QA_NO_TIME) {
		cs_jw_key(w, "ts");
		cs_jw_time(w, ts);
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
		cs_jw_fixed(w, ev->value, 3);
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

/* Evidence of a result as an array, each passage once, at most max entries. */
static void write_evidence_array(cs_jw *w, const qa_conv *c, const struct qa_result *r, int max, const cs_buf *conv_id)
{
	cs_jw_array(w);
	int written = 0;
	for (size_t i = r->ev_first; i < r->ev_first + r->ev_count && written < max; i++) {
		const struct qa_ev *ev = &c->evs[i];
		int dup = 0;
		for (size_t k = r->ev_first; k < i && !dup; k++)
			dup = qa_same_ev(&c->evs[k], ev);
		if (dup)
			continue;
		write_ev(w, c, ev, conv_id);
		written++;
	}
	cs_jw_end_array(w);
}

static void write_evidence(cs_jw *w, const qa_conv *c, const struct qa_result *r, int max, const cs_buf *conv_id)
{
	cs_jw_key(w, "evidence");
	write_evidence_array(w, c, r, max, conv_id);
}

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

/* An item's text that never changes: its head ({"id":..,"section":..,
 * "applicable":) and its weight as a number. */
struct item_literal {
	size_t head_off, head_len, weight_off, weight_len;
};

static void item_literals(struct qa_worker *k)
{
	const qa_card *card = k->card;
	cs_buf *b = &k->literals;
	k->literal = cs_calloc(card->nitems + 1, sizeof *k->literal);
	for (size_t i = 0; i < card->nitems; i++) {
		const struct qa_item *it = &card->items[i];
		struct item_literal *l = &k->literal[i];
		l->head_off = b->len;
		cs_buf_adds(b, "{\"id\":");
		cs_json_string(b, it->id, strlen(it->id));
		if (it->section) {
			cs_buf_adds(b, ",\"section\":");
			cs_json_string(b, it->section, strlen(it->section));
		}
		cs_buf_adds(b, ",\"applicable\":");
		l->head_len = b->len - l->head_off;
		l->weight_off = b->len;
		cs_jw w;
		cs_jw_init(&w, b);
		cs_jw_double(&w, it->weight);   /* as written: the score is computed from it */
		l->weight_len = b->len - l->weight_off;
	}
}

/* The item's object, built from its literals and written as one value. */
static void write_item(struct qa_worker *k, size_t i, struct item_outcome o)
{
	const struct qa_item *it = &k->card->items[i];
	const struct item_literal *l = &k->literal[i];
	const char *lit = k->literals.p;
	cs_buf *b = &k->item;
	cs_buf_reset(b);
	cs_buf_add(b, lit + l->head_off, l->head_len);
	cs_buf_adds(b, o.applicable ? "true,\"passed\":" : "false,\"passed\":");
	cs_buf_adds(b, !o.applicable ? "null" : o.passed ? "true" : "false");
	cs_buf_adds(b, ",\"points\":");
	if (o.applicable && o.passed)
		cs_buf_add(b, lit + l->weight_off, l->weight_len);
	else
		cs_buf_addc(b, '0');
	cs_buf_adds(b, ",\"weight\":");
	cs_buf_add(b, lit + l->weight_off, l->weight_len);
	if (it->auto_fail && o.applicable && !o.passed)
		cs_buf_adds(b, ",\"auto_fail\":true");
	if (it->review)
		cs_buf_adds(b, ",\"review\":true");
	cs_buf_adds(b, ",\"evidence\":");
	if (o.because->ev_count) {
		cs_jw ew;
		cs_jw_init(&ew, b);
		write_evidence_array(&ew, &k->conv, o.because, k->o->max_evidence, NULL);
	} else {
		cs_buf_adds(b, "[]");
	}
	cs_buf_addc(b, '}');
	cs_jw_raw(&k->w, b->p, b->len);
}

static void write_score(cs_jw *w, const char *key, double points, double possible)
{
	cs_jw_key(w, key);
	if (possible > 0)
		cs_jw_fixed(w, 100 * points / possible, 1);
	else
		cs_jw_null(w);
}

static void write_sections(struct qa_worker *k)
{
	const qa_card *card = k->card;
	if (!card->nsections)
		return;
	cs_jw *w = &k->w;
	cs_jw_key(w, "sections");
	cs_jw_array(w);
	for (size_t s = 0; s < card->nsections; s++) {
		double points = 0, possible = 0;
		for (size_t i = 0; i < card->nitems; i++) {
			const struct qa_item *it = &card->items[i];
			if (it->section_at != (int)s)
				continue;
			struct item_outcome o = k->outcomes[i];
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

static void write_items(struct qa_worker *k)
{
	cs_jw *w = &k->w;
	struct totals t = {0};
	/* the totals come first in the record, so judge every item before writing */
	for (size_t i = 0; i < k->card->nitems; i++)
		k->outcomes[i] = judge_item(&k->conv, &k->card->items[i]);
	for (size_t i = 0; i < k->card->nitems; i++) {
		const struct qa_item *it = &k->card->items[i];
		struct item_outcome o = k->outcomes[i];
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
	cs_jw_cstr(w, k->card->name);
	if (k->card->version) {
		cs_jw_key(w, "version");
		cs_jw_cstr(w, k->card->version);
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
	k->auto_failed += t.auto_fail;
	write_sections(k);
	cs_jw_key(w, "items");
	cs_jw_array(w);
	for (size_t i = 0; i < k->card->nitems; i++)
		write_item(k, i, k->outcomes[i]);
	cs_jw_end_array(w);
}

/* ---- alerts ---- */

static void alert_id(const cs_buf *conv_id, const char *alert, char out[20])
{
	uint64_t h = cs_hash64(conv_id->p ? conv_id->p : "", conv_id->len, 0xA1E7);
	h = cs_hash64(alert, strlen(alert), h);
	snprintf(out, 20, "a-%016" PRIx64, h);
}

/* The conversation's customer, its id a string as in every record a cs
 * program writes (a number's digits, as cs-signals and cs-ticket write it);
 * a customer given as a bare id becomes {"id": ...}. */
static void write_alert_customer(struct qa_worker *k, cs_jw *w, cs_jval customer)
{
	cs_buf *out = &k->customer, *id = &k->customer_id;
	cs_buf_reset(out);
	if (customer.t == CS_J_STRING || customer.t == CS_J_NUMBER) {
		cs_jtext(customer, id);
		cs_buf_adds(out, "{\"id\":");
		cs_json_string(out, id->p, id->len);
		cs_buf_addc(out, '}');
	} else if (customer.t == CS_J_OBJECT) {
		cs_buf_reset(&k->scratch);
		cs_json_compact(customer.p, customer.n, &k->scratch);
		cs_json_members((cs_span){k->scratch.p, k->scratch.len}, &k->customer_members);
		const cs_member *m = cs_obj_get(&k->customer_members, "id", 2);
		if (m && m->type == CS_J_NUMBER) {
			cs_buf_reset(id);
			cs_json_string(id, m->val.p, m->val.n);
			cs_json_set_field(out, k->scratch.p, k->scratch.len, &k->customer_members, "id", id->p,
					  id->len);
		} else {
			cs_buf_add(out, k->scratch.p, k->scratch.len);
		}
	} else {
		return;
	}
	cs_jw_key(w, "customer");
	cs_jw_raw(w, out->p, out->len);
}

/* The record: {"kind":"alert","id","ts","source","type","severity","customer","conversation_id","reason","evidence"}. */
static void write_alert_record(struct qa_worker *k, const cs_rec *rec, const struct qa_alert_def *a,
			       const struct qa_result *r)
{
	cs_jw w;
	cs_jw_init(&w, k->out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "alert");
	char id[20];
	alert_id(&k->conv_id, a->id, id);
	cs_jw_key(&w, "id");
	cs_jw_cstr(&w, id);
	int64_t ended = time_of(member(rec, "ended"));
	if (ended != QA_NO_TIME) {
		cs_jw_key(&w, "ts");
		cs_jw_time(&w, ended);
	}
	cs_jw_key(&w, "source");
	cs_jw_cstr(&w, "cs-qa");
	cs_jw_key(&w, "type");
	cs_jw_cstr(&w, a->type);
	cs_jw_key(&w, "severity");
	cs_jw_cstr(&w, qa_severity_name(a->severity));
	write_alert_customer(k, &w, member(rec, "customer"));
	cs_jw_key(&w, "conversation_id");
	cs_jw_str(&w, k->conv_id.p ? k->conv_id.p : "", k->conv_id.len);
	cs_jw_key(&w, "reason");
	cs_jw_cstr(&w, a->reason);
	write_evidence(&w, &k->conv, r, k->o->max_evidence, &k->conv_id);
	cs_jw_end_object(&w);
	cs_buf_addc(k->out, '\n');
}

/* qa.alerts; returns how many fired. */
static size_t write_alerts(struct qa_worker *k)
{
	cs_jw *w = &k->w;
	size_t fired = 0;
	cs_jw_key(w, "alerts");
	cs_jw_array(w);
	for (size_t i = 0; i < k->card->nalerts; i++) {
		const struct qa_alert_def *a = &k->card->alerts[i];
		const struct qa_result *r = qa_eval(&k->conv, a->when);
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
		write_evidence(w, &k->conv, r, k->o->max_evidence, NULL);
		cs_jw_end_object(w);
	}
	cs_jw_end_array(w);
	return fired;
}

static void write_alert_records(struct qa_worker *k, const cs_rec *rec)
{
	for (size_t i = 0; i < k->card->nalerts; i++) {
		const struct qa_alert_def *a = &k->card->alerts[i];
		const struct qa_result *r = qa_eval(&k->conv, a->when);
		if (r->val == 1)
			write_alert_record(k, rec, a, r);
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
				write_msg_name(w, c, (uint32_t)i, "message_id", "message_index");
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
		cs_jw_fixed(w, v, 4);
	}
	qa_metric(c, QA_M_SENTIMENT_TREND, &v, &msg);
	cs_jw_key(w, "trajectory");
	cs_jw_cstr(w, v >= 0.1 ? "improving" : v <= -0.1 ? "worsening" : "steady");
	cs_jw_key(w, "trajectory_values");
	cs_jw_array(w);
	for (size_t i = 0; i < c->nmsgs; i++)
		if (c->msgs[i].role == QA_ROLE_CUSTOMER)
			cs_jw_fixed(w, c->msgs[i].compound, 4);
	cs_jw_end_array(w);
	cs_jw_end_object(w);
}

static void write_sentiment(struct qa_worker *k)
{
	cs_jw *w = &k->w;
	qa_conv *c = &k->conv;
	cs_jw_key(w, "sentiment");
	cs_jw_object(w);
	write_side(w, c);
	if (k->o->messages_sentiment) {
		cs_jw_key(w, "messages");
		cs_jw_array(w);
		for (size_t i = 0; i < c->nmsgs; i++) {
			cs_jw_object(w);
			write_msg_name(w, c, (uint32_t)i, "id", "index");
			cs_jw_key(w, "compound");
			cs_jw_fixed(w, c->msgs[i].compound, 4);
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

static int conversation(struct qa_worker *k, const cs_rec *rec, cs_jval messages, struct qa_scored *res)
{
	size_t n;
	cs_buf_reset(&k->conv_id);
	const char *id = str_of(member(rec, "id"), &k->scratch, &n);
	cs_buf_add(&k->conv_id, id, n);
	const char *channel = str_of(member(rec, "channel"), &k->text, &n);
	qa_conv_reset(&k->conv, channel, n);
	k->add.k = k;
	k->add.n = 0;
	if (cs_jeach_members(messages, &k->add.members, add_message, &k->add)) {
		res->bad = "\"messages\" holds something other than message objects";
		return CS_REC_BAD;
	}
	k->conversations++;
	k->messages += k->add.n;
	res->qa_off = k->out->len;
	cs_jw_init(&k->w, k->out);
	cs_jw_object(&k->w);
	size_t fired = 0;
	if (k->card) {
		write_items(k);
		fired = write_alerts(k);
	}
	write_sentiment(k);
	cs_jw_end_object(&k->w);
	if (cs_jw_finish(&k->w) < 0)
		cs_die(CS_EXIT_INTERNAL, "the qa field for %s:%llu is not valid JSON", rec->file, (unsigned long long)rec->line);
	res->qa_len = k->out->len - res->qa_off;
	k->alerts_raised += fired;
	res->alerts_off = k->out->len;
	if (fired && k->o->alerts != CS_QA_ALERTS_INLINE)
		write_alert_records(k, rec);
	res->alerts_len = k->out->len - res->alerts_off;
	return CS_REC_OK;
}

/* A review or survey comment: one customer message, sentiment only. */
static int single_text(struct qa_worker *k, cs_jval text, struct qa_scored *res)
{
	size_t n;
	const char *s = str_of(text, &k->text, &n);
	qa_conv_reset(&k->conv, NULL, 0);
	struct qa_msg_in in = {.text = s, .text_len = n, .role = QA_ROLE_CUSTOMER, .ts = QA_NO_TIME,
			       .start_ms = QA_NO_TIME, .end_ms = QA_NO_TIME};
	qa_conv_add(&k->conv, &in);
	k->texts++;
	const struct qa_msg *m = &k->conv.msgs[0];
	res->qa_off = k->out->len;
	cs_jw *w = &k->w;
	cs_jw_init(w, k->out);
	cs_jw_object(w);
	cs_jw_key(w, "sentiment");
	cs_jw_object(w);
	cs_jw_key(w, "compound");
	cs_jw_fixed(w, m->compound, 4);
	cs_jw_key(w, "label");
	cs_jw_cstr(w, label_name(m->label));
	write_emotions(w, &k->conv, 0);
	cs_jw_end_object(w);
	cs_jw_end_object(w);
	res->qa_len = k->out->len - res->qa_off;
	res->alerts_off = k->out->len;
	res->alerts_len = 0;
	return CS_REC_OK;
}

int qa_score_record(struct qa_worker *k, const cs_rec *rec, struct qa_scored *res)
{
	res->bad = NULL;
	cs_jval messages = member(rec, "messages");
	if (messages.t == CS_J_ARRAY)
		return conversation(k, rec, messages, res);
	return single_text(k, member(rec, "text"), res);
}

void qa_worker_init(struct qa_worker *k, const struct cs_qa_opts *o, const qa_card *card, const cs_lexicon *lexicon)
{
	memset(k, 0, sizeof *k);
	k->o = o;
	k->card = card;
	k->outcomes = cs_calloc(card ? card->nitems + 1 : 1, sizeof *k->outcomes);
	qa_conv_init(&k->conv, card, lexicon, o->max_evidence);
	if (card)
		item_literals(k);
}

void qa_worker_free(struct qa_worker *k)
{
	qa_conv_free(&k->conv);
	free(k->outcomes);
	free(k->literal);
	cs_buf_free(&k->literals);
	cs_buf_free(&k->item);
	cs_buf_free(&k->text);
	cs_buf_free(&k->scratch);
	cs_buf_free(&k->conv_id);
	cs_buf_free(&k->customer);
	cs_buf_free(&k->customer_id);
	cs_obj_free(&k->customer_members);
	add_ctx_free(&k->add);
}
