/* t_sla: eng_ticket_sla, SLA metrics from a ticket's events on a business
 * calendar (UTC, Monday to Friday 09:00-17:00; 2026-03-02 is a Monday),
 * every expected value worked out by hand in its comment. */
#include "eng_ticket_sla.h"
#include "kit_time.h"
#include "tap.h"
#include <stdlib.h>
#include <string.h>

static const char policy_text[] =
	"{\"calendars\":{\"biz\":{\"timezone\":\"UTC\",\"hours\":{\"mon\":[[\"09:00\",\"17:00\"]],"
	"\"tue\":[[\"09:00\",\"17:00\"]],\"wed\":[[\"09:00\",\"17:00\"]],\"thu\":[[\"09:00\",\"17:00\"]],"
	"\"fri\":[[\"09:00\",\"17:00\"]]}}},\n"
	"\"policies\":[\n"
	"{\"name\":\"vip\",\"when\":{\"tier\":[\"gold\"]},\"calendar\":\"biz\",\n"
	" \"targets\":{\"high\":{\"first_response\":\"15m\",\"resolution\":\"2h\"}},\n"
	" \"escalate\":[{\"metric\":\"first_response\",\"on\":\"breach\",\"priority\":\"urgent\",\"group\":\"tier2\"}]},\n"
	"{\"name\":\"standard\",\"calendar\":\"biz\",\n"
	" \"targets\":{\"normal\":{\"first_response\":\"1h\",\"next_response\":\"1h\",\"periodic_update\":\"2h\","
	"\"resolution\":\"4h\"},\"high\":{\"first_response\":\"30m\",\"resolution\":\"2h\"}}}]}\n";

static int64_t at(const char *s)
{
	cs_time t;
	if (cs_time_parse(s, strlen(s), &t) != 0)
		abort();
	return t.ms;
}

#define H (3600 * 1000LL)
#define M (60 * 1000LL)

static struct sla_result eval(const sla_policies *p, const char *priority, const char *tier,
			      const struct sla_event *e, size_t n, const char *now)
{
	struct sla_ticket t = {.priority = priority, .tier = tier};
	struct sla_result r;
	sla_evaluate(p, &t, e, n, at(now), &r);
	return r;
}

static void first_response(const sla_policies *p)
{
	struct sla_event e[] = {{at("2026-03-02T10:00:00Z"), SE_CREATED, "new", 1, 0, NULL},
				{at("2026-03-02T10:30:00Z"), SE_AGENT, NULL, 1, 0, NULL}};
	struct sla_result r = eval(p, "normal", NULL, e, 2, "2026-03-02T12:00:00Z");
	is_str(r.policy, "standard", "the first policy whose condition holds");
	is_int(r.m[SLA_FIRST_RESPONSE].state, SLA_MET, "replied in 30 minutes of 1h: met");
	is_int(r.m[SLA_FIRST_RESPONSE].elapsed_ms, 30 * M, "30 minutes counted");
	/* Friday 16:30 to Monday 09:45: 30 minutes Friday, 45 Monday = 75m > 1h, missed Monday 09:30 */
	struct sla_event late[] = {{at("2026-03-06T16:30:00Z"), SE_CREATED, "new", 1, 0, NULL}};
	r = eval(p, "normal", NULL, late, 1, "2026-03-09T09:45:00Z");
	is_int(r.m[SLA_FIRST_RESPONSE].state, SLA_BREACHED, "no reply over the weekend's business hours: breached");
	is_int(r.m[SLA_FIRST_RESPONSE].elapsed_ms, 75 * M, "the weekend does not count");
	is_int(r.m[SLA_FIRST_RESPONSE].breached_ms, at("2026-03-09T09:30:00Z"), "missed at Monday 09:30");
	r = eval(p, "normal", NULL, late, 1, "2026-03-06T16:50:00Z");
	is_int(r.m[SLA_FIRST_RESPONSE].state, SLA_ACTIVE, "still running");
	is_int(r.m[SLA_FIRST_RESPONSE].due_ms, at("2026-03-09T09:30:00Z"), "due Monday 09:30, not at night");
	struct sla_event note[] = {{at("2026-03-02T10:00:00Z"), SE_CREATED, "new", 1, 0, NULL},
				   {at("2026-03-02T10:10:00Z"), SE_AGENT, NULL, 0, 0, NULL}};
	r = eval(p, "normal", NULL, note, 2, "2026-03-02T10:20:00Z");
	is_int(r.m[SLA_FIRST_RESPONSE].state, SLA_ACTIVE, "an internal note is no reply");
}

static void resolution(const sla_policies *p)
{
	/* Mon 09:00 created; pending 10:00-14:00 (paused); open again; now 15:00: 1h + 1h = 2h of 4h */
	struct sla_event e[] = {{at("2026-03-02T09:00:00Z"), SE_CREATED, "new", 1, 0, NULL},
				{at("2026-03-02T10:00:00Z"), SE_STATUS, "pending", 1, 0, NULL},
				{at("2026-03-02T14:00:00Z"), SE_STATUS, "open", 1, 0, NULL},
				{at("2026-03-02T16:00:00Z"), SE_STATUS, "solved", 1, 0, NULL},
				{at("2026-03-03T09:00:00Z"), SE_STATUS, "open", 1, 0, NULL}};
	struct sla_result r = eval(p, "normal", NULL, e, 3, "2026-03-02T15:00:00Z");
	is_int(r.m[SLA_RESOLUTION].elapsed_ms, 2 * H, "pending time is not counted");
	is_int(r.m[SLA_RESOLUTION].state, SLA_ACTIVE, "running");
	is_int(r.m[SLA_RESOLUTION].due_ms, at("2026-03-02T17:00:00Z"), "due after 3h more from 14:00: 17:00");
	r = eval(p, "normal", NULL, e, 2, "2026-03-02T15:00:00Z");
	is_int(r.m[SLA_RESOLUTION].state, SLA_PAUSED, "paused while pending");
	is_int(r.m[SLA_RESOLUTION].elapsed_ms, 1 * H, "one hour before the pause");
	r = eval(p, "normal", NULL, e, 4, "2026-03-02T16:30:00Z");
	is_int(r.m[SLA_RESOLUTION].state, SLA_MET, "solved after 3h of 4h: met");
	r = eval(p, "normal", NULL, e, 5, "2026-03-03T10:30:00Z");
	is_int(r.m[SLA_RESOLUTION].elapsed_ms, 4 * H + 30 * M, "reopened: 3h before, 1h30 since reopening");
	is_int(r.m[SLA_RESOLUTION].state, SLA_BREACHED, "running again, past its 4h: breached");
	is_int(r.m[SLA_RESOLUTION].breached_ms, at("2026-03-03T10:00:00Z"), "missed an hour after reopening");
	/* a priority change keeps the time: high's 2h are reached at 15:00 (1h before pending, 1h after) */
	r = eval(p, "high", NULL, e, 3, "2026-03-02T15:00:00Z");
	is_int(r.m[SLA_RESOLUTION].elapsed_ms, 2 * H, "the same time counted under another priority");
	is_int(r.m[SLA_RESOLUTION].state, SLA_ACTIVE, "exactly 2h of 2h: due now, not yet missed");
	is_int(r.m[SLA_RESOLUTION].due_ms, at("2026-03-02T15:00:00Z"), "the deadline moved to 15:00");
	r = eval(p, "high", NULL, e, 3, "2026-03-02T15:30:00Z");
	is_int(r.m[SLA_RESOLUTION].state, SLA_BREACHED, "past 2h: breached");
	is_int(r.m[SLA_RESOLUTION].breached_ms, at("2026-03-02T15:00:00Z"), "missed when the second hour ended");
}

static void next_response(const sla_policies *p)
{
	/* first reply 09:10; customer 10:00 and 11:00 unanswered; agent 11:30: 1h30 from the oldest > 1h */
	struct sla_event e[] = {{at("2026-03-02T09:00:00Z"), SE_CREATED, "new", 1, 0, NULL},
				{at("2026-03-02T09:10:00Z"), SE_AGENT, NULL, 1, 0, NULL},
				{at("2026-03-02T10:00:00Z"), SE_CUSTOMER, NULL, 1, 0, NULL},
				{at("2026-03-02T11:00:00Z"), SE_CUSTOMER, NULL, 1, 0, NULL},
				{at("2026-03-02T11:30:00Z"), SE_AGENT, NULL, 1, 0, NULL},
				{at("2026-03-02T12:00:00Z"), SE_CUSTOMER, NULL, 1, 0, NULL}};
	struct sla_result r = eval(p, "normal", NULL, e, 5, "2026-03-02T11:40:00Z");
	is_int(r.m[SLA_NEXT_RESPONSE].state, SLA_BREACHED, "from the oldest unanswered message: 1h30 > 1h");
	is_int(r.m[SLA_NEXT_RESPONSE].elapsed_ms, 90 * M, "counted from 10:00, not 11:00");
	r = eval(p, "normal", NULL, e, 6, "2026-03-02T12:20:00Z");
	is_int(r.m[SLA_NEXT_RESPONSE].state, SLA_ACTIVE, "a new cycle");
	is_int(r.m[SLA_NEXT_RESPONSE].elapsed_ms, 20 * M, "20 minutes into it");
	is_int(r.m[SLA_NEXT_RESPONSE].misses, 1, "the missed cycle is counted");
	is_int(r.m[SLA_PERIODIC_UPDATE].elapsed_ms, 50 * M, "periodic update: since the last agent reply 11:30");
}

static void policies(const sla_policies *p)
{
	struct sla_event e[] = {{at("2026-03-02T09:00:00Z"), SE_CREATED, "new", 1, 0, NULL}};
	struct sla_result r = eval(p, "high", "gold", e, 1, "2026-03-02T09:20:00Z");
	is_str(r.policy, "vip", "a gold customer's ticket takes the vip policy");
	is_int(r.m[SLA_FIRST_RESPONSE].state, SLA_BREACHED, "15 minutes for vip: breached at 09:20");
	r = eval(p, "low", NULL, e, 1, "2026-03-02T09:20:00Z");
	is_int(r.m[SLA_FIRST_RESPONSE].state, SLA_NONE, "no target for low priority");
	cs_buf err = CS_BUF_INIT;
	const char bad_cal[] = "{\"policies\":[\n{\"name\":\"x\",\"calendar\":\"nope\",\"targets\":{}}]}";
	ok(!sla_policies_parse("p.json", bad_cal, sizeof bad_cal - 1, NULL, &err) && strstr(err.p, "p.json:2:") &&
		   strstr(err.p, "no calendar \"nope\""),
	   "an unknown calendar is an error with its line");
	cs_buf_reset(&err);
	const char bad_target[] = "{\"policies\":[{\"name\":\"x\",\"targets\":{\"high\":\n{\"resolution\":\"4 hours\"}}}]}";
	ok(!sla_policies_parse("p.json", bad_target, sizeof bad_target - 1, NULL, &err) && strstr(err.p, "p.json:2:"),
	   "a bad duration is an error with its line");
	cs_buf_free(&err);
}

static void alerts(const sla_policies *p)
{
	struct sla_event e[] = {{at("2026-03-02T09:00:00Z"), SE_CREATED, "new", 1, 0, NULL}};
	struct sla_alert a[SLA_ALERTS_MAX];
	/* standard, normal: first response 1h; at 09:50, 50m used >= 80% */
	struct sla_result r = eval(p, "normal", NULL, e, 1, "2026-03-02T09:50:00Z");
	size_t n = sla_alerts(p, &r, at("2026-03-02T09:50:00Z"), a);
	ok(n == 1 && a[0].metric == SLA_FIRST_RESPONSE && !a[0].breach && a[0].cycle_ms == at("2026-03-02T09:00:00Z"),
	   "a warning at 80%% of the first response target");
	r = eval(p, "normal", NULL, e, 1, "2026-03-02T10:10:00Z");
	n = sla_alerts(p, &r, at("2026-03-02T10:10:00Z"), a);
	ok(n == 1 && a[0].breach, "a breach past it (resolution: 70m of 4h, no warning yet)");
	r = eval(p, "normal", NULL, e, 1, "2026-03-02T20:00:00Z");
	is_int(sla_alerts(p, &r, at("2026-03-02T20:00:00Z"), a), 0, "nothing at night: the calendar is closed");
	r = eval(p, "high", "gold", e, 1, "2026-03-02T09:20:00Z");
	n = sla_alerts(p, &r, at("2026-03-02T09:20:00Z"), a);
	const struct sla_escalation *esc[4];
	ok(n >= 1 && a[0].breach && sla_escalations(p, &r, &a[0], esc, 4) == 1 && strcmp(esc[0]->priority, "urgent") == 0 &&
		   strcmp(esc[0]->group, "tier2") == 0,
	   "the vip policy escalates a missed first response to urgent, tier2");
}

int main(void)
{
	cs_buf err = CS_BUF_INIT;
	sla_policies *p = sla_policies_parse("policy.json", policy_text, sizeof policy_text - 1, NULL, &err);
	ok(p != NULL, "the policy file reads (%s)", err.p ? err.p : "");
	if (!p)
		return tap_done();
	first_response(p);
	resolution(p);
	next_response(p);
	policies(p);
	alerts(p);
	sla_policies_free(p);
	cs_buf_free(&err);
	return tap_done();
}
