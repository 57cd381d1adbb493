/* eng_roi_staff: Erlang C staffing, the figures and how they are written. */
#include "eng_roi_staff.h"
#include "kit_jw.h"
#include "kit_msg.h"
#include "kit_out.h"
#include "kit_time.h"
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TABLE_BELOW 2   /* rows of the text table below the answer */
#define TABLE_ABOVE 2

double cs_erlang_b(long n, double a)
{
	double b = 1;
	for (long k = 1; k <= n && b > 0; k++)   /* once b underflows it stays 0 */
		b = a * b / ((double)k + a * b);
	return b;
}

double cs_erlang_c_of_b(long n, double a, double b)
{
	double dn = (double)n;
	return dn * b / (dn - a * (1 - b));
}

static void figures_unstable(long n, struct cs_staff_figures *f)
{
	f->agents = n;
	f->wait_probability = 1;
	f->service_level = 0;
	f->asa_s = INFINITY;
	f->occupancy = 1;
}

/* The figures of n > a agents, b being B_n. */
static void figures_from_b(long n, double a, double b, double aht_s, double answer_s, struct cs_staff_figures *f)
{
	double spare = (double)n - a;
	f->agents = n;
	f->wait_probability = cs_erlang_c_of_b(n, a, b);
	f->service_level = 1 - f->wait_probability * exp(-spare * answer_s / aht_s);
	f->asa_s = f->wait_probability * aht_s / spare;
	f->occupancy = a / (double)n;
}

int cs_staff_figures_of(long n, double a, double aht_s, double answer_s, struct cs_staff_figures *f)
{
	if (a <= 0) {
		*f = (struct cs_staff_figures){n, 0, 1, 0, 0};
		return 0;
	}
	if ((double)n <= a) {
		figures_unstable(n, f);
		return -1;
	}
	figures_from_b(n, a, cs_erlang_b(n, a), aht_s, answer_s, f);
	return 0;
}

int cs_staff_meets(const struct cs_staff_figures *f, const struct cs_staff_target *t)
{
	if (t->service_level > 0 && f->service_level < t->service_level - CS_STAFF_SL_SLACK)
		return 0;
	if (t->max_asa_s > 0 && f->asa_s > t->max_asa_s)
		return 0;
	return !(t->max_occupancy > 0 && f->occupancy > t->max_occupancy);
}

long cs_staff_agents(double a, double aht_s, const struct cs_staff_target *t, long max_agents,
		     struct cs_staff_figures *f)
{
	if (a <= 0) {
		cs_staff_figures_of(0, 0, aht_s, t->answer_s, f);
		return 0;
	}
	double b = 1;
	for (long k = 1; k <= max_agents; k++) {
		b = a * b / ((double)k + a * b);
		if ((double)k <= a)
			continue;
		figures_from_b(k, a, b, aht_s, t->answer_s, f);
		if (cs_staff_meets(f, t))
			return k;
	}
	figures_unstable(max_agents, f);
	return -1;
}

long cs_staff_rostered(long n, double shrinkage)
{
	/* 14 / 0.7 is 20.000000000000004 in doubles: round away such noise first */
	double heads = (double)n / (1 - shrinkage);
	double near = nearbyint(heads);
	if (fabs(heads - near) < 1e-9)
		return (long)near;
	return (long)ceil(heads);
}

static int parse_answer_s(const char *s, double *out)
{
	char *end;
	if (*s && strspn(s, "0123456789.") == strlen(s)) {
		errno = 0;
		*out = strtod(s, &end);
		return errno || *end ? -1 : 0;
	}
	int64_t ms;
	if (cs_duration_parse(s, &ms) < 0)
		return -1;
	*out = (double)ms / 1000;
	return 0;
}

int cs_staff_parse_target(const char *s, struct cs_staff_target *t, cs_buf *err)
{
	const char *slash = strchr(s, '/');
	char *end;
	cs_buf_reset(err);
	if (!slash) {
		cs_buf_printf(err, "'%s' is not PERCENT/SECONDS, such as 80/20", s);
		return -1;
	}
	errno = 0;
	double pct = strtod(s, &end);
	if (end == s || end != slash || errno || !(pct > 0 && pct < 100)) {
		cs_buf_printf(err, "'%s': the share answered is a percent above 0 and below 100, such as 80/20", s);
		return -1;
	}
	double answer_s;
	if (parse_answer_s(slash + 1, &answer_s) < 0 || !(answer_s >= 0 && answer_s <= 86400)) {
		cs_buf_printf(err, "'%s': the time to answer is seconds from 0 to 86400 (or a duration such as 1m), "
			      "such as 80/20", s);
		return -1;
	}
	t->service_level = pct / 100;
	t->answer_s = answer_s;
	return 0;
}

void cs_staff_opts_init(struct cs_staff_opts *o)
{
	*o = (struct cs_staff_opts){0};
	o->target.service_level = 0.8;
	o->target.answer_s = 20;
	o->volume = -1;
	o->interval_s = 1800;
	o->shrinkage = 0.3;
	o->max_agents = 100000;
}

int cs_staff_parse_by(const char *s, struct cs_staff_opts *o, cs_buf *err)
{
	cs_buf_reset(err);
	o->nby = 0;
	if (strlen(s) >= sizeof o->by_text) {
		cs_buf_printf(err, "longer than %zu bytes", sizeof o->by_text - 1);
		return -1;
	}
	memcpy(o->by_text, s, strlen(s) + 1);
	for (char *save = NULL, *f = strtok_r(o->by_text, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
		if (o->nby == CS_STAFF_MAX_BY) {
			cs_buf_printf(err, "at most %d fields", CS_STAFF_MAX_BY);
			return -1;
		}
		for (size_t i = 0; i < o->nby; i++)
			if (strcmp(o->by[i], f) == 0) {
				cs_buf_printf(err, "'%s' is named twice", f);
				return -1;
			}
		o->by[o->nby++] = f;
	}
	if (!o->nby) {
		cs_buf_adds(err, "no field named (such as channel or route.team)");
		return -1;
	}
	return 0;
}

int cs_staff_check(struct cs_staff_opts *o, int nfiles, cs_buf *err)
{
	cs_buf_reset(err);
	if (o->target.max_asa_s > 0 && !o->target_set)
		o->target.service_level = 0;
	if (o->volume < 0)
		return 0;
	if (!(o->aht_s > 0))
		cs_buf_adds(err, "--volume needs --aht (the average handle time, such as 180s)");
	else if (nfiles > 0)
		cs_buf_adds(err, "--volume takes no files: the volume is given (without --volume, the records are read)");
	else if (o->nby)
		cs_buf_adds(err, "--by groups records read: not with --volume");
	else if (o->actual)
		cs_buf_adds(err, "--actual compares with the agents on duty in records read: not with --volume");
	return err->len ? -1 : 0;
}

void cs_staff_solve(const struct cs_staff_opts *o, struct cs_staff_result *r)
{
	r->erlangs = r->interval_s > 0 ? r->volume / r->interval_s * r->aht_s : 0;
	r->reason = NULL;
	r->agents = cs_staff_agents(r->erlangs, r->aht_s, &o->target, o->max_agents, &r->fig);
	if (r->agents < 0) {
		r->reason = "needs more agents than --max-agents";
		r->rostered = -1;
		return;
	}
	r->rostered = cs_staff_rostered(r->agents, o->shrinkage);
}

void cs_staff_solve_actual(const struct cs_staff_opts *o, struct cs_staff_result *r)
{
	if (r->actual_agents < 0 || r->reason)
		return;
	/* past 1e15 agents the figures are their limits (P_w 0) all the same */
	long on_duty = (long)fmin(floor(r->actual_agents + 1e-9), 1e15);
	r->actual_stable = cs_staff_figures_of(on_duty, r->erlangs, r->aht_s, o->target.answer_s, &r->actual_fig) == 0;
}

/* ---- JSON ---- */

/* Figures to 6 decimals: the same text on every libm, and readable. */
static double round6(double v) { return fabs(v) < 1e9 ? round(v * 1e6) / 1e6 : v; }

/* A whole number as an integer: cs_jw_double writes 100 as 1e+02. */
static void json_number(cs_jw *w, const char *key, double v)
{
	if (key)
		cs_jw_key(w, key);
	if (v == nearbyint(v) && fabs(v) < 9007199254740992.0)
		cs_jw_int(w, (int64_t)v);
	else
		cs_jw_double(w, v);
}

static void json_time(cs_jw *w, const char *key, int64_t ms)
{
	char buf[40];
	cs_time t = {ms, 0, 0};
	size_t n = cs_time_format(t, buf);
	cs_jw_key(w, key);
	cs_jw_str(w, buf, n);
}

static void json_target(cs_jw *w, const struct cs_staff_opts *o)
{
	const struct cs_staff_target *t = &o->target;
	cs_jw_key(w, "target");
	cs_jw_object(w);
	if (t->service_level > 0) {
		json_number(w, "service_level", t->service_level);
	}
	json_number(w, "answer_s", t->answer_s);
	if (t->max_asa_s > 0) {
		json_number(w, "asa_s", t->max_asa_s);
	}
	if (t->max_occupancy > 0) {
		json_number(w, "max_occupancy", t->max_occupancy);
	}
	cs_jw_end_object(w);
}

static void json_figures(cs_jw *w, const struct cs_staff_opts *o, const struct cs_staff_result *r)
{
	cs_jw_key(w, "agents");
	cs_jw_int(w, r->agents);
	cs_jw_key(w, "rostered");
	cs_jw_int(w, r->rostered);
	json_number(w, "shrinkage", o->shrinkage);
	json_number(w, "service_level", round6(r->fig.service_level));
	json_number(w, "asa_s", round6(r->fig.asa_s));
	json_number(w, "occupancy", round6(r->fig.occupancy));
	json_number(w, "wait_probability", round6(r->fig.wait_probability));
}

static void json_window(cs_jw *w, const struct cs_staff_result *r)
{
	cs_jw_key(w, "window");
	cs_jw_object(w);
	json_time(w, "from", r->from_ms);
	json_time(w, "to", r->to_ms);
	cs_jw_end_object(w);
	cs_jw_key(w, "group");
	cs_jw_raw(w, r->group, r->group_len);
}

static void json_actual(cs_jw *w, const struct cs_staff_result *r)
{
	cs_jw_key(w, "actual");
	if (r->actual_agents < 0) {
		cs_jw_null(w);
		return;
	}
	cs_jw_object(w);
	json_number(w, "agents", round6(r->actual_agents));
	cs_jw_key(w, "source");
	cs_jw_cstr(w, r->actual_source);
	if (r->reason) {
		cs_jw_end_object(w);
		return;
	}
	json_number(w, "gap", floor(r->actual_agents + 1e-9) - (double)r->agents);
	cs_jw_key(w, "stable");
	cs_jw_bool(w, r->actual_stable);
	if (r->actual_stable) {
		json_number(w, "service_level", round6(r->actual_fig.service_level));
		json_number(w, "asa_s", round6(r->actual_fig.asa_s));
		json_number(w, "occupancy", round6(r->actual_fig.occupancy));
	}
	cs_jw_end_object(w);
}

static void json_number_or_null(cs_jw *w, const char *key, int known, double v)
{
	cs_jw_key(w, key);
	if (known)
		json_number(w, NULL, round6(v));
	else
		cs_jw_null(w);
}

void cs_staff_json(const struct cs_staff_opts *o, const struct cs_staff_result *r, cs_buf *out)
{
	cs_jw w;
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "staffing");
	cs_jw_key(&w, "model");
	cs_jw_cstr(&w, "erlang_c");
	if (r->group)
		json_window(&w, r);
	json_number(&w, "volume", r->volume);
	json_number(&w, "interval_s", r->interval_s);
	/* No AHT measured (no handled contact) is null, not 0, even in a window
	 * without contacts, whose load is 0 all the same; with contacts, their
	 * load is not known either. */
	json_number_or_null(&w, "aht_s", r->aht_s > 0, r->aht_s);
	cs_jw_key(&w, "aht_source");
	cs_jw_cstr(&w, r->aht_measured ? "measured" : "given");
	if (r->aht_measured) {
		json_number(&w, "handled", r->handled);
	}
	json_number_or_null(&w, "erlangs", r->aht_s > 0 || !r->reason, r->erlangs);
	json_target(&w, o);
	if (r->reason) {
		cs_jw_key(&w, "agents");
		cs_jw_null(&w);
		cs_jw_key(&w, "reason");
		cs_jw_cstr(&w, r->reason);
	} else
		json_figures(&w, o, r);
	if (o->actual && r->group)
		json_actual(&w, r);
	cs_jw_end_object(&w);
}

/* ---- text ---- */

static void text_percent(cs_buf *out, double share)
{
	cs_buf_printf(out, "%.1f%%", 100 * share);
}

/* A count or load for people: to two decimals, without trailing zeros
 * or exponents (1e7 as 10000000, 0.6 as 0.6, 10/3 as 3.33). */
static void text_number(cs_buf *out, double v)
{
	cs_buf_printf(out, "%.2f", v);
	while (out->p[out->len - 1] == '0')
		out->len--;
	if (out->p[out->len - 1] == '.')
		out->len--;
	out->p[out->len] = 0;
}

/* 1800 as 30m, 3600 as 1h, 90 as 90s */
static void text_duration(cs_buf *out, double s)
{
	if (s >= 3600 && fmod(s, 3600) == 0)
		cs_buf_printf(out, "%gh", s / 3600);
	else if (s >= 60 && fmod(s, 60) == 0)
		cs_buf_printf(out, "%gm", s / 60);
	else
		cs_buf_printf(out, "%gs", s);
}

static void text_target(cs_buf *out, const struct cs_staff_target *t)
{
	const char *sep = "";
	if (t->service_level > 0) {
		text_percent(out, t->service_level);
		cs_buf_printf(out, " answered in %g s", t->answer_s);
		sep = ", ";
	}
	if (t->max_asa_s > 0) {
		cs_buf_printf(out, "%sASA at most %g s", sep, t->max_asa_s);
		sep = ", ";
	}
	if (t->max_occupancy > 0) {
		cs_buf_printf(out, "%soccupancy at most ", sep);
		text_percent(out, t->max_occupancy);
	}
}

static void text_verdict(cs_buf *out, const struct cs_staff_opts *o, const struct cs_staff_result *r)
{
	if (r->reason) {
		cs_buf_printf(out, "no staffing: %s", r->reason);
		if (r->agents < 0 && r->aht_s > 0)
			cs_buf_printf(out, " (%ld)", o->max_agents);
		return;
	}
	cs_buf_printf(out, "%ld agent%s (rostered %ld with %g%% shrinkage): ", r->agents, r->agents == 1 ? "" : "s",
		      r->rostered, 100 * o->shrinkage);
	text_percent(out, r->fig.service_level);
	cs_buf_printf(out, " answered in %g s, ASA %.1f s, occupancy ", o->target.answer_s, r->fig.asa_s);
	text_percent(out, r->fig.occupancy);
}

static void text_row(cs_buf *out, const struct cs_staff_figures *f, int chosen)
{
	cs_buf_printf(out, "%7ld  %12.1f%%  %7.1f s  %8.1f%%%s\n", f->agents, 100 * f->service_level, f->asa_s,
		      100 * f->occupancy, chosen ? "  <-" : "");
}

/* The figures of the agents around the answer, those with a stable queue. */
static void text_table(cs_buf *out, const struct cs_staff_opts *o, const struct cs_staff_result *r)
{
	cs_buf_adds(out, " agents  service level       ASA  occupancy\n");
	long lo = r->agents > TABLE_BELOW ? r->agents - TABLE_BELOW : 1;
	for (long n = lo; n <= r->agents + TABLE_ABOVE; n++) {
		struct cs_staff_figures f;
		if (cs_staff_figures_of(n, r->erlangs, r->aht_s, o->target.answer_s, &f) == 0)
			text_row(out, &f, n == r->agents);
	}
}

static void text_given(const struct cs_staff_opts *o, const struct cs_staff_result *r, cs_buf *out)
{
	text_number(out, r->volume);
	cs_buf_adds(out, " contacts in ");
	text_duration(out, r->interval_s);
	cs_buf_adds(out, " at ");
	text_number(out, r->aht_s);
	cs_buf_adds(out, " s AHT: ");
	text_number(out, r->erlangs);
	cs_buf_adds(out, " Erlangs; target ");
	text_target(out, &o->target);
	cs_buf_addc(out, '\n');
	if (!r->reason && r->agents > 0)
		text_table(out, o, r);
	text_verdict(out, o, r);
	cs_buf_addc(out, '\n');
}

static void text_actual(cs_buf *out, const struct cs_staff_result *r)
{
	if (r->actual_agents < 0) {
		cs_buf_adds(out, "; on duty: unknown");
		return;
	}
	double gap = floor(r->actual_agents + 1e-9) - (double)r->agents;
	cs_buf_adds(out, "; on duty ");
	text_number(out, r->actual_agents);
	if (!r->actual_stable)
		cs_buf_adds(out, ": fewer than the load, the queue grows");
	else {
		cs_buf_adds(out, ": ");
		text_percent(out, r->actual_fig.service_level);
		cs_buf_printf(out, ", ASA %.1f s", r->actual_fig.asa_s);
	}
	if (gap != 0) {
		cs_buf_adds(out, " (");
		text_number(out, fabs(gap));
		cs_buf_adds(out, gap < 0 ? " short)" : " over)");
	}
}

static void text_measured(const struct cs_staff_opts *o, const struct cs_staff_result *r, cs_buf *out)
{
	char from[40];
	cs_time t = {r->from_ms, 0, 0};
	cs_time_format(t, from);
	cs_buf_printf(out, "%s ", from);
	text_duration(out, r->interval_s);
	if (r->group_len > 2)
		cs_buf_printf(out, " %.*s", (int)r->group_len, r->group);
	cs_buf_adds(out, ": ");
	text_number(out, r->volume);
	cs_buf_adds(out, " contacts, ");
	if (r->aht_s > 0) {
		cs_buf_adds(out, "AHT ");
		text_number(out, r->aht_s);
		cs_buf_printf(out, " s%s, ", r->aht_measured ? "" : " (given)");
		text_number(out, r->erlangs);
		cs_buf_adds(out, " Erlangs: ");
	}
	text_verdict(out, o, r);
	if (o->actual && !r->reason)
		text_actual(out, r);
	cs_buf_addc(out, '\n');
}

void cs_staff_text(const struct cs_staff_opts *o, const struct cs_staff_result *r, cs_buf *out)
{
	if (r->group)
		text_measured(o, r, out);
	else
		text_given(o, r, out);
}

int cs_staff_given(const struct cs_common *c, const struct cs_staff_opts *o)
{
	struct cs_staff_result r = {0};
	cs_buf text = CS_BUF_INIT;
	r.volume = o->volume;
	r.interval_s = o->interval_s;
	r.aht_s = o->aht_s;
	cs_staff_solve(o, &r);
	if (o->json) {
		cs_staff_json(o, &r, &text);
		cs_buf_addc(&text, '\n');
	} else
		cs_staff_text(o, &r, &text);
	cs_out *out = cs_out_open(c->output);
	cs_out_write(out, text.p, text.len);
	cs_out_close(out);
	cs_buf_free(&text);
	if (r.agents < 0) {
		cs_error("more than --max-agents %ld agents would be needed for %.2f Erlangs", o->max_agents, r.erlangs);
		return CS_EXIT_DATA;
	}
	return CS_EXIT_OK;
}
