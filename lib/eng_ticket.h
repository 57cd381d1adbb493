/* eng_ticket: cs-ticket's engine over the store (eng_ticket_store.h).
 *
 * The filter reads records: a conversation goes to its ticket (created on
 * first sight, new messages appended; eng_ticket_change.h) and a
 * ticket_update record changes one; both pass on with "ticket" set to the
 * ticket as it is now ({id, status, priority, group, assignee, created,
 * updated, follow_up_of}), the rest of the record byte for byte. Other
 * records pass through untouched. With --agents, a ticket that has a group
 * and no assignee gets an agent (round robin or least loaded).
 *
 * Each record's changes are one savepoint: a bad record (an unknown ticket,
 * a move the state machine refuses) changes nothing. Records are committed
 * in batches of TK_BATCH, when the input pauses, at the end, and when a bad
 * record stops the run (what came before it stays).
 *
 * The commands (create, update, assign, show, list, history, export,
 * recompute) open the store once, work in one transaction and write NDJSON:
 * ticket records of cs-schema(7), or ticket_event records (history). A
 * ticket the command line names that the store lacks, a status or value the
 * state machine refuses: exit 2. */
#ifndef CS_ENG_TICKET_H
#define CS_ENG_TICKET_H
#include <stddef.h>
#include <stdint.h>
#include "eng_ticket_store.h"
#include "kit_buf.h"
#include "kit_jw.h"
#include "kit_opt.h"
#include "kit_run.h"

#define TK_BATCH 1024

struct cs_ticket_opts {
	const char *db;                  /* --db: the store */
	const char *agents;              /* --agents: NDJSON agents file */
	int assign;                      /* enum tk_assign_mode; -1: not given */
	/* the commands' */
	const char *id, *subject, *group, *assignee, *customer, *channel, *actor;
	int status, priority;            /* enum values; -1: not given */
	unsigned statuses;               /* list --status: bits 1u << status */
	const char *at_text;             /* --at as given: read once --tz is known */
	int64_t at;                      /* --at, ms */
	int has_at;
	const char **tags, **untags;     /* --tag, --untag */
	size_t ntags, nuntags;
	int group_given;                 /* --group "" clears */
	/* the filter's SLA */
	const char *policy;              /* --policy: SLA policies; the "ticket" field gets "sla" */
	const char *now_text;            /* --now as given: read in the policy's zone unless --tz */
	int64_t now;                     /* --now, ms: the instant the SLA is read at */
	int has_now;
	/* list's SLA filter */
	unsigned sla_want;               /* --sla: SLA_IS_* bits; 0: any ticket */
	int sla_metric;                  /* --metric: enum sla_metric; -1: any metric */
};

void cs_ticket_opts_init(struct cs_ticket_opts *o);
/* Read --at once the options (--tz among them) are parsed. Not a time: exit 2. */
void cs_ticket_opts_at(struct cs_ticket_opts *o, const struct cs_common *c);
void cs_ticket_opts_free(struct cs_ticket_opts *o);

typedef struct cs_ticket cs_ticket;
/* The filter: opens the store (exit 3, 4 or 5 with the reason when it
 * cannot) and the agents file (exit 3), and fills engine. */
cs_ticket *cs_ticket_new(const struct cs_common *c, const struct cs_ticket_opts *o, struct cs_engine *engine);
void cs_ticket_free(cs_ticket *t);

/* The commands; each returns the exit status. TICKET and AGENT are
 * operands. */
int cs_ticket_create(const struct cs_common *c, const struct cs_ticket_opts *o);
int cs_ticket_update(const struct cs_common *c, const struct cs_ticket_opts *o, const char *ticket);
int cs_ticket_assign(const struct cs_common *c, const struct cs_ticket_opts *o, const char *ticket, const char *agent);
int cs_ticket_show(const struct cs_common *c, const struct cs_ticket_opts *o, const char *ticket);
int cs_ticket_list(const struct cs_common *c, const struct cs_ticket_opts *o);
int cs_ticket_history(const struct cs_common *c, const struct cs_ticket_opts *o, const char *ticket);
int cs_ticket_export(const struct cs_common *c, const struct cs_ticket_opts *o);
int cs_ticket_recompute(const struct cs_common *c, const struct cs_ticket_opts *o);

/* ---- writing tickets ----
 * The *_json functions append one whole object to out; the *_members ones
 * write members into an object the caller has opened, so more can follow
 * (the SLA clock's "sla"). */

/* The "ticket" field the filter adds. */
void tk_field_json(const struct tk_ticket *t, cs_buf *out);
void tk_field_members(cs_jw *w, const struct tk_ticket *t);
/* A ticket record of cs-schema(7); with history, its changes (status,
 * priority, group, assignee, tags, follow-up) from the store, oldest first;
 * with sla (NULL: none) its "sla" when a policy applies. */
struct sla_result;
void tk_record_json(tk_store *s, const struct tk_ticket *t, int history, const struct sla_result *sla, cs_buf *out);
void tk_record_members(cs_jw *w, const struct tk_ticket *t);
void tk_history_member(cs_jw *w, tk_store *s, const char *ticket);
/* A ticket_event record: an event as the store holds it. */
void tk_event_json(const struct tk_event *e, cs_buf *out);
#endif
