/* eng_ticket_agents: the agents file and choosing an agent (see eng_ticket_agents.h). */
#include "eng_ticket_agents.h"
#include "kit_conf.h"
#include "kit_hash.h"
#include "kit_in.h"
#include "kit_json.h"
#include "kit_mem.h"
#include "svc_agents.h"
#include <stdlib.h>
#include <string.h>

struct tk_roster {
	struct tk_agent *agents;         /* in file order: round robin and ties go by it */
	size_t n, cap;
	cs_map ids;                      /* agent id -> its index + 1 */
	uint64_t id_lookups;             /* agent records matched to agents by id (tk_roster_id_work) */
	cs_buf text;
};

int tk_assign_mode_of(const char *s, enum tk_assign_mode *out)
{
	if (strcmp(s, "round_robin") == 0)
		*out = TK_ROUND_ROBIN;
	else if (strcmp(s, "least_loaded") == 0)
		*out = TK_LEAST_LOADED;
	else
		return -1;
	return 0;
}

const char *tk_assign_mode_name(enum tk_assign_mode m) { return m == TK_LEAST_LOADED ? "least_loaded" : "round_robin"; }

tk_roster *tk_roster_new(void) { return cs_calloc(1, sizeof(tk_roster)); }

static void clear_groups(struct tk_agent *a)
{
	for (size_t i = 0; i < a->ngroups; i++)
		free(a->groups[i]);
	free(a->groups);
	a->groups = NULL;
	a->ngroups = 0;
}

void tk_roster_free(tk_roster *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->agents[i].id);
		clear_groups(&r->agents[i]);
	}
	free(r->agents);
	cs_map_free(&r->ids);
	cs_buf_free(&r->text);
	free(r);
}

size_t tk_roster_count(const tk_roster *r) { return r->n; }
const struct tk_agent *tk_roster_agent(const tk_roster *r, size_t i) { return &r->agents[i]; }
uint64_t tk_roster_id_work(const tk_roster *r) { return r->id_lookups; }

/* The agent named id: its index, or -1. */
static long index_of(const tk_roster *r, const char *id)
{
	uintptr_t i = (uintptr_t)cs_map_get(&r->ids, id, strlen(id));
	return (long)i - 1;
}

int tk_agent_serves(const struct tk_agent *a, const char *group)
{
	for (size_t i = 0; i < a->ngroups; i++)
		if (strcmp(a->groups[i], group) == 0)
			return 1;
	return 0;
}

static void add_group(struct tk_agent *a, const char *name)
{
	if (!*name || tk_agent_serves(a, name))
		return;
	a->groups = cs_realloc(a->groups, (a->ngroups + 1) * sizeof *a->groups);
	a->groups[a->ngroups++] = cs_strdup(name);
}

struct reading {
	tk_roster *r;
	struct tk_agent *a;
};

static int read_group(cs_jval item, void *ctx)
{
	struct reading *rd = ctx;
	const char *name = item.t == CS_J_STRING ? cs_jtext(item, &rd->r->text) : NULL;
	if (!name)
		return 1;
	add_group(rd->a, name);
	return 0;
}

/* A skill above level 0 is a group. */
static int skill_group(void *ctx, const char *name, size_t n, int level)
{
	if (level > 0) {
		char *copy = cs_strndup(name, n);
		add_group(ctx, copy);
		free(copy);
	}
	return 0;
}

static int read_skills(struct reading *rd, cs_jval skills, cs_buf *err)
{
	return cs_agent_levels(skills, 0, 5, "skills", err, skill_group, rd->a);
}

static int read_groups(struct reading *rd, cs_jval agent, cs_buf *err)
{
	cs_jval groups = cs_jget(agent, "groups"), skills = cs_jget(agent, "skills");
	const char *what = "groups";
	if (groups.t == CS_J_NONE) {
		groups = cs_jget(agent, "queues");
		what = "queues";
	}
	if (groups.t == CS_J_NONE && skills.t == CS_J_NONE)
		return 0;
	clear_groups(rd->a);
	if (groups.t != CS_J_NONE && (groups.t != CS_J_ARRAY || cs_jeach(groups, read_group, rd))) {
		cs_buf_printf(err, "\"%s\" must be an array of strings", what);
		return -1;
	}
	return skills.t != CS_J_NONE ? read_skills(rd, skills, err) : 0;
}

static int read_fields(struct reading *rd, cs_jval agent, cs_buf *err)
{
	struct tk_agent *a = rd->a;
	if (read_groups(rd, agent, err) != 0)
		return -1;
	cs_jval status = cs_jget(agent, "status");
	if (status.t != CS_J_NONE) {
		const char *s = cs_agent_status_of(status, &rd->r->text, err);
		if (!s)
			return -1;
		a->available = strcmp(s, "available") == 0;
	}
	cs_jval capacity = cs_jget(agent, "capacity");
	if (capacity.t != CS_J_NONE) {
		int64_t c = cs_jint(capacity, -1);
		if (capacity.t != CS_J_NUMBER || c < 0 || c > 1000000 || memchr(capacity.p, '.', capacity.n)) {
			cs_buf_printf(err, "\"capacity\" must be a whole number from 0 to 1000000");
			return -1;
		}
		a->capacity = c;
	}
	return 0;
}

static struct tk_agent copy_agent(const struct tk_agent *a)
{
	struct tk_agent c = *a;
	c.id = cs_strdup(a->id);
	c.groups = cs_malloc(a->ngroups * sizeof *c.groups);
	for (size_t i = 0; i < a->ngroups; i++)
		c.groups[i] = cs_strdup(a->groups[i]);
	return c;
}

static void add_agent(tk_roster *r, const struct tk_agent *a)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->agents = cs_realloc(r->agents, r->cap * sizeof *r->agents);
	}
	r->agents[r->n++] = *a;
	cs_map_put(&r->ids, a->id, strlen(a->id), (void *)(uintptr_t)r->n);
}

/* The record is read whole into a copy (or a new agent), which replaces the
 * agent only when every field is good: a bad record changes nothing. */
int tk_roster_apply(tk_roster *r, cs_jval agent, cs_buf *err)
{
	cs_jval id = cs_jget(agent, "id");
	const char *name = id.t == CS_J_STRING || id.t == CS_J_NUMBER ? cs_jtext(id, &r->text) : NULL;
	if (agent.t != CS_J_OBJECT || !name || !*name) {
		cs_buf_printf(err, "an agent needs an \"id\"");
		return -1;
	}
	if (cs_agent_ids_check(agent, err) != 0)
		return -1;
	long at = index_of(r, name);
	r->id_lookups++;
	struct tk_agent *old = at >= 0 ? &r->agents[at] : NULL, a;
	a = old ? copy_agent(old) : (struct tk_agent){.id = cs_strdup(name), .available = 1};
	struct reading rd = {r, &a};
	if (read_fields(&rd, agent, err) != 0) {
		free(a.id);
		clear_groups(&a);
		return -1;
	}
	if (old) {
		free(old->id);
		clear_groups(old);
		*old = a;
	} else
		add_agent(r, &a);
	return 0;
}

static int apply_line(cs_jval v, cs_buf *why, void *ctx)
{
	if (cs_agent_members_check(v, why) != 0)
		return -1;
	return tk_roster_apply(ctx, v, why);
}

int tk_roster_load(tk_roster *r, const char *path, cs_buf *err)
{
	return cs_conf_ndjson_each(path, apply_line, r, err);
}

/* Available, of the group, with room for one more. */
static int can_take(const struct tk_agent *a, const char *group, int64_t load)
{
	return a->available && tk_agent_serves(a, group) && (!a->capacity || load < a->capacity);
}

static long pick_round_robin(const tk_roster *r, const char *group, const char *last,
			     int64_t (*load)(void *ctx, const char *agent), void *ctx)
{
	size_t start = (size_t)((last ? index_of(r, last) : -1) + 1);
	for (size_t k = 0; k < r->n; k++) {
		size_t i = (start + k) % r->n;
		const struct tk_agent *a = &r->agents[i];
		/* The load is asked for only when a capacity needs it. */
		if (a->available && tk_agent_serves(a, group) && can_take(a, group, a->capacity ? load(ctx, a->id) : 0))
			return (long)i;
	}
	return -1;
}

static long pick_least_loaded(const tk_roster *r, const char *group, int64_t (*load)(void *ctx, const char *agent),
			      void *ctx)
{
	long best = -1;
	int64_t best_load = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct tk_agent *a = &r->agents[i];
		if (!a->available || !tk_agent_serves(a, group))
			continue;
		int64_t n = load(ctx, a->id);
		if (can_take(a, group, n) && (best < 0 || n < best_load)) {
			best = (long)i;
			best_load = n;
		}
	}
	return best;
}

long tk_roster_pick(const tk_roster *r, const char *group, enum tk_assign_mode mode, const char *last,
		    int64_t (*load)(void *ctx, const char *agent), void *ctx)
{
	if (!group || !*group || !r->n)
		return -1;
	return mode == TK_LEAST_LOADED ? pick_least_loaded(r, group, load, ctx)
				       : pick_round_robin(r, group, last, load, ctx);
}
