/* eng_route_read: reading one record for cs-route (see eng_route_read.h). */
#include "eng_route_read.h"
#include "kit_jval.h"
#include "kit_mem.h"
#include "svc_text.h"
#include <stdlib.h>
#include <string.h>

#define SHOWN_BYTES 80                 /* of an ask or a rule's match, in reasons */

void route_reader_init(struct route_reader *k)
{
	k->norm = (cs_norm)CS_NORM_INIT;
	k->senti = (cs_senti)CS_SENTI_INIT;
	k->problem_senti = (cs_senti)CS_SENTI_INIT;
	if (k->model) {
		k->scratch = cs_intent_scratch_new();
		k->scores = cs_malloc(cs_intent_labels(k->model) * sizeof *k->scores);
	}
}

void route_reader_free(struct route_reader *k)
{
	cs_intent_scratch_free(k->scratch);
	free(k->scores);
	cs_senti_free(&k->senti);
	cs_senti_free(&k->problem_senti);
	cs_norm_free(&k->norm);
	cs_buf_free(&k->text);
	cs_buf_free(&k->normed);
	free(k->parts);
	cs_buf_free(&k->s1);
	cs_buf_free(&k->s2);
	cs_obj_free(&k->msg);
}

static struct route_str keep(struct route_reader *k, const char *s, size_t n)
{
	cs_buf *out = k->out;
	struct route_str at = {out->len, n};
	cs_buf_add(out, s, n);
	return at;
}

static cs_jval obj_member(const cs_obj *obj, const char *key)
{
	const cs_member *m = cs_obj_get(obj, key, strlen(key));
	return m ? (cs_jval){m->val.p, m->val.n, (enum cs_jtype)m->type} : (cs_jval){0};
}

static cs_jval member(const cs_rec *rec, const char *key) { return obj_member(&rec->obj, key); }

static int64_t time_of(cs_jval v)
{
	int64_t ms;
	return cs_jtime(v, &ms) == 0 ? ms : ROUTE_NO_TIME;
}

/* A message's score for the escalation decision: scored again with the
 * words that name the problem neutral when its compound would escalate
 * (most messages are above the line, and need no second scoring) and it
 * holds one of them (most of the others do not). */
static double distress_of(struct route_reader *k, const char *s, size_t n, double compound)
{
	if (!k->problem_lexicon || compound > k->escalate_at)
		return compound;
	if (k->problem_words && !cs_senti_holds(&k->senti, k->problem_words))
		return compound;
	cs_senti_score_only(k->problem_lexicon, s, n, &k->problem_senti);
	return k->problem_senti.compound;
}

/* A message of the opening: scored, and its text normalized once for the
 * whole opening (normalizing stops at a newline: the messages normalized
 * one by one and joined are the opening normalized). Its emotion words are
 * found with the asks, in one pass over the opening (read_opening). */
static void add_customer_text(struct route_reader *k, const char *s, size_t n)
{
	struct route_reading *o = k->cur;
	if (k->text.len) {
		cs_buf_addc(&k->text, '\n');
		cs_buf_addc(&k->normed, '\n');
	}
	cs_buf_add(&k->text, s, n);
	cs_norm_text(&k->norm, s, n);
	size_t start = k->normed.len;
	cs_buf_add(&k->normed, k->norm.text.p, k->norm.text.len);
	cs_senti_score_only(k->lexicon, s, n, &k->senti);
	double distress = distress_of(k, s, n, k->senti.compound);
	if (k->nparts == k->parts_cap) {
		k->parts_cap = k->parts_cap ? k->parts_cap * 2 : 8;
		k->parts = cs_realloc(k->parts, k->parts_cap * sizeof *k->parts);
	}
	k->parts[k->nparts++] = (struct opening_part){start, k->normed.len, k->senti.label};
	if (!o->has_text || k->senti.compound < o->sentiment)
		o->sentiment = k->senti.compound;
	if (!o->has_text || distress < o->distress)
		o->distress = distress;
	o->has_text = 1;
}

/* An emotion word of the opening, counted when its message's label fits
 * (no phrase holds a newline: each hit lies in one message). */
static int opening_emotion(void *ctx, const cs_phrase_hit *h)
{
	struct route_reader *k = ctx;
	for (size_t i = 0; i < k->nparts; i++)
		if (h->start >= k->parts[i].start && h->end <= k->parts[i].end) {
			if (cs_emotion_fits(h->list, k->parts[i].label))
				k->cur->emotions |= 1u << cs_emotion_of(h->list);
			break;
		}
	return 0;
}

/* One message: 1 stops the walk (the first agent reply; an agent's
 * greeting before the customer wrote is no reply). */
static int opening_message(cs_jval msg, const cs_obj *members, void *ctx)
{
	struct route_reader *k = ctx;
	struct route_reading *o = k->cur;
	(void)msg;
	if (!members)
		return 0;
	cs_jval role = obj_member(members, "role"), text = obj_member(members, "text");
	const char *who = cs_jtext(role, &k->s1);
	if (who && strcmp(who, "agent") == 0)
		return o->has_text;
	if (!who || strcmp(who, "customer") != 0 || text.t != CS_J_STRING)
		return 0;
	if (o->ts == ROUTE_NO_TIME)
		o->ts = time_of(obj_member(members, "ts"));
	cs_jval lang = obj_member(members, "lang");
	if (!o->lang.len && lang.t == CS_J_STRING) {
		const char *s = cs_jtext(lang, &k->s1);
		o->lang = keep(k, s, strlen(s));
	}
	const char *s = cs_jtext(text, &k->s2);
	add_customer_text(k, s, k->s2.len);
	return 0;
}

static int has_han(const char *s, size_t n)
{
	for (size_t i = 0; i < n;)
		if (cs_is_han(cs_utf8_next(s, n, &i)))
			return 1;
	return 0;
}

/* The model's best few, by selection, for the opening request read_opening()
 * normalized. */
static void best_of_model(struct route_reader *k, struct route_reading *res)
{
	size_t nl = cs_intent_labels(k->model);
	cs_intent_scores_normalized(k->model, k->normed.p ? k->normed.p : "", k->normed.len, k->scratch, k->scores);
	cs_intent_confidence(k->model, k->scores);
	size_t want = k->want_alt < ROUTE_MAX_ALT ? k->want_alt : ROUTE_MAX_ALT;
	for (res->nalt = 0; res->nalt < want && res->nalt < nl; res->nalt++) {
		size_t best = SIZE_MAX;
		for (size_t l = 0; l < nl; l++) {
			int taken = 0;
			for (size_t j = 0; j < res->nalt; j++)
				taken |= res->alt[j] == l;
			if (!taken && (best == SIZE_MAX || k->scores[l] > k->scores[best]))
				best = l;
		}
		res->alt[res->nalt] = (uint32_t)best;
		res->alt_conf[res->nalt] = k->scores[best];
	}
}

static void read_intent(struct route_reader *k, struct route_reading *res)
{
	struct route_rule_hit hit;
	const char *t = k->normed.p ? k->normed.p : "";
	int found = route_rules_find(k->rules, t, k->normed.len, &hit);
	if (k->rules) {
		res->rule_limited = hit.limited;
		res->rule_limited_name = hit.limited_name;
	}
	if (found) {
		res->rule_intent = hit.intent;
		res->rule_name = hit.name;
		res->rule_confidence = hit.confidence;
		res->rule_priority = hit.priority;
		res->rule_match = keep(k, t + hit.start, hit.end - hit.start > SHOWN_BYTES ? SHOWN_BYTES : hit.end - hit.start);
	} else if (k->model)
		best_of_model(k, res);
}

static void read_opening(struct route_reader *k, const cs_rec *rec, struct route_reading *res)
{
	const char *t = k->text.p ? k->text.p : "";
	cs_buf_reserve(&k->normed, 1);
	k->normed.p[k->normed.len] = '\0';
	if (!res->lang.len && k->text.len) {
		const char *lang = has_han(t, k->text.len) ? "zh" : "en";
		res->lang = keep(k, lang, 2);
	}
	read_intent(k, res);
	size_t as, ae;
	if (k->text.len && route_asks_find_also(k->asks, k->normed.p, k->normed.len, &as, &ae, &res->ask_limited,
						cs_lexicon_emotions(k->lexicon), opening_emotion, k)) {
		res->asked = 1;
		res->ask = keep(k, k->normed.p + as, ae - as > SHOWN_BYTES ? SHOWN_BYTES : ae - as);
	}
	int64_t started = time_of(member(rec, "started")), ended = time_of(member(rec, "ended"));
	if (started != ROUTE_NO_TIME)
		res->ts = started;
	res->ended = ended != ROUTE_NO_TIME ? ended : INT64_MAX;
	const cs_member *m = cs_obj_get(&rec->obj, "id", 2);
	const char *s;
	size_t n;
	if (m && cs_json_id(m->val, (enum cs_jtype)m->type, &k->s1, &s, &n) == 0)
		res->id = keep(k, s, n);
}

void route_read(struct route_reader *k, const cs_rec *rec, struct route_reading *res)
{
	*res = (struct route_reading){.kind = RK_PASS, .ts = ROUTE_NO_TIME, .ended = INT64_MAX};
	k->cur = res;
	cs_buf_reset(&k->text);
	cs_buf_reset(&k->normed);
	k->nparts = 0;
	cs_jval kind = member(rec, "kind"), messages = member(rec, "messages");
	const char *what = kind.t == CS_J_STRING ? cs_jtext(kind, &k->s1) : NULL;
	if (what && strcmp(what, "agent") == 0) {
		res->kind = RK_AGENT;
		return;
	}
	if (k->field) {
		cs_jval v = cs_jpath(cs_jval_of(rec->text, rec->len), k->field);
		if (v.t != CS_J_STRING)
			return;
		const char *s = cs_jtext(v, &k->s2);
		add_customer_text(k, s, k->s2.len);
	} else if (messages.t == CS_J_ARRAY)
		cs_jeach_members(messages, &k->msg, opening_message, k);
	else
		return;
	res->kind = RK_ROUTE;
	read_opening(k, rec, res);
}
