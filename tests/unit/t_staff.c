/* t_staff: Erlang C staffing (eng_roi_staff): the worked check of issue 13
 * (10 Erlangs at 80/20 need 14 agents, 13 give 79.6%), Erlang B and C
 * against the factorial formulas in long double and against exact values
 * worked out independently (rational arithmetic), 1,000 and more agents,
 * N <= A, an ASA target, shrinkage, an occupancy cap, --target parsing, the
 * JSON and text of a result, and the measured mode run whole over metrics
 * and conversation records. */
#include "eng_roi_staff.h"
#include "fixture.h"
#include "run_fixture.h"
#include "tap.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const struct cs_staff_target SL_80_20 = {0.8, 20, 0, 0};

static int near(double got, double want, double tol)
{
	if (fabs(got - want) <= tol)
		return 1;
	printf("#   got %.12g, want %.12g\n", got, want);
	return 0;
}

/* P_w by the textbook formula, factorials and powers in long double. */
static long double erlang_c_factorial(int n, long double a)
{
	long double sum = 0, term = 1;   /* term = a^k / k! */
	for (int k = 0; k < n; k++) {
		sum += term;
		term = term * a / (k + 1);
	}
	long double top = term * n / (n - a);
	return top / (sum + top);
}

static long double erlang_b_factorial(int n, long double a)
{
	long double sum = 0, term = 1;
	for (int k = 0; k <= n; k++) {
		sum += term;
		if (k < n)
			term = term * a / (k + 1);
	}
	return term / sum;
}

static void test_worked_check(void)
{
	struct cs_staff_figures f;
	double a = 100.0 / 1800 * 180;
	ok(a == 10, "100 contacts per 30 minutes at 180 s AHT are 10 Erlangs");
	is_int(cs_staff_agents(a, 180, &SL_80_20, 100000, &f), 14, "10 Erlangs at 80/20 need 14 agents");
	ok(near(f.service_level, 0.888350019179, 1e-9), "14 agents answer 88.8%% within 20 s");
	ok(near(f.occupancy, 10.0 / 14, 1e-15), "occupancy of 14 agents is 10/14");
	ok(near(f.asa_s, 0.174131933595 * 180 / 4, 1e-9), "ASA = P_w AHT / (N - A)");
	is_int(cs_staff_figures_of(13, a, 180, 20, &f), 0, "13 agents: a stable queue");
	ok(near(f.service_level, 0.795594788418, 1e-9), "13 agents answer 79.6%% within 20 s");
	ok(round(f.service_level * 1000) == 796, "79.6%% to one decimal");
	ok(f.service_level < 0.8, "13 agents miss 80/20");
}

/* Exact values, worked out with rational arithmetic outside this code
 * (Python's fractions): P_w and SL at 20 s with a 180 s AHT. The first
 * agrees with published Erlang C tables (10 Erlangs, 11 agents: 68.2%). */
static void test_exact_values(void)
{
	static const struct {
		double a;
		long n;
		double pw, sl;
	} cases[] = {
		{2, 3, 0.4444444444444444, 0.6022936369713912},
		{10, 11, 0.6821182046893324, 0.3896138117291533},
		{10, 12, 0.44938822429827086, 0.6401580403740066},
		{10, 13, 0.28527045303649295, 0.7955947884177831},
		{10, 14, 0.17413193359504983, 0.8883500191794669},
		{10, 15, 0.10204236700798801, 0.9414528428690223},
		{10, 16, 0.057340330903371255, 0.9705604925032156},
		{50, 55, 0.38454731793292857, 0.7793646609005771},
		{50, 58, 0.19443182355505761, 0.9200666876707909},
		{50, 60, 0.11730205613220741, 0.961384985665828},
		{100, 105, 0.5157074268123087, 0.7041110997667386},
		{100, 110, 0.23700750028505274, 0.9219787928482804},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cs_staff_figures f;
		cs_staff_figures_of(cases[i].n, cases[i].a, 180, 20, &f);
		ok(near(f.wait_probability, cases[i].pw, 1e-12) && near(f.service_level, cases[i].sl, 1e-12),
		   "A=%g N=%ld: P_w %.4f, SL %.4f", cases[i].a, cases[i].n, cases[i].pw, cases[i].sl);
	}
	ok(near(cs_erlang_b(1, 3), 0.75, 1e-15), "Erlang B of one server: A / (1 + A)");
	struct cs_staff_figures f;
	cs_staff_figures_of(1, 0.6, 100, 0, &f);
	ok(near(f.wait_probability, 0.6, 1e-15), "M/M/1: P_w = rho");
	cs_staff_figures_of(2, 1.2, 100, 0, &f);
	ok(near(f.wait_probability, 2 * 0.36 / 1.6, 1e-15), "M/M/2: P_w = 2 rho^2 / (1 + rho)");
	ok(near(f.service_level, 1 - f.wait_probability, 1e-15), "SL(0) = 1 - P_w");
}

static void test_against_factorials(void)
{
	static const double loads[] = {0.5, 1, 2.5, 7, 10, 23.7, 60, 120};
	int bad_b = 0, bad_c = 0, checked = 0;
	for (size_t i = 0; i < sizeof loads / sizeof loads[0]; i++)
		for (int n = 1; n <= 150; n++) {
			double a = loads[i];
			double b = cs_erlang_b(n, a);
			long double want_b = erlang_b_factorial(n, a);
			if (fabsl(b - want_b) > 1e-12L * want_b)
				bad_b++;
			if (n <= a)
				continue;
			long double want_c = erlang_c_factorial(n, a);
			if (fabsl(cs_erlang_c_of_b(n, a, b) - want_c) > 1e-11L * want_c)
				bad_c++;
			checked++;
		}
	is_int(bad_b, 0, "Erlang B by recursion = the factorial formula (8 loads, N 1-150)");
	is_int(bad_c, 0, "Erlang C from B = the factorial formula (%d stable cases)", checked);
}

static void test_many_agents(void)
{
	struct cs_staff_figures f;
	long n = cs_staff_agents(1000, 300, &SL_80_20, 100000, &f);
	ok(n > 1000 && n < 1100, "1,000 Erlangs: %ld agents, a few above the load", n);
	ok(isfinite(f.service_level) && f.service_level >= 0.8 && f.service_level < 0.9, "... SL %.4f, finite",
	   f.service_level);
	struct cs_staff_figures below;
	cs_staff_figures_of(n - 1, 1000, 300, 20, &below);
	ok(below.service_level < 0.8, "... one fewer misses 80/20");
	double b = cs_erlang_b(5000, 4900);
	ok(isfinite(b) && b > 0 && b < 1, "Erlang B of 5,000 servers is finite (%g)", b);
	n = cs_staff_agents(50000, 180, &SL_80_20, 100000, &f);
	ok(n > 50000 && n < 50200 && isfinite(f.asa_s) && !isnan(f.wait_probability),
	   "50,000 Erlangs: %ld agents, no overflow or NaN", n);
}

static void test_unstable(void)
{
	struct cs_staff_figures f;
	is_int(cs_staff_figures_of(10, 10, 180, 20, &f), -1, "N = A: no stable queue");
	ok(f.service_level == 0 && f.wait_probability == 1 && isinf(f.asa_s), "... SL 0, everyone waits, ASA infinite");
	is_int(cs_staff_figures_of(5, 10, 180, 20, &f), -1, "N < A: no stable queue");
	is_int(cs_staff_agents(10, 180, &(struct cs_staff_target){0.01, 3600, 0, 0}, 1000, &f), 11,
	       "a target any stable queue meets: the first N above A");
	is_int(cs_staff_agents(10.5, 180, &(struct cs_staff_target){0.01, 3600, 0, 0}, 1000, &f), 11,
	       "A = 10.5: the first N above it is 11");
	is_int(cs_staff_agents(0, 180, &SL_80_20, 1000, &f), 0, "no load: no agents");
	ok(f.service_level == 1 && f.asa_s == 0 && f.occupancy == 0, "... SL 1, ASA 0, occupancy 0");
	is_int(cs_staff_agents(10, 180, &SL_80_20, 13, &f), -1, "more than --max-agents needed: -1");
	is_int(cs_staff_agents(10, 180, &SL_80_20, 14, &f), 14, "exactly --max-agents: found");
}

static void test_targets(void)
{
	struct cs_staff_figures f;
	struct cs_staff_target asa = {0, 20, 30, 0};
	is_int(cs_staff_agents(10, 180, &asa, 1000, &f), 13, "ASA at most 30 s: 13 agents (17.1 s; 12 give 40.4 s)");
	ok(near(f.asa_s, 17.1, 0.05), "... ASA %.2f s", f.asa_s);
	asa.max_asa_s = 5;
	is_int(cs_staff_agents(10, 180, &asa, 1000, &f), 15, "ASA at most 5 s: 15 agents (3.7 s; 14 give 7.8 s)");
	struct cs_staff_target both = {0.8, 20, 5, 0};
	is_int(cs_staff_agents(10, 180, &both, 1000, &f), 15, "80/20 and ASA 5 s: both must hold");
	struct cs_staff_target occ = {0.8, 20, 0, 0.85};
	long n = cs_staff_agents(100, 180, &SL_80_20, 1000, &f);
	long capped = cs_staff_agents(100, 180, &occ, 1000, &f);
	ok(n < 118 && capped == 118, "100 Erlangs: 80/20 needs %ld, occupancy at most 85%% needs 118", n);
	ok(f.occupancy <= 0.85, "... occupancy %.4f", f.occupancy);
	/* An exact hit counts: the target set to what 14 agents give */
	struct cs_staff_figures f14;
	cs_staff_figures_of(14, 10, 180, 20, &f14);
	struct cs_staff_target exact = {f14.service_level, 20, 0, 0};
	is_int(cs_staff_agents(10, 180, &exact, 1000, &f), 14, "SL equal to the target meets it");
	struct cs_staff_target longer = {0.8, 60, 0, 0};
	is_int(cs_staff_agents(10, 180, &longer, 1000, &f), 13, "80/60: 13 agents (12 give 76.9%%)");
}

static void test_rostered(void)
{
	is_int(cs_staff_rostered(14, 0.3), 20, "14 agents at 30%% shrinkage: 20 heads (not 20.000000000000004 up to 21)");
	is_int(cs_staff_rostered(14, 0.25), 19, "14 at 25%%: ceil(18.67) = 19");
	is_int(cs_staff_rostered(14, 0), 14, "no shrinkage: the agents");
	is_int(cs_staff_rostered(10, 0.35), 16, "10 at 35%%: ceil(15.38) = 16");
	is_int(cs_staff_rostered(0, 0.3), 0, "no agents, no heads");
	is_int(cs_staff_rostered(1000, 0.3), 1429, "1000 at 30%%: 1429");
}

static void test_parse_target(void)
{
	cs_buf err = CS_BUF_INIT;
	struct cs_staff_target t = SL_80_20;
	is_int(cs_staff_parse_target("90/30", &t, &err), 0, "90/30");
	ok(t.service_level == 0.9 && t.answer_s == 30, "... 90%% in 30 s");
	is_int(cs_staff_parse_target("85.5/1m", &t, &err), 0, "85.5/1m");
	ok(t.service_level == 0.855 && t.answer_s == 60, "... 85.5%% in 60 s");
	is_int(cs_staff_parse_target("80/20s", &t, &err), 0, "80/20s");
	is_int(cs_staff_parse_target("80/0", &t, &err), 0, "80/0: answered at once");
	static const char *const bad[] = {"80", "0/20", "100/20", "-5/20", "80/", "80/x", "x/20", "80 /20", "80/-1",
					  "nan/20", "80/2d"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = cs_staff_parse_target(bad[i], &t, &err);
		ok(rc == -1 && err.len > 0, "'%s' refused: %s", bad[i], err.p);
	}
	cs_buf_free(&err);
}

static void test_check_opts(void)
{
	cs_buf err = CS_BUF_INIT;
	struct cs_staff_opts o;
	cs_staff_opts_init(&o);
	is_int(cs_staff_check(&o, 2, &err), 0, "no --volume: records from files");
	o.volume = 100;
	is_int(cs_staff_check(&o, 0, &err), -1, "--volume without --aht");
	ok(strstr(err.p, "--aht") != NULL, "... names --aht: %s", err.p);
	o.aht_s = 180;
	is_int(cs_staff_check(&o, 1, &err), -1, "--volume with a file");
	is_int(cs_staff_check(&o, 0, &err), 0, "--volume --aht");
	o.target.max_asa_s = 30;
	cs_staff_check(&o, 0, &err);
	ok(o.target.service_level == 0, "--target-asa alone: no service-level target");
	cs_staff_opts_init(&o);
	o.target_set = 1;
	o.target.max_asa_s = 30;
	cs_staff_check(&o, 0, &err);
	ok(o.target.service_level == 0.8, "--target and --target-asa: both");
	is_int(cs_staff_parse_by("channel,route.team", &o, &err), 0, "--by channel,route.team");
	ok(o.nby == 2 && strcmp(o.by[1], "route.team") == 0, "... two fields");
	is_int(cs_staff_parse_by("channel,channel", &o, &err), -1, "a field twice");
	is_int(cs_staff_parse_by(",", &o, &err), -1, "no field");
	cs_buf_free(&err);
}

static void test_output(void)
{
	struct cs_staff_opts o;
	struct cs_staff_result r = {0};
	cs_buf out = CS_BUF_INIT;
	cs_staff_opts_init(&o);
	r.volume = 100;
	r.interval_s = 1800;
	r.aht_s = 180;
	cs_staff_solve(&o, &r);
	cs_staff_json(&o, &r, &out);
	is_str(out.p, "{\"kind\":\"staffing\",\"model\":\"erlang_c\",\"volume\":100,\"interval_s\":1800,\"aht_s\":180,"
		      "\"aht_source\":\"given\",\"erlangs\":10,\"target\":{\"service_level\":0.8,\"answer_s\":20},"
		      "\"agents\":14,\"rostered\":20,\"shrinkage\":0.3,\"service_level\":0.88835,\"asa_s\":7.835937,"
		      "\"occupancy\":0.714286,\"wait_probability\":0.174132}",
	       "the worked check as JSON");
	cs_buf_reset(&out);
	cs_staff_text(&o, &r, &out);
	ok(strstr(out.p, "     13          79.6%     17.1 s      76.9%\n") != NULL, "the table shows 13 agents at 79.6%%");
	ok(strstr(out.p, "14 agents (rostered 20 with 30% shrinkage): 88.8% answered in 20 s, ASA 7.8 s, "
			 "occupancy 71.4%\n") != NULL, "the verdict line");
	cs_buf_free(&out);
}

/* ---- the measured mode, run whole ---- */

static void *make_staff(const struct cs_common *c, const void *opts, struct cs_engine *e)
{
	return cs_staff_new(c, opts, e);
}

static void free_staff(void *s) { cs_staff_free(s); }

/* Run the engine over input (written to name); its output, to free(). */
static char *run_staff(const struct cs_staff_opts *o, const char *name, const char *input, int *status)
{
	char out[64];
	size_t n;
	if (input)
		write_str(name, input);
	snprintf(out, sizeof out, "%s.out", name);
	*status = fixture_run("t_staff", make_staff, free_staff, o, out, name);
	return read_all(out, &n);
}

static const char METRICS[] =
	"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-03-02T09:00:00Z\",\"to\":\"2026-03-02T09:30:00Z\"},"
	"\"group\":{\"channel\":\"chat\"},\"counts\":{\"contacts\":60,\"handled\":50},\"sums\":{\"handle_s\":9000}}\n"
	"{\"kind\":\"message\",\"text\":\"left out\"}\n"
	"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-03-02T09:00:00Z\",\"to\":\"2026-03-02T09:30:00Z\"},"
	"\"group\":{\"channel\":\"chat\"},\"counts\":{\"contacts\":40,\"handled\":40},\"sums\":{\"handle_s\":7200}}\n"
	"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-03-02T08:45:00Z\",\"to\":\"2026-03-02T09:00:00Z\"},"
	"\"group\":{\"channel\":\"chat\"},\"counts\":{\"contacts\":3,\"handled\":0}}\n";

static void test_measured_metrics(void)
{
	/* Two shards of the same window and group add up: 100 contacts, 90
	 * handled in 16200 s (AHT 180 s) over 30 minutes: the worked check. */
	struct cs_staff_opts o;
	int status;
	cs_staff_opts_init(&o);
	o.json = 1;
	char *got = run_staff(&o, "m.ndjson", METRICS, &status);
	is_int(status, 0, "metrics: exit 0");
	is_str(got,
	       "{\"kind\":\"staffing\",\"model\":\"erlang_c\",\"window\":{\"from\":\"2026-03-02T08:45:00Z\",\"to\":\"2026-03-02T09:00:00Z\"},"
	       "\"group\":{\"channel\":\"chat\"},\"volume\":3,\"interval_s\":900,\"aht_s\":null,\"aht_source\":\"measured\","
	       "\"handled\":0,\"erlangs\":null,\"target\":{\"service_level\":0.8,\"answer_s\":20},\"agents\":null,"
	       "\"reason\":\"no handled contacts to measure AHT from (give --aht)\"}\n"
	       "{\"kind\":\"staffing\",\"model\":\"erlang_c\",\"window\":{\"from\":\"2026-03-02T09:00:00Z\",\"to\":\"2026-03-02T09:30:00Z\"},"
	       "\"group\":{\"channel\":\"chat\"},\"volume\":100,\"interval_s\":1800,\"aht_s\":180,\"aht_source\":\"measured\","
	       "\"handled\":90,\"erlangs\":10,\"target\":{\"service_level\":0.8,\"answer_s\":20},\"agents\":14,\"rostered\":20,"
	       "\"shrinkage\":0.3,\"service_level\":0.88835,\"asa_s\":7.835937,\"occupancy\":0.714286,\"wait_probability\":0.174132}\n",
	       "shards of a window added; a window without handle time says so");
	ok(strstr(errtext(), "1 window without handle time to measure AHT from") != NULL, "... and a notice");
	free(got);
	o.aht_s = 180;
	o.json = 0;
	got = run_staff(&o, "m.ndjson", NULL, &status);
	is_int(status, 0, "metrics with --aht, as text: exit 0");
	ok(strstr(got, "2026-03-02T09:00:00Z 30m {\"channel\":\"chat\"}: 100 contacts, AHT 180 s (given), 10 Erlangs: "
		       "14 agents (rostered 20 with 30% shrinkage): 88.8% answered in 20 s") != NULL,
	   "one line per window and group");
	ok(strstr(got, "08:45:00Z 15m {\"channel\":\"chat\"}: 3 contacts, AHT 180 s (given), 0.6 Erlangs: 2 agents") != NULL,
	   "--aht fills in the window without handle time");
	free(got);
}

static void test_measured_conversations(void)
{
	/* 09:00-09:15: two chats, handle 120 s and 240 s (ended less the first
	 * agent reply); a third no agent answered (a contact, no handle time).
	 * 09:15-09:30: one mail. */
	static const char conversations[] =
		"{\"kind\":\"conversation\",\"id\":\"c1\",\"channel\":\"chat\",\"started\":\"2026-03-02T09:01:00Z\","
		"\"ended\":\"2026-03-02T09:04:00Z\",\"messages\":[{\"role\":\"customer\",\"ts\":\"2026-03-02T09:01:00Z\"},"
		"{\"role\":\"agent\",\"ts\":\"2026-03-02T09:02:00Z\"}]}\n"
		"{\"kind\":\"conversation\",\"id\":\"c2\",\"channel\":\"chat\",\"started\":\"2026-03-02T09:14:59Z\","
		"\"ended\":\"2026-03-02T09:20:00Z\",\"messages\":[{\"role\":\"agent\",\"ts\":\"2026-03-02T09:17:00Z\"},"
		"{\"role\":\"agent\",\"ts\":\"2026-03-02T09:16:00Z\"}]}\n"
		"{\"kind\":\"conversation\",\"id\":\"c3\",\"channel\":\"chat\",\"started\":\"2026-03-02T09:05:00Z\","
		"\"messages\":[{\"role\":\"bot\",\"ts\":\"2026-03-02T09:05:01Z\"}]}\n"
		"{\"kind\":\"conversation\",\"id\":\"c4\",\"channel\":\"email\",\"started\":\"2026-03-02T09:15:00Z\","
		"\"ended\":\"2026-03-02T09:25:00Z\",\"messages\":[{\"role\":\"agent\",\"ts\":\"2026-03-02T09:20:00Z\"}]}\n";
	struct cs_staff_opts o;
	int status;
	cs_staff_opts_init(&o);
	o.json = 1;
	char *got = run_staff(&o, "c.ndjson", conversations, &status);
	is_int(status, 0, "conversations: exit 0");
	ok(strstr(got, "\"window\":{\"from\":\"2026-03-02T09:00:00Z\",\"to\":\"2026-03-02T09:15:00Z\"},\"group\":{\"channel\":\"chat\"},"
		       "\"volume\":3,\"interval_s\":900,\"aht_s\":180,\"aht_source\":\"measured\",\"handled\":2,\"erlangs\":0.6,") != NULL,
	   "chat 09:00: 3 contacts, AHT (120 + 240) / 2 = 180 s, 0.6 Erlangs");
	ok(strstr(got, "\"window\":{\"from\":\"2026-03-02T09:15:00Z\",\"to\":\"2026-03-02T09:30:00Z\"},\"group\":{\"channel\":\"email\"},"
		       "\"volume\":1,\"interval_s\":900,\"aht_s\":300,") != NULL,
	   "email 09:15: 1 contact, AHT 300 s");
	ok(strstr(errtext(), "1 conversation without an agent reply") != NULL, "the unanswered one is told");
	free(got);
	static const struct {
		const char *record, *why;
	} bad[] = {
		{"{\"kind\":\"metrics\",\"window\":{\"from\":\"2026-03-02T09:00:00Z\",\"to\":\"2026-03-02T09:15:00Z\"},"
		 "\"counts\":{\"contacts\":5},\"sums\":{\"handle_s\":-3}}\n",
		 "neg.ndjson:1: sums.handle_s is not a number from 0 up"},
		{"{\"kind\":\"metrics\",\"window\":{\"from\":\"2026-03-02T09:00:00Z\",\"to\":\"2026-03-02T09:15:00Z\"},"
		 "\"counts\":{\"contacts\":1e999}}\n",
		 "neg.ndjson:1: counts.contacts is not a number from 0 up"},
		{"{\"kind\":\"metrics\",\"window\":{\"from\":\"2026-03-02T09:00:00Z\",\"to\":\"2026-03-02T09:00:00Z\"},"
		 "\"counts\":{\"contacts\":1}}\n",
		 "neg.ndjson:1: metrics record without a window (from before to)"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		got = run_staff(&o, "neg.ndjson", bad[i].record, &status);
		ok(status == 1 && strstr(errtext(), bad[i].why), "exit 1: %s", bad[i].why);
		free(got);
	}
	o.json = 1;
	got = run_staff(&o, "zero.ndjson",
			"{\"kind\":\"metrics\",\"window\":{\"from\":\"2026-03-02T09:00:00Z\",\"to\":\"2026-03-02T09:15:00Z\"},"
			"\"counts\":{\"contacts\":2,\"handled\":2},\"sums\":{\"handle_s\":0}}\n", &status);
	ok(strstr(got, "\"reason\":\"no handle time to measure AHT from (give --aht)\"") != NULL,
	   "handled contacts without handle time: no AHT");
	free(got);
	got = run_staff(&o, "bad.ndjson", "{\"kind\":\"conversation\",\"started\":\"yesterday\"}\n", &status);
	is_int(status, 1, "a start that is not a time: exit 1");
	ok(strstr(errtext(), "bad.ndjson:1: started is not a time") != NULL, "... said with file and line");
	free(got);
}

static void test_actual(void)
{
	/* 13 agents on duty for the worked check's window (23400 agent-seconds
	 * in 30 minutes, in two shards): one short, 79.6%. Conversations: the
	 * distinct authors of agent messages, 2 for a load of 0.6. */
	static const char metrics[] =
		"{\"kind\":\"metrics\",\"window\":{\"from\":\"2026-03-02T09:00:00Z\",\"to\":\"2026-03-02T09:30:00Z\"},"
		"\"group\":{},\"counts\":{\"contacts\":100,\"handled\":100},\"sums\":{\"handle_s\":18000,\"staffed_s\":12000}}\n"
		"{\"kind\":\"metrics\",\"window\":{\"from\":\"2026-03-02T09:00:00Z\",\"to\":\"2026-03-02T09:30:00Z\"},"
		"\"group\":{},\"counts\":{\"contacts\":0},\"sums\":{\"staffed_s\":11400}}\n"
		"{\"kind\":\"metrics\",\"window\":{\"from\":\"2026-03-02T09:30:00Z\",\"to\":\"2026-03-02T10:00:00Z\"},"
		"\"group\":{},\"counts\":{\"contacts\":100,\"handled\":100},\"sums\":{\"handle_s\":18000,\"staffed_s\":16200}}\n"
		"{\"kind\":\"metrics\",\"window\":{\"from\":\"2026-03-02T10:00:00Z\",\"to\":\"2026-03-02T10:30:00Z\"},"
		"\"group\":{},\"counts\":{\"contacts\":100,\"handled\":100},\"sums\":{\"handle_s\":18000}}\n";
	struct cs_staff_opts o;
	int status;
	cs_staff_opts_init(&o);
	o.json = 1;
	o.actual = 1;
	char *got = run_staff(&o, "a.ndjson", metrics, &status);
	is_int(status, 0, "--actual over metrics: exit 0");
	ok(strstr(got, "\"agents\":14,\"rostered\":20,\"shrinkage\":0.3,\"service_level\":0.88835,\"asa_s\":7.835937,"
		       "\"occupancy\":0.714286,\"wait_probability\":0.174132,\"actual\":{\"agents\":13,\"source\":\"staffed_s\","
		       "\"gap\":-1,\"stable\":true,\"service_level\":0.795595,\"asa_s\":17.116227,\"occupancy\":0.769231}}\n") != NULL,
	   "13 on duty (shards added): one short, 79.6%%");
	ok(strstr(got, "\"actual\":{\"agents\":9,\"source\":\"staffed_s\",\"gap\":-5,\"stable\":false}}\n") != NULL,
	   "9 on duty for 10 Erlangs: no stable queue");
	ok(strstr(got, "\"actual\":null}\n") != NULL, "no staffed_s: actual null");
	free(got);
	o.json = 0;
	got = run_staff(&o, "a.ndjson", NULL, &status);
	ok(strstr(got, "; on duty 13: 79.6%, ASA 17.1 s (1 short)\n") != NULL, "as text: 1 short");
	ok(strstr(got, "; on duty 9: fewer than the load, the queue grows (5 short)\n") != NULL, "as text: the queue grows");
	ok(strstr(got, "; on duty: unknown\n") != NULL, "as text: unknown");
	free(got);
	static const char conversations[] =
		"{\"kind\":\"conversation\",\"channel\":\"chat\",\"started\":\"2026-03-02T09:01:00Z\",\"ended\":\"2026-03-02T09:04:00Z\","
		"\"messages\":[{\"role\":\"agent\",\"author\":\"ann\",\"ts\":\"2026-03-02T09:02:00Z\"},"
		"{\"role\":\"agent\",\"author\":\"bob\",\"ts\":\"2026-03-02T09:03:00Z\"}]}\n"
		"{\"kind\":\"conversation\",\"channel\":\"chat\",\"started\":\"2026-03-02T09:05:00Z\",\"ended\":\"2026-03-02T09:09:00Z\","
		"\"messages\":[{\"role\":\"agent\",\"author\":\"ann\",\"ts\":\"2026-03-02T09:06:00Z\"},"
		"{\"role\":\"customer\",\"author\":\"cat\",\"ts\":\"2026-03-02T09:07:00Z\"}]}\n"
		"{\"kind\":\"conversation\",\"channel\":\"chat\",\"started\":\"2026-03-02T09:20:00Z\",\"ended\":\"2026-03-02T09:24:00Z\","
		"\"messages\":[{\"role\":\"agent\",\"author\":\"ann\",\"ts\":\"2026-03-02T09:21:00Z\"}]}\n";
	got = run_staff(&o, "huge.ndjson",
			"{\"kind\":\"metrics\",\"window\":{\"from\":\"2026-03-02T09:00:00Z\",\"to\":\"2026-03-02T09:30:00Z\"},"
			"\"counts\":{\"contacts\":100,\"handled\":1e300},\"sums\":{\"handle_s\":1.8e302,\"staffed_s\":1e308}}\n",
			&status);
	ok(status == 0 && strstr(got, "AHT 180 s, 10 Erlangs: 14 agents") && strstr(got, "; on duty 55555555555555"),
	   "1e308 agent-seconds on duty, 1e300 handled: no overflow, no endless loop");
	free(got);
	o.json = 1;
	got = run_staff(&o, "huge.ndjson", NULL, &status);
	ok(status == 0 && strstr(got, "\"handled\":1e+300,") && strstr(got, "\"actual\":{\"agents\":5.555555555555556e+304,"
									   "\"source\":\"staffed_s\",\"gap\":5.555555555555556e+304,\"stable\":true,"
									   "\"service_level\":1,\"asa_s\":0,"),
	   "... the same as JSON: P_w 0 in the limit");
	free(got);
	got = run_staff(&o, "ac.ndjson", conversations, &status);
	ok(strstr(got, "\"to\":\"2026-03-02T09:15:00Z\"}") && strstr(got, "\"actual\":{\"agents\":2,\"source\":\"authors\","
									  "\"gap\":0,\"stable\":true,"),
	   "09:00: ann and bob on duty, the 2 needed for 0.33 Erlangs at 80/20");
	ok(strstr(got, "\"actual\":{\"agents\":1,\"source\":\"authors\",\"gap\":0,"), "09:15: ann again, counted in this window too");
	free(got);
}

int main(void)
{
	fixture_enter("t_staff");
	test_worked_check();
	test_exact_values();
	test_against_factorials();
	test_many_agents();
	test_unstable();
	test_targets();
	test_rostered();
	test_parse_target();
	test_check_opts();
	test_output();
	test_measured_metrics();
	test_measured_conversations();
	test_actual();
	fixture_leave();
	return tap_done();
}
