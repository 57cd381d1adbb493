/* eng_signals_trust: `cs-signals trust` (see eng_signals_trust.h). */
#include "eng_signals_trust.h"
#include "kit_hash.h"
#include "kit_in.h"
#include "kit_json.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_time.h"
#include "svc_survey.h"
#include <inttypes.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY_MS 86400000LL
#define MAX_WEIGHT 1000.0

static const char *const dim_names[CS_TRUST_NDIMS] = {"channel", "intent", "product", "handled_by"};
static const char *const component_names[CS_TRUST_NCOMPONENTS] = {"fcr", "repeat", "negative", "effort"};
static const char *const rate_names[CS_TRUST_NCOMPONENTS] = {"fcr", "repeat_rate", "negative_rate", "ces_easy_rate"};

/* The counts of a metrics record, in the order written. */
static const struct {
	const char *name;
	size_t off;
} count_fields[] = {
	{"contacts", offsetof(struct cs_trust_counts, contacts)},
	{"customers", offsetof(struct cs_trust_counts, customers)},
	{"with_signals", offsetof(struct cs_trust_counts, with_signals)},
	{"resolved_first_contact", offsetof(struct cs_trust_counts, resolved_first_contact)},
	{"repeat_contacts", offsetof(struct cs_trust_counts, repeat_contacts)},
	{"sentiment_scored", offsetof(struct cs_trust_counts, sentiment_scored)},
	{"negative_sentiment", offsetof(struct cs_trust_counts, negative_sentiment)},
	{"ces_responses", offsetof(struct cs_trust_counts, ces_responses)},
	{"ces_easy", offsetof(struct cs_trust_counts, ces_easy)},
	{"ces_hard", offsetof(struct cs_trust_counts, ces_hard)},
};
#define NCOUNTS (sizeof count_fields / sizeof count_fields[0])

static uint64_t *count_at(struct cs_trust_counts *c, size_t i) { return (uint64_t *)(void *)((char *)c + count_fields[i].off); }
static uint64_t count_get(const struct cs_trust_counts *c, size_t i)
{
	return *(const uint64_t *)(const void *)((const char *)c + count_fields[i].off);
}

/* One segment-day. Its group is, per --by dimension in order, a 4-byte
 * length and the value's bytes. */
struct cell {
	int64_t day;
	uint64_t serial;           /* tells cells apart in the customer set */
	char *group;
	size_t group_len;
	struct cs_trust_counts n;
};

struct table {
	cs_map map;                /* day and group -> struct cell */
	struct cell **cells;
	size_t n, cap;
};

/* A CES survey naming a conversation not yet seen: placed at the end. */
struct pending {
	size_t conv_off, conv_len, cust_off, cust_len, group_off, group_len;
	int64_t day;               /* its own day, for when the conversation never comes */
	int dated, score;
};

struct cs_trust {
	struct cs_trust_opts o;
	struct table cur, hist;
	cs_fpset seen;             /* (cell serial, customer id) pairs counted */
	cs_map conv_cell;          /* conversation id -> struct cell */
	struct pending *pend;
	size_t npend, pend_cap;
	cs_buf arena;              /* strings of pending surveys */
	cs_buf key, text, group, why;
	cs_obj obj;                /* the members of a record given as text */
	uint64_t serial;
	int64_t cache_day, cache_from, cache_to;
	int cached;
	uint64_t conversations, surveys, surveys_other, bad_scores, undated, others, merged;
	uint64_t history_used, history_left_out, suppressed, alerts, segment_days;
};

void cs_trust_opts_init(struct cs_trust_opts *o)
{
	*o = (struct cs_trust_opts){.by = {CS_TRUST_CHANNEL, CS_TRUST_HANDLED_BY}, .nby = 2,
				    .weights = {1, 1, 1, 1}, .negative_at = -0.05, .min_group = 10, .anomaly_z = 3.5};
}

/* ---- option values ---- */

/* The next comma-separated item of *s: start and length; 0 at the end. */
static int next_item(const char **s, const char **item, size_t *n)
{
	if (!*s)
		return 0;
	const char *comma = strchr(*s, ',');
	*item = *s;
	*n = comma ? (size_t)(comma - *s) : strlen(*s);
	*s = comma ? comma + 1 : NULL;
	return 1;
}

static int name_index(const char *const *names, size_t count, const char *s, size_t n)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
			return (int)i;
	return -1;
}

int cs_trust_parse_by(const char *s, struct cs_trust_opts *o, cs_buf *err)
{
	enum cs_trust_dim by[CS_TRUST_NDIMS];
	size_t nby = 0, n;
	const char *item;
	cs_buf_reset(err);
	while (next_item(&s, &item, &n)) {
		int d = name_index(dim_names, CS_TRUST_NDIMS, item, n);
		if (!n)
			cs_buf_printf(err, "an empty item (give a list such as channel,handled_by)");
		else if (d < 0)
			cs_buf_printf(err, "'%.*s' is not channel, intent, product or handled_by", (int)n, item);
		for (size_t i = 0; d >= 0 && i < nby; i++)
			if (by[i] == (enum cs_trust_dim)d)
				cs_buf_printf(err, "'%.*s' is given twice", (int)n, item);
		if (err->len)
			return -1;
		by[nby++] = (enum cs_trust_dim)d;
	}
	memcpy(o->by, by, nby * sizeof *by);
	o->nby = nby;
	return 0;
}

/* A weight: digits with at most one '.', from 0 to MAX_WEIGHT. */
static int weight_of(const char *s, size_t n, double *w)
{
	char buf[32];
	size_t digits = 0, dots = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] == '.')
			dots++;
		else
			return -1;
	}
	if (!digits || dots > 1 || n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	*w = strtod(buf, NULL);
	return *w <= MAX_WEIGHT ? 0 : -1;
}

int cs_trust_parse_weights(const char *s, double w[CS_TRUST_NCOMPONENTS], cs_buf *err)
{
	double got[CS_TRUST_NCOMPONENTS];
	int given[CS_TRUST_NCOMPONENTS] = {0};
	size_t n;
	const char *item;
	memcpy(got, w, sizeof got);
	cs_buf_reset(err);
	while (next_item(&s, &item, &n)) {
		const char *eq = memchr(item, '=', n);
		int c = eq ? name_index(component_names, CS_TRUST_NCOMPONENTS, item, (size_t)(eq - item)) : -1;
		if (!n)
			cs_buf_printf(err, "an empty item (give name=weight pairs such as fcr=1,repeat=1,negative=1,effort=1)");
		else if (!eq)
			cs_buf_printf(err, "'%.*s' is not name=weight", (int)n, item);
		else if (c < 0)
			cs_buf_printf(err, "'%.*s' is not fcr, repeat, negative or effort", (int)(eq - item), item);
		else if (given[c])
			cs_buf_printf(err, "%s is given twice", component_names[c]);
		else if (weight_of(eq + 1, n - (size_t)(eq + 1 - item), &got[c]) != 0)
			cs_buf_printf(err, "%s: '%.*s' is not a number from 0 to 1000", component_names[c],
				      (int)(n - (size_t)(eq + 1 - item)), eq + 1);
		if (err->len)
			return -1;
		given[c] = 1;
	}
	double total = 0;
	for (int c = 0; c < CS_TRUST_NCOMPONENTS; c++)
		total += got[c];
	if (total <= 0) {
		cs_buf_printf(err, "every weight is 0: at least one component must count");
		return -1;
	}
	memcpy(w, got, sizeof got);
	return 0;
}

/* ---- the arithmetic ---- */

static double ratio(uint64_t a, uint64_t b) { return (double)a / (double)b; }

void cs_trust_kpi_of(const struct cs_trust_counts *c, const double w[CS_TRUST_NCOMPONENTS], struct cs_trust_kpi *k)
{
	const uint64_t num[CS_TRUST_NCOMPONENTS] = {c->resolved_first_contact, c->repeat_contacts, c->negative_sentiment,
						    c->ces_easy};
	const uint64_t den[CS_TRUST_NCOMPONENTS] = {c->with_signals, c->with_signals, c->sentiment_scored, c->ces_responses};
	double sum = 0, weight = 0;
	*k = (struct cs_trust_kpi){.trust = -1};
	for (int i = 0; i < CS_TRUST_NCOMPONENTS; i++) {
		if (!den[i])
			continue;
		k->rate[i] = ratio(num[i], den[i]);
		k->have |= 1u << i;
		if (w[i] <= 0)
			continue;
		k->used |= 1u << i;
		/* repeat and negative are bad news: the score counts their complement */
		sum += w[i] * (i == CS_TRUST_REPEAT || i == CS_TRUST_NEGATIVE ? 1 - k->rate[i] : k->rate[i]);
		weight += w[i];
	}
	if (weight > 0)
		k->trust = 100 * sum / weight;
}

static int by_value(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return a < b ? -1 : a > b;
}

static double median_of(double *v, size_t n)
{
	qsort(v, n, sizeof *v, by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double cs_trust_robust_z(double x, double *points, size_t n, double floor, double *median)
{
	if (!n) {
		*median = x;
		return 0;
	}
	double med = median_of(points, n);
	double *dev = cs_malloc(n * sizeof *dev);
	for (size_t i = 0; i < n; i++)
		dev[i] = fabs(points[i] - med);
	double scale = 1.4826 * median_of(dev, n);
	free(dev);
	*median = med;
	return (x - med) / (scale > floor ? scale : floor);
}

/* ---- days in the zone ---- */

static int64_t floor_div(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

int64_t cs_trust_day_start(const cs_trust *t, int64_t day)
{
	if (!t->o.tz)
		return day * DAY_MS;
	int64_t y;
	int m, d;
	char text[48];
	cs_time local;
	cs_civil_from_days(day, &y, &m, &d);
	int n = snprintf(text, sizeof text, "%04" PRId64 "-%02d-%02dT00:00:00", y, m, d);
	/* the zone set by --tz (cs_time_set_zone) reads the naive local midnight */
	if (cs_time_parse(text, (size_t)n, &local) != 0)
		return day * DAY_MS;
	return local.ms;
}

int64_t cs_trust_day_of(cs_trust *t, int64_t ms)
{
	if (t->cached && ms >= t->cache_from && ms < t->cache_to)
		return t->cache_day;
	int64_t day = floor_div(ms, DAY_MS);
	while (ms < cs_trust_day_start(t, day))
		day--;
	while (ms >= cs_trust_day_start(t, day + 1))
		day++;
	t->cache_day = day;
	t->cache_from = cs_trust_day_start(t, day);
	t->cache_to = cs_trust_day_start(t, day + 1);
	t->cached = 1;
	return day;
}

static void day_text(int64_t day, char buf[32])
{
	int64_t y;
	int m, d;
	cs_civil_from_days(day, &y, &m, &d);
	snprintf(buf, 32, "%04" PRId64 "-%02d-%02d", y, m, d);
}

/* ---- cells ---- */

static void group_add(cs_buf *g, const char *s, size_t n)
{
	uint32_t len = (uint32_t)n;
	cs_buf_add(g, &len, sizeof len);
	cs_buf_add(g, s, n);
}

/* The value of dimension i of group g: its bytes, length in *n. */
static const char *group_value(const char *g, size_t i, size_t *n)
{
	uint32_t len;
	for (;; i--) {
		memcpy(&len, g, sizeof len);
		if (!i)
			break;
		g += sizeof len + len;
	}
	*n = len;
	return g + sizeof len;
}

static struct cell *cell_of(cs_trust *t, struct table *tb, int64_t day, const cs_buf *group)
{
	cs_buf_reset(&t->key);
	cs_buf_add(&t->key, &day, sizeof day);
	cs_buf_add(&t->key, group->p, group->len);
	struct cell *c = cs_map_get(&tb->map, t->key.p, t->key.len);
	if (c)
		return c;
	c = cs_calloc(1, sizeof *c);
	c->day = day;
	c->serial = ++t->serial;
	c->group = cs_malloc(group->len + 1);
	memcpy(c->group, group->p, group->len);
	c->group_len = group->len;
	cs_map_put(&tb->map, t->key.p, t->key.len, c);
	if (tb->n == tb->cap) {
		tb->cap = tb->cap ? tb->cap * 2 : 64;
		tb->cells = cs_realloc(tb->cells, tb->cap * sizeof *tb->cells);
	}
	tb->cells[tb->n++] = c;
	return c;
}

static void table_free(struct table *tb)
{
	for (size_t i = 0; i < tb->n; i++) {
		free(tb->cells[i]->group);
		free(tb->cells[i]);
	}
	free(tb->cells);
	cs_map_free(&tb->map);
}

static void count_customer(cs_trust *t, struct cell *c, const char *id, size_t n)
{
	cs_buf_reset(&t->key);
	cs_buf_add(&t->key, &c->serial, sizeof c->serial);
	cs_buf_add(&t->key, id, n);
	if (cs_fpset_add(&t->seen, t->key.p, t->key.len))
		c->n.customers++;
}

static void count_ces(struct cell *c, int score)
{
	c->n.ces_responses++;
	c->n.ces_score += (uint64_t)score;
	c->n.ces_easy += score >= 5;
	c->n.ces_hard += score <= 3;
}

/* ---- conversations and surveys ---- */

static void dim_add(cs_trust *t, cs_jval v)
{
	const char *s = cs_jtext(v, &t->text);
	if (!s || !*s || v.t == CS_J_TRUE || v.t == CS_J_FALSE)
		group_add(&t->group, "unknown", 7);
	else
		group_add(&t->group, s, t->text.len);
}

static int role_seen(cs_jval msg, void *ctx)
{
	unsigned *seen = ctx;
	cs_jval role = cs_jget(msg, "role");
	if (role.t == CS_J_STRING && role.n == 7 && memcmp(role.p, "\"agent\"", 7) == 0)
		*seen |= 1;
	else if (role.t == CS_J_STRING && role.n == 5 && memcmp(role.p, "\"bot\"", 5) == 0)
		*seen |= 2;
	return 0;
}

static const char *handled_by(cs_jval messages)
{
	unsigned seen = 0;
	cs_jeach(messages, role_seen, &seen);
	return seen & 1 ? "human" : seen & 2 ? "bot" : "none";
}

/* The group of a conversation (survey 0) or of a survey on its own (1). */
static void group_of(cs_trust *t, const cs_obj *rec, int survey)
{
	cs_jval props = cs_jmember(rec, "props"), product = cs_jmember(rec, "product");
	cs_buf_reset(&t->group);
	for (size_t i = 0; i < t->o.nby; i++) {
		switch (t->o.by[i]) {
		case CS_TRUST_CHANNEL: dim_add(t, survey ? cs_jget(props, "channel") : cs_jmember(rec, "channel")); break;
		case CS_TRUST_INTENT: dim_add(t, survey ? cs_jget(props, "intent") : cs_jget(cs_jmember(rec, "route"), "intent")); break;
		case CS_TRUST_PRODUCT: dim_add(t, cs_jis(product) ? product : cs_jget(props, "product")); break;
		case CS_TRUST_HANDLED_BY: {
			const char *h = survey ? "unknown" : handled_by(cs_jmember(rec, "messages"));
			group_add(&t->group, h, strlen(h));
			break;
		}
		case CS_TRUST_NDIMS: break;
		}
	}
}

/* The instant of v: 1, 0 when absent, -1 with why when it is not a time. */
static int time_of(cs_trust *t, cs_jval v, const char *name, int64_t *ms, cs_buf *why)
{
	if (cs_jtime(v, ms) == 0)
		return 1;
	const char *s = cs_jtext(v, &t->text);
	if (!s || (v.t != CS_J_STRING && v.t != CS_J_NUMBER))
		return 0;
	cs_buf_printf(why, "%s: '%s' is not a time (%s)", name, s, cs_time_why(s, t->text.len));
	return -1;
}

static int first_ts(cs_jval msg, void *ctx)
{
	cs_jval *ts = ctx;
	*ts = cs_jget(msg, "ts");
	return 1;
}

static int is_text(cs_jval v, const char *s)
{
	size_t n = strlen(s);
	return v.t == CS_J_STRING && v.n == n + 2 && memcmp(v.p + 1, s, n) == 0;
}

static void count_sentiment(const cs_trust *t, struct cell *c, cs_jval customer)
{
	cs_jval end = cs_jget(customer, "end"), mean = cs_jget(customer, "mean");
	int has_end = end.t == CS_J_NUMBER, has_mean = mean.t == CS_J_NUMBER;
	if (!has_end && !has_mean)
		return;
	c->n.sentiment_scored++;
	if ((has_end && strtod(end.p, NULL) <= t->o.negative_at) || (has_mean && strtod(mean.p, NULL) <= t->o.negative_at))
		c->n.negative_sentiment++;
}

static int add_conversation(cs_trust *t, const cs_obj *rec, cs_buf *why)
{
	cs_jval started = cs_jmember(rec, "started");
	if (!cs_jis(started))
		cs_jeach(cs_jmember(rec, "messages"), first_ts, &started);
	int64_t ms;
	int rc = time_of(t, started, "started", &ms, why);
	if (rc <= 0) {
		t->undated += rc == 0;
		return rc;
	}
	t->conversations++;
	group_of(t, rec, 0);
	struct cell *c = cell_of(t, &t->cur, cs_trust_day_of(t, ms), &t->group);
	c->n.contacts++;
	if (cs_jtext(cs_jget(cs_jmember(rec, "customer"), "id"), &t->text))
		count_customer(t, c, t->text.p, t->text.len);
	cs_jval signals = cs_jmember(rec, "signals"), status = cs_jmember(rec, "status");
	if (signals.t == CS_J_OBJECT) {
		int repeat = cs_jbool(cs_jget(signals, "repeat_contact"), 0);
		c->n.with_signals++;
		c->n.repeat_contacts += repeat != 0;
		c->n.resolved_first_contact += !repeat && (is_text(status, "solved") || is_text(status, "closed"));
	}
	count_sentiment(t, c, cs_jpath(cs_jmember(rec, "qa"), "sentiment.customer"));
	if (cs_jtext(cs_jmember(rec, "id"), &t->text))
		cs_map_put(&t->conv_cell, t->text.p, t->text.len, c);
	return 0;
}

static size_t arena_add(cs_trust *t, const char *s, size_t n)
{
	size_t off = t->arena.len;
	cs_buf_add(&t->arena, s, n);
	return off;
}

/* A survey placed in its cell, by its conversation or alone: its customer
 * is one of the segment's. */
static void survey_in(cs_trust *t, struct cell *c, const char *cust, size_t cust_len, int score)
{
	if (cust)
		count_customer(t, c, cust, cust_len);
	count_ces(c, score);
}

static void survey_alone(cs_trust *t, int64_t day, const cs_buf *group, const char *cust, size_t cust_len, int score)
{
	survey_in(t, cell_of(t, &t->cur, day, group), cust, cust_len, score);
}

/* A CES score: a whole number from 1 to 7, else -1. */
static int ces_score(cs_jval v)
{
	if (v.t != CS_J_NUMBER)
		return -1;
	double s = strtod(v.p, NULL);
	return cs_survey_on_scale("ces", s) == 1 ? (int)s : -1;
}

static int add_survey(cs_trust *t, const cs_obj *rec, cs_buf *why)
{
	cs_jval survey = cs_jmember(rec, "survey");
	if (!is_text(cs_jget(survey, "metric"), "ces")) {
		t->surveys_other++;
		return 0;
	}
	int score = ces_score(cs_jget(survey, "score"));
	if (score < 0) {
		t->bad_scores++;
		return 0;
	}
	int64_t ms = 0;
	int dated = time_of(t, cs_jmember(rec, "ts"), "ts", &ms, why);
	if (dated < 0)
		return -1;
	t->surveys++;
	cs_buf cust = CS_BUF_INIT;
	int has_cust = cs_jtext(cs_jget(cs_jmember(rec, "customer"), "id"), &cust) != NULL;
	group_of(t, rec, 1);
	struct cell *c = NULL;
	if (cs_jtext(cs_jget(cs_jmember(rec, "props"), "conversation_id"), &t->text)) {
		c = cs_map_get(&t->conv_cell, t->text.p, t->text.len);
		if (c)
			survey_in(t, c, has_cust ? cust.p : NULL, cust.len, score);
		else {
			if (t->npend == t->pend_cap) {
				t->pend_cap = t->pend_cap ? t->pend_cap * 2 : 64;
				t->pend = cs_realloc(t->pend, t->pend_cap * sizeof *t->pend);
			}
			struct pending *p = &t->pend[t->npend++];
			*p = (struct pending){.conv_len = t->text.len, .cust_len = has_cust ? cust.len : 0,
					      .group_len = t->group.len, .day = dated ? cs_trust_day_of(t, ms) : 0,
					      .dated = dated, .score = score};
			p->conv_off = arena_add(t, t->text.p, t->text.len);
			p->cust_off = has_cust ? arena_add(t, cust.p, cust.len) : SIZE_MAX;
			p->group_off = arena_add(t, t->group.p, t->group.len);
		}
	} else if (dated)
		survey_alone(t, cs_trust_day_of(t, ms), &t->group, has_cust ? cust.p : NULL, cust.len, score);
	else
		t->undated++;
	cs_buf_free(&cust);
	return 0;
}

/* Surveys whose conversation came after them, or never. */
static void place_pending(cs_trust *t)
{
	for (size_t i = 0; i < t->npend; i++) {
		const struct pending *p = &t->pend[i];
		struct cell *c = cs_map_get(&t->conv_cell, t->arena.p + p->conv_off, p->conv_len);
		const char *cust = p->cust_off != SIZE_MAX ? t->arena.p + p->cust_off : NULL;
		if (c) {
			survey_in(t, c, cust, p->cust_len, p->score);
			continue;
		}
		if (!p->dated) {
			t->undated++;
			continue;
		}
		cs_buf_reset(&t->group);
		cs_buf_add(&t->group, t->arena.p + p->group_off, p->group_len);
		survey_alone(t, p->day, &t->group, cust, p->cust_len, p->score);
	}
	t->npend = 0;
}

/* ---- metrics records read back (--merge, --history) ---- */

/* A non-negative integer: 0, or -1. */
static int uint_of(cs_jval v, uint64_t *out)
{
	if (v.t != CS_J_NUMBER || v.p[0] == '-')
		return -1;
	for (size_t i = 0; i < v.n; i++)
		if (v.p[i] < '0' || v.p[i] > '9')
			return -1;
	if (v.n > 19)
		return -1;
	*out = strtoull(v.p, NULL, 10);
	return 0;
}

/* The day of a window that is one whole day in the zone: 0, or -1 with why. */
static int window_day(cs_trust *t, cs_jval window, int64_t *day, cs_buf *why)
{
	int64_t from, to;
	if (time_of(t, cs_jget(window, "from"), "window.from", &from, why) != 1 ||
	    time_of(t, cs_jget(window, "to"), "window.to", &to, why) != 1) {
		if (!why->len)
			cs_buf_printf(why, "no window");
		return -1;
	}
	*day = cs_trust_day_of(t, from);
	if (from != cs_trust_day_start(t, *day) || to != cs_trust_day_start(t, *day + 1)) {
		cs_buf_printf(why, "the window is not one day in the zone %s (give the --tz of the run that wrote it)",
			      t->o.tz ? t->o.tz : "UTC");
		return -1;
	}
	return 0;
}

/* The record's group, in --by order, into t->group: 0, or -1 with why. */
static int group_read(cs_trust *t, cs_jval group, cs_buf *why)
{
	cs_buf_reset(&t->group);
	size_t members = 0;
	cs_obj obj = {0};
	if (group.t == CS_J_OBJECT && cs_json_members((cs_span){group.p, group.n}, &obj) == 0)
		members = obj.n;
	cs_obj_free(&obj);
	for (size_t i = 0; i < t->o.nby; i++) {
		cs_jval v = cs_jget(group, dim_names[t->o.by[i]]);
		if (v.t != CS_J_STRING || !cs_jtext(v, &t->text))
			break;
		group_add(&t->group, t->text.p, t->text.len);
		if (i + 1 == t->o.nby && members == t->o.nby)
			return 0;
	}
	cs_buf_printf(why, "the group is not one of --by ");
	for (size_t i = 0; i < t->o.nby; i++)
		cs_buf_printf(why, "%s%s", i ? "," : "", dim_names[t->o.by[i]]);
	cs_buf_printf(why, " (give the --by of the run that wrote it)");
	return -1;
}

static int counts_read(const cs_obj *rec, struct cs_trust_counts *n, cs_buf *why)
{
	cs_jval counts = cs_jmember(rec, "counts"), sums = cs_jmember(rec, "sums");
	*n = (struct cs_trust_counts){0};
	for (size_t i = 0; i < NCOUNTS; i++) {
		cs_jval v = cs_jget(counts, count_fields[i].name);
		if (v.t != CS_J_NONE && uint_of(v, count_at(n, i)) != 0) {
			cs_buf_printf(why, "counts.%s is not a whole number of 0 or more", count_fields[i].name);
			return -1;
		}
	}
	cs_jval v = cs_jget(sums, "ces_score");
	if (v.t != CS_J_NONE && uint_of(v, &n->ces_score) != 0) {
		cs_buf_printf(why, "sums.ces_score is not a whole number of 0 or more");
		return -1;
	}
	return 0;
}

static void counts_add(struct cs_trust_counts *to, const struct cs_trust_counts *n)
{
	for (size_t i = 0; i < NCOUNTS; i++)
		*count_at(to, i) += count_get(n, i);
	to->ces_score += n->ces_score;
}

static int is_trust_metrics(const cs_obj *rec)
{
	return is_text(cs_jmember(rec, "kind"), "metrics") && is_text(cs_jmember(rec, "type"), "signals.trust");
}

/* A trust metrics record into tb: 1 added, -1 with why. */
static int add_metrics(cs_trust *t, struct table *tb, const cs_obj *rec, cs_buf *why)
{
	int64_t day;
	struct cs_trust_counts n;
	if (cs_jbool(cs_jmember(rec, "suppressed"), 0)) {
		cs_buf_printf(why, "a suppressed record: its figures were withheld (write the shards with --partial)");
		return -1;
	}
	if (window_day(t, cs_jmember(rec, "window"), &day, why) != 0 || group_read(t, cs_jmember(rec, "group"), why) != 0 ||
	    counts_read(rec, &n, why) != 0)
		return -1;
	counts_add(&cell_of(t, tb, day, &t->group)->n, &n);
	return 1;
}

static int add_record(cs_trust *t, const cs_obj *rec, cs_buf *why)
{
	cs_buf_reset(why);
	if (t->o.merge) {
		if (!is_trust_metrics(rec)) {
			t->others++;
			return 0;
		}
		t->merged++;
		return add_metrics(t, &t->cur, rec, why) < 0 ? -1 : 0;
	}
	if (is_text(cs_jmember(rec, "kind"), "conversation"))
		return add_conversation(t, rec, why);
	if (is_text(cs_jmember(rec, "kind"), "event") && is_text(cs_jmember(rec, "type"), "survey"))
		return add_survey(t, rec, why);
	t->others++;
	return 0;
}

/* The members of a record given as text, into t->obj: 0, or -1 with why. */
static int members_of(cs_trust *t, const char *json, size_t len, cs_buf *why)
{
	cs_jerr err;
	cs_buf_reset(why);
	if (cs_json_object(json, len, CS_JSON_DEFAULT_MAX_DEPTH, &t->obj, &err) == 0)
		return 0;
	cs_buf_printf(why, "not a JSON object (%s)", err.what);
	return -1;
}

int cs_trust_add(cs_trust *t, const char *json, size_t len, cs_buf *why)
{
	return members_of(t, json, len, why) == 0 ? add_record(t, &t->obj, why) : -1;
}

int cs_trust_add_history(cs_trust *t, const char *json, size_t len, cs_buf *why)
{
	if (members_of(t, json, len, why) != 0 || !is_trust_metrics(&t->obj) || add_metrics(t, &t->hist, &t->obj, why) < 0) {
		t->history_left_out++;
		return 0;
	}
	t->history_used++;
	return 1;
}

static void add_history(void *ctx, const char *line, size_t len)
{
	cs_trust *t = ctx;
	cs_trust_add_history(t, line, len, &t->why);
}

/* ---- writing ---- */

static int by_day_group(const void *x, const void *y, void *ctx)
{
	const struct cell *a = *(const struct cell *const *)x, *b = *(const struct cell *const *)y;
	const cs_trust *t = ctx;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	for (size_t i = 0; i < t->o.nby; i++) {
		size_t na, nb;
		const char *va = group_value(a->group, i, &na), *vb = group_value(b->group, i, &nb);
		int d = memcmp(va, vb, na < nb ? na : nb);
		if (d || na != nb)
			return d ? d : na < nb ? -1 : 1;
	}
	return 0;
}

static double rounded(double v, double scale) { return round(v * scale) / scale; }

static void put_group(cs_jw *w, const cs_trust *t, const struct cell *c)
{
	cs_jw_key(w, "group");
	cs_jw_object(w);
	for (size_t i = 0; i < t->o.nby; i++) {
		size_t n;
		const char *v = group_value(c->group, i, &n);
		cs_jw_key(w, dim_names[t->o.by[i]]);
		cs_jw_str(w, v, n);
	}
	cs_jw_end_object(w);
}

/* id, window, day and group: what metrics and alerts of a cell share. */
static void put_cell(cs_jw *w, const cs_trust *t, const struct cell *c, const char *prefix)
{
	char day[32], id[96], from[32], to[32];
	day_text(c->day, day);
	snprintf(id, sizeof id, "%s-%s-%016" PRIx64, prefix, day, cs_hash64(c->group, c->group_len, 0x7275));
	cs_time_format((cs_time){cs_trust_day_start(t, c->day), 0, 0}, from);
	cs_time_format((cs_time){cs_trust_day_start(t, c->day + 1), 0, 0}, to);
	cs_jw_key(w, "id");
	cs_jw_cstr(w, id);
	if (strcmp(prefix, "trust") != 0) {
		cs_jw_key(w, "ts");
		cs_jw_cstr(w, from);
	}
	cs_jw_key(w, "window");
	cs_jw_object(w);
	cs_jw_key(w, "from");
	cs_jw_cstr(w, from);
	cs_jw_key(w, "to");
	cs_jw_cstr(w, to);
	cs_jw_end_object(w);
	cs_jw_key(w, "day");
	cs_jw_cstr(w, day);
	put_group(w, t, c);
}

static int suppressed(const cs_trust *t, const struct cell *c) { return !t->o.partial && c->n.customers < t->o.min_group; }

static void put_kpi(cs_jw *w, const cs_trust *t, const struct cell *c)
{
	struct cs_trust_kpi k;
	cs_trust_kpi_of(&c->n, t->o.weights, &k);
	cs_jw_key(w, "kpi");
	cs_jw_object(w);
	for (int i = 0; i < CS_TRUST_NCOMPONENTS; i++)
		if (k.have & (1u << i)) {
			cs_jw_key(w, rate_names[i]);
			cs_jw_double(w, rounded(k.rate[i], 1e4));
		}
	if (c->n.ces_responses) {
		cs_jw_key(w, "ces_mean");
		cs_jw_double(w, rounded(ratio(c->n.ces_score, c->n.ces_responses), 1e2));
	}
	if (k.trust >= 0) {
		cs_jw_key(w, "trust");
		cs_jw_double(w, rounded(k.trust, 10));
	}
	cs_jw_end_object(w);
	cs_jw_key(w, "components");
	cs_jw_object(w);
	for (int i = 0; i < CS_TRUST_NCOMPONENTS; i++)
		if (k.used & (1u << i)) {
			cs_jw_key(w, component_names[i]);
			cs_jw_double(w, t->o.weights[i]);
		}
	cs_jw_end_object(w);
	cs_jw_key(w, "left_out");
	cs_jw_array(w);
	for (int i = 0; i < CS_TRUST_NCOMPONENTS; i++)
		if (!(k.have & (1u << i)) && t->o.weights[i] > 0)
			cs_jw_cstr(w, component_names[i]);
	cs_jw_end_array(w);
}

/* Start a record of a cell into line: kind, type, id, window, day, group. */
static void open_record(cs_jw *w, cs_buf *line, const cs_trust *t, const struct cell *c, const char *kind,
			const char *type)
{
	cs_buf_reset(line);
	cs_jw_init(w, line);
	cs_jw_object(w);
	cs_jw_key(w, "kind");
	cs_jw_cstr(w, kind);
	cs_jw_key(w, "type");
	cs_jw_cstr(w, type);
	put_cell(w, t, c, strcmp(kind, "metrics") == 0 ? "trust" : "segment-anomaly");
}

static void write_metrics(cs_trust *t, const struct cell *c, cs_buf *line)
{
	cs_jw w;
	open_record(&w, line, t, c, "metrics", "signals.trust");
	cs_jw_key(&w, "counts");
	cs_jw_object(&w);
	for (size_t i = 0; i < NCOUNTS; i++)
		if (!suppressed(t, c) || count_fields[i].off == offsetof(struct cs_trust_counts, customers)) {
			cs_jw_key(&w, count_fields[i].name);
			cs_jw_uint(&w, count_get(&c->n, i));
		}
	cs_jw_end_object(&w);
	if (suppressed(t, c)) {
		t->suppressed++;
		cs_jw_key(&w, "suppressed");
		cs_jw_bool(&w, 1);
	} else {
		cs_jw_key(&w, "sums");
		cs_jw_object(&w);
		cs_jw_key(&w, "ces_score");
		cs_jw_uint(&w, c->n.ces_score);
		cs_jw_end_object(&w);
		put_kpi(&w, t, c);
	}
	if (t->o.partial) {
		cs_jw_key(&w, "partial");
		cs_jw_bool(&w, 1);
	}
	cs_jw_end_object(&w);
}

/* ---- anomalies ---- */

enum { FIG_TRUST = CS_TRUST_NCOMPONENTS, NFIGS };
static const char *const fig_words[NFIGS] = {"first-contact resolution", "repeat-contact rate",
					    "negative-sentiment rate", "easy-effort rate (CES 5-7)", "trust score"};
static const char *const fig_names[NFIGS] = {"fcr", "repeat_rate", "negative_rate", "ces_easy_rate", "trust"};
static const char *const weekdays[7] = {"Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"};

struct verdict {
	int have;
	double value, baseline, z;
	size_t points;
};

/* The earlier same weekdays of a cell that may be compared with: from the
 * run, else from --history; shown ones only (enough customers). */
static size_t earlier_kpis(cs_trust *t, const struct cell *c, struct cs_trust_kpi *out)
{
	size_t n = 0;
	for (int k = 1; k <= CS_TRUST_WEEKS; k++) {
		int64_t day = c->day - 7 * k;
		cs_buf_reset(&t->key);
		cs_buf_add(&t->key, &day, sizeof day);
		cs_buf_add(&t->key, c->group, c->group_len);
		struct cell *h = cs_map_get(&t->cur.map, t->key.p, t->key.len);
		if (!h)
			h = cs_map_get(&t->hist.map, t->key.p, t->key.len);
		if (h && h->n.customers >= t->o.min_group)
			cs_trust_kpi_of(&h->n, t->o.weights, &out[n++]);
	}
	return n;
}

/* The binomial standard error at the usual rate p for a day of n, p
 * smoothed away from 0 and 1 so a flat history of zeros still has one. */
static double sampling_error(double p, uint64_t n)
{
	double smoothed = (p * (double)n + 1) / ((double)n + 2);
	return sqrt(smoothed * (1 - smoothed) / (double)n);
}

static void judge(cs_trust *t, const struct cell *c, struct verdict v[NFIGS])
{
	struct cs_trust_kpi now, past[CS_TRUST_WEEKS];
	const uint64_t den[CS_TRUST_NCOMPONENTS] = {c->n.with_signals, c->n.with_signals, c->n.sentiment_scored,
						    c->n.ces_responses};
	double points[CS_TRUST_WEEKS], usual[CS_TRUST_NCOMPONENTS], var = 0, weight = 0;
	size_t npast = earlier_kpis(t, c, past);
	cs_trust_kpi_of(&c->n, t->o.weights, &now);
	memset(v, 0, NFIGS * sizeof *v);
	for (int i = 0; i < CS_TRUST_NCOMPONENTS; i++) {
		size_t n = 0;
		for (size_t k = 0; k < npast; k++)
			if (past[k].have & (1u << i))
				points[n++] = past[k].rate[i];
		usual[i] = now.rate[i];
		if (!(now.have & (1u << i)) || n < CS_TRUST_MIN_POINTS)
			continue;
		double floor = fmax(0.01, sampling_error(median_of(points, n), den[i])), baseline;
		double z = cs_trust_robust_z(now.rate[i], points, n, floor, &baseline);
		v[i] = (struct verdict){1, now.rate[i], baseline, z, n};
		usual[i] = baseline;
	}
	if (now.trust < 0)
		return;
	for (int i = 0; i < CS_TRUST_NCOMPONENTS; i++)
		if (now.used & (1u << i)) {
			double se = sampling_error(usual[i], den[i]);
			var += t->o.weights[i] * t->o.weights[i] * se * se;
			weight += t->o.weights[i];
		}
	size_t n = 0;
	for (size_t k = 0; k < npast; k++)
		if (past[k].trust >= 0)
			points[n++] = past[k].trust;
	if (n >= CS_TRUST_MIN_POINTS) {
		double floor = fmax(1, 100 * sqrt(var) / weight), baseline;
		double z = cs_trust_robust_z(now.trust, points, n, floor, &baseline);
		v[FIG_TRUST] = (struct verdict){1, now.trust, baseline, z, n};
	}
}

/* Is a move of z in figure f for the worse? */
static int worse(int f, double z) { return f == CS_TRUST_REPEAT || f == CS_TRUST_NEGATIVE ? z > 0 : z < 0; }

static const char *action_for(int f, double z)
{
	static const char *const actions[NFIGS] = {
		"review this segment's unresolved contacts of the day: missing knowledge, wrong routing or a broken process",
		"find the issue customers keep coming back about (signals.issue on the repeat contacts) and fix its cause or its answer",
		"read a sample of the day's negative conversations (cs-qa mine --target negative) for a new problem or a changed script",
		"find what made contacts hard: transfers, long waits, repeated questions or authentication",
		"look at the components of the score to see what changed, then at the contacts behind it",
	};
	if (!worse(f, z))
		return "a sudden improvement: check the data first (signals or surveys missing, a changed pipeline)";
	return actions[f];
}

static void figure_text(cs_buf *b, int f, double x)
{
	if (f == FIG_TRUST)
		cs_buf_printf(b, "%.0f", x);
	else
		cs_buf_printf(b, "%.0f%%", 100 * x);
}

static double figure_rounded(int f, double x) { return f == FIG_TRUST ? rounded(x, 10) : rounded(x, 1e4); }

static void put_evidence(cs_jw *w, const struct verdict v[NFIGS])
{
	cs_jw_key(w, "evidence");
	cs_jw_array(w);
	for (int f = 0; f < NFIGS; f++) {
		if (!v[f].have)
			continue;
		cs_jw_object(w);
		cs_jw_key(w, "figure");
		cs_jw_cstr(w, fig_names[f]);
		cs_jw_key(w, "value");
		cs_jw_double(w, figure_rounded(f, v[f].value));
		cs_jw_key(w, "baseline");
		cs_jw_double(w, figure_rounded(f, v[f].baseline));
		cs_jw_key(w, "z");
		cs_jw_double(w, rounded(v[f].z, 100));
		cs_jw_key(w, "days");
		cs_jw_uint(w, v[f].points);
		cs_jw_end_object(w);
	}
	cs_jw_end_array(w);
}

/* The alert of a cell, into line; 0 when there is none. */
static int write_alert(cs_trust *t, const struct cell *c, cs_buf *line)
{
	struct verdict v[NFIGS];
	judge(t, c, v);
	double top = 0;
	int factor = FIG_TRUST;   /* the component with the largest |z|; the score itself only without one */
	for (int f = 0; f < NFIGS; f++) {
		if (!v[f].have)
			continue;
		top = fmax(top, fabs(v[f].z));
		if (f != FIG_TRUST && (factor == FIG_TRUST || fabs(v[f].z) > fabs(v[factor].z)))
			factor = f;
	}
	if (top < t->o.anomaly_z)
		return 0;
	cs_buf reason = CS_BUF_INIT;
	cs_buf_printf(&reason, "%s ", fig_words[factor]);
	figure_text(&reason, factor, v[factor].value);
	cs_buf_printf(&reason, " against a usual ");
	figure_text(&reason, factor, v[factor].baseline);
	cs_buf_printf(&reason, " on %s (", weekdays[((c->day + 4) % 7 + 7) % 7]);
	for (size_t i = 0; i < t->o.nby; i++) {
		size_t n;
		const char *val = group_value(c->group, i, &n);
		cs_buf_printf(&reason, "%s%s %.*s", i ? ", " : "", dim_names[t->o.by[i]], (int)n, val);
	}
	cs_buf_printf(&reason, ")");
	cs_jw w;
	open_record(&w, line, t, c, "alert", "signals.segment_anomaly");
	cs_jw_key(&w, "source");
	cs_jw_cstr(&w, "cs-signals");
	cs_jw_key(&w, "severity");
	cs_jw_cstr(&w, top >= 2 * t->o.anomaly_z ? "critical" : "warning");
	cs_jw_key(&w, "factor");
	cs_jw_cstr(&w, fig_names[factor]);
	cs_jw_key(&w, "value");
	cs_jw_double(&w, figure_rounded(factor, v[factor].value));
	cs_jw_key(&w, "baseline");
	cs_jw_double(&w, figure_rounded(factor, v[factor].baseline));
	cs_jw_key(&w, "z");
	cs_jw_double(&w, rounded(v[factor].z, 100));
	cs_jw_key(&w, "reason");
	cs_jw_str(&w, reason.p, reason.len);
	cs_jw_key(&w, "action");
	cs_jw_cstr(&w, action_for(factor, v[factor].z));
	put_evidence(&w, v);
	cs_jw_end_object(&w);
	cs_buf_free(&reason);
	return 1;
}

void cs_trust_write(cs_trust *t, void (*put)(void *sink, const char *line, size_t n), void *sink)
{
	cs_buf line = CS_BUF_INIT;
	place_pending(t);
	struct cell **sorted = cs_malloc((t->cur.n + 1) * sizeof *sorted);
	if (t->cur.n)
		memcpy(sorted, t->cur.cells, t->cur.n * sizeof *sorted);
	qsort_r(sorted, t->cur.n, sizeof *sorted, by_day_group, t);
	t->segment_days = t->cur.n;
	for (size_t i = 0; i < t->cur.n; i++) {
		write_metrics(t, sorted[i], &line);
		put(sink, line.p, line.len);
	}
	for (size_t i = 0; i < t->cur.n && !t->o.partial; i++)
		if (!suppressed(t, sorted[i]) && write_alert(t, sorted[i], &line)) {
			t->alerts++;
			put(sink, line.p, line.len);
		}
	free(sorted);
	cs_buf_free(&line);
}

/* ---- the engine ---- */

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_trust *t = ctx;
	(void)run;
	if (add_record(t, &rec->obj, &t->why) == 0)
		return CS_REC_OK;
	cs_rec_bad(rec, "%s", t->why.p);
	return CS_REC_BAD;
}

static void put_run(void *sink, const char *line, size_t n) { cs_run_write_line(sink, line, n); }

static void finish(void *ctx, cs_run *run) { cs_trust_write(ctx, put_run, run); }

static void counters(void *ctx, cs_stats *st)
{
	const cs_trust *t = ctx;
	const struct {
		const char *name;
		uint64_t value;
	} list[] = {
		{"conversations", t->conversations}, {"ces_surveys", t->surveys}, {"other_surveys", t->surveys_other},
		{"bad_ces_scores", t->bad_scores}, {"undated", t->undated}, {"merged", t->merged},
		{"other_records", t->others}, {"history_used", t->history_used}, {"history_left_out", t->history_left_out},
		{"segment_days", t->segment_days}, {"suppressed", t->suppressed}, {"alerts", t->alerts},
	};
	for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
		cs_stats_add(st, list[i].name, list[i].value);
}

static void summary(void *ctx, const struct cs_common *c)
{
	cs_trust *t = ctx;
	(void)c;
	if (t->suppressed)
		cs_notice("%" PRIu64 " segment-day%s with fewer than %" PRIu64 " customers %s suppressed (--min-group)",
			  t->suppressed, t->suppressed == 1 ? "" : "s", t->o.min_group, t->suppressed == 1 ? "was" : "were");
	if (t->undated)
		cs_notice("%" PRIu64 " record%s without a time left out", t->undated, t->undated == 1 ? "" : "s");
	if (t->bad_scores)
		cs_notice("%" PRIu64 " CES survey%s without a whole score from 1 to 7 left out", t->bad_scores,
			  t->bad_scores == 1 ? "" : "s");
	if (t->o.merge && t->others)
		cs_notice("%" PRIu64 " record%s that %s no trust metrics left out (--merge reads what --partial wrote)", t->others,
			  t->others == 1 ? "" : "s", t->others == 1 ? "is" : "are");
	if (t->history_left_out)
		cs_notice("--history %s: %" PRIu64 " record%s left out (not trust metrics of this --by and --tz, or suppressed)",
			  t->o.history, t->history_left_out, t->history_left_out == 1 ? "" : "s");
}

cs_trust *cs_trust_new(const struct cs_common *c, const struct cs_trust_opts *o, struct cs_engine *engine)
{
	cs_trust *t = cs_calloc(1, sizeof *t);
	t->o = *o;
	if (c && c->tz)
		t->o.tz = c->tz;
	if (engine)
		*engine = (struct cs_engine){.ctx = t, .record = record, .finish = finish, .counters = counters, .summary = summary};
	if (t->o.history)
		cs_in_each_object("--history", t->o.history, add_history, t);
	return t;
}

void cs_trust_free(cs_trust *t)
{
	if (!t)
		return;
	table_free(&t->cur);
	table_free(&t->hist);
	cs_fpset_free(&t->seen);
	cs_map_free(&t->conv_cell);
	free(t->pend);
	cs_buf_free(&t->arena);
	cs_buf_free(&t->key);
	cs_buf_free(&t->text);
	cs_buf_free(&t->group);
	cs_buf_free(&t->why);
	cs_obj_free(&t->obj);
	free(t);
}
