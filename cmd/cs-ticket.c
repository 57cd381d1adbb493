/* cs-ticket: tickets from conversations, event-sourced in SQLite, with a state machine and assignment. */
#include "eng_ticket.h"
#include "eng_ticket_agents.h"
#include "eng_ticket_clock.h"
#include "eng_ticket_sla.h"
#include "kit_libver.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_opt.h"
#include "kit_run.h"
#include "kit_time.h"
#include <stdlib.h>
#include <string.h>

static const struct cs_libver libs[] = {
	{"libjq", cs_libver_jq}, {"zstd", cs_libver_zstd}, {"zlib", cs_libver_zlib}, {"PCRE2", cs_libver_pcre2},
	{"SQLite", cs_libver_sqlite}, {0}
};

enum { OPT_DB = 256, OPT_AGENTS, OPT_ASSIGN, OPT_SUBJECT, OPT_PRIORITY, OPT_GROUP, OPT_CUSTOMER, OPT_CHANNEL,
       OPT_AT, OPT_ACTOR, OPT_STATUS, OPT_TAG, OPT_UNTAG, OPT_ID, OPT_ASSIGNEE, OPT_POLICY, OPT_NOW, OPT_SLA,
       OPT_METRIC, OPT_BREACHED };

#define STATUSES "new|open|pending|on_hold|solved|closed"
#define SLA_STATES "active|ok|warning|paused|met|breached"
#define SLA_METRICS "first_response|next_response|periodic_update|resolution"
#define PRIORITIES "low|normal|high|urgent"

#define DB_OPT {"db", OPT_DB, 1, "file", "the ticket store (SQLite; created when missing)", "file"}
#define AGENT_OPTS \
	{"agents", OPT_AGENTS, 1, "file", "agents (NDJSON: id, groups or skills, status, capacity) to assign from", \
	 "file"}, \
	{"assign", OPT_ASSIGN, 1, "mode", "with --agents: round_robin (default) or least_loaded", \
	 "round_robin|least_loaded"}
#define CHANGE_OPTS \
	{"at", OPT_AT, 1, "time", "the time of the change (default: now)", NULL}, \
	{"actor", OPT_ACTOR, 1, "name", "who makes the change, for the history (default cs-ticket)", NULL}

#define POLICY_OPT {"policy", OPT_POLICY, 1, "file", "SLA policies (cs-ticket-sla(5))", "file"}
#define NOW_OPT {"now", OPT_NOW, 1, "time", "the instant the SLA clock is read at (default: now)", NULL}

static const struct cs_opt options[] = {
	DB_OPT,
	AGENT_OPTS,
	POLICY_OPT,
	{"now", OPT_NOW, 1, "time", "the instant the SLA clock is read at, and the time of records without one", NULL},
	{0}
};

static const struct cs_subcommand subcommands[] = {
	{"create", "create a ticket"},
	{"update", "change a ticket's status, priority, group or tags"},
	{"assign", "give a ticket to an agent"},
	{"show", "one ticket, with its history"},
	{"list", "tickets by status, group or assignee"},
	{"history", "a ticket's events, oldest first"},
	{"export", "every ticket as a ticket record of cs-schema(7)"},
	{"recompute", "rebuild the tickets from their events"},
	{"sla", "evaluate the open tickets' SLA: warning and breach alerts, escalations"},
	{"due", "when a target of business time from a time is reached"},
	{"elapsed", "the business seconds between two times"},
	{0}
};

static const struct cs_prog_def prog = {
	"cs-ticket",
	"Keep tickets for conversations in a store (--db). A conversation record\n"
	"creates its ticket on first sight and adds its new messages; a\n"
	"ticket_update record changes status, priority, group, assignee or tags.\n"
	"Both pass on with \"ticket\" (id, status, priority, group, assignee, times);\n"
	"other records pass through. Every change is an event in the store.",
	"file ...",
	options,
	"Statuses: new, open, pending, on_hold, solved, closed. An agent's public\n"
	"reply opens a new ticket; a customer message reopens a pending or solved\n"
	"one, and to a closed one opens a follow-up. Commands: cs-ticket COMMAND\n"
	"--help.\n",
	libs,
	subcommands,
};

static const struct cs_opt create_options[] = {
	DB_OPT,
	{"subject", OPT_SUBJECT, 1, "text", "the ticket's subject (required)", NULL},
	{"priority", OPT_PRIORITY, 1, "name", "low, normal (default), high or urgent", PRIORITIES},
	{"group", OPT_GROUP, 1, "name", "the group that owns it", NULL},
	{"customer", OPT_CUSTOMER, 1, "id", "the customer's id", NULL},
	{"channel", OPT_CHANNEL, 1, "name", "the channel it came from (chat, email, phone, ...)", NULL},
	{"tag", OPT_TAG, 1, "tag", "a tag (repeat for more)", NULL},
	{"id", OPT_ID, 1, "id", "the ticket's id (default: T-1, T-2, ...)", NULL},
	CHANGE_OPTS,
	AGENT_OPTS,
	{0}
};

static const struct cs_opt update_options[] = {
	DB_OPT,
	{"status", OPT_STATUS, 1, "status", "move it to new, open, pending, on_hold, solved or closed", STATUSES},
	{"priority", OPT_PRIORITY, 1, "name", "low, normal, high or urgent", PRIORITIES},
	{"group", OPT_GROUP, 1, "name", "give it to this group (\"\" for none)", NULL},
	{"tag", OPT_TAG, 1, "tag", "add a tag (repeat for more)", NULL},
	{"untag", OPT_UNTAG, 1, "tag", "take a tag away (repeat for more)", NULL},
	CHANGE_OPTS,
	AGENT_OPTS,
	{0}
};

static const struct cs_opt assign_options[] = {
	DB_OPT,
	CHANGE_OPTS,
	AGENT_OPTS,
	{0}
};

static const struct cs_opt read_options[] = {
	DB_OPT,
	{0}
};

#define READ_SLA_OPTS \
	{"policy", OPT_POLICY, 1, "file", "SLA policies (cs-ticket-sla(5)): each ticket gets \"sla\"", "file"}, \
	NOW_OPT

static const struct cs_opt sla_read_options[] = {
	DB_OPT,
	READ_SLA_OPTS,
	{0}
};

static const struct cs_opt list_options[] = {
	DB_OPT,
	{"status", OPT_STATUS, 1, "status", "tickets in this status (repeat for more)", STATUSES},
	{"group", OPT_GROUP, 1, "name", "tickets of this group", NULL},
	{"assignee", OPT_ASSIGNEE, 1, "agent", "tickets of this agent", NULL},
	READ_SLA_OPTS,
	{"sla", OPT_SLA, 1, "state", "with --policy: tickets with a metric in this SLA state (repeat for more)",
	 SLA_STATES},
	{"metric", OPT_METRIC, 1, "name", "with --sla: only this metric's state counts", SLA_METRICS},
	{"breached", OPT_BREACHED, 0, NULL, "with --policy: tickets with a breached metric (--sla breached)", NULL},
	{0}
};

static const struct cs_prog_def create_prog = {
	"cs-ticket create",
	"Create a ticket and write it as a ticket record.",
	NULL, create_options, NULL, libs, NULL,
};

static const struct cs_prog_def update_prog = {
	"cs-ticket update",
	"Change a ticket (status by the state machine's moves, priority, group,\n"
	"tags) and write it as a ticket record. A value it has already is no\n"
	"change.",
	CS_NOT_FILES "ticket", update_options, NULL, libs, NULL,
};

static const struct cs_prog_def assign_prog = {
	"cs-ticket assign",
	"Give a ticket to an agent, or with --agents and no agent to the one the\n"
	"--assign mode chooses among its group's (when it has none); write it as\n"
	"a ticket record.",
	CS_NOT_FILES "ticket [agent]", assign_options, NULL, libs, NULL,
};

static const struct cs_prog_def show_prog = {
	"cs-ticket show",
	"Write one ticket as a ticket record, with its history, and with --policy\n"
	"its SLA state at --now.",
	CS_NOT_FILES "ticket", sla_read_options, NULL, libs, NULL,
};

static const struct cs_prog_def list_prog = {
	"cs-ticket list",
	"Write the tickets that match every option given as ticket records, a\n"
	"line each, by id; with --policy each with its SLA state at --now, which\n"
	"--sla and --breached choose by.",
	NULL, list_options, NULL, libs, NULL,
};

static const struct cs_prog_def history_prog = {
	"cs-ticket history",
	"Write a ticket's events, oldest first, as ticket_event records.",
	CS_NOT_FILES "ticket", read_options, NULL, libs, NULL,
};

static const struct cs_prog_def export_prog = {
	"cs-ticket export",
	"Write every ticket as a ticket record of cs-schema(7), with its history,\n"
	"and with --policy its SLA state at --now.",
	NULL, sla_read_options, NULL, libs, NULL,
};

static const struct cs_prog_def recompute_prog = {
	"cs-ticket recompute",
	"Rebuild every ticket's state from its events, in one transaction; write\n"
	"one ticket_recompute record with the counts.",
	NULL, read_options, NULL, libs, NULL,
};

/* The common options each command takes: the others do nothing there. */
static const char *const change_common[] = {"output", "quiet", "tz", NULL};          /* create, update, assign */
static const char *const read_common[] = {"output", "quiet", NULL};                  /* history, recompute */
static const char *const sla_read_common[] = {"output", "quiet", "tz", "share-dir", NULL};   /* show, list, export */
static const char *const sla_common[] = {"output", "quiet", "tz", "share-dir", "stats", "stats-file", NULL};
static const char *const clock_common[] = {"output", "quiet", "tz", NULL};           /* due, elapsed */

static void push(const char ***list, size_t *n, const char *arg)
{
	*list = cs_realloc(*list, (*n + 1) * sizeof **list);
	(*list)[(*n)++] = arg;
}

static int handle(int key, const char *arg, void *ctx)
{
	struct cs_ticket_opts *o = ctx;
	enum tk_status status;
	enum tk_priority priority;
	enum tk_assign_mode mode;
	enum sla_metric metric;
	unsigned bit;
	switch (key) {
	case OPT_DB: o->db = arg; break;
	case OPT_AGENTS: o->agents = arg; break;
	case OPT_ASSIGN:
		if (tk_assign_mode_of(arg, &mode) != 0)
			cs_usage_error("--assign: '%s' is not round_robin or least_loaded", arg);
		o->assign = (int)mode;
		break;
	case OPT_SUBJECT: o->subject = arg; break;
	case OPT_PRIORITY:
		if (tk_priority_of(arg, &priority) != 0)
			cs_usage_error("--priority: '%s' is not low, normal, high or urgent", arg);
		o->priority = (int)priority;
		break;
	case OPT_GROUP:
		o->group = arg;
		o->group_given = 1;
		break;
	case OPT_CUSTOMER: o->customer = arg; break;
	case OPT_CHANNEL: o->channel = arg; break;
	case OPT_ACTOR: o->actor = arg; break;
	case OPT_ID: o->id = arg; break;
	case OPT_ASSIGNEE: o->assignee = arg; break;
	case OPT_TAG: push(&o->tags, &o->ntags, arg); break;
	case OPT_UNTAG: push(&o->untags, &o->nuntags, arg); break;
	case OPT_STATUS:
		if (tk_status_of(arg, &status) != 0)
			cs_usage_error("--status: '%s' is not new, open, pending, on_hold, solved or closed", arg);
		o->status = (int)status;
		o->statuses |= 1u << status;
		break;
	case OPT_POLICY: o->policy = arg; break;
	case OPT_NOW: o->now_text = arg; break;
	case OPT_SLA:
		if (sla_condition_of(arg, &bit) != 0)
			cs_usage_error("--sla: '%s' is not %s", arg, SLA_CONDITIONS);
		o->sla_want |= bit;
		break;
	case OPT_BREACHED: o->sla_want |= SLA_IS_BREACHED; break;
	case OPT_METRIC:
		if (sla_metric_of(arg, &metric) != 0)
			cs_usage_error("--metric: '%s' is not first_response, next_response, periodic_update or resolution",
				       arg);
		o->sla_metric = (int)metric;
		break;
	case OPT_AT: o->at_text = arg; break;
	}
	return 0;
}

/* Parse a command's options; the operands it takes (between min and max). */
static int parse(const struct cs_prog_def *def, const char *const *common, int argc, char **argv,
		 struct cs_common *c, struct cs_ticket_opts *o, int min, int max)
{
	cs_ticket_opts_init(o);
	int first = cs_opt_parse_only(def, common, argc, argv, c, handle, o);
	cs_ticket_opts_at(o, c);
	if (!o->db)
		cs_usage_error("--db FILE is required");
	if (argc - first < min)
		cs_usage_error("give the ticket's id");
	if (argc - first > max)
		cs_usage_error("unexpected operand '%s'", argv[first + max]);
	if (o->assign >= 0 && !o->agents)
		cs_usage_error("--assign needs --agents");
	if (o->sla_want && !o->policy)
		cs_usage_error("--sla and --breached need --policy");
	if (o->sla_metric >= 0 && !o->sla_want)
		cs_usage_error("--metric needs --sla or --breached");
	if (o->now_text && !o->policy)
		cs_usage_error("--now needs --policy");
	return first;
}

static int create_main(int argc, char **argv)
{
	struct cs_common c;
	struct cs_ticket_opts o;
	parse(&create_prog, change_common, argc, argv, &c, &o, 0, 0);
	if (!o.subject || !*o.subject)
		cs_usage_error("--subject is required");
	if (o.id && !*o.id)
		cs_usage_error("--id is empty");
	int status = cs_ticket_create(&c, &o);
	cs_ticket_opts_free(&o);
	return status;
}

static int update_main(int argc, char **argv)
{
	struct cs_common c;
	struct cs_ticket_opts o;
	int first = parse(&update_prog, change_common, argc, argv, &c, &o, 1, 1);
	if (o.status < 0 && o.priority < 0 && !o.group_given && !o.ntags && !o.nuntags)
		cs_usage_error("nothing to change: give --status, --priority, --group, --tag or --untag");
	int status = cs_ticket_update(&c, &o, argv[first]);
	cs_ticket_opts_free(&o);
	return status;
}

static int assign_main(int argc, char **argv)
{
	struct cs_common c;
	struct cs_ticket_opts o;
	int first = parse(&assign_prog, change_common, argc, argv, &c, &o, 1, 2);
	const char *agent = first + 1 < argc ? argv[first + 1] : NULL;
	if (!agent && !o.agents)
		cs_usage_error("give the agent, or --agents to choose one");
	if (agent && !*agent)
		cs_usage_error("the agent's id is empty");
	int status = cs_ticket_assign(&c, &o, argv[first], agent);
	cs_ticket_opts_free(&o);
	return status;
}

/* The commands that read (and recompute): with a ticket operand or none. */
static const struct {
	const char *name;
	const struct cs_prog_def *def;
	const char *const *common;
	int (*of_ticket)(const struct cs_common *c, const struct cs_ticket_opts *o, const char *ticket);
	int (*of_all)(const struct cs_common *c, const struct cs_ticket_opts *o);
} readers[] = {
	{"show", &show_prog, sla_read_common, cs_ticket_show, NULL},
	{"history", &history_prog, read_common, cs_ticket_history, NULL},
	{"list", &list_prog, sla_read_common, NULL, cs_ticket_list},
	{"export", &export_prog, sla_read_common, NULL, cs_ticket_export},
	{"recompute", &recompute_prog, read_common, NULL, cs_ticket_recompute},
};

static int read_main(size_t r, int argc, char **argv)
{
	struct cs_common c;
	struct cs_ticket_opts o;
	int takes = readers[r].of_ticket != NULL;
	int first = parse(readers[r].def, readers[r].common, argc, argv, &c, &o, takes, takes);
	int status = takes ? readers[r].of_ticket(&c, &o, argv[first]) : readers[r].of_all(&c, &o);
	cs_ticket_opts_free(&o);
	return status;
}

/* ---- cs-ticket sla, due, elapsed ---- */

enum { C_CALENDAR = 256, C_FROM, C_TO, C_TARGET, C_DB, C_POLICY, C_NOW };

static const struct cs_opt sla_options[] = {
	{"db", C_DB, 1, "file", "the ticket store", "file"},
	{"policy", C_POLICY, 1, "file", "SLA policies (cs-ticket-sla(5))", "file"},
	{"now", C_NOW, 1, "time", "the instant to evaluate at (default: now)", NULL},
	{0}
};

static const struct cs_opt due_options[] = {
	{"calendar", C_CALENDAR, 1, "file", "the business calendar (cs-calendar(5))", "file"},
	{"from", C_FROM, 1, "time", "the start (an offset, or the calendar's clock)", NULL},
	{"target", C_TARGET, 1, "duration", "business time: 90m, 4h, 1h30m, 2d", NULL},
	{0}
};

static const struct cs_opt elapsed_options[] = {
	{"calendar", C_CALENDAR, 1, "file", "the business calendar (cs-calendar(5))", "file"},
	{"from", C_FROM, 1, "time", "the start (an offset, or the calendar's clock)", NULL},
	{"to", C_TO, 1, "time", "the end, not before --from", NULL},
	{0}
};

static const struct cs_prog_def sla_prog = {
	"cs-ticket sla",
	"Evaluate the SLA of every open ticket at --now with the policies: one\n"
	"alert record for each target near its end (ticket.sla_warning) or missed\n"
	"(ticket.sla_breach), each raised once a ticket, metric and cycle across\n"
	"runs, and the policy's escalations applied. For cron every few minutes.",
	NULL, sla_options, NULL, libs, NULL,
};

static const struct cs_prog_def due_prog = {
	"cs-ticket due",
	"Print when --target of business time from --from is reached on the\n"
	"calendar, in RFC 3339 in the calendar's zone.",
	NULL, due_options, NULL, libs, NULL,
};

static const struct cs_prog_def elapsed_prog = {
	"cs-ticket elapsed",
	"Print the business seconds from --from to --to on the calendar.",
	NULL, elapsed_options, NULL, libs, NULL,
};

struct clock_args {
	const char *calendar, *from, *to, *target, *db, *policy, *now;
};

static int clock_handle(int key, const char *arg, void *ctx)
{
	struct clock_args *a = ctx;
	switch (key) {
	case C_CALENDAR: a->calendar = arg; break;
	case C_FROM: a->from = arg; break;
	case C_TO: a->to = arg; break;
	case C_TARGET: a->target = arg; break;
	case C_DB: a->db = arg; break;
	case C_POLICY: a->policy = arg; break;
	case C_NOW: a->now = arg; break;
	}
	return 0;
}

static void need(const char *value, const char *what)
{
	if (!value)
		cs_usage_error("%s is required", what);
}

static int clock_main(int argc, char **argv, const struct cs_prog_def *def)
{
	struct cs_common c;
	struct clock_args a = {0};
	int first = cs_opt_parse_only(def, def == &sla_prog ? sla_common : clock_common, argc, argv, &c, clock_handle,
				      &a);
	if (first < argc)
		cs_usage_error("unexpected operand '%s'", argv[first]);
	if (def == &sla_prog) {
		need(a.db, "--db FILE");
		need(a.policy, "--policy FILE");
		return cs_ticket_sla(&c, a.db, a.policy, a.now);
	}
	need(a.calendar, "--calendar FILE");
	need(a.from, "--from TIME");
	if (def == &due_prog) {
		need(a.target, "--target DURATION");
		return cs_ticket_due(&c, a.calendar, a.from, a.target);
	}
	need(a.to, "--to TIME");
	return cs_ticket_elapsed(&c, a.calendar, a.from, a.to);
}

int main(int argc, char **argv)
{
	struct cs_common common;
	struct cs_ticket_opts o;
	struct cs_engine engine;
	if (argc > 1 && strcmp(argv[1], "create") == 0)
		return create_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "update") == 0)
		return update_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "assign") == 0)
		return assign_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "sla") == 0)
		return clock_main(argc - 1, argv + 1, &sla_prog);
	if (argc > 1 && strcmp(argv[1], "due") == 0)
		return clock_main(argc - 1, argv + 1, &due_prog);
	if (argc > 1 && strcmp(argv[1], "elapsed") == 0)
		return clock_main(argc - 1, argv + 1, &elapsed_prog);
	for (size_t r = 0; argc > 1 && r < sizeof readers / sizeof *readers; r++)
		if (strcmp(argv[1], readers[r].name) == 0)
			return read_main(r, argc - 1, argv + 1);
	cs_ticket_opts_init(&o);
	int first = cs_opt_parse(&prog, argc, argv, &common, handle, &o);
	if (!o.db)
		cs_usage_error("--db FILE is required");
	if (o.assign >= 0 && !o.agents)
		cs_usage_error("--assign needs --agents");
	cs_ticket *k = cs_ticket_new(&common, &o, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_ticket_free(k);
	return status;
}
