/* eng_ticket_sla: SLA policies and metrics (see eng_ticket_sla.h). */
#include "eng_ticket_sla.h"
#include "kit_conf.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_CALENDARS 32

static const char *const metric_names[SLA_NMETRICS] = {"first_response", "next_response", "periodic_update",
						       "resolution"};
static const char *const priority_names[SLA_NPRIORITIES] = {"low", "normal", "high", "urgent"};
static const char *const state_names[] = {"none", "active", "paused", "met", "breached"};

const char *sla_metric_name(enum sla_metric m)
{
	return metric_names[m];
}

const char *sla_state_name(enum sla_state s)
{
	return state_names[s];
}

int sla_priority_of(const char *s, enum sla_priority *p)
{
	for (int i = 0; s && i < SLA_NPRIORITIES; i++)
		if (strcmp(s, priority_names[i]) == 0) {
			*p = (enum sla_priority)i;
			return 0;
		}
	return -1;
}

/* A condition: each list given must hold the ticket's value (tags: any). */
enum { C_PRIORITY, C_CHANNEL, C_GROUP, C_TIER, C_TAGS, C_NKEYS };
static const char *const cond_keys[C_NKEYS + 1] = {"priority", "channel", "group", "tier", "tags", NULL};

struct policy {
	char *name;
	char **when[C_NKEYS];          /* NULL-terminated lists; NULL: any value */
	const cs_calendar *calendar;   /* NULL: calendar time */
	int64_t target[SLA_NPRIORITIES][SLA_NMETRICS];   /* 0: none */
	struct sla_escalation *esc;
	size_t nesc;
};

struct named_calendar {
	char *name;
	cs_calendar *cal;
};

struct sla_policies {
	struct named_calendar cal[MAX_CALENDARS];
	size_t ncal;
	char **pause;                  /* NULL-terminated */
	double warn_at;
	int internal_counts, outside_hours;
	struct policy *p;
	size_t np;
};

struct loader {
	cs_conf c;
	sla_policies *p;
	const char *dir;               /* the policy file's directory, "" for none */
	const char *share_dir;
};

/* ---- reading the file ---- */

static int in_list(char *const *list, const char *v);

/* "a, b or c" */
static void say_choices(cs_buf *b, const char *const *choices)
{
	for (size_t i = 0; choices[i]; i++)
		cs_buf_printf(b, "%s%s", i == 0 ? "" : choices[i + 1] ? ", " : " or ", choices[i]);
}

/* A string or an array of strings, each one of allowed (NULL: any). */
static char **string_list(struct loader *L, cs_jval v, const char *what, const char *const *allowed)
{
	if (v.t != CS_J_STRING && v.t != CS_J_ARRAY)
		cs_conf_bad(&L->c, v.p, "%s must be a string or an array of strings", what);
	cs_conf_elements e = v.t == CS_J_STRING ? (cs_conf_elements){&v, 1} : cs_conf_elements_of(&L->c, v, what);
	char **list = cs_calloc(e.n + 1, sizeof *list);
	cs_conf_temp(&L->c, list);
	for (size_t i = 0; i < e.n; i++) {
		list[i] = cs_conf_temp(&L->c, cs_conf_text(&L->c, e.v[i], what));
		if (allowed && !in_list((char *const *)allowed, list[i])) {
			cs_buf choices = CS_BUF_INIT;
			say_choices(&choices, allowed);
			cs_conf_temp(&L->c, choices.p);
			cs_conf_bad(&L->c, e.v[i].p, "%s: '%s' is not %s", what, list[i], choices.p);
		}
	}
	cs_conf_keep(&L->c, e.n + 1);
	return list;
}

static void free_list(char **list)
{
	for (size_t i = 0; list && list[i]; i++)
		free(list[i]);
	free(list);
}

/* A calendar file: beside the policy file (or absolute); a bare name that
 * is not there, in the share directory's calendars/. A file that is there
 * but wrong is reported as it is, never hidden behind the share's. */
static cs_calendar *open_calendar(struct loader *L, const char *file, const char *at)
{
	cs_buf path = CS_BUF_INIT, err = CS_BUF_INIT;
	cs_calendar *cal = NULL;
	if (file[0] == '/')
		cs_buf_printf(&path, "%s", file);
	else
		cs_buf_printf(&path, "%s%s", L->dir, file);
	cal = cs_calendar_load(path.p, &err);
	if (!cal && access(path.p, F_OK) != 0 && !strchr(file, '/') && L->share_dir) {
		cs_buf_reset(&err);
		cs_buf_printf(&err, "no file %s, nor %s/calendars/%s%s", path.p, L->share_dir, file,
			      strstr(file, ".json") ? "" : ".json");
		cs_buf_reset(&path);
		cs_buf_printf(&path, "%s/calendars/%s%s", L->share_dir, file, strstr(file, ".json") ? "" : ".json");
		if (access(path.p, F_OK) == 0) {
			cs_buf_reset(&err);
			cal = cs_calendar_load(path.p, &err);
		}
	}
	cs_buf_free(&path);
	if (!cal) {
		cs_conf_temp(&L->c, err.p);
		cs_conf_bad(&L->c, at, "calendar \"%s\": %s", file, err.p);
	}
	cs_buf_free(&err);
	return cal;
}

/* A calendar written in the policy file itself: its errors are at their
 * own line of the policy file. */
static cs_calendar *inline_calendar(struct loader *L, const char *name, cs_jval v)
{
	cs_buf err = CS_BUF_INIT, what = CS_BUF_INIT;
	cs_buf_printf(&what, "calendar \"%s\"", name);
	cs_calendar *cal = cs_calendar_parse_in(L->c.file, cs_conf_line(&L->c, v.p), what.p, v.p, v.n, &err);
	cs_buf_free(&what);
	if (!cal) {
		cs_conf_temp(&L->c, err.p);
		cs_conf_fail(&L->c, err.p);
	}
	cs_buf_free(&err);
	return cal;
}

static void read_calendars(struct loader *L, cs_jval v)
{
	cs_conf_members ms = cs_conf_members_of(&L->c, v, NULL, "\"calendars\"");
	for (size_t i = 0; i < ms.n; i++) {
		if (cs_conf_key_is(&ms.m[i], "description") || cs_conf_key_is(&ms.m[i], "comment"))
			continue;
		if (L->p->ncal == MAX_CALENDARS)
			cs_conf_bad(&L->c, ms.m[i].key.p, "more than %d calendars", MAX_CALENDARS);
		/* a policy's "calendar": "24x7" is calendar time, so this one would never be used */
		if (cs_conf_key_is(&ms.m[i], "24x7"))
			cs_conf_bad(&L->c, ms.m[i].key.p, "a calendar cannot be named \"24x7\": that name is calendar time");
		cs_jval val = cs_conf_val(&ms.m[i]);
		struct named_calendar *nc = &L->p->cal[L->p->ncal];
		nc->name = cs_strndup(ms.m[i].key.p, ms.m[i].key.n);
		L->p->ncal++;
		if (val.t == CS_J_OBJECT)
			nc->cal = inline_calendar(L, nc->name, val);
		else
			nc->cal = open_calendar(L, cs_conf_temp(&L->c, cs_conf_text(&L->c, val, "a calendar")),
						ms.m[i].key.p);
	}
}

static const cs_calendar *calendar_named(struct loader *L, cs_jval v)
{
	if (v.t == CS_J_NULL)
		return NULL;
	char *name = cs_conf_temp(&L->c, cs_conf_text(&L->c, v, "\"calendar\""));
	if (strcmp(name, "24x7") == 0)
		return NULL;
	for (size_t i = 0; i < L->p->ncal; i++)
		if (strcmp(L->p->cal[i].name, name) == 0)
			return L->p->cal[i].cal;
	cs_conf_bad(&L->c, v.p, "no calendar \"%s\" in \"calendars\"", name);
}

static const char *const metric_keys[SLA_NMETRICS + 1] = {"first_response", "next_response", "periodic_update",
							   "resolution", NULL};
static const char *const priority_keys[SLA_NPRIORITIES + 1] = {"low", "normal", "high", "urgent", NULL};
/* solved and closed end the clock rather than pause it */
static const char *const pause_statuses[] = {"new", "open", "pending", "on_hold", NULL};

static void read_when(struct loader *L, struct policy *p, cs_jval v)
{
	cs_conf_members ms = cs_conf_members_of(&L->c, v, cond_keys, "\"when\"");
	for (size_t i = 0; i < ms.n; i++)
		for (int k = 0; k < C_NKEYS; k++)
			if (cs_conf_key_is(&ms.m[i], cond_keys[k])) {
				cs_jval list = cs_conf_val(&ms.m[i]);
				p->when[k] = string_list(L, list, cond_keys[k], k == C_PRIORITY ? priority_keys : NULL);
				if (!p->when[k][0])
					cs_conf_bad(&L->c, list.p, "%s: an empty list, which no ticket matches", cond_keys[k]);
			}
}

static void read_priority_targets(struct loader *L, int64_t *target, cs_jval v)
{
	cs_conf_members ms = cs_conf_members_of(&L->c, v, metric_keys, "the targets of a priority");
	for (size_t i = 0; i < ms.n; i++)
		for (int m = 0; m < SLA_NMETRICS; m++) {
			if (!cs_conf_key_is(&ms.m[i], metric_keys[m]))
				continue;
			cs_jval d = cs_conf_val(&ms.m[i]);
			char *text = cs_conf_temp(&L->c, cs_conf_text(&L->c, d, metric_keys[m]));
			if (cs_clock_duration(text, &target[m]) != 0 || target[m] <= 0)
				cs_conf_bad(&L->c, d.p, "%s: '%s' is not a duration (30m, 4h, 1h30m)", metric_keys[m], text);
		}
}

static void read_targets(struct loader *L, struct policy *p, cs_jval v)
{
	cs_conf_members ms = cs_conf_members_of(&L->c, v, priority_keys, "\"targets\"");
	for (size_t i = 0; i < ms.n; i++)
		for (int k = 0; k < SLA_NPRIORITIES; k++)
			if (cs_conf_key_is(&ms.m[i], priority_keys[k]))
				read_priority_targets(L, p->target[k], cs_conf_val(&ms.m[i]));
}

static enum sla_metric metric_named(struct loader *L, cs_jval v)
{
	char *name = cs_conf_temp(&L->c, cs_conf_text(&L->c, v, "metric"));
	enum sla_metric m;
	if (sla_metric_of(name, &m) == 0)
		return m;
	cs_conf_bad(&L->c, v.p, "metric: '%s' is not first_response, next_response, periodic_update or resolution",
		    name);
}

static void read_escalation(struct loader *L, struct sla_escalation *e, cs_jval v)
{
	static const char *const keys[] = {"metric", "on", "priority", "group", "assignee", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, v, keys, "an escalation");
	int has_metric = 0;
	e->on_breach = 1;
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "metric") && (has_metric = 1))
			e->metric = metric_named(L, val);
		else if (cs_conf_key_is(&ms.m[i], "on")) {
			char *on = cs_conf_temp(&L->c, cs_conf_text(&L->c, val, "on"));
			if (strcmp(on, "breach") != 0 && strcmp(on, "warning") != 0)
				cs_conf_bad(&L->c, val.p, "on: '%s' is not breach or warning", on);
			e->on_breach = strcmp(on, "breach") == 0;
		} else if (cs_conf_key_is(&ms.m[i], "priority")) {
			e->priority = cs_conf_text(&L->c, val, "priority");
			enum sla_priority pr;
			if (sla_priority_of(e->priority, &pr) != 0)
				cs_conf_bad(&L->c, val.p, "priority: '%s' is not low, normal, high or urgent", e->priority);
		} else if (cs_conf_key_is(&ms.m[i], "group"))
			e->group = cs_conf_text(&L->c, val, "group");
		else if (cs_conf_key_is(&ms.m[i], "assignee"))
			e->assignee = cs_conf_text(&L->c, val, "assignee");
	}
	if (!has_metric)
		cs_conf_bad(&L->c, v.p, "an escalation needs a \"metric\"");
}

static void read_escalations(struct loader *L, struct policy *p, cs_jval v)
{
	cs_conf_elements e = cs_conf_elements_of(&L->c, v, "\"escalate\"");
	p->esc = cs_calloc(e.n ? e.n : 1, sizeof *p->esc);
	for (size_t i = 0; i < e.n; i++) {
		p->nesc = i + 1;
		read_escalation(L, &p->esc[i], e.v[i]);
	}
}

static int timed_for_some_priority(const struct policy *p, enum sla_metric m)
{
	for (int k = 0; k < SLA_NPRIORITIES; k++)
		if (p->target[k][m] > 0)
			return 1;
	return 0;
}

/* An escalation of a metric the policy never times could never fire: a
 * mistake, most likely a target left out. */
static void check_escalations(struct loader *L, const struct policy *p, cs_jval esc)
{
	cs_conf_elements e = cs_conf_elements_of(&L->c, esc, "\"escalate\"");
	for (size_t i = 0; i < p->nesc; i++) {
		const char *metric = metric_names[p->esc[i].metric];
		if (!timed_for_some_priority(p, p->esc[i].metric))
			cs_conf_bad(&L->c, e.v[i].p, "an escalation of %s, which policy \"%s\" has no target for: %s", metric,
				    p->name, "it would never fire");
	}
}

static void read_policy(struct loader *L, struct policy *p, cs_jval v)
{
	static const char *const keys[] = {"name", "when", "calendar", "targets", "escalate", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, v, keys, "a policy");
	int has_targets = 0;
	cs_jval esc = {0};
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "name"))
			p->name = cs_conf_text(&L->c, val, "name");
		else if (cs_conf_key_is(&ms.m[i], "when"))
			read_when(L, p, val);
		else if (cs_conf_key_is(&ms.m[i], "calendar"))
			p->calendar = calendar_named(L, val);
		else if (cs_conf_key_is(&ms.m[i], "targets") && (has_targets = 1))
			read_targets(L, p, val);
		else if (cs_conf_key_is(&ms.m[i], "escalate") && (esc = val).p)
			read_escalations(L, p, val);
	}
	if (!p->name)
		cs_conf_bad(&L->c, v.p, "a policy needs a \"name\"");
	if (!has_targets)
		cs_conf_bad(&L->c, v.p, "policy \"%s\" has no \"targets\"", p->name);
	if (esc.p)
		check_escalations(L, p, esc);
}

static void read_policies(struct loader *L, cs_jval v)
{
	cs_conf_elements e = cs_conf_elements_of(&L->c, v, "\"policies\"");
	if (!e.n)
		cs_conf_bad(&L->c, v.p, "\"policies\" is empty");
	L->p->p = cs_calloc(e.n, sizeof *L->p->p);
	for (size_t i = 0; i < e.n; i++) {
		L->p->np = i + 1;
		read_policy(L, &L->p->p[i], e.v[i]);
		for (size_t j = 0; j < i; j++)   /* alerts and escalations go by name */
			if (strcmp(L->p->p[j].name, L->p->p[i].name) == 0)
				cs_conf_bad(&L->c, e.v[i].p, "a second policy named \"%s\"", L->p->p[i].name);
	}
}

static void read_top(struct loader *L, cs_jval top)
{
	static const char *const keys[] = {"calendars", "pause", "warn_at", "internal_notes_count",
					   "alert_outside_hours", "policies", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, top, keys, "the policy file");
	cs_jval policies = {0};
	for (size_t i = 0; i < ms.n; i++)   /* calendars first: policies name them */
		if (cs_conf_key_is(&ms.m[i], "calendars"))
			read_calendars(L, cs_conf_val(&ms.m[i]));
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "pause")) {
			char **pause = string_list(L, val, "pause", pause_statuses);
			free_list(L->p->pause);
			L->p->pause = pause;
		} else if (cs_conf_key_is(&ms.m[i], "warn_at")) {
			L->p->warn_at = cs_conf_number(&L->c, val, "warn_at");
			if (!(L->p->warn_at > 0 && L->p->warn_at < 1))
				cs_conf_bad(&L->c, val.p, "warn_at: a share between 0 and 1, such as 0.8");
		} else if (cs_conf_key_is(&ms.m[i], "internal_notes_count")) {
			L->p->internal_counts = cs_conf_bool(&L->c, val, "internal_notes_count");
		} else if (cs_conf_key_is(&ms.m[i], "alert_outside_hours")) {
			L->p->outside_hours = cs_conf_bool(&L->c, val, "alert_outside_hours");
		} else if (cs_conf_key_is(&ms.m[i], "policies")) {
			policies = val;
		}
	}
	if (policies.t == CS_J_NONE)
		cs_conf_bad(&L->c, top.p, "no \"policies\"");
	read_policies(L, policies);
}

static char **default_pause(void)
{
	char **list = cs_calloc(3, sizeof *list);
	list[0] = cs_strdup("pending");
	list[1] = cs_strdup("on_hold");
	return list;
}

static char *directory_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? cs_strndup(path, (size_t)(slash - path) + 1) : cs_strdup("");
}

sla_policies *sla_policies_parse(const char *name, const char *text, size_t len, const char *share_dir, cs_buf *err)
{
	struct loader L = {.c = {.file = name, .text = text, .len = len, .err = err}, .share_dir = share_dir};
	char *dir = directory_of(name);
	L.dir = dir;
	L.p = cs_calloc(1, sizeof *L.p);
	L.p->warn_at = 0.8;
	L.p->pause = default_pause();
	if (setjmp(L.c.fail)) {
		cs_conf_free(&L.c);
		sla_policies_free(L.p);
		free(dir);
		return NULL;
	}
	read_top(&L, cs_conf_top(&L.c));
	cs_conf_free(&L.c);
	free(dir);
	return L.p;
}

sla_policies *sla_policies_load(const char *path, const char *share_dir, cs_buf *err)
{
	cs_buf text = CS_BUF_INIT;
	sla_policies *p = NULL;
	if (cs_conf_slurp(path, &text, err) == 0)
		p = sla_policies_parse(path, text.p ? text.p : "", text.len, share_dir, err);
	cs_buf_free(&text);
	return p;
}

void sla_policies_free(sla_policies *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->ncal; i++) {
		free(p->cal[i].name);
		cs_calendar_free(p->cal[i].cal);
	}
	for (size_t i = 0; i < p->np; i++) {
		free(p->p[i].name);
		for (int k = 0; k < C_NKEYS; k++)
			free_list(p->p[i].when[k]);
		for (size_t e = 0; e < p->p[i].nesc; e++) {
			free((char *)p->p[i].esc[e].priority);
			free((char *)p->p[i].esc[e].group);
			free((char *)p->p[i].esc[e].assignee);
		}
		free(p->p[i].esc);
	}
	free(p->p);
	free_list(p->pause);
	free(p);
}

const cs_zone *sla_policies_zone(const sla_policies *p)
{
	return p && p->ncal ? cs_calendar_zone(p->cal[0].cal) : NULL;
}

double sla_warn_at(const sla_policies *p)
{
	return p->warn_at;
}

int sla_alert_outside_hours(const sla_policies *p)
{
	return p->outside_hours;
}

/* ---- choosing the policy ---- */

static int in_list(char *const *list, const char *v)
{
	for (size_t i = 0; v && list[i]; i++)
		if (strcmp(list[i], v) == 0)
			return 1;
	return 0;
}

static int any_tag(char *const *list, const struct sla_ticket *t)
{
	for (size_t i = 0; i < t->ntags; i++)
		if (in_list(list, t->tags[i]))
			return 1;
	return 0;
}

static int matches(const struct policy *p, const struct sla_ticket *t)
{
	const char *const values[C_TAGS] = {t->priority, t->channel, t->group, t->tier};
	for (int k = 0; k < C_TAGS; k++)
		if (p->when[k] && !in_list(p->when[k], values[k]))
			return 0;
	return !p->when[C_TAGS] || any_tag(p->when[C_TAGS], t);
}

static const struct policy *policy_for(const sla_policies *ps, const struct sla_ticket *t)
{
	for (size_t i = 0; i < ps->np; i++)
		if (matches(&ps->p[i], t))
			return &ps->p[i];
	return NULL;
}

/* ---- the clock of one metric ---- */

/* A metric's running time over one cycle: segments added as the events go. */
struct meter {
	const cs_calendar *cal;
	int64_t target;
	int64_t elapsed;               /* business ms in finished segments of this cycle */
	int64_t seg_start;             /* INT64_MIN: not running */
	int64_t cycle_start;           /* INT64_MIN: no cycle */
	int64_t breached;              /* INT64_MIN: not (yet) missed */
	int ended, met;
	unsigned misses;
	size_t nmissed;
	struct sla_missed missed[SLA_MISSED_KEEP];   /* the latest missed cycles, oldest first */
};

static void meter_init(struct meter *m, const cs_calendar *cal, int64_t target)
{
	*m = (struct meter){.cal = cal, .target = target, .seg_start = INT64_MIN, .cycle_start = INT64_MIN, .breached = INT64_MIN};
}

static void meter_run(struct meter *m, int64_t ms)
{
	if (m->cycle_start == INT64_MIN) {
		m->cycle_start = ms;
		m->elapsed = 0;
		m->breached = INT64_MIN;
		m->ended = 0;
	}
	if (m->seg_start == INT64_MIN && !m->ended)
		m->seg_start = ms;
}

/* Close the running segment at ms, noting when the target was passed in it. */
static void meter_pause(struct meter *m, int64_t ms)
{
	if (m->seg_start == INT64_MIN)
		return;
	int64_t got = cs_clock_elapsed(m->cal, m->seg_start, ms), due;
	if (m->breached == INT64_MIN && m->elapsed + got > m->target &&
	    cs_clock_due(m->cal, m->seg_start, m->target - m->elapsed, &due) == 0)
		m->breached = due;
	m->elapsed += got;
	m->seg_start = INT64_MIN;
}

/* The cycle ends at ms (a reply, solved): met or missed. */
static void meter_end(struct meter *m, int64_t ms)
{
	if (m->cycle_start == INT64_MIN || m->ended)
		return;
	meter_pause(m, ms);
	m->ended = 1;
	m->met = m->elapsed <= m->target;
}

static void keep_missed(struct meter *m)
{
	if (m->nmissed == SLA_MISSED_KEEP) {
		memmove(m->missed, m->missed + 1, (SLA_MISSED_KEEP - 1) * sizeof *m->missed);
		m->nmissed--;
	}
	m->missed[m->nmissed++] = (struct sla_missed){m->cycle_start, m->elapsed};
}

/* A new cycle (next_response, periodic_update): the last one's miss counted. */
static void meter_restart(struct meter *m)
{
	if (m->target > 0 && m->cycle_start != INT64_MIN && m->ended && !m->met) {
		m->misses++;
		keep_missed(m);
	}
	m->cycle_start = INT64_MIN;
	m->seg_start = INT64_MIN;
	m->ended = 0;
}

static void meter_state(const struct meter *m, int64_t now, struct sla_metric_state *out)
{
	*out = (struct sla_metric_state){.state = SLA_NONE, .target_ms = m->target, .due_ms = INT64_MIN,
					 .breached_ms = INT64_MIN, .cycle_ms = m->cycle_start, .misses = m->misses,
					 .nmissed = m->nmissed};
	memcpy(out->missed, m->missed, m->nmissed * sizeof *m->missed);
	if (m->target <= 0 || m->cycle_start == INT64_MIN)
		return;
	struct meter at = *m;
	if (!at.ended)
		meter_pause(&at, now);   /* counts up to now; the due time is from the open segment */
	out->elapsed_ms = at.elapsed;
	out->breached_ms = at.breached;
	if (m->ended) {
		out->state = m->met ? SLA_MET : SLA_BREACHED;
		return;
	}
	if (m->seg_start != INT64_MIN) {
		int64_t due;
		if (m->elapsed < m->target && cs_clock_due(m->cal, m->seg_start, m->target - m->elapsed, &due) == 0)
			out->due_ms = due;
		else if (m->elapsed >= m->target)
			out->due_ms = m->breached != INT64_MIN ? m->breached : m->seg_start;
	}
	if (at.elapsed > m->target)
		out->state = SLA_BREACHED;
	else
		out->state = m->seg_start != INT64_MIN ? SLA_ACTIVE : SLA_PAUSED;
}

/* ---- walking a ticket's events ---- */

struct walk {
	const sla_policies *ps;
	const cs_calendar *fallback;   /* the policy's at now: for times no policy matched */
	struct meter m[SLA_NMETRICS];
	const char *status;
	int64_t status_seq;            /* the seq of the event that gave status */
	int replied;                   /* a public agent reply was given */
	int waiting;                   /* a customer message is unanswered */
};

static int is_closed(const char *status)
{
	return status && (strcmp(status, "solved") == 0 || strcmp(status, "closed") == 0);
}

static int is_paused(const struct walk *w)
{
	return in_list(w->ps->pause, w->status);
}

static void start_next_response(struct walk *w, int64_t ms)
{
	struct meter *next = &w->m[SLA_NEXT_RESPONSE];
	meter_restart(next);
	meter_run(next, ms);
}

static void set_status(struct walk *w, const char *status, int64_t ms)
{
	int was_closed = is_closed(w->status);
	w->status = status;
	if (is_closed(status)) {
		for (int k = 0; k < SLA_NMETRICS; k++)
			meter_end(&w->m[k], ms);
		w->waiting = 0;   /* solving answers what was waiting */
		return;
	}
	struct meter *res = &w->m[SLA_RESOLUTION];
	if (was_closed) {   /* reopened: resolution runs on from what it had */
		res->ended = 0;
		if (w->replied)
			meter_restart(&w->m[SLA_PERIODIC_UPDATE]);
	}
	if (is_paused(w))
		meter_pause(res, ms);
	else
		meter_run(res, ms);
	if (was_closed && w->replied)
		meter_run(&w->m[SLA_PERIODIC_UPDATE], ms);
	if (was_closed && w->waiting)
		start_next_response(w, ms);
}

static void agent_reply(struct walk *w, int64_t ms)
{
	meter_end(&w->m[SLA_FIRST_RESPONSE], ms);
	if (w->waiting)
		meter_end(&w->m[SLA_NEXT_RESPONSE], ms);
	w->waiting = 0;
	struct meter *upd = &w->m[SLA_PERIODIC_UPDATE];
	meter_end(upd, ms);
	meter_restart(upd);
	if (!is_closed(w->status))
		meter_run(upd, ms);
	w->replied = 1;
}

/* Next response runs from the oldest unanswered message; one that comes
 * while the ticket is solved starts it when the ticket reopens (the reopen
 * that message brings comes at the same instant, after it). */
static void customer_message(struct walk *w, int64_t ms)
{
	if (!w->replied || w->waiting)
		return;
	w->waiting = 1;
	if (!is_closed(w->status))
		start_next_response(w, ms);
}

/* A status event applied before the one that gave the current status (a
 * replay dated later than it) changed nothing in the ticket table either. */
static void status_event(struct walk *w, const struct sla_event *e, const char *status)
{
	if (e->seq < w->status_seq)
		return;
	w->status_seq = e->seq;
	set_status(w, status, e->ms);
}

/* The ticket's attributes changed at ms: the time the meters have counted
 * stays, what they count from now on is on the calendar of the policy that
 * matches now. */
static void change_policy(struct walk *w, const struct sla_ticket *attrs, int64_t ms)
{
	const struct policy *p = policy_for(w->ps, attrs);
	const cs_calendar *cal = p ? p->calendar : w->fallback;
	for (int k = 0; k < SLA_NMETRICS; k++) {
		struct meter *m = &w->m[k];
		if (m->cal == cal)
			continue;
		int running = m->seg_start != INT64_MIN;
		meter_pause(m, ms);
		m->cal = cal;
		if (running)
			m->seg_start = ms;
	}
}

static void apply(struct walk *w, const struct sla_event *e)
{
	switch (e->kind) {
	case SE_CREATED:
		meter_run(&w->m[SLA_FIRST_RESPONSE], e->ms);
		if (e->seq >= w->status_seq) {
			status_event(w, e, e->value ? e->value : "new");
			break;
		}
		/* a status dated before the creation, applied after it: the
		 * ticket has had it since its creation */
		meter_run(&w->m[SLA_RESOLUTION], e->ms);
		set_status(w, w->status, e->ms);
		break;
	case SE_CUSTOMER:
		customer_message(w, e->ms);
		break;
	case SE_AGENT:
		if (e->public || w->ps->internal_counts)
			agent_reply(w, e->ms);
		break;
	case SE_STATUS:
		status_event(w, e, e->value);
		break;
	case SE_ATTRIBUTES:
		change_policy(w, e->attrs, e->ms);
		break;
	}
}

/* The attributes as of now: the last change up to it, else t. */
static const struct sla_ticket *attributes_at(const struct sla_ticket *t, const struct sla_event *events, size_t n,
					      int64_t now)
{
	for (size_t i = 0; i < n && events[i].ms <= now; i++)
		if (events[i].kind == SE_ATTRIBUTES)
			t = events[i].attrs;
	return t;
}

void sla_evaluate(const sla_policies *ps, const struct sla_ticket *t, const struct sla_event *events, size_t n,
		  int64_t now, struct sla_result *out)
{
	int64_t read_at = INT64_MIN;
	if (n && events[0].ms > now)   /* created after now: read at its creation */
		now = read_at = events[0].ms;
	t = attributes_at(t, events, n, now);
	const struct policy *p = policy_for(ps, t);
	enum sla_priority pr = SLA_NORMAL;
	sla_priority_of(t->priority, &pr);
	memset(out, 0, sizeof *out);
	for (int k = 0; k < SLA_NMETRICS; k++)
		out->m[k] = (struct sla_metric_state){.due_ms = INT64_MIN, .breached_ms = INT64_MIN,
						      .cycle_ms = INT64_MIN};
	if (!p)
		return;
	out->policy = p->name;
	out->calendar = p->calendar;
	out->read_at = read_at;
	struct walk w = {.ps = ps, .fallback = p->calendar, .status_seq = INT64_MIN};
	for (int k = 0; k < SLA_NMETRICS; k++)
		meter_init(&w.m[k], p->calendar, p->target[pr][k]);
	for (size_t i = 0; i < n && events[i].ms <= now; i++)
		apply(&w, &events[i]);
	for (int k = 0; k < SLA_NMETRICS; k++)
		meter_state(&w.m[k], now, &out->m[k]);
}

static const char *const condition_names[] = {"active", "ok", "warning", "paused", "met", "breached", NULL};

int sla_condition_of(const char *name, unsigned *bit)
{
	for (unsigned i = 0; condition_names[i]; i++)
		if (strcmp(name, condition_names[i]) == 0) {
			*bit = 1u << i;
			return 0;
		}
	return -1;
}

int sla_metric_of(const char *name, enum sla_metric *m)
{
	for (int k = 0; k < SLA_NMETRICS; k++)
		if (strcmp(name, metric_names[k]) == 0) {
			*m = (enum sla_metric)k;
			return 0;
		}
	return -1;
}

static int warns(const sla_policies *p, const struct sla_metric_state *m)
{
	return (double)m->elapsed_ms >= p->warn_at * (double)m->target_ms;
}

unsigned sla_conditions(const sla_policies *p, const struct sla_metric_state *m)
{
	switch (m->state) {
	case SLA_ACTIVE:
		return SLA_IS_ACTIVE | (warns(p, m) ? SLA_IS_WARNING : SLA_IS_OK);
	case SLA_PAUSED:
		return SLA_IS_PAUSED | (warns(p, m) ? SLA_IS_WARNING : SLA_IS_OK);
	case SLA_MET:
		return SLA_IS_MET;
	case SLA_BREACHED:
		return SLA_IS_BREACHED;
	default:
		return 0;
	}
}

size_t sla_alerts(const sla_policies *p, const struct sla_result *r, int64_t now, struct sla_alert out[SLA_ALERTS_MAX])
{
	size_t n = 0;
	if (!r->policy || (!p->outside_hours && !sla_open_at(r, now)))
		return 0;
	for (int k = 0; k < SLA_NMETRICS; k++) {
		const struct sla_metric_state *m = &r->m[k];
		for (size_t i = 0; i < m->nmissed; i++)
			out[n++] = (struct sla_alert){(enum sla_metric)k, 1, m->missed[i].cycle_ms, m->missed[i].elapsed_ms};
		if (m->state == SLA_BREACHED)
			out[n++] = (struct sla_alert){(enum sla_metric)k, 1, m->cycle_ms, m->elapsed_ms};
		else if ((m->state == SLA_ACTIVE || m->state == SLA_PAUSED) && warns(p, m))
			out[n++] = (struct sla_alert){(enum sla_metric)k, 0, m->cycle_ms, m->elapsed_ms};
	}
	return n;
}

static const struct policy *policy_named(const sla_policies *p, const char *name)
{
	for (size_t i = 0; name && i < p->np; i++)
		if (strcmp(p->p[i].name, name) == 0)
			return &p->p[i];
	return NULL;
}

size_t sla_escalations(const sla_policies *p, const struct sla_result *r, const struct sla_alert *a,
		       const struct sla_escalation **out, size_t max)
{
	const struct policy *pol = policy_named(p, r->policy);
	size_t n = 0;
	for (size_t i = 0; pol && i < pol->nesc; i++)
		if (pol->esc[i].metric == a->metric && pol->esc[i].on_breach == a->breach && n++ < max)
			out[n - 1] = &pol->esc[i];
	return n;
}

int sla_open_at(const struct sla_result *r, int64_t ms)
{
	return cs_clock_elapsed(r->calendar, ms, ms + 1000) > 0;
}

/* ---- writing ---- */

void sla_format_time(const cs_calendar *cal, int64_t ms, char buf[SLA_TIME_MAX])
{
	const cs_zone *z = cs_calendar_zone(cal);
	int64_t secs = ms / 1000 - (ms % 1000 < 0);
	int milli = (int)(ms - secs * 1000);
	int32_t off = z ? cs_zone_offset(z, secs) : 0;
	if (off % 60 != 0)   /* an offset of seconds (local mean time) has no RFC 3339 form: UTC then */
		off = 0;
	time_t local = (time_t)(secs + off);
	struct tm tm;
	gmtime_r(&local, &tm);
	size_t n = (size_t)snprintf(buf, SLA_TIME_MAX, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
				    tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (milli)
		n += (size_t)snprintf(buf + n, SLA_TIME_MAX - n, ".%03d", milli);
	if (off == 0)
		snprintf(buf + n, SLA_TIME_MAX - n, "Z");
	else
		snprintf(buf + n, SLA_TIME_MAX - n, "%c%02d:%02d", off < 0 ? '-' : '+', abs(off) / 3600, abs(off) / 60 % 60);
}

static void put_time(cs_jw *w, const cs_calendar *cal, int64_t ms)
{
	char buf[SLA_TIME_MAX];
	sla_format_time(cal, ms, buf);
	cs_jw_cstr(w, buf);
}

static void put_metric(cs_jw *w, const struct sla_result *r, const struct sla_metric_state *m)
{
	cs_jw_object(w);
	cs_jw_key(w, "state");
	cs_jw_cstr(w, sla_state_name(m->state));
	cs_jw_key(w, "target_s");
	cs_jw_int(w, m->target_ms / 1000);
	cs_jw_key(w, "elapsed_s");
	cs_jw_int(w, m->elapsed_ms / 1000);
	if (m->due_ms != INT64_MIN) {
		cs_jw_key(w, "due");
		put_time(w, r->calendar, m->due_ms);
	}
	if (m->breached_ms != INT64_MIN) {
		cs_jw_key(w, "breached_at");
		put_time(w, r->calendar, m->breached_ms);
	}
	if (m->misses) {
		cs_jw_key(w, "misses");
		cs_jw_uint(w, m->misses);
	}
	cs_jw_end_object(w);
}

void sla_write(cs_jw *w, const struct sla_result *r)
{
	cs_jw_object(w);
	cs_jw_key(w, "policy");
	cs_jw_cstr(w, r->policy);
	if (r->read_at != INT64_MIN) {
		cs_jw_key(w, "read_at");
		put_time(w, r->calendar, r->read_at);
	}
	for (int k = 0; k < SLA_NMETRICS; k++)
		if (r->m[k].state != SLA_NONE) {
			cs_jw_key(w, sla_metric_name((enum sla_metric)k));
			put_metric(w, r, &r->m[k]);
		}
	cs_jw_end_object(w);
}
