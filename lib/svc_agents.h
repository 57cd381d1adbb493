/* svc_agents: the agents file that cs-route --agents and cs-ticket --agents
 * both read (cs-route-policy(5), cs-ticket(1)). Each program reads the
 * members it uses and leaves the other's alone; these checks keep a key or
 * a status that is no part of the format from passing as no setting at
 * all (a "queue" for "queues" serving every queue, "Available" taking no
 * work). */
#ifndef CS_AGENTS_H
#define CS_AGENTS_H
#include "kit_buf.h"
#include "kit_jval.h"

/* The status v gives, one of available, busy, away, offline (its text in
 * scratch); else NULL with why set. */
const char *cs_agent_status_of(cs_jval v, cs_buf *scratch, cs_buf *why);
/* 0 when every member of the object agent is one of the format's: kind,
 * id, skills, channels, load, queues, groups, capacity, status,
 * idle_since; else -1 with why naming the first that is not. */
int cs_agent_members_check(cs_jval agent, cs_buf *why);
/* 0 when the agent's id and the names in its queues and groups hold no
 * U+0000, which the rosters would cut them at (cs_jval_ids_nul); else -1
 * with why set. cs_agent_levels looks at the names of skills, channels and
 * load. */
int cs_agent_ids_check(cs_jval agent, cs_buf *why);
/* 0 and *out set when v is a whole number from lo to hi, else -1. */
int cs_agent_number(cs_jval v, int lo, int hi, int *out);
/* Each member of the object obj as a name and a whole number from lo to
 * hi, given to add (which returns 0, or -1 to stop); -1 with why set
 * (naming the member what) when obj is no object, a value no such number
 * or a name holds U+0000. */
int cs_agent_levels(cs_jval obj, int lo, int hi, const char *what, cs_buf *why,
		    int (*add)(void *ctx, const char *name, size_t n, int level), void *ctx);
#endif
