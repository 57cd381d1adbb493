/* eng_ticket_cmd: cs-ticket's commands over the store (see eng_ticket.h). */
#include "eng_ticket.h"
#include "eng_ticket_change.h"
#include "eng_ticket_clock.h"
#include "eng_ticket_slarun.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_out.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static tk_store *open_store(const struct cs_ticket_opts *o, int write)
{
	cs_buf err = CS_BUF_INIT;
	int status;
	tk_store *s = tk_store_open(o->db, write, &err, &status);
	if (!s)
		cs_die(status, "%s", err.p);
	cs_buf_free(&err);
	tk_store_begin(s);
	return s;
}

static void must_get(tk_store *s, const struct cs_ticket_opts *o, const char *id, struct tk_ticket *t)
{
	if (!tk_store_get(s, id, t))
		cs_die(CS_EXIT_USAGE, "no ticket '%s' in %s", id, o->db);
}

static int64_t at_of(const struct cs_ticket_opts *o) { return o->has_at ? o->at : tk_now(); }

static tk_roster *load_agents(const struct cs_ticket_opts *o)
{
	if (!o->agents)
		return NULL;
	cs_buf err = CS_BUF_INIT;
	tk_roster *r = tk_roster_new();
	if (tk_roster_load(r, o->agents, &err) != 0)
		cs_die(CS_EXIT_CONFIG, "--agents %s", err.p);
	cs_buf_free(&err);
	return r;
}

/* With --agents (r): a ticket with a group and no assignee gets one. */
static void assign_from(tk_store *s, const tk_roster *r, const struct cs_ticket_opts *o, struct tk_ticket *t,
			int64_t at)
{
	enum tk_assign_mode mode = o->assign < 0 ? TK_ROUND_ROBIN : (enum tk_assign_mode)o->assign;
	if (r && tk_auto_assign(s, r, mode, t, at))
		tk_store_put(s, t);
}

/* Write the ticket as one record, then commit: the output (opened before
 * the store, so a bad -o path changes nothing) is whole and in place before
 * the change is kept, and a write error leaves the store as it was. */
static int finish_one(tk_store *s, cs_out *out, const struct tk_ticket *t)
{
	cs_buf line = CS_BUF_INIT;
	tk_record_json(s, t, 0, NULL, &line);
	cs_buf_addc(&line, '\n');
	cs_out_write(out, line.p, line.len);
	cs_out_close(out);
	tk_store_commit(s);
	cs_buf_free(&line);
	return cs_exit_status();
}

/* A number for a new ticket: "T-N", the first free one. */
static void new_id(tk_store *s, cs_buf *id)
{
	struct tk_ticket probe = {0};
	do {
		cs_buf_reset(id);
		cs_buf_printf(id, "T-%lld", (long long)tk_store_next_number(s));
	} while (tk_store_get(s, id->p, &probe));
	tk_ticket_clear(&probe);
}

int cs_ticket_create(const struct cs_common *c, const struct cs_ticket_opts *o)
{
	tk_roster *r = load_agents(o);
	cs_out *out = cs_out_open(c->output);
	tk_store *s = open_store(o, 1);
	struct tk_ticket draft = {0}, t = {0};
	cs_buf id = CS_BUF_INIT;
	if (o->id && tk_store_get(s, o->id, &t))
		cs_die(CS_EXIT_USAGE, "ticket '%s' is in %s already", o->id, o->db);
	if (o->id)
		cs_buf_adds(&id, o->id);
	else
		new_id(s, &id);
	tk_ticket_clear(&draft);
	draft.id = cs_strdup(id.p);
	draft.priority = o->priority < 0 ? TK_NORMAL : (enum tk_priority)o->priority;
	tk_set_str(&draft.subject, o->subject);
	tk_set_str(&draft.group, o->group);
	tk_set_str(&draft.customer_id, o->customer);
	tk_set_str(&draft.channel, o->channel);
	for (size_t i = 0; i < o->ntags; i++)
		tk_tag_add(&draft, o->tags[i]);
	int64_t at = at_of(o);
	tk_create(s, &t, &draft, at, o->actor ? o->actor : TK_ACTOR);
	tk_store_put(s, &t);
	assign_from(s, r, o, &t, at);
	int status = finish_one(s, out, &t);
	tk_roster_free(r);
	tk_ticket_clear(&draft);
	tk_ticket_clear(&t);
	cs_buf_free(&id);
	tk_store_close(s);
	return status;
}

/* The changes the options ask for. */
static void update_of(const struct cs_ticket_opts *o, const char *ticket, struct tk_update *u)
{
	*u = (struct tk_update){.ticket = (char *)ticket, .ts = at_of(o), .actor = (char *)o->actor};
	if (o->status >= 0) {
		u->set |= TK_SET_STATUS;
		u->status = (enum tk_status)o->status;
	}
	if (o->priority >= 0) {
		u->set |= TK_SET_PRIORITY;
		u->priority = (enum tk_priority)o->priority;
	}
	if (o->group_given) {
		u->set |= TK_SET_GROUP;
		u->group = *o->group ? (char *)o->group : NULL;
	}
	if (o->assignee) {
		u->set |= TK_SET_ASSIGNEE;
		u->assignee = *o->assignee ? (char *)o->assignee : NULL;
	}
	u->add = (char **)o->tags;
	u->nadd = o->ntags;
	u->remove = (char **)o->untags;
	u->nremove = o->nuntags;
}

static int change_one(const struct cs_common *c, const struct cs_ticket_opts *o, const char *ticket)
{
	tk_roster *r = load_agents(o);
	cs_out *out = cs_out_open(c->output);
	tk_store *s = open_store(o, 1);
	struct tk_ticket t = {0};
	struct tk_update u;
	struct tk_counts n = {0};
	cs_buf err = CS_BUF_INIT;
	must_get(s, o, ticket, &t);
	update_of(o, ticket, &u);
	if (tk_apply(s, &t, &u, 0, &n, &err) != 0)
		cs_die(CS_EXIT_USAGE, "%s", err.p);
	tk_store_put(s, &t);
	assign_from(s, r, o, &t, u.ts);
	int status = finish_one(s, out, &t);
	tk_roster_free(r);
	tk_ticket_clear(&t);
	cs_buf_free(&err);
	tk_store_close(s);
	return status;
}

int cs_ticket_update(const struct cs_common *c, const struct cs_ticket_opts *o, const char *ticket)
{
	return change_one(c, o, ticket);
}

int cs_ticket_assign(const struct cs_common *c, const struct cs_ticket_opts *o, const char *ticket, const char *agent)
{
	struct cs_ticket_opts only = *o;
	only.assignee = agent;
	return change_one(c, &only, ticket);
}

/* ---- reading ---- */

struct writing {
	tk_store *s;
	cs_out *out;
	cs_buf line;
	int history;
	sla_policies *sla;               /* --policy, or NULL */
	int64_t now;                     /* the instant the SLA is read at */
	unsigned want;                   /* list --sla: SLA_IS_* bits; 0: every ticket */
	int metric;                      /* list --metric, or -1 */
};

static void write_line(struct writing *w)
{
	cs_buf_addc(&w->line, '\n');
	cs_out_write(w->out, w->line.p, w->line.len);
	cs_buf_reset(&w->line);
}

/* Has a metric of r (or the one asked for) one of the conditions wanted? */
static int sla_matches(const struct writing *w, const struct sla_result *r)
{
	for (int k = 0; k < SLA_NMETRICS; k++)
		if ((w->metric < 0 || w->metric == k) && (sla_conditions(w->sla, &r->m[k]) & w->want))
			return 1;
	return 0;
}

static int write_ticket(const struct tk_ticket *t, void *ctx)
{
	struct writing *w = ctx;
	struct sla_result r;
	if (w->sla) {
		tk_sla_of(w->s, w->sla, t, w->now, &r);
		if (w->want && !sla_matches(w, &r))
			return 0;
	}
	tk_record_json(w->s, t, w->history, w->sla ? &r : NULL, &w->line);
	write_line(w);
	return 0;
}

static int write_event(const struct tk_event *e, void *ctx)
{
	struct writing *w = ctx;
	tk_event_json(e, &w->line);
	write_line(w);
	return 0;
}

/* The policies first: a bad file is status 3 before the store is opened. */
static void start(struct writing *w, const struct cs_common *c, const struct cs_ticket_opts *o, int history)
{
	*w = (struct writing){.line = CS_BUF_INIT, .history = history, .want = o->sla_want, .metric = o->sla_metric};
	if (o->policy) {
		w->sla = tk_policies_load(o->policy);
		w->now = o->now_text ? tk_now_arg(c, o->now_text, w->sla) : tk_now();
	}
	w->s = open_store(o, 0);
}

static int end(struct writing *w)
{
	cs_out_close(w->out);
	cs_buf_free(&w->line);
	tk_store_close(w->s);
	sla_policies_free(w->sla);
	return cs_exit_status();
}

int cs_ticket_show(const struct cs_common *c, const struct cs_ticket_opts *o, const char *ticket)
{
	struct writing w;
	struct tk_ticket t = {0};
	start(&w, c, o, 1);
	must_get(w.s, o, ticket, &t);
	w.out = cs_out_open(c->output);
	write_ticket(&t, &w);
	tk_ticket_clear(&t);
	return end(&w);
}

int cs_ticket_list(const struct cs_common *c, const struct cs_ticket_opts *o)
{
	struct writing w;
	struct tk_query q = {o->statuses, o->group_given ? o->group : NULL, o->assignee};
	start(&w, c, o, 0);
	w.out = cs_out_open(c->output);
	tk_store_each_ticket(w.s, &q, write_ticket, &w);
	return end(&w);
}

int cs_ticket_history(const struct cs_common *c, const struct cs_ticket_opts *o, const char *ticket)
{
	struct writing w;
	struct tk_ticket t = {0};
	start(&w, c, o, 0);
	must_get(w.s, o, ticket, &t);
	tk_ticket_clear(&t);
	w.out = cs_out_open(c->output);
	tk_store_each_event(w.s, ticket, write_event, &w);
	return end(&w);
}

int cs_ticket_export(const struct cs_common *c, const struct cs_ticket_opts *o)
{
	struct writing w;
	struct tk_query all = {0, NULL, NULL};
	start(&w, c, o, 1);
	w.out = cs_out_open(c->output);
	tk_store_each_ticket(w.s, &all, write_ticket, &w);
	return end(&w);
}

int cs_ticket_recompute(const struct cs_common *c, const struct cs_ticket_opts *o)
{
	cs_out *out = cs_out_open(c->output);
	tk_store *s = open_store(o, 1);
	uint64_t tickets, events;
	tk_store_recompute(s, &tickets, &events);
	char line[256];
	int n = snprintf(line, sizeof line, "{\"kind\":\"ticket_recompute\",\"tickets\":%llu,\"events\":%llu}\n",
			 (unsigned long long)tickets, (unsigned long long)events);
	cs_out_write(out, line, (size_t)n);
	cs_out_close(out);   /* before the commit, as finish_one */
	tk_store_commit(s);
	tk_store_close(s);
	return cs_exit_status();
}
