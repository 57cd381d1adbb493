/* t_ticket: cs-ticket's state machine, tags, the readers of ticket_update,
 * conversation and agent records, choosing agents, and the store: events
 * folded into tickets, messages appended once, follow-ups of closed
 * tickets, replays, the readers, and recompute giving back the same table. */
#include "eng_ticket.h"
#include "eng_ticket_agents.h"
#include "eng_ticket_change.h"
#include "eng_ticket_store.h"
#include "fixture.h"
#include "kit_json.h"
#include "kit_mem.h"
#include "tap.h"
#include <sys/stat.h>

static cs_jval json(const char *s) { return cs_jval_of(s, strlen(s)); }

static void state_machine(void)
{
	/* The documented table, a row per status: the statuses it may move to. */
	static const char *const allowed[TK_NSTATUS] = {
		"open pending on_hold solved closed", "pending on_hold solved closed", "open on_hold solved closed",
		"open pending solved closed", "open closed", "",
	};
	int right = 1;
	for (int from = 0; from < TK_NSTATUS; from++)
		for (int to = 0; to < TK_NSTATUS; to++) {
			char word[16];
			snprintf(word, sizeof word, "%s", tk_status_name((enum tk_status)to));
			int listed = 0;
			for (const char *p = allowed[from]; (p = strstr(p, word)); p++)
				listed |= (p == allowed[from] || p[-1] == ' ') && (p[strlen(word)] == ' ' || !p[strlen(word)]);
			if (tk_can_move((enum tk_status)from, (enum tk_status)to) != listed) {
				right = 0;
				printf("# %s -> %s\n", tk_status_name((enum tk_status)from), word);
			}
		}
	ok(right, "every move is the documented one");
	ok(!tk_can_move(TK_OPEN, TK_OPEN), "staying is no move");
	ok(!tk_can_move(TK_CLOSED, TK_OPEN), "closed is final");
	enum tk_status st;
	enum tk_priority pr;
	ok(tk_status_of("on_hold", &st) == 0 && st == TK_ON_HOLD, "a status by name");
	ok(tk_status_of("On_Hold", &st) != 0 && tk_status_of(NULL, &st) != 0, "names are exact");
	ok(tk_priority_of("urgent", &pr) == 0 && pr == TK_URGENT && tk_priority_of("p1", &pr) != 0, "priorities");
	ok(tk_status_done(TK_SOLVED) && tk_status_done(TK_CLOSED) && !tk_status_done(TK_PENDING), "done statuses");
}

static void tags(void)
{
	struct tk_ticket t = {0};
	tk_ticket_clear(&t);
	ok(tk_tag_add(&t, "vat") && tk_tag_add(&t, "billing") && !tk_tag_add(&t, "vat") && !tk_tag_add(&t, ""),
	   "tags added once, empty ones not at all");
	cs_buf b = CS_BUF_INIT;
	tk_tags_json(t.tags, t.ntags, &b);
	is_str(b.p, "[\"billing\",\"vat\"]", "kept sorted");
	ok(tk_tag_remove(&t, "billing") && !tk_tag_remove(&t, "billing") && t.ntags == 1, "taken out once");
	char **list;
	size_t n;
	ok(tk_tags_parse("[\"b\",\"a\",\"b\"]", 13, &list, &n) == 0 && n == 2 && strcmp(list[0], "a") == 0,
	   "parsed sorted without repeats");
	tk_tags_free(list, n);
	ok(tk_tags_parse("[1]", 3, &list, &n) != 0 && tk_tags_parse("{}", 2, &list, &n) != 0 &&
	   tk_tags_parse("[\"a\"", 4, &list, &n) != 0, "anything but an array of strings is refused");
	cs_buf_free(&b);
	tk_ticket_clear(&t);
}

/* A ticket_update that must fail with want in the reason. */
static void update_refused(const char *rec, const char *want)
{
	struct tk_update u;
	cs_buf err = CS_BUF_INIT;
	int rc = tk_update_read(json(rec), 7, &u, &err);
	ok(rc != 0 && err.p && strstr(err.p, want), "refused: %s (%s)", rec, err.p ? err.p : "");
	cs_buf_free(&err);
}

static void update_records(void)
{
	struct tk_update u;
	cs_buf err = CS_BUF_INIT;
	ok(tk_update_read(json("{\"kind\":\"ticket_update\",\"ticket\":\"T-1\",\"ts\":\"2026-03-02T10:00:00Z\","
			       "\"actor\":\"a1\",\"status\":\"pending\",\"priority\":\"high\",\"group\":null,"
			       "\"assignee\":\"a2\",\"tags\":[\"z\",\"a\"]}"),
			  7, &u, &err) == 0,
	   "a whole update is read");
	ok(strcmp(u.ticket, "T-1") == 0 && u.ts == 1772445600000 && strcmp(u.actor, "a1") == 0 &&
	   u.set == (TK_SET_STATUS | TK_SET_PRIORITY | TK_SET_GROUP | TK_SET_ASSIGNEE | TK_SET_TAGS) &&
	   u.status == TK_PENDING && u.priority == TK_HIGH && !u.group && strcmp(u.assignee, "a2") == 0 &&
	   u.ntags == 2 && strcmp(u.tags[0], "a") == 0,
	   "with every field");
	tk_update_free(&u);
	ok(tk_update_read(json("{\"ticket\":{\"id\":\"T-2\",\"status\":\"open\"},\"status\":\"solved\"}"), 7, &u, &err) ==
		   0 &&
	   strcmp(u.ticket, "T-2") == 0 && u.ts == 7 && !u.actor && u.set == TK_SET_STATUS,
	   "the ticket as cs-ticket writes it back; no ts: now");
	tk_update_free(&u);
	ok(tk_update_read(json("{\"ticket_id\":12345678901234567890,\"priority\":\"low\"}"), 7, &u, &err) == 0 &&
	   strcmp(u.ticket, "12345678901234567890") == 0,
	   "ticket_id, a number read by its digits");
	tk_update_free(&u);
	update_refused("{\"status\":\"open\"}", "needs \"ticket\"");
	update_refused("{\"ticket\":\"T-1\"}", "needs status, priority");
	update_refused("{\"ticket\":\"T-1\",\"status\":\"reopened\"}", "'reopened' is not new, open");
	update_refused("{\"ticket\":\"T-1\",\"status\":3}", "(not a string)");
	update_refused("{\"ticket\":\"T-1\",\"priority\":\"P1\"}", "is not low, normal");
	update_refused("{\"ticket\":\"T-1\",\"ts\":\"yesterday\",\"status\":\"open\"}", "\"ts\" is not a time");
	update_refused("{\"ticket\":\"T-1\",\"actor\":[],\"status\":\"open\"}", "\"actor\" must be a string");
	update_refused("{\"ticket\":\"T-1\",\"tags\":\"vip\"}", "array of strings");
	update_refused("{\"ticket\":\"T-1\",\"group\":7}", "or null to clear");
	cs_buf_free(&err);
}

static void conversation_records(void)
{
	struct tk_conversation c;
	cs_buf err = CS_BUF_INIT;
	const char *rec = "{\"kind\":\"conversation\",\"id\":7262094405921456001,\"channel\":\"chat\","
			  "\"customer\":{\"id\":\"cust-1\",\"tier\":\"gold\"},\"priority\":\"high\",\"status\":\"solved\","
			  "\"route\":{\"queue\":\"billing\",\"agent\":\"a9\"},\"tags\":[\"x\"],\"messages\":["
			  "{\"id\":\"m1\",\"ts\":\"2026-03-02T01:00:00Z\",\"role\":\"customer\",\"text\":\"  Where is it?\\nthanks\"},"
			  "{\"ts\":\"2026-03-02T01:01:00Z\",\"role\":\"system\",\"text\":\"assigned\"},"
			  "{\"id\":\"m2\",\"role\":\"agent\",\"author\":\"a9\",\"internal\":true,\"text\":\"note\"},"
			  "{\"id\":\"m3\",\"ts\":\"2026-03-02T01:05:00Z\",\"role\":\"bot\",\"public\":true},"
			  "{\"role\":\"customer\",\"text\":\"again\"}]}";
	ok(tk_conversation_read(json(rec), 99, &c, &err) == 0, "a conversation is read");
	ok(strcmp(c.id, "7262094405921456001") == 0 && strcmp(c.draft.conversation_id, c.id) == 0,
	   "a numeric id by its digits");
	ok(c.draft.subject && strcmp(c.draft.subject, "Where is it?") == 0, "the subject: the first customer line");
	ok(strcmp(c.draft.group, "billing") == 0 && strcmp(c.draft.assignee, "a9") == 0, "group and assignee from route");
	ok(c.draft.priority == TK_HIGH && c.has_status && c.status == TK_SOLVED && c.draft.ntags == 1,
	   "priority, status and tags");
	ok(strcmp(c.draft.customer_id, "cust-1") == 0 && strcmp(c.draft.customer_tier, "gold") == 0, "the customer");
	is_int(c.nmsgs, 4, "a system message makes none");
	ok(c.started == c.msgs[0].ts && c.msgs[0].public, "no started: the first message's time");
	ok(c.msgs[1].ts == c.msgs[0].ts && !c.msgs[1].public && strcmp(c.msgs[1].author, "a9") == 0,
	   "no ts: the one before; internal: a note");
	ok(c.msgs[2].role == TK_BOT && c.msgs[2].public && c.msgs[3].id[0] == '#', "a bot; a message without an id gets one");
	char *made = cs_strdup(c.msgs[3].id);
	tk_conversation_free(&c);
	ok(tk_conversation_read(json(rec), 12345, &c, &err) == 0 && strcmp(c.msgs[3].id, made) == 0,
	   "the id made is the same on the next read");
	free(made);
	tk_conversation_free(&c);
	ok(tk_conversation_read(json("{\"messages\":[]}"), 0, &c, &err) != 0 && strstr(err.p, "needs an \"id\""),
	   "no id: %s", err.p);
	cs_buf_reset(&err);
	ok(tk_conversation_read(json("{\"id\":\"c\",\"messages\":[{\"role\":\"agent\",\"ts\":\"soon\"}]}"), 0, &c, &err) != 0 &&
	   strstr(err.p, "messages[0]: \"ts\" is not a time"),
	   "a bad message time: %s", err.p);
	cs_buf_reset(&err);
	ok(tk_conversation_read(json("{\"id\":\"c\",\"messages\":{}}"), 0, &c, &err) != 0 &&
	   strstr(err.p, "must be an array"),
	   "messages not an array: %s", err.p);
	cs_buf_free(&err);
}

static int64_t loads[8];

static int64_t load_of(void *ctx, const char *agent)
{
	(void)ctx;
	return loads[(agent[0] == 'a' ? agent[1] : agent[0]) - '0'];
}

static void agents(void)
{
	tk_roster *r = tk_roster_new();
	cs_buf err = CS_BUF_INIT;
	const char *const lines[] = {
		"{\"id\":\"a1\",\"groups\":[\"billing\"],\"capacity\":2}",
		"{\"id\":\"a2\",\"skills\":{\"billing\":3,\"orders\":0},\"status\":\"available\"}",
		"{\"id\":\"a3\",\"queues\":[\"billing\",\"orders\"],\"status\":\"away\"}",
		"{\"kind\":\"agent\",\"id\":4,\"groups\":[\"billing\"],\"channels\":{\"chat\":2}}",
	};
	for (size_t i = 0; i < 4; i++)
		ok(tk_roster_apply(r, json(lines[i]), &err) == 0, "agent line %zu", i + 1);
	is_int(tk_roster_count(r), 4, "four agents");
	ok(tk_agent_serves(tk_roster_agent(r, 1), "billing") && !tk_agent_serves(tk_roster_agent(r, 1), "orders"),
	   "a skill above 0 is a group");
	ok(strcmp(tk_roster_agent(r, 3)->id, "4") == 0, "a numeric id");
	long order[5];
	const char *last = NULL;
	for (int i = 0; i < 5; i++) {
		order[i] = tk_roster_pick(r, "billing", TK_ROUND_ROBIN, last, load_of, NULL);
		last = order[i] >= 0 ? tk_roster_agent(r, (size_t)order[i])->id : NULL;
	}
	ok(order[0] == 0 && order[1] == 1 && order[2] == 3 && order[3] == 0 && order[4] == 1,
	   "round robin skips the away agent");
	loads[1] = 2;
	ok(tk_roster_pick(r, "billing", TK_ROUND_ROBIN, "4", load_of, NULL) == 1, "a full agent is passed over");
	loads[1] = 0;
	loads[2] = 5;
	ok(tk_roster_pick(r, "billing", TK_LEAST_LOADED, NULL, load_of, NULL) == 0, "least loaded, the first on a tie");
	loads[1] = 3;
	ok(tk_roster_pick(r, "billing", TK_LEAST_LOADED, NULL, load_of, NULL) == 3, "least loaded");
	ok(tk_roster_pick(r, "orders", TK_LEAST_LOADED, NULL, load_of, NULL) == -1, "no agent available");
	ok(tk_roster_pick(r, "", TK_ROUND_ROBIN, NULL, load_of, NULL) == -1, "no group, no agent");
	ok(tk_roster_apply(r, json("{\"id\":\"a3\",\"status\":\"available\"}"), &err) == 0 &&
	   tk_roster_pick(r, "orders", TK_ROUND_ROBIN, NULL, load_of, NULL) == 2,
	   "a line for a known id sets what it gives");
	const char *const bad[][2] = {
		{"{\"groups\":[]}", "needs an \"id\""},
		{"{\"id\":\"x\",\"groups\":\"billing\"}", "\"groups\" must be an array"},
		{"{\"id\":\"x\",\"skills\":{\"a\":9}}", "from 0 to 5"},
		{"{\"id\":\"x\",\"capacity\":-1}", "\"capacity\" must be"},
		{"{\"id\":\"x\",\"capacity\":1.5}", "\"capacity\" must be"},
		{"{\"id\":\"x\",\"status\":1}", "\"status\" must be a string"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		cs_buf_reset(&err);
		ok(tk_roster_apply(r, json(bad[i][0]), &err) != 0 && strstr(err.p, bad[i][1]), "refused: %s", bad[i][0]);
	}
	is_int(tk_roster_count(r), 4, "a refused agent is not added");
	ok(tk_roster_apply(r, json("{\"id\":\"a3\",\"groups\":[\"vip\"],\"status\":\"away\",\"capacity\":-1}"), &err) != 0 &&
	   tk_roster_apply(r, json("{\"id\":\"a1\",\"skills\":{\"orders\":2,\"vip\":9}}"), &err) != 0,
	   "bad updates refused");
	const struct tk_agent *a3 = tk_roster_agent(r, 2), *a1 = tk_roster_agent(r, 0);
	ok(a3->available && a3->capacity == 0 && a3->ngroups == 2 && tk_agent_serves(a3, "orders") &&
	   a1->ngroups == 1 && tk_agent_serves(a1, "billing") && a1->capacity == 2,
	   "a refused update leaves the agent as it was");
	write_str("agents.ndjson", "# team\n{\"id\":\"b1\",\"groups\":[\"x\"]}\n\n{\"id\":\"b2\",\"groups\":[1]}\n");
	tk_roster *f = tk_roster_new();
	cs_buf_reset(&err);
	ok(tk_roster_load(f, "agents.ndjson", &err) != 0 && strcmp(err.p, "agents.ndjson:4: \"groups\" must be an array of strings") == 0,
	   "a file's error names its line: %s", err.p);
	tk_roster_free(f);
	tk_roster_free(r);
	cs_buf_free(&err);
}

static int64_t no_load(void *ctx, const char *agent)
{
	(void)ctx;
	(void)agent;
	return 0;
}

/* Agent records find their agent by id in constant work (a linear search
 * made reading an agents file quadratic: 100,000 agents took 14 s), and
 * the agents keep the file's order. */
static void agents_by_id(void)
{
	enum { N = 5000 };
	tk_roster *r = tk_roster_new();
	cs_buf err = CS_BUF_INIT;
	char line[128];
	int refused = 0;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < N; i++) {
			snprintf(line, sizeof line, "{\"id\":\"ag%d\",\"groups\":[\"g\"]%s}", i,
				 pass ? ",\"status\":\"away\"" : "");
			refused += tk_roster_apply(r, json(line), &err) != 0;
		}
	refused += tk_roster_apply(r, json("{\"id\":\"ag3\",\"status\":\"available\"}"), &err) != 0;
	refused += tk_roster_apply(r, json("{\"id\":\"ag9\",\"status\":\"available\"}"), &err) != 0;
	is_int(refused, 0, "every line taken");
	is_int(tk_roster_count(r), N, "each agent once");
	ok(strcmp(tk_roster_agent(r, N - 1)->id, "ag4999") == 0 && tk_roster_agent(r, 3)->available &&
	   !tk_roster_agent(r, 4)->available, "in file order, updated in place");
	is_int(tk_roster_pick(r, "g", TK_ROUND_ROBIN, "ag3", no_load, NULL), 9, "round robin after ag3: ag9");
	is_int(tk_roster_pick(r, "g", TK_ROUND_ROBIN, "ag9", no_load, NULL), 3, "after ag9, around to ag3");
	uint64_t work = tk_roster_id_work(r);
	ok(work <= 2 * N + 16, "%d agents read twice: %llu agents compared with an id", N, (unsigned long long)work);
	tk_roster_free(r);
	cs_buf_free(&err);
}

/* ---- the store ---- */

struct collected {
	cs_buf text;
	size_t n;
};

static int collect_event(const struct tk_event *e, void *ctx)
{
	struct collected *c = ctx;
	cs_buf_printf(&c->text, "%s%s", c->n++ ? " " : "", e->action);
	return 0;
}

static int collect_ticket(const struct tk_ticket *t, void *ctx)
{
	struct collected *c = ctx;
	cs_buf_printf(&c->text, "%s%s:%s", c->n++ ? " " : "", t->id, tk_status_name(t->status));
	return 0;
}

static int write_all(const struct tk_ticket *t, void *ctx)
{
	struct { tk_store *s; cs_buf *out; } *w = ctx;
	tk_record_json(w->s, t, 1, NULL, w->out);
	cs_buf_addc(w->out, '\n');
	return 0;
}

static void dump(tk_store *s, cs_buf *out)
{
	struct { tk_store *s; cs_buf *out; } w = {s, out};
	struct tk_query all = {0};
	cs_buf_reset(out);
	tk_store_each_ticket(s, &all, write_all, &w);
}

static void take(tk_store *s, const char *rec, struct tk_ticket *t, struct tk_counts *n)
{
	struct tk_conversation c;
	cs_buf err = CS_BUF_INIT;
	if (tk_conversation_read(json(rec), 0, &c, &err) != 0)
		printf("# %s\n", err.p);
	tk_take_conversation(s, &c, t, n);
	tk_conversation_free(&c);
	cs_buf_free(&err);
}

static void store_conversations(tk_store *s)
{
	struct tk_ticket t = {0};
	struct tk_counts n = {0};
	const char *first = "{\"kind\":\"conversation\",\"id\":\"c-1\",\"group\":\"billing\",\"messages\":["
			    "{\"id\":\"m1\",\"ts\":\"2026-03-02T09:00:00Z\",\"role\":\"customer\",\"text\":\"hi\"},"
			    "{\"id\":\"m2\",\"ts\":\"2026-03-02T09:05:00Z\",\"role\":\"agent\",\"internal\":true}]}";
	take(s, first, &t, &n);
	ok(n.created == 1 && n.messages == 2 && t.status == TK_NEW, "created; an internal note opens nothing");
	take(s, first, &t, &n);
	ok(n.created == 1 && n.messages == 2 && n.messages_seen == 2, "read again: nothing appended");
	take(s, "{\"kind\":\"conversation\",\"id\":\"c-1\",\"messages\":[{\"id\":\"m3\",\"ts\":\"2026-03-02T09:10:00Z\","
		"\"role\":\"agent\",\"text\":\"hello\"}]}",
	     &t, &n);
	ok(t.status == TK_OPEN && n.changes == 1, "an agent's public reply opens it");
	cs_buf id = CS_BUF_INIT;
	tk_conversation_ticket_id("c-1", 0, &id);
	is_str(t.id, id.p, "its id is the conversation's hash");
	ok(strlen(t.id) == 14 && strncmp(t.id, "T-", 2) == 0, "T- and 12 hex digits");
	struct tk_update close = {.ts = 1772500000000, .set = TK_SET_STATUS, .status = TK_CLOSED};
	cs_buf err = CS_BUF_INIT;
	ok(tk_apply(s, &t, &close, 0, &n, &err) == 0 && t.status == TK_CLOSED, "closed");
	tk_store_put(s, &t);
	struct tk_update reopen = {.ts = 1772500000001, .set = TK_SET_STATUS, .status = TK_OPEN};
	ok(tk_apply(s, &t, &reopen, 0, &n, &err) != 0, "a closed ticket cannot be opened again");
	cs_buf want = CS_BUF_INIT;
	cs_buf_printf(&want, "ticket %s cannot go from closed to open", id.p);
	is_str(err.p, want.p, "the error names the ticket and both states");
	cs_buf_free(&want);
	cs_buf_printf(&id, "-2");
	take(s, "{\"kind\":\"conversation\",\"id\":\"c-1\",\"messages\":[{\"id\":\"m4\",\"ts\":\"2026-03-03T09:00:00Z\","
		"\"role\":\"customer\",\"text\":\"it broke again\"}]}",
	     &t, &n);
	ok(n.follow_ups == 1 && strcmp(t.id, id.p) == 0 && t.status == TK_NEW && t.follow_up_of &&
	   strncmp(t.id, t.follow_up_of, strlen(t.follow_up_of)) == 0 && strcmp(t.group, "billing") == 0,
	   "a customer message to a closed ticket opens a follow-up, with its group");
	take(s, "{\"kind\":\"conversation\",\"id\":\"c-1\",\"messages\":[{\"id\":\"m4\",\"ts\":\"2026-03-03T09:00:00Z\","
		"\"role\":\"customer\"},{\"id\":\"m5\",\"ts\":\"2026-03-03T09:30:00Z\",\"role\":\"customer\"}]}",
	     &t, &n);
	ok(n.follow_ups == 1 && n.messages == 5 && strcmp(t.id, id.p) == 0, "later messages go to the follow-up");
	struct collected c = {CS_BUF_INIT, 0};
	tk_store_each_event(s, t.id, collect_event, &c);
	is_str(c.text.p, "created follow_up message message", "its events in order");
	ok(tk_store_has_message(s, "c-1", "m2") && !tk_store_has_message(s, "c-2", "m2"), "messages by conversation");
	tk_ticket_clear(&t);
	cs_buf_free(&c.text);
	cs_buf_free(&id);
	cs_buf_free(&err);
}

struct msg_check {
	int seen, customer, agent_notes;
};

static int check_message(const struct tk_event *e, void *ctx)
{
	struct msg_check *m = ctx;
	struct tk_message msg;
	cs_buf a = CS_BUF_INIT, b = CS_BUF_INIT;
	if (tk_event_message(e, &msg, &a, &b) == 0) {
		m->seen++;
		m->customer += msg.role == TK_CUSTOMER && msg.public && strcmp(msg.conversation_id, "c-1") == 0;
		m->agent_notes += msg.role == TK_AGENT && !msg.public;
	}
	cs_buf_free(&a);
	cs_buf_free(&b);
	return 0;
}

static void store_replay(tk_store *s)
{
	struct tk_ticket t = {0};
	struct tk_counts n = {0};
	struct tk_update u;
	cs_buf err = CS_BUF_INIT, id = CS_BUF_INIT;
	tk_conversation_ticket_id("c-1", 0, &id);
	ok(tk_store_get(s, id.p, &t) && t.status == TK_CLOSED, "read back");
	struct msg_check m = {0};
	tk_store_each_event(s, id.p, check_message, &m);
	ok(m.seen == 3 && m.customer == 1 && m.agent_notes == 1, "message events read back");
	tk_store_get(s, "T-9", &t);
	const char *log = "{\"ticket\":\"T-9\",\"ts\":\"2026-03-04T10:00:00Z\",\"status\":\"solved\",\"tags\":[\"a\"]}";
	tk_update_read(json(log), 0, &u, &err);
	ok(tk_apply(s, &t, &u, 1, &n, &err) == 0 && n.changes == 2 && t.status == TK_SOLVED, "an update applied");
	struct tk_update closing = {.ticket = "T-9", .ts = u.ts + 1, .set = TK_SET_STATUS, .status = TK_CLOSED};
	tk_apply(s, &t, &closing, 1, &n, &err);
	ok(tk_apply(s, &t, &u, 1, &n, &err) == 0 && n.changes == 3 && n.changes_seen == 2 && t.status == TK_CLOSED,
	   "replayed: the changes it made are passed over and counted (the tags the ticket still has too), no error");
	ok(tk_apply(s, &t, &u, 0, &n, &err) != 0, "not a replay: closed to solved is refused");
	tk_update_free(&u);
	tk_store_put(s, &t);
	tk_ticket_clear(&t);
	cs_buf_free(&err);
	cs_buf_free(&id);
}

static void store(void)
{
	cs_buf err = CS_BUF_INIT, before = CS_BUF_INIT, after = CS_BUF_INIT;
	int status = 0;
	tk_store *s = tk_store_open("t.db", 1, &err, &status);
	ok(s != NULL, "a store is created");
	struct stat sb;
	ok(stat("t.db", &sb) == 0 && (sb.st_mode & 0777) == 0600, "readable by its owner only");
	tk_store_begin(s);
	struct tk_ticket draft = {0}, t = {0};
	tk_ticket_clear(&draft);
	draft.id = cs_strdup("T-9");
	draft.priority = TK_URGENT;
	tk_set_str(&draft.group, "it");
	tk_create(s, &t, &draft, 1000, "ops");
	tk_store_put(s, &t);
	ok(t.status == TK_NEW && t.priority == TK_URGENT && t.created == 1000 && strcmp(t.group, "it") == 0,
	   "a ticket made by hand");
	is_int(tk_store_next_number(s), 1, "numbers start at 1");
	is_int(tk_store_next_number(s), 2, "and go on");
	store_conversations(s);
	store_replay(s);
	tk_store_commit(s);
	struct collected c = {CS_BUF_INIT, 0};
	struct tk_query q = {TK_OPEN_WORK, NULL, NULL};
	tk_store_each_ticket(s, &q, collect_ticket, &c);
	ok(strstr(c.text.p, ":new") && !strstr(c.text.p, "closed"), "tickets by status: %s", c.text.p);
	tk_store_begin(s);
	dump(s, &before);
	uint64_t tickets, events;
	tk_store_recompute(s, &tickets, &events);
	dump(s, &after);
	tk_store_commit(s);
	ok(tickets == 3 && events > 10, "recompute: %llu tickets, %llu events", (unsigned long long)tickets,
	   (unsigned long long)events);
	is_str(after.p, before.p, "recompute gives back the same tickets");
	tk_store_close(s);
	s = tk_store_open("t.db", 0, &err, &status);
	ok(s && tk_store_get(s, "T-9", &t) && t.status == TK_CLOSED, "opened again to read");
	tk_store_close(s);
	write_str("other.db", "not sqlite at all, not at all, not at all, not at all, not at all, not at all, not at all!");
	ok(!tk_store_open("other.db", 1, &err, &status) && status == CS_EXIT_CONFIG &&
	   strstr(err.p, "not a cs-ticket store"),
	   "another file is refused: %s", err.p);
	ok(!tk_store_open("missing.db", 0, &err, &status) && status == CS_EXIT_IO, "a missing store, to read: %s", err.p);
	tk_ticket_clear(&draft);
	tk_ticket_clear(&t);
	cs_buf_free(&c.text);
	cs_buf_free(&err);
	cs_buf_free(&before);
	cs_buf_free(&after);
}

int main(void)
{
	fixture_enter("t_ticket");
	state_machine();
	tags();
	update_records();
	conversation_records();
	agents();
	agents_by_id();
	store();
	fixture_leave();
	return tap_done();
}
