/* eng_ticket_agents: the agents tickets are assigned to (--agents), in the
 * file format cs-route reads: NDJSON, one agent a line ('#' lines and blank
 * lines skipped), each with
 *   "id"        string or number (required);
 *   "groups"    array of strings: the groups it works for (else "queues",
 *               as cs-route names them);
 *   "skills"    object of names to levels 0-5: a skill above 0 counts as a
 *               group of that name too;
 *   "status"    available (the default), busy, away or offline: only an
 *               available agent is given tickets;
 *   "capacity"  the most open tickets it holds at once (0 or none: no limit).
 * Other members (channels, load, ...) are cs-route's and left alone. An id
 * seen again sets the members that line gives.
 *
 * Choosing (tk_roster_pick), among the available agents of the group with
 * room left, in file order:
 *   round_robin   the first after the one the group's last ticket went to;
 *   least_loaded  the one with the fewest open tickets, the first on a tie. */
#ifndef CS_ENG_TICKET_AGENTS_H
#define CS_ENG_TICKET_AGENTS_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_jval.h"

enum tk_assign_mode { TK_ROUND_ROBIN, TK_LEAST_LOADED };
/* "round_robin" or "least_loaded": 0, or -1. */
int tk_assign_mode_of(const char *s, enum tk_assign_mode *out);
const char *tk_assign_mode_name(enum tk_assign_mode m);

struct tk_agent {
	char *id;
	char **groups;
	size_t ngroups;
	int available;
	int64_t capacity;                /* 0: no limit */
};

typedef struct tk_roster tk_roster;
tk_roster *tk_roster_new(void);
void tk_roster_free(tk_roster *r);
/* One agent record: 0, or -1 with err set to the reason and the roster as
 * it was (a bad record is left out whole). */
int tk_roster_apply(tk_roster *r, cs_jval agent, cs_buf *err);
/* The agents file: 0, or -1 with err "FILE:LINE: reason". */
int tk_roster_load(tk_roster *r, const char *path, cs_buf *err);
size_t tk_roster_count(const tk_roster *r);
/* The work of matching agent records to agents by id so far: agents
 * compared with an id, one a record (they are indexed by id). */
uint64_t tk_roster_id_work(const tk_roster *r);
const struct tk_agent *tk_roster_agent(const tk_roster *r, size_t i);
int tk_agent_serves(const struct tk_agent *a, const char *group);

/* The agent (index) for a ticket of group, or -1 when none is available
 * with room. load(ctx, id) gives an agent's open tickets now; last is the
 * agent the group's previous ticket went to (NULL: none). */
long tk_roster_pick(const tk_roster *r, const char *group, enum tk_assign_mode mode, const char *last,
		    int64_t (*load)(void *ctx, const char *agent), void *ctx);
#endif
