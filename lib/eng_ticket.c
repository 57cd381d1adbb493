/* eng_ticket: the filter and the ticket writers (see eng_ticket.h). */
#include "eng_ticket.h"
#include "eng_ticket_slarun.h"
#include "eng_ticket_change.h"
#include "eng_ticket_clock.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_time.h"
#include <stdlib.h>
#include <string.h>

void cs_ticket_opts_init(struct cs_ticket_opts *o)
{
	*o = (struct cs_ticket_opts){.assign = -1, .status = -1, .priority = -1, .sla_metric = -1};
}

void cs_ticket_opts_at(struct cs_ticket_opts *o, const struct cs_common *c)
{
	if (o->at_text) {
		o->at = tk_time_arg("at", o->at_text, tk_tz_zone(c));
		o->has_at = 1;
	}
}

void cs_ticket_opts_free(struct cs_ticket_opts *o)
{
	free(o->tags);
	free(o->untags);
	o->tags = o->untags = NULL;
}

/* ---- writing ---- */

/* A value as the store holds it: tags are JSON arrays, the rest text. */
static void key_value(cs_jw *w, const char *key, const char *field, const char *value)
{
	if (!value)
		return;
	cs_jw_key(w, key);
	if (field && strcmp(field, "tags") == 0)
		cs_jw_raw(w, value, strlen(value));
	else
		cs_jw_cstr(w, value);
}

void tk_field_members(cs_jw *w, const struct tk_ticket *t)
{
	tk_jw_str(w, "id", t->id);
	tk_jw_str(w, "status", tk_status_name(t->status));
	tk_jw_str(w, "priority", tk_priority_name(t->priority));
	tk_jw_str(w, "group", t->group);
	tk_jw_str(w, "assignee", t->assignee);
	tk_jw_time(w, "created", t->created);
	tk_jw_time(w, "updated", t->updated);
	tk_jw_str(w, "follow_up_of", t->follow_up_of);
}

void tk_field_json(const struct tk_ticket *t, cs_buf *out)
{
	cs_jw w;
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	tk_field_members(&w, t);
	cs_jw_end_object(&w);
}

static int history_entry(const struct tk_event *e, void *ctx)
{
	cs_jw *w = ctx;
	if (!e->field || !tk_event_changes_ticket(e))
		return 0;
	cs_jw_object(w);
	tk_jw_time(w, "ts", e->ts);
	tk_jw_str(w, "actor", e->actor);
	tk_jw_str(w, "action", e->action);
	key_value(w, "from", e->field, e->old);
	key_value(w, "to", e->field, e->new_);
	cs_jw_end_object(w);
	return 0;
}

void tk_record_members(cs_jw *w, const struct tk_ticket *t)
{
	tk_jw_str(w, "kind", "ticket");
	tk_jw_str(w, "id", t->id);
	tk_jw_str(w, "conversation_id", t->conversation_id);
	tk_jw_customer(w, t);
	tk_jw_str(w, "subject", t->subject);
	tk_jw_str(w, "status", tk_status_name(t->status));
	tk_jw_str(w, "priority", tk_priority_name(t->priority));
	tk_jw_str(w, "group", t->group);
	tk_jw_str(w, "assignee", t->assignee);
	tk_jw_str(w, "channel", t->channel);
	tk_jw_tags(w, t);
	tk_jw_str(w, "follow_up_of", t->follow_up_of);
	tk_jw_time(w, "created", t->created);
	tk_jw_time(w, "updated", t->updated);
}

void tk_history_member(cs_jw *w, tk_store *s, const char *ticket)
{
	cs_jw_key(w, "history");
	cs_jw_array(w);
	tk_store_each_event(s, ticket, history_entry, w);
	cs_jw_end_array(w);
}

void tk_record_json(tk_store *s, const struct tk_ticket *t, int history, const struct sla_result *sla, cs_buf *out)
{
	cs_jw w;
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	tk_record_members(&w, t);
	if (history)
		tk_history_member(&w, s, t->id);
	if (sla && sla->policy) {
		cs_jw_key(&w, "sla");
		sla_write(&w, sla);
	}
	cs_jw_end_object(&w);
}

void tk_event_json(const struct tk_event *e, cs_buf *out)
{
	cs_jw w;
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	tk_jw_str(&w, "kind", "ticket_event");
	tk_jw_str(&w, "ticket", e->ticket);
	cs_jw_key(&w, "seq");
	cs_jw_int(&w, e->seq);
	tk_jw_time(&w, "ts", e->ts);
	tk_jw_str(&w, "actor", e->actor);
	tk_jw_str(&w, "action", e->action);
	tk_jw_str(&w, "field", e->field);
	key_value(&w, "old", e->field, e->old);
	key_value(&w, "new", e->field, e->new_);
	if (e->data) {
		cs_jw_key(&w, "data");
		cs_jw_raw(&w, e->data, strlen(e->data));
	}
	cs_jw_end_object(&w);
}

/* ---- the filter ---- */

struct cs_ticket {
	struct cs_ticket_opts o;
	tk_store *store;
	tk_roster *roster;
	enum tk_assign_mode mode;
	size_t pending;                  /* records in the open transaction */
	int64_t now;
	struct tk_counts n;
	uint64_t conversations, updates, passed, priority_unknown;
	struct tk_ticket t;
	cs_buf kind, err, field;
	sla_policies *sla;
};

/* The record's changes are in: assign, keep them, write the record. */
static int record_done(cs_ticket *k, cs_run *run, const cs_rec *rec, int64_t ts)
{
	if (tk_auto_assign(k->store, k->roster, k->mode, &k->t, ts)) {
		tk_store_put(k->store, &k->t);
		k->n.assigned++;
	}
	tk_store_keep(k->store);
	cs_buf_reset(&k->field);
	cs_jw w;
	cs_jw_init(&w, &k->field);
	cs_jw_object(&w);
	tk_field_members(&w, &k->t);
	if (k->sla)
		tk_sla_member(k->store, k->sla, &k->t, k->o.has_now ? k->o.now : tk_now(), &w);
	cs_jw_end_object(&w);
	cs_run_write_field(run, rec, "ticket", k->field.p, k->field.len);
	if (++k->pending >= TK_BATCH) {
		tk_store_commit(k->store);
		k->pending = 0;
	}
	return CS_REC_OK;
}

static int record_bad(cs_ticket *k, const cs_rec *rec)
{
	tk_store_undo(k->store);
	cs_rec_bad(rec, "%s", k->err.p);
	return CS_REC_BAD;
}

static int conversation(cs_ticket *k, cs_run *run, const cs_rec *rec)
{
	struct tk_conversation c;
	cs_buf_reset(&k->err);
	if (tk_conversation_read(cs_jval_of(rec->text, rec->len), k->now, &c, &k->err) != 0)
		return record_bad(k, rec);
	k->priority_unknown += c.priority_unknown;
	tk_take_conversation(k->store, &c, &k->t, &k->n);
	int64_t ts = c.nmsgs ? c.msgs[c.nmsgs - 1].ts : c.started;
	tk_conversation_free(&c);
	k->conversations++;
	return record_done(k, run, rec, ts);
}

static int update(cs_ticket *k, cs_run *run, const cs_rec *rec)
{
	struct tk_update u;
	cs_buf_reset(&k->err);
	if (tk_update_read(cs_jval_of(rec->text, rec->len), k->now, &u, &k->err) != 0)
		return record_bad(k, rec);
	int status = 0;
	uint64_t changes_before = k->n.changes;
	if (!tk_store_get(k->store, u.ticket, &k->t)) {
		cs_buf_printf(&k->err, "no ticket '%s' in %s", u.ticket, k->o.db);
		status = -1;
	} else {
		status = tk_apply(k->store, &k->t, &u, 1, &k->n, &k->err);
	}
	int64_t ts = u.ts;
	tk_update_free(&u);
	if (status != 0)
		return record_bad(k, rec);
	if (k->n.changes != changes_before)
		tk_store_put(k->store, &k->t);
	k->updates++;
	return record_done(k, run, rec, ts);
}

/* The ids a conversation and a ticket_update give, which the store keys on:
 * the conversation's, its ticket's, its customer's, its messages' and
 * the agents' (cs-schema(7)); and the group and tags, which assignment
 * matches against the agents' groups and skills. */
static const char *const conversation_ids[] = {"id", "ticket_id", "customer.id", "assignee", "route.agent", "group",
					       "route.queue", "tags[]", "messages[].id", "messages[].author", NULL};
static const char *const update_ids[] = {"ticket", "ticket.id", "ticket_id", "actor", "assignee", "group", "tags[]",
					 NULL};

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_ticket *k = ctx;
	const char *kind = cs_jtext(cs_jmember(&rec->obj, "kind"), &k->kind);
	int is_conversation = kind && strcmp(kind, "conversation") == 0;
	if (!is_conversation && !(kind && strcmp(kind, "ticket_update") == 0)) {
		k->passed++;
		cs_run_write_line(run, rec->text, rec->len);
		return CS_REC_OK;
	}
	if (cs_rec_ids_check(rec, is_conversation ? conversation_ids : update_ids) != CS_REC_OK)
		return CS_REC_BAD;
	tk_store_begin(k->store);
	tk_store_mark(k->store);
	return is_conversation ? conversation(k, run, rec) : update(k, run, rec);
}

/* The input pauses: commit, so the store is not held while nothing comes. */
static void flush(void *ctx, cs_run *run)
{
	cs_ticket *k = ctx;
	(void)run;
	if (k->pending) {
		tk_store_commit(k->store);
		k->pending = 0;
	}
}

static void finish(void *ctx, cs_run *run)
{
	cs_ticket *k = ctx;
	(void)run;
	tk_store_commit(k->store);
	k->pending = 0;
}

static void counters(void *ctx, cs_stats *st)
{
	cs_ticket *k = ctx;
	cs_stats_add(st, "conversations", k->conversations);
	cs_stats_add(st, "ticket_updates", k->updates);
	cs_stats_add(st, "tickets_created", k->n.created);
	cs_stats_add(st, "follow_ups", k->n.follow_ups);
	cs_stats_add(st, "messages_added", k->n.messages);
	cs_stats_add(st, "messages_seen", k->n.messages_seen);
	cs_stats_add(st, "changes", k->n.changes);
	cs_stats_add(st, "changes_seen", k->n.changes_seen);
	cs_stats_add(st, "assigned", k->n.assigned);
	cs_stats_add(st, "passed_through", k->passed);
	cs_stats_add(st, "priority_unknown", k->priority_unknown);
}

static void summary(void *ctx, const struct cs_common *c)
{
	cs_ticket *k = ctx;
	if (k->priority_unknown && !c->quiet)
		cs_notice("%llu conversation%s had a priority that is not low, normal, high or urgent: read as normal",
			  (unsigned long long)k->priority_unknown, k->priority_unknown == 1 ? "" : "s");
}

/* The engine, reachable while it lives: a bad file ends the run inside
 * cs_ticket_new, and the leak checker must not take that for a leak. */
static cs_ticket *live;

cs_ticket *cs_ticket_new(const struct cs_common *c, const struct cs_ticket_opts *o, struct cs_engine *engine)
{
	cs_ticket *k = live = cs_calloc(1, sizeof *k);
	cs_buf err = CS_BUF_INIT;
	int status;
	k->o = *o;
	k->mode = o->assign < 0 ? TK_ROUND_ROBIN : (enum tk_assign_mode)o->assign;
	tk_ticket_clear(&k->t);
	if (o->agents) {
		k->roster = tk_roster_new();
		if (tk_roster_load(k->roster, o->agents, &err) != 0)
			cs_die(CS_EXIT_CONFIG, "--agents %s", err.p);
	}
	if (o->policy)
		k->sla = tk_policies_load(o->policy);
	if (o->now_text) {
		k->o.now = tk_now_arg(c, o->now_text, k->sla);
		k->o.has_now = 1;
	}
	k->now = k->o.has_now ? k->o.now : tk_now();   /* a replay with --now dates undated records alike */
	if (!(k->store = tk_store_open(o->db, 1, &err, &status)))
		cs_die(status, "%s", err.p);
	cs_buf_free(&err);
	*engine = (struct cs_engine){.ctx = k, .record = record, .flush = flush, .finish = finish, .counters = counters,
				    .summary = summary};
	return k;
}

void cs_ticket_free(cs_ticket *k)
{
	if (!k)
		return;
	/* A run stopped by a bad record keeps what came before it. */
	if (tk_store_in_tx(k->store))
		tk_store_commit(k->store);
	tk_store_close(k->store);
	tk_roster_free(k->roster);
	sla_policies_free(k->sla);
	tk_ticket_clear(&k->t);
	cs_buf_free(&k->kind);
	cs_buf_free(&k->err);
	cs_buf_free(&k->field);
	if (live == k)
		live = NULL;
	free(k);
}
