/* svc_agents: the agents file's members and statuses (see svc_agents.h). */
#include "svc_agents.h"
#include "kit_json.h"
#include <stdlib.h>
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

int cs_agent_ids_check(cs_jval agent, cs_buf *why)
{
	static const char *const ids[] = {"id", "queues[]", "groups[]", NULL};
	return cs_jval_ids_nul(agent, ids, why) ? -1 : 0;
}

int cs_agent_number(cs_jval v, int lo, int hi, int *out)
{
	if (v.t != CS_J_NUMBER)
		return -1;
	double d = strtod(v.p, NULL);
	if (!(d >= lo && d <= hi) || d != (double)(int)d)   /* 0.5 is no level */
		return -1;
	*out = (int)d;
	return 0;
}

int cs_agent_levels(cs_jval obj, int lo, int hi, const char *what, cs_buf *why,
		    int (*add)(void *ctx, const char *name, size_t n, int level), void *ctx)
{
	cs_obj members = {0};
	cs_jerr jerr;
	if (obj.t != CS_J_OBJECT || cs_json_object(obj.p, obj.n, CS_JSON_DEFAULT_MAX_DEPTH, &members, &jerr) < 0) {
		cs_buf_printf(why, "\"%s\" must be an object of names and numbers", what);
		return -1;
	}
	int status = 0;
	cs_buf scratch = CS_BUF_INIT;
	for (size_t i = 0; i < members.n && status == 0; i++) {
		int value;
		cs_jval v = {members.m[i].val.p, members.m[i].val.n, (enum cs_jtype)members.m[i].type};
		const cs_span key = members.m[i].key;
		if (cs_agent_number(v, lo, hi, &value) != 0) {
			cs_buf_printf(why, "\"%s\": \"%.*s\" must be a whole number from %d to %d", what,
				      (int)(key.n > 60 ? 60 : key.n), key.p, lo, hi);
			status = -1;
			break;
		}
		if (cs_jholds_nul((cs_jval){key.p - 1, key.n + 2, CS_J_STRING})) {
			cs_buf_printf(why, "\"%s\": a name %s", what, CS_ID_NUL);
			status = -1;
			break;
		}
		const char *name;
		size_t n;
		cs_buf_reset(&scratch);
		if (cs_json_str((cs_span){key.p - 1, key.n + 2}, CS_J_STRING, &scratch, &name, &n) == 0)
			status = add(ctx, name, n, value);
	}
	cs_buf_free(&scratch);
	cs_obj_free(&members);
	return status;
}
