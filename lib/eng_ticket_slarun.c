/* eng_ticket_slarun: the SLA clock over the store (see eng_ticket_slarun.h). */
#include "eng_ticket_slarun.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALERT_ACTION "sla_alert"

/* A ticket's events as the clock reads them; the strings they point to are
 * kept in values. */
struct events {
	struct sla_event *e;
	size_t n, cap;
	cs_buf values;               /* statuses, NUL-terminated, one after another */
	size_t *value_at;
	cs_buf id, conv;
	struct tk_event *changes;    /* created, priority, group, tags: in seq order, owned */
	size_t nchanges, capchanges;
	struct tk_ticket *snap;      /* the ticket as of each change's time */
	struct sla_ticket *attrs;    /* what the policy is chosen by, of each snap */
	size_t nsnap;
};

static void add_event(struct events *ev, int64_t ms, int64_t seq, enum sla_event_kind kind, const char *value,
		      int public)
{
	if (ev->n == ev->cap) {
		ev->cap = ev->cap ? 2 * ev->cap : 32;
		ev->e = cs_realloc(ev->e, ev->cap * sizeof *ev->e);
		ev->value_at = cs_realloc(ev->value_at, ev->cap * sizeof *ev->value_at);
	}
	ev->value_at[ev->n] = SIZE_MAX;
	if (value) {
		ev->value_at[ev->n] = ev->values.len;
		cs_buf_adds(&ev->values, value);
		cs_buf_addc(&ev->values, 0);
	}
	ev->e[ev->n] = (struct sla_event){ms, kind, NULL, public, seq, NULL};
	ev->n++;
}

static char *dup_or_null(const char *s) { return s ? cs_strdup(s) : NULL; }

/* The events that choose the policy: kept to fold as of each one's time. */
static int chooses_policy(const struct tk_event *e)
{
	const char *f = e->field;
	return strcmp(e->action, "created") == 0 ||
	       (f && (strcmp(f, "priority") == 0 || strcmp(f, "group") == 0 || strcmp(f, "tags") == 0));
}

static void keep_change(struct events *ev, const struct tk_event *e)
{
	if (ev->nchanges == ev->capchanges) {
		ev->capchanges = ev->capchanges ? 2 * ev->capchanges : 8;
		ev->changes = cs_realloc(ev->changes, ev->capchanges * sizeof *ev->changes);
	}
	ev->changes[ev->nchanges++] = (struct tk_event){
		.seq = e->seq, .ticket = cs_strdup(e->ticket), .ts = e->ts, .action = cs_strdup(e->action),
		.field = dup_or_null(e->field), .new_ = dup_or_null(e->new_), .data = dup_or_null(e->data)};
}

static int take_event(const struct tk_event *e, void *ctx)
{
	struct events *ev = ctx;
	struct tk_message m;
	if (chooses_policy(e))
		keep_change(ev, e);
	if (strcmp(e->action, "created") == 0) {
		add_event(ev, e->ts, e->seq, SE_CREATED, "new", 1);
	} else if (strcmp(e->action, "status") == 0 && e->new_) {
		add_event(ev, e->ts, e->seq, SE_STATUS, e->new_, 1);
	} else if (strcmp(e->action, "message") == 0 && tk_event_message(e, &m, &ev->id, &ev->conv) == 0) {
		if (m.role == TK_CUSTOMER && m.public)
			add_event(ev, m.ts, e->seq, SE_CUSTOMER, NULL, 1);
		else if (m.role == TK_AGENT)
			add_event(ev, m.ts, e->seq, SE_AGENT, NULL, m.public);
	}
	return 0;
}

static struct events *sort_base;

/* Time order; events at the same instant in the order they were applied. */
static int cmp_index(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct events *ev = sort_base;
	if (ev->e[i].ms != ev->e[j].ms)
		return ev->e[i].ms < ev->e[j].ms ? -1 : 1;
	return (ev->e[i].seq > ev->e[j].seq) - (ev->e[i].seq < ev->e[j].seq);
}

/* The events in time order into sorted[0..n) (values resolved). */
static struct sla_event *in_time_order(struct events *ev)
{
	size_t *idx = cs_malloc((ev->n ? ev->n : 1) * sizeof *idx);
	for (size_t i = 0; i < ev->n; i++)
		idx[i] = i;
	sort_base = ev;
	qsort(idx, ev->n, sizeof *idx, cmp_index);
	struct sla_event *sorted = cs_malloc((ev->n ? ev->n : 1) * sizeof *sorted);
	for (size_t i = 0; i < ev->n; i++) {
		sorted[i] = ev->e[idx[i]];
		if (ev->value_at[idx[i]] != SIZE_MAX)
			sorted[i].value = ev->values.p + ev->value_at[idx[i]];
	}
	free(idx);
	return sorted;
}

/* The ticket as the table had it at ts: its changes dated up to ts, folded
 * in the order they were applied. */
static void fold_as_of(const struct events *ev, int64_t ts, struct tk_ticket *t)
{
	for (size_t i = 0; i < ev->nchanges; i++)
		if (ev->changes[i].ts <= ts)
			tk_fold(t, &ev->changes[i]);
}

/* One SE_ATTRIBUTES event at each time a change is dated, with the
 * attributes as of then (a change replayed late with an older time counts
 * from that time, unless one applied after it holds there). */
static void add_attributes(struct events *ev)
{
	ev->snap = cs_calloc(ev->nchanges ? ev->nchanges : 1, sizeof *ev->snap);
	ev->attrs = cs_calloc(ev->nchanges ? ev->nchanges : 1, sizeof *ev->attrs);
	for (size_t i = 0; i < ev->nchanges; i++) {
		int64_t ts = ev->changes[i].ts, seq = ev->changes[i].seq;
		size_t seen = 0;
		for (size_t j = 0; j < i; j++)
			seen += ev->changes[j].ts == ts;
		if (seen)
			continue;   /* that instant has its snapshot */
		struct tk_ticket *t = &ev->snap[ev->nsnap];
		fold_as_of(ev, ts, t);
		ev->attrs[ev->nsnap] = (struct sla_ticket){tk_priority_name(t->priority), t->channel, t->group,
							   t->customer_tier, (const char *const *)t->tags, t->ntags};
		add_event(ev, ts, seq, SE_ATTRIBUTES, NULL, 1);
		ev->e[ev->n - 1].attrs = &ev->attrs[ev->nsnap++];
	}
}

static void events_free(struct events *ev)
{
	free(ev->e);
	free(ev->value_at);
	cs_buf_free(&ev->values);
	cs_buf_free(&ev->id);
	cs_buf_free(&ev->conv);
	for (size_t i = 0; i < ev->nchanges; i++) {
		struct tk_event *c = &ev->changes[i];
		free((char *)c->ticket);
		free((char *)c->action);
		free((char *)c->field);
		free((char *)c->new_);
		free((char *)c->data);
	}
	free(ev->changes);
	for (size_t i = 0; i < ev->nsnap; i++)
		tk_ticket_clear(&ev->snap[i]);
	free(ev->snap);
	free(ev->attrs);
}

void tk_sla_of(tk_store *s, const sla_policies *p, const struct tk_ticket *t, int64_t now, struct sla_result *out)
{
	struct events ev = {0};
	tk_store_each_event(s, t->id, take_event, &ev);
	add_attributes(&ev);
	struct sla_event *sorted = in_time_order(&ev);
	struct sla_ticket st = {tk_priority_name(t->priority), t->channel, t->group, t->customer_tier,
				(const char *const *)t->tags, t->ntags};
	sla_evaluate(p, &st, sorted, ev.n, now, out);
	free(sorted);
	events_free(&ev);
}

void tk_sla_member(tk_store *s, const sla_policies *p, const struct tk_ticket *t, int64_t now, cs_jw *w)
{
	struct sla_result r;
	tk_sla_of(s, p, t, now, &r);
	if (!r.policy)
		return;
	cs_jw_key(w, "sla");
	sla_write(w, &r);
}

/* ---- alerts ---- */

struct run {
	tk_store *s;
	const sla_policies *p;
	int64_t now;
	cs_out *out;
	struct tk_sla_counts *counts;
	cs_buf line, key;
};

static void alert_key(struct run *r, const struct sla_alert *a)
{
	cs_buf_reset(&r->key);
	cs_buf_printf(&r->key, "%s:%s", sla_metric_name(a->metric), a->breach ? "breach" : "warning");
	cs_buf_addc(&r->key, 0);
	r->key.len--;
}

static void write_alert(struct run *r, const struct tk_ticket *t, const struct sla_result *res,
			const struct sla_alert *a)
{
	const struct sla_metric_state *m = &res->m[a->metric];
	char id[200];
	cs_jw w;
	snprintf(id, sizeof id, "%s:%s:%s:%lld", t->id, sla_metric_name(a->metric), a->breach ? "breach" : "warning",
		 (long long)a->cycle_ms);
	cs_buf_reset(&r->line);
	cs_jw_init(&w, &r->line);
	cs_jw_object(&w);
	tk_jw_str(&w, "kind", "alert");
	tk_jw_str(&w, "id", id);
	tk_jw_time(&w, "ts", r->now);
	tk_jw_str(&w, "source", "cs-ticket");
	tk_jw_str(&w, "type", a->breach ? "ticket.sla_breach" : "ticket.sla_warning");
	tk_jw_str(&w, "severity", a->breach ? "critical" : "warning");
	tk_jw_customer(&w, t);
	tk_jw_str(&w, "ticket", t->id);
	tk_jw_str(&w, "conversation_id", t->conversation_id);
	tk_jw_str(&w, "metric", sla_metric_name(a->metric));
	tk_jw_str(&w, "policy", res->policy);
	cs_jw_key(&w, "target_s");
	cs_jw_int(&w, m->target_ms / 1000);
	cs_jw_key(&w, "elapsed_s");
	cs_jw_int(&w, a->elapsed_ms / 1000);
	char reason[200];
	snprintf(reason, sizeof reason, "%s %s: %lld of %lld business seconds used", sla_metric_name(a->metric),
		 a->breach ? "missed its target" : "is near its target", (long long)(a->elapsed_ms / 1000),
		 (long long)(m->target_ms / 1000));
	tk_jw_str(&w, "reason", reason);
	cs_jw_end_object(&w);
	cs_buf_addc(&r->line, '\n');
	cs_out_write(r->out, r->line.p, r->line.len);
}

static void change(struct run *r, struct tk_ticket *t, const char *action, const char *value, char *const *member)
{
	if (!value || (*member && strcmp(*member, value) == 0))
		return;
	struct tk_event e = {.ticket = t->id, .ts = r->now, .actor = "sla", .action = action, .field = action,
			     .old = *member, .new_ = value};
	tk_store_append(r->s, t, &e);
	r->counts->escalations++;
}

static void escalate(struct run *r, struct tk_ticket *t, const struct sla_result *res, const struct sla_alert *a)
{
	const struct sla_escalation *few[8], **esc = few;
	size_t n = sla_escalations(r->p, res, a, few, 8);
	if (n > 8) {   /* every rule that matches applies, however many */
		esc = cs_calloc(n, sizeof *esc);
		sla_escalations(r->p, res, a, esc, n);
	}
	for (size_t i = 0; i < n; i++) {
		char *priority = cs_strdup(tk_priority_name(t->priority));
		change(r, t, "priority", esc[i]->priority, &priority);
		free(priority);
		change(r, t, "group", esc[i]->group, &t->group);
		change(r, t, "assignee", esc[i]->assignee, &t->assignee);
	}
	if (n)
		tk_store_put(r->s, t);
	if (esc != few)
		free(esc);
}

/* Raise the alert unless an earlier run did (its event has the cycle's
 * start as ts and the metric and kind as value). */
static void raise_once(struct run *r, struct tk_ticket *t, const struct sla_result *res, const struct sla_alert *a)
{
	alert_key(r, a);
	if (tk_store_has_change(r->s, t->id, a->cycle_ms, ALERT_ACTION, r->key.p))
		return;
	struct tk_event e = {.ticket = t->id, .ts = a->cycle_ms, .actor = "sla", .action = ALERT_ACTION,
			     .field = sla_metric_name(a->metric), .new_ = r->key.p};
	int64_t updated = t->updated;
	tk_store_append(r->s, t, &e);
	t->updated = updated;   /* an alert is no change of the ticket */
	tk_store_put(r->s, t);
	write_alert(r, t, res, a);
	if (a->breach)
		r->counts->breaches++;
	else
		r->counts->warnings++;
	escalate(r, t, res, a);
}

static void check_ticket(struct run *r, const char *id)
{
	struct sla_result res;
	struct sla_alert alerts[SLA_ALERTS_MAX];
	struct tk_ticket t = {0};
	if (!tk_store_get(r->s, id, &t))
		return;
	r->counts->tickets++;
	tk_sla_of(r->s, r->p, &t, r->now, &res);
	size_t n = sla_alerts(r->p, &res, r->now, alerts);
	for (size_t i = 0; i < n; i++)
		raise_once(r, &t, &res, &alerts[i]);
	tk_ticket_clear(&t);
}

struct ids {
	char **id;
	size_t n, cap;
};

static int collect(const struct tk_ticket *t, void *ctx)
{
	struct ids *l = ctx;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 256;
		l->id = cs_realloc(l->id, l->cap * sizeof *l->id);
	}
	l->id[l->n++] = cs_strdup(t->id);
	return 0;
}

/* The open tickets' ids first, then each evaluated: a ticket that escalates
 * is written while no reader walks the table. */
void tk_sla_run(tk_store *s, const sla_policies *p, int64_t now, cs_out *out, struct tk_sla_counts *counts)
{
	struct run r = {s, p, now, out, counts, CS_BUF_INIT, CS_BUF_INIT};
	struct tk_query q = {.statuses = TK_OPEN_WORK};
	struct ids ids = {0};
	tk_store_each_ticket(s, &q, collect, &ids);
	for (size_t i = 0; i < ids.n; i++) {
		check_ticket(&r, ids.id[i]);
		free(ids.id[i]);
	}
	free(ids.id);
	cs_buf_free(&r.line);
	cs_buf_free(&r.key);
}
