/* eng_roi_staff_run: `cs-roi staff` measured from records: volume and AHT
 * per window and group, from metrics or conversation records. */
#include "eng_roi_staff.h"
#include "kit_hash.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define LONG_WINDOW_MS 3600000   /* longer windows average their peaks away */

struct cell {
	int64_t from, to;
	char *group;              /* a JSON object */
	size_t group_len;
	double contacts;
	double handled;           /* a sum: metrics may hold any count */
	double handle_s;
	uint64_t serial;          /* for the authors seen in it */
	double staffed_s;         /* metrics: agent-seconds on duty */
	int has_staffed;
	uint64_t authors;         /* conversations: distinct agents who wrote */
};

struct cs_staff {
	struct cs_staff_opts o;
	cs_map map;               /* from, to, group -> struct cell */
	cs_fpset authors;         /* cell serial and author, for --actual */
	struct cell **cells;
	size_t n, cap;
	cs_buf key, text, group, line, why;
	cs_obj obj;               /* cs_staff_add's record */
	uint64_t metrics, conversations, others, undated, unanswered, unfinished;
	uint64_t windows, no_aht, over_max, long_windows;
};

static struct cell *cell_of(cs_staff *s, int64_t from, int64_t to, const char *group, size_t group_len)
{
	cs_buf_reset(&s->key);
	cs_buf_add(&s->key, &from, sizeof from);
	cs_buf_add(&s->key, &to, sizeof to);
	cs_buf_add(&s->key, group, group_len);
	struct cell *c = cs_map_get(&s->map, s->key.p, s->key.len);
	if (c)
		return c;
	c = cs_calloc(1, sizeof *c);
	c->from = from;
	c->to = to;
	c->group = cs_strndup(group, group_len);
	c->group_len = group_len;
	c->serial = s->n;
	cs_map_put(&s->map, s->key.p, s->key.len, c);
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->cells = cs_realloc(s->cells, s->cap * sizeof *s->cells);
	}
	s->cells[s->n++] = c;
	return c;
}

/* ---- reading values ---- */

static int number_of(cs_staff *s, cs_jval v, double *out)
{
	if (v.t != CS_J_NUMBER || !cs_jtext(v, &s->text))
		return -1;
	*out = strtod(s->text.p, NULL);
	return 0;
}

/* A time member: 1 read, 0 absent or null, -1 not a time (why set). */
static int time_of(cs_staff *s, cs_jval v, const char *name, int64_t *ms)
{
	if (!cs_jis(v))
		return 0;
	if (cs_jtime(v, ms) != 0) {
		cs_buf_reset(&s->why);
		cs_buf_printf(&s->why, "%s is not a time", name);
		return -1;
	}
	return 1;
}

/* ---- metrics records ---- */

/* A count or sum: 1 read, 0 absent or null, -1 (why set) not a number
 * from 0 up. */
static int amount_of(cs_staff *s, cs_jval parent, const char *key, const char *name, double *out)
{
	cs_jval v = cs_jget(parent, key);
	if (!cs_jis(v))
		return 0;
	if (number_of(s, v, out) == 0 && isfinite(*out) && *out >= 0)
		return 1;
	cs_buf_reset(&s->why);
	cs_buf_printf(&s->why, "%s is not a number from 0 up", name);
	return -1;
}

/* What a metrics record adds to its window and group. */
struct amounts {
	double contacts, handled, handle_s, handle_ms, staffed_s;
	int has_handle_s, has_handle_ms, has_staffed_s;
};

/* 1 read, 0 no counts.contacts (not for staffing), -1 bad (why set). */
static int amounts_of(cs_staff *s, const cs_obj *rec, struct amounts *a)
{
	cs_jval counts = cs_jmember(rec, "counts"), sums = cs_jmember(rec, "sums");
	*a = (struct amounts){0};
	int got = amount_of(s, counts, "contacts", "counts.contacts", &a->contacts);
	if (got <= 0)
		return got;
	if (amount_of(s, counts, "handled", "counts.handled", &a->handled) < 0)
		return -1;
	a->has_handle_s = amount_of(s, sums, "handle_s", "sums.handle_s", &a->handle_s);
	if (a->has_handle_s < 0)
		return -1;
	if (!a->has_handle_s) {
		a->has_handle_ms = amount_of(s, sums, "handle_ms", "sums.handle_ms", &a->handle_ms);
		if (a->has_handle_ms < 0)
			return -1;
	}
	a->has_staffed_s = amount_of(s, sums, "staffed_s", "sums.staffed_s", &a->staffed_s);
	return a->has_staffed_s < 0 ? -1 : 1;
}

static int window_of(cs_staff *s, const cs_obj *rec, int64_t *from, int64_t *to)
{
	cs_jval window = cs_jmember(rec, "window");
	int got_from = time_of(s, cs_jget(window, "from"), "window.from", from);
	int got_to = got_from < 0 ? -1 : time_of(s, cs_jget(window, "to"), "window.to", to);
	if (got_from < 0 || got_to < 0)
		return -1;
	if (got_from && got_to && *to > *from)
		return 0;
	cs_buf_reset(&s->why);
	cs_buf_adds(&s->why, "metrics record without a window (from before to)");
	return -1;
}

static int add_metrics(cs_staff *s, const cs_obj *rec)
{
	struct amounts a;
	int64_t from = 0, to = 0;
	int got = amounts_of(s, rec, &a);
	if (got <= 0) {
		s->others += !got;
		return got;
	}
	if (window_of(s, rec, &from, &to) < 0)
		return -1;
	cs_jval group = cs_jmember(rec, "group");
	cs_buf_reset(&s->group);
	if (group.t == CS_J_OBJECT)
		cs_json_compact(group.p, group.n, &s->group);
	else
		cs_buf_adds(&s->group, "{}");
	struct cell *c = cell_of(s, from, to, s->group.p, s->group.len);
	c->contacts += a.contacts;
	c->handled += a.handled;
	c->handle_s += a.has_handle_s ? a.handle_s : a.handle_ms / 1000;
	c->staffed_s += a.staffed_s;
	c->has_staffed |= a.has_staffed_s;
	s->metrics++;
	return 0;
}

/* ---- conversation records ---- */

struct first_reply {
	cs_staff *s;
	struct cell *cell;
	int64_t ms;
	int found;
};

/* An agent who wrote in the cell's window, counted once (--actual). */
static void note_author(cs_staff *s, struct cell *c, cs_jval author)
{
	if (!s->o.actual || !cs_jtext(author, &s->text) || !s->text.len)
		return;
	cs_buf_reset(&s->key);
	cs_buf_add(&s->key, &c->serial, sizeof c->serial);
	cs_buf_add(&s->key, s->text.p, s->text.len);
	if (cs_fpset_add(&s->authors, s->key.p, s->key.len))
		c->authors++;
}

static int note_reply(cs_jval msg, void *ctx)
{
	struct first_reply *fr = ctx;
	const char *role = cs_jtext(cs_jget(msg, "role"), &fr->s->text);
	if (!role || strcmp(role, "agent") != 0)
		return 0;
	note_author(fr->s, fr->cell, cs_jget(msg, "author"));
	int64_t ms;
	if (time_of(fr->s, cs_jget(msg, "ts"), "ts", &ms) == 1 && (!fr->found || ms < fr->ms)) {
		fr->ms = ms;
		fr->found = 1;
	}
	return 0;
}

/* The --by fields of rec as a JSON object, into s->group. */
static void conversation_group(cs_staff *s, const cs_obj *rec)
{
	cs_jw w;
	cs_buf_reset(&s->group);
	cs_jw_init(&w, &s->group);
	cs_jw_object(&w);
	for (size_t i = 0; i < s->o.nby; i++) {
		const char *path = s->o.by[i], *dot = strchr(path, '.');
		cs_buf_reset(&s->key);
		cs_buf_add(&s->key, path, dot ? (size_t)(dot - path) : strlen(path));
		cs_jval v = cs_jmember(rec, s->key.p);
		if (dot)
			v = cs_jpath(v, dot + 1);
		cs_jw_key(&w, path);
		const char *text = v.t == CS_J_STRING || v.t == CS_J_NUMBER ? cs_jtext(v, &s->text) : NULL;
		if (text)
			cs_jw_str(&w, text, s->text.len);
		else
			cs_jw_null(&w);
	}
	cs_jw_end_object(&w);
}

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return q * b > a ? q - 1 : q;
}

static int add_conversation(cs_staff *s, const cs_obj *rec)
{
	int64_t started, ended = 0;
	int got = time_of(s, cs_jmember(rec, "started"), "started", &started);
	if (got < 0)
		return -1;
	if (!got) {
		s->undated++;
		return 0;
	}
	int got_end = time_of(s, cs_jmember(rec, "ended"), "ended", &ended);
	if (got_end < 0)
		return -1;
	int64_t step = (int64_t)(s->o.interval_s * 1000);
	int64_t from = floor_div(started, step) * step;
	conversation_group(s, rec);
	struct cell *c = cell_of(s, from, from + step, s->group.p, s->group.len);
	struct first_reply fr = {s, c, 0, 0};
	cs_jeach(cs_jmember(rec, "messages"), note_reply, &fr);
	c->contacts++;
	s->conversations++;
	if (!fr.found)
		s->unanswered++;
	else if (!got_end || ended < fr.ms)
		s->unfinished++;
	else {
		c->handled++;
		c->handle_s += (double)(ended - fr.ms) / 1000;
	}
	return 0;
}

static int add_record(cs_staff *s, const cs_obj *rec)
{
	const char *kind = cs_jtext(cs_jmember(rec, "kind"), &s->text);
	if (kind && strcmp(kind, "metrics") == 0)
		return add_metrics(s, rec);
	if (kind && strcmp(kind, "conversation") == 0)
		return add_conversation(s, rec);
	s->others++;
	return 0;
}

/* ---- writing ---- */

static int cell_order(const void *pa, const void *pb)
{
	const struct cell *a = *(struct cell *const *)pa, *b = *(struct cell *const *)pb;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	size_t n = a->group_len < b->group_len ? a->group_len : b->group_len;
	int cmp = memcmp(a->group, b->group, n);
	if (cmp)
		return cmp;
	return a->group_len < b->group_len ? -1 : a->group_len > b->group_len;
}

static void result_of(cs_staff *s, const struct cell *c, struct cs_staff_result *r)
{
	*r = (struct cs_staff_result){0};
	r->from_ms = c->from;
	r->to_ms = c->to;
	r->group = c->group;
	r->group_len = c->group_len;
	r->volume = c->contacts;
	r->interval_s = (double)(c->to - c->from) / 1000;
	r->handled = c->handled;
	r->aht_measured = !(s->o.aht_s > 0);
	r->aht_s = s->o.aht_s > 0 ? s->o.aht_s : c->handled > 0 ? c->handle_s / c->handled : 0;
	if (c->to - c->from > LONG_WINDOW_MS)
		s->long_windows++;
	r->actual_agents = -1;
	if (c->has_staffed) {
		r->actual_agents = c->staffed_s / r->interval_s;
		r->actual_source = "staffed_s";
	} else if (c->authors) {
		r->actual_agents = (double)c->authors;
		r->actual_source = "authors";
	}
	if (r->volume > 0 && !(r->aht_s > 0)) {
		r->agents = -1;
		r->reason = c->handled > 0 ? "no handle time to measure AHT from (give --aht)"
				       : "no handled contacts to measure AHT from (give --aht)";
		s->no_aht++;
		return;
	}
	cs_staff_solve(&s->o, r);
	cs_staff_solve_actual(&s->o, r);
	if (r->agents < 0)
		s->over_max++;
}

uint64_t cs_staff_write(cs_staff *s, void (*put)(void *sink, const char *line, size_t n), void *sink)
{
	if (s->n)
		qsort(s->cells, s->n, sizeof *s->cells, cell_order);
	s->over_max = 0;
	for (size_t i = 0; i < s->n; i++) {
		struct cs_staff_result r;
		result_of(s, s->cells[i], &r);
		cs_buf_reset(&s->line);
		if (s->o.json)
			cs_staff_json(&s->o, &r, &s->line);
		else
			cs_staff_text(&s->o, &r, &s->line);
		if (s->line.len && s->line.p[s->line.len - 1] == '\n')
			s->line.len--;
		put(sink, s->line.p, s->line.len);
		s->windows++;
	}
	return s->over_max;
}

static void put_run(void *sink, const char *line, size_t n) { cs_run_write_line(sink, line, n); }

static void finish(void *ctx, cs_run *run)
{
	cs_staff *s = ctx;
	if (cs_staff_write(s, put_run, run)) {
		cs_error("%" PRIu64 " window%s would need more than --max-agents %ld agents", s->over_max,
			 s->over_max == 1 ? "" : "s", s->o.max_agents);
		cs_exit_raise(CS_EXIT_DATA);
	}
}

int cs_staff_add(cs_staff *s, const char *json, size_t len, cs_buf *why)
{
	cs_jerr err;
	cs_buf_reset(why);
	if (cs_json_object(json, len, CS_JSON_DEFAULT_MAX_DEPTH, &s->obj, &err) != 0) {
		cs_buf_printf(why, "not a JSON object (%s)", err.what);
		return -1;
	}
	if (add_record(s, &s->obj) == 0)
		return 0;
	cs_buf_add(why, s->why.p, s->why.len);
	return -1;
}

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_staff *s = ctx;
	(void)run;
	if (add_record(s, &rec->obj) == 0)
		return CS_REC_OK;
	cs_rec_bad(rec, "%s", s->why.p);
	return CS_REC_BAD;
}

static void counters(void *ctx, cs_stats *st)
{
	const cs_staff *s = ctx;
	const struct {
		const char *name;
		uint64_t value;
	} list[] = {
		{"metrics", s->metrics}, {"conversations", s->conversations}, {"other_records", s->others},
		{"undated", s->undated}, {"unanswered", s->unanswered}, {"unfinished", s->unfinished},
		{"windows", s->windows}, {"no_aht", s->no_aht}, {"over_max_agents", s->over_max},
	};
	for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
		cs_stats_add(st, list[i].name, list[i].value);
}

static const char *plural(uint64_t n, const char *one, const char *many) { return n == 1 ? one : many; }

static void summary(void *ctx, const struct cs_common *c)
{
	cs_staff *s = ctx;
	(void)c;
	if (s->unanswered)
		cs_notice("%" PRIu64 " conversation%s without an agent reply: contacts without handle time", s->unanswered,
			  plural(s->unanswered, "", "s"));
	if (s->unfinished)
		cs_notice("%" PRIu64 " conversation%s without an end after the first agent reply: no handle time",
			  s->unfinished, plural(s->unfinished, "", "s"));
	if (s->undated)
		cs_notice("%" PRIu64 " conversation%s without started left out", s->undated, plural(s->undated, "", "s"));
	if (s->no_aht)
		cs_notice("%" PRIu64 " window%s without handle time to measure AHT from: give --aht", s->no_aht,
			  plural(s->no_aht, "", "s"));
	if (s->long_windows)
		cs_notice("%" PRIu64 " window%s longer than an hour: staffing for a whole window averages its peaks away "
			  "(cs-roi kpi --window 15m)", s->long_windows, plural(s->long_windows, "", "s"));
	if (!s->metrics && !s->conversations && s->others)
		cs_notice("no metrics or conversation records read (%" PRIu64 " other%s left out)", s->others,
			  plural(s->others, "", "s"));
}

cs_staff *cs_staff_new(const struct cs_common *c, const struct cs_staff_opts *o, struct cs_engine *engine)
{
	(void)c;
	cs_staff *s = cs_calloc(1, sizeof *s);
	s->o = *o;
	for (size_t i = 0; i < o->nby; i++)   /* into the copy's by_text */
		s->o.by[i] = s->o.by_text + (o->by[i] - o->by_text);
	if (!s->o.interval_set)
		s->o.interval_s = 900;
	if (!s->o.nby) {
		s->o.by[0] = "channel";
		s->o.nby = 1;
	}
	if (engine)
		*engine = (struct cs_engine){.ctx = s, .record = record, .finish = finish, .counters = counters,
					     .summary = summary};
	return s;
}

void cs_staff_free(cs_staff *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->cells[i]->group);
		free(s->cells[i]);
	}
	free(s->cells);
	cs_map_free(&s->map);
	cs_fpset_free(&s->authors);
	cs_buf_free(&s->key);
	cs_buf_free(&s->text);
	cs_buf_free(&s->group);
	cs_buf_free(&s->line);
	cs_buf_free(&s->why);
	cs_obj_free(&s->obj);
	free(s);
}
