/* svc_agents: the agents file's members and statuses (see svc_agents.h). */
#include "svc_agents.h"
#include "kit_json.h"
#include <string.h>

static int in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, s, n) == 0)
			return 1;
	return 0;
}

const char *cs_agent_status_of(cs_jval v, cs_buf *scratch, cs_buf *why)
{
	static const char *const statuses[] = {"available", "busy", "away", "offline", NULL};
	const char *s = v.t == CS_J_STRING ? cs_jtext(v, scratch) : NULL;
	if (s && in_list(statuses, s, strlen(s)))
		return s;
	if (s)
		cs_buf_printf(why, "\"status\": '%.60s' is not available, busy, away or offline", s);
	else
		cs_buf_printf(why, "\"status\" must be a string: available, busy, away or offline");
	return NULL;
}

int cs_agent_members_check(cs_jval agent, cs_buf *why)
{
	/* groups is cs-ticket's name for queues; channels, load and idle_since are cs-route's alone */
	static const char *const keys[] = {"kind", "id", "skills", "channels", "load", "queues", "groups",
					   "capacity", "status", "idle_since", NULL};
	cs_obj members = {0};
	cs_jerr err;
	int status = 0;
	if (agent.t != CS_J_OBJECT || cs_json_object(agent.p, agent.n, CS_JSON_DEFAULT_MAX_DEPTH, &members, &err) < 0)
		return 0;   /* not an object: the reader says so */
	for (size_t i = 0; i < members.n && status == 0; i++) {
		const cs_span *key = &members.m[i].key;
		if (members.m[i].key_escaped || !in_list(keys, key->p, key->n)) {
			cs_buf_printf(why, "unknown member \"%.*s\" (an agent has %s)", (int)(key->n > 60 ? 60 : key->n),
				      key->p, "id, skills, channels, load, queues, groups, capacity, status, idle_since");
			status = -1;
		}
	}
	cs_obj_free(&members);
	return status;
}
