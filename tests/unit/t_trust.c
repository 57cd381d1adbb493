/* t_trust: cs-signals trust (eng_signals_trust.c): segments, days in a
 * zone, the kpi arithmetic, --min-group, merging shards and the anomaly
 * rule. Expected figures are worked out by hand in the comments. */
#include "eng_signals_trust.h"
#include "kit_jval.h"
#include "kit_msg.h"
#include "kit_time.h"
#include "tap.h"
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>

static int near(double got, double want)
{
	if (fabs(got - want) < 1e-6)
		return 1;
	printf("#   got %.9f, want %.9f\n", got, want);
	return 0;
}

static void put_buf(void *sink, const char *line, size_t n)
{
	cs_buf_add(sink, line, n);
	cs_buf_addc(sink, '\n');
}

/* A record into t; 0, or -1 (the reason printed). */
__attribute__((format(printf, 2, 3))) static int add(cs_trust *t, const char *fmt, ...)
{
	char line[2048];
	cs_buf why = CS_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	int rc = cs_trust_add(t, line, (size_t)n, &why);
	if (rc)
		printf("# bad: %s\n", why.p);
	cs_buf_free(&why);
	return rc;
}

/* The output of t, freed after; lines in out. */
static void output(cs_trust *t, cs_buf *out)
{
	cs_buf_reset(out);
	cs_trust_write(t, put_buf, out);
	cs_trust_free(t);
}

static cs_trust *trust(struct cs_trust_opts *o) { return cs_trust_new(NULL, o, NULL); }

/* How many lines of out hold s. */
static int count_of(const char *out, const char *s)
{
	int n = 0;
	for (const char *p = out; (p = strstr(p, s)); p += strlen(s))
		n++;
	return n;
}

/* The n-th line (0-based) of out holding s, into line. */
static const char *line_with(const char *out, const char *s, int nth, cs_buf *line)
{
	const char *p = out;
	cs_buf_reset(line);
	for (;;) {
		const char *e = strchr(p, '\n');
		if (!e)
			return NULL;
		if (memmem(p, (size_t)(e - p), s, strlen(s)) && nth-- == 0) {
			cs_buf_add(line, p, (size_t)(e - p));
			return line->p;
		}
		p = e + 1;
	}
}

static double num(const char *line, const char *path)
{
	cs_jval v = cs_jpath(cs_jval_of(line, strlen(line)), path);
	return v.t == CS_J_NUMBER ? strtod(v.p, NULL) : NAN;
}

static const char *text(const char *line, const char *path, cs_buf *b)
{
	return cs_jtext(cs_jpath(cs_jval_of(line, strlen(line)), path), b);
}

/* err after a refused --by s: its text ("" when it was taken). */
static const char *by_error(struct cs_trust_opts *o, const char *s, cs_buf *err)
{
	return cs_trust_parse_by(s, o, err) < 0 ? err->p : "";
}

/* why a record was refused ("" when it was taken). */
static const char *refusal(cs_trust *t, const char *rec, cs_buf *why)
{
	return cs_trust_add(t, rec, strlen(rec), why) < 0 ? why->p : "";
}

static void test_options(void)
{
	struct cs_trust_opts o;
	cs_buf err = CS_BUF_INIT;
	const char *msg;
	cs_trust_opts_init(&o);
	is_int(o.nby, 2, "--by defaults to channel,handled_by");
	ok(cs_trust_parse_by("handled_by,product,intent,channel", &o, &err) == 0 && o.nby == 4 &&
	   o.by[0] == CS_TRUST_HANDLED_BY && o.by[3] == CS_TRUST_CHANNEL, "--by keeps the order given");
	msg = by_error(&o, "channel,channel", &err);
	ok(strstr(msg, "'channel' is given twice") != NULL, "twice: %s", msg);
	msg = by_error(&o, "team", &err);
	ok(strstr(msg, "'team' is not channel") != NULL, "unknown: %s", msg);
	msg = by_error(&o, "", &err);
	ok(strstr(msg, "empty") != NULL, "empty: %s", msg);
	msg = by_error(&o, "channel,", &err);
	ok(strstr(msg, "empty") != NULL, "trailing comma: %s", msg);
	is_int(o.nby, 4, "a refused --by leaves the options as they were");

	double w[4] = {1, 1, 1, 1};
	ok(cs_trust_parse_weights("fcr=2,effort=0.5", w, &err) == 0 && w[0] == 2 && w[1] == 1 && w[2] == 1 && w[3] == 0.5,
	   "named weights set, the others kept");
	ok(cs_trust_parse_weights("fcr=1,repeat=1,negative=1,effort=1", w, &err) == 0 && w[3] == 1, "the documented form");
	static const char *const bad[][2] = {
		{"fcr", "'fcr' is not name=weight"}, {"speed=1", "'speed' is not fcr, repeat"},
		{"fcr=1,fcr=2", "fcr is given twice"}, {"fcr=x", "fcr: 'x' is not a number from 0 to 1000"},
		{"fcr=-1", "'-1' is not a number"}, {"fcr=1e3", "'1e3' is not a number"}, {"fcr=1001", "'1001' is not"},
		{"fcr=", "'' is not a number"}, {"fcr=1.2.3", "is not a number"}, {"fcr= 1", "' 1' is not"},
		{"", "an empty item"}, {"fcr=1,,repeat=1", "an empty item"},
		{"fcr=0,repeat=0,negative=0,effort=0", "every weight is 0"}, {"nan=1", "'nan' is not"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		double keep[4] = {1, 2, 3, 4};
		msg = cs_trust_parse_weights(bad[i][0], keep, &err) < 0 ? err.p : "";
		ok(strstr(msg, bad[i][1]) && keep[0] == 1 && keep[3] == 4, "--weights '%s' refused (%s), weights unchanged",
		   bad[i][0], msg);
	}
	cs_buf_free(&err);
}

static void test_kpi(void)
{
	struct cs_trust_counts c = {.contacts = 12, .customers = 11, .with_signals = 10, .resolved_first_contact = 6,
				    .repeat_contacts = 2, .sentiment_scored = 5, .negative_sentiment = 1,
				    .ces_responses = 4, .ces_easy = 3, .ces_hard = 1, .ces_score = 22};
	double w[4] = {1, 1, 1, 1};
	struct cs_trust_kpi k;
	cs_trust_kpi_of(&c, w, &k);
	ok(near(k.rate[CS_TRUST_FCR], 0.6) && near(k.rate[CS_TRUST_REPEAT], 0.2) && near(k.rate[CS_TRUST_NEGATIVE], 0.2) &&
	   near(k.rate[CS_TRUST_EFFORT], 0.75), "rates: 6/10, 2/10, 1/5, 3/4");
	ok(near(k.trust, 73.75) && k.used == 15, "trust = 100 (0.6 + 0.8 + 0.8 + 0.75) / 4 = 73.75");
	w[0] = 2;
	w[3] = 0;
	cs_trust_kpi_of(&c, w, &k);
	ok(near(k.trust, 70) && k.used == 7 && k.have == 15, "fcr=2, effort=0: 100 (1.2 + 0.8 + 0.8) / 4 = 70");
	w[0] = 1;
	w[3] = 1;
	c.ces_responses = c.ces_easy = 0;
	cs_trust_kpi_of(&c, w, &k);
	ok(near(k.trust, 220.0 / 3) && k.have == 7, "no CES: effort left out, 100 (0.6 + 0.8 + 0.8) / 3");
	c = (struct cs_trust_counts){.contacts = 3};
	cs_trust_kpi_of(&c, w, &k);
	ok(k.trust < 0 && k.have == 0, "no inputs at all: no score");

	double p[] = {1, 2, 3, 4, 100}, med;
	ok(near(cs_trust_robust_z(10, p, 5, 0.5, &med), 7 / 1.4826) && near(med, 3),
	   "robust z: median 3, MAD 1, (10 - 3) / 1.4826");
	double flat[] = {5, 5, 5, 5};
	ok(near(cs_trust_robust_z(6, flat, 4, 0.5, &med), 2), "a flat history: the floor 0.5 is the scale");
}

/* A conversation: its id, customer, channel, started (RFC 3339), status,
 * signals (0 none, 1 not a repeat, 2 a repeat), roles JSON, extra members. */
static int conv(cs_trust *t, const char *id, const char *cust, const char *channel, const char *started,
		const char *status, int signals, const char *roles, const char *extra)
{
	return add(t, "{\"kind\":\"conversation\",\"id\":\"%s\",\"channel\":\"%s\",\"customer\":{\"id\":\"%s\"},"
		   "\"started\":\"%s\",\"status\":\"%s\"%s,\"messages\":%s%s}", id, channel, cust, started, status,
		   signals == 0 ? "" : signals == 1 ? ",\"signals\":{\"repeat_contact\":false,\"types\":[]}"
						 : ",\"signals\":{\"repeat_contact\":true,\"types\":[\"repeat_contact\"]}",
		   roles, extra);
}

static void test_segments(void)
{
	struct cs_trust_opts o;
	cs_buf err = CS_BUF_INIT, out = CS_BUF_INIT, line = CS_BUF_INIT, b = CS_BUF_INIT;
	cs_trust_opts_init(&o);
	o.min_group = 1;
	cs_trust_parse_by("channel,intent,product,handled_by", &o, &err);
	cs_trust *t = trust(&o);
	conv(t, "c1", "u1", "chat", "2026-03-02T10:00:00Z", "solved", 1,
	     "[{\"role\":\"customer\"},{\"role\":\"bot\"},{\"role\":\"agent\"}]",
	     ",\"route\":{\"intent\":\"refund\"},\"product\":\"shoes\"");
	conv(t, "c2", "u2", "chat", "2026-03-02T11:00:00Z", "open", 1, "[{\"role\":\"customer\"},{\"role\":\"bot\"}]",
	     ",\"props\":{\"product\":\"hats\"}");
	conv(t, "c3", "u3", "email", "2026-03-02T12:00:00Z", "open", 1, "[{\"role\":\"customer\"}]", "");
	conv(t, "c4", "u4", "email", "2026-03-02T12:30:00Z", "open", 1, "[]", ",\"route\":{\"intent\":\"\"}");
	add(t, "{\"kind\":\"event\",\"type\":\"survey\",\"ts\":\"2026-03-03T09:00:00Z\",\"customer\":{\"id\":\"u9\"},"
	       "\"survey\":{\"metric\":\"ces\",\"score\":5},\"props\":{\"conversation_id\":\"c99\",\"channel\":\"email\","
	       "\"intent\":\"refund\"}}");
	add(t, "{\"kind\":\"ticket\",\"id\":\"T-1\"}");
	add(t, "{\"kind\":\"signal\",\"type\":\"rage_click\"}");
	output(t, &out);
	is_int(count_of(out.p, "\"kind\":\"metrics\""), 4, "four segment-days (c3 and c4 share one)");
	ok(line_with(out.p, "\"day\":\"2026-03-03\"", 0, &line) &&
	   count_of(line.p, "\"group\":{\"channel\":\"email\",\"intent\":\"refund\",\"product\":\"unknown\","
			    "\"handled_by\":\"unknown\"}") && num(line.p, "counts.ces_responses") == 1 &&
	   num(line.p, "counts.customers") == 1 && num(line.p, "counts.contacts") == 0,
	   "a survey whose conversation is not in the input: its own day, the segment its props tell");
	ok(count_of(out.p, "\"group\":{\"channel\":\"chat\",\"intent\":\"refund\",\"product\":\"shoes\",\"handled_by\":\"human\"}"),
	   "an agent message: human, whatever the bot did; route.intent; product");
	ok(count_of(out.p, "\"group\":{\"channel\":\"chat\",\"intent\":\"unknown\",\"product\":\"hats\",\"handled_by\":\"bot\"}"),
	   "a bot and no agent: bot; props.product; no route: intent unknown");
	ok(line_with(out.p, "\"handled_by\":\"none\"", 0, &line) && num(line.p, "counts.contacts") == 2 &&
	   count_of(line.p, "\"channel\":\"email\",\"intent\":\"unknown\",\"product\":\"unknown\""),
	   "customer messages only, or none: none; an empty intent is unknown");
	ok(strstr(out.p, "{\"kind\":\"metrics\",\"type\":\"signals.trust\",\"id\":\"trust-2026-03-02-") == out.p,
	   "metrics records of type signals.trust, ids by day and group");

	/* default --by, and the kpi fields of one record, worked out by hand */
	cs_trust_opts_init(&o);
	o.min_group = 2;
	t = trust(&o);
	conv(t, "c1", "u1", "chat", "2026-03-02T10:00:00Z", "solved", 1, "[{\"role\":\"agent\"}]",
	     ",\"qa\":{\"sentiment\":{\"customer\":{\"start\":0,\"end\":-0.05,\"mean\":0.2}}}");
	conv(t, "c2", "u1", "chat", "2026-03-02T11:00:00Z", "solved", 2, "[{\"role\":\"agent\"}]",
	     ",\"qa\":{\"sentiment\":{\"customer\":{\"end\":0.1,\"mean\":-0.3}}}");
	conv(t, "c3", "u2", "chat", "2026-03-02T12:00:00Z", "closed", 1, "[{\"role\":\"agent\"}]",
	     ",\"qa\":{\"sentiment\":{\"customer\":{\"end\":-0.04,\"mean\":0}}}");
	conv(t, "c4", "u3", "chat", "2026-03-02T13:00:00Z", "open", 0, "[{\"role\":\"agent\"}]", "");
	add(t, "{\"kind\":\"event\",\"type\":\"survey\",\"ts\":\"2026-03-04T09:00:00Z\",\"customer\":{\"id\":\"u1\"},"
	       "\"survey\":{\"metric\":\"ces\",\"score\":6},\"props\":{\"conversation_id\":\"c1\"}}");
	add(t, "{\"kind\":\"event\",\"type\":\"survey\",\"ts\":\"2026-03-02T14:00:00Z\",\"customer\":{\"id\":\"u3\"},"
	       "\"survey\":{\"metric\":\"ces\",\"score\":3},\"props\":{\"conversation_id\":\"c4\"}}");
	add(t, "{\"kind\":\"event\",\"type\":\"survey\",\"ts\":\"2026-03-02T14:00:00Z\",\"customer\":{\"id\":\"u2\"},"
	       "\"survey\":{\"metric\":\"csat\",\"score\":5},\"props\":{\"conversation_id\":\"c3\"}}");
	add(t, "{\"kind\":\"event\",\"type\":\"survey\",\"ts\":\"2026-03-02T14:00:00Z\",\"customer\":{\"id\":\"u2\"},"
	       "\"survey\":{\"metric\":\"ces\",\"score\":9},\"props\":{\"conversation_id\":\"c3\"}}");
	output(t, &out);
	is_str(out.p,
	       "{\"kind\":\"metrics\",\"type\":\"signals.trust\",\"id\":\"trust-2026-03-02-b5c4b0c400f60cf5\","
	       "\"window\":{\"from\":\"2026-03-02T00:00:00Z\",\"to\":\"2026-03-03T00:00:00Z\"},\"day\":\"2026-03-02\","
	       "\"group\":{\"channel\":\"chat\",\"handled_by\":\"human\"},\"counts\":{\"contacts\":4,\"customers\":3,"
	       "\"with_signals\":3,\"resolved_first_contact\":2,\"repeat_contacts\":1,\"sentiment_scored\":3,"
	       "\"negative_sentiment\":2,\"ces_responses\":2,\"ces_easy\":1,\"ces_hard\":1},\"sums\":{\"ces_score\":9},"
	       "\"kpi\":{\"fcr\":0.6667,\"repeat_rate\":0.3333,\"negative_rate\":0.6667,\"ces_easy_rate\":0.5,"
	       "\"ces_mean\":4.5,\"trust\":54.2},\"components\":{\"fcr\":1,\"repeat\":1,\"negative\":1,\"effort\":1},"
	       "\"left_out\":[]}\n",
	       "one record: a survey counts in its conversation's day (a CES of 9 and a CSAT do not count); "
	       "-0.05 is negative, -0.04 is not; trust = 100 (2/3 + 2/3 + 1/3 + 1/2) / 4");
	(void)b;
	cs_buf_free(&err);
	cs_buf_free(&out);
	cs_buf_free(&line);
	cs_buf_free(&b);
}

static void test_zone(void)
{
	struct cs_trust_opts o;
	cs_buf out = CS_BUF_INIT, line = CS_BUF_INIT, b = CS_BUF_INIT;
	cs_trust_opts_init(&o);
	o.min_group = 1;
	ok(cs_time_set_zone("America/New_York") == 0, "the zone America/New_York");
	o.tz = "America/New_York";
	cs_trust *t = trust(&o);
	int64_t d = cs_days_from_civil(2026, 3, 2);
	is_int(cs_trust_day_of(t, (d + 1) * 86400000LL + 4 * 3600000LL + 1800000), d,
	       "04:30Z on the 3rd is 23:30 on the 2nd in New York");
	is_int(cs_trust_day_of(t, (d + 1) * 86400000LL + 5 * 3600000LL), d + 1, "05:00Z on the 3rd is midnight there");
	is_int(cs_trust_day_of(t, (d + 1) * 86400000LL + 5 * 3600000LL - 1), d, "and a millisecond before, the 2nd");
	conv(t, "c1", "u1", "chat", "2026-03-03T04:30:00Z", "open", 1, "[]", "");
	conv(t, "c2", "u2", "chat", "2026-03-03T00:30:00-05:00", "open", 1, "[]", "");
	conv(t, "c3", "u3", "chat", "2026-03-08T12:00:00Z", "open", 1, "[]", "");
	output(t, &out);
	ok(line_with(out.p, "\"day\":\"2026-03-02\"", 0, &line) && num(line.p, "counts.contacts") == 1 &&
	   strcmp(text(line.p, "window.from", &b), "2026-03-02T05:00:00Z") == 0 &&
	   strcmp(text(line.p, "window.to", &b), "2026-03-03T05:00:00Z") == 0,
	   "a local day is local midnight to midnight, written in UTC");
	ok(line_with(out.p, "\"day\":\"2026-03-03\"", 0, &line) && num(line.p, "counts.contacts") == 1,
	   "00:30 local on the 3rd is the 3rd");
	ok(line_with(out.p, "\"day\":\"2026-03-08\"", 0, &line) &&
	   strcmp(text(line.p, "window.from", &b), "2026-03-08T05:00:00Z") == 0 &&
	   strcmp(text(line.p, "window.to", &b), "2026-03-09T04:00:00Z") == 0,
	   "the day clocks spring forward has 23 hours");
	ok(cs_time_set_zone("+05:30") == 0, "a fixed offset");
	o.tz = "+05:30";
	t = trust(&o);
	is_int(cs_trust_day_of(t, d * 86400000LL + 18 * 3600000LL + 30 * 60000LL), d + 1, "18:30Z is midnight at +05:30");
	is_int(cs_trust_day_start(t, d), d * 86400000LL - 5 * 3600000LL - 30 * 60000LL, "the day starts at 18:30Z the day before");
	cs_trust_free(t);
	cs_time_set_zone("UTC");
	cs_buf_free(&out);
	cs_buf_free(&line);
	cs_buf_free(&b);
}

static void test_min_group(void)
{
	struct cs_trust_opts o;
	cs_buf out = CS_BUF_INIT, why = CS_BUF_INIT;
	cs_trust_opts_init(&o);
	o.min_group = 3;
	cs_trust *t = trust(&o);
	conv(t, "c1", "u1", "chat", "2026-03-02T10:00:00Z", "solved", 1, "[]", "");
	conv(t, "c2", "u1", "chat", "2026-03-02T11:00:00Z", "solved", 1, "[]", "");
	conv(t, "c3", "u2", "chat", "2026-03-02T12:00:00Z", "solved", 1, "[]", "");
	conv(t, "c4", "u2", "email", "2026-03-02T12:00:00Z", "solved", 1, "[]", "");
	conv(t, "c5", "u3", "email", "2026-03-02T12:00:00Z", "solved", 1, "[]", "");
	conv(t, "c6", "u4", "email", "2026-03-02T12:00:00Z", "solved", 1, "[]", "");
	output(t, &out);
	ok(strstr(out.p, "\"group\":{\"channel\":\"chat\",\"handled_by\":\"none\"},\"counts\":{\"customers\":2},"
			 "\"suppressed\":true}\n"),
	   "2 customers under --min-group 3: the customer count and suppressed only");
	ok(strstr(out.p, "\"group\":{\"channel\":\"email\",\"handled_by\":\"none\"},\"counts\":{\"contacts\":3,\"customers\":3,"),
	   "3 customers: shown");
	is_int(count_of(out.p, "kpi"), 1, "no kpi for the suppressed one");

	o.partial = 1;
	t = trust(&o);
	conv(t, "c1", "u1", "chat", "2026-03-02T10:00:00Z", "solved", 1, "[]", "");
	output(t, &out);
	ok(strstr(out.p, "\"counts\":{\"contacts\":1,\"customers\":1,") && strstr(out.p, "\"partial\":true}\n") &&
	   !strstr(out.p, "suppressed"), "--partial: every figure, marked partial");

	o.partial = 0;
	o.merge = 1;
	t = trust(&o);
	const char *sup = "{\"kind\":\"metrics\",\"type\":\"signals.trust\",\"window\":{\"from\":\"2026-03-02T00:00:00Z\","
			  "\"to\":\"2026-03-03T00:00:00Z\"},\"group\":{\"channel\":\"chat\",\"handled_by\":\"none\"},"
			  "\"counts\":{\"customers\":2},\"suppressed\":true}";
	const char *msg = refusal(t, sup, &why);
	ok(strstr(msg, "suppressed") && strstr(msg, "--partial"), "--merge refuses a suppressed record: %s", msg);
	cs_trust_free(t);
	cs_buf_free(&out);
	cs_buf_free(&why);
}

static void survey(cs_trust *t, const char *ts, const char *cust, int i, const char *conv_id)
{
	add(t, "{\"kind\":\"event\",\"type\":\"survey\",\"ts\":\"%s\",\"customer\":{\"id\":\"%s\"},"
	       "\"survey\":{\"metric\":\"ces\",\"score\":%d},\"props\":{\"conversation_id\":\"%s\"}}",
	    ts, cust, 1 + i % 7, conv_id);
}

/* The test data set: 3 days, 12 customers, two channels, some surveys. */
static void dataset(cs_trust *t, int shard, int shards)
{
	static const char *const channels[] = {"chat", "email"};
	static const char *const statuses[] = {"solved", "open", "closed"};
	char id[32], cust[32], started[48];
	for (int i = 0; i < 72; i++) {
		int c = i % 12, day = 2 + i / 24;
		if (c % shards != shard)
			continue;
		snprintf(id, sizeof id, "c%d", i);
		snprintf(cust, sizeof cust, "u%d", c);
		snprintf(started, sizeof started, "2026-03-%02dT%02d:00:00Z", day, i % 24);
		if (i % 6 == 3)   /* a survey read before its conversation */
			survey(t, started, cust, i, id);
		conv(t, id, cust, channels[(i / 5) % 2], started, statuses[i % 3], 1 + (i % 5 == 0),
		     i % 4 ? "[{\"role\":\"bot\"}]" : "[{\"role\":\"agent\"}]",
		     i % 3 ? ",\"qa\":{\"sentiment\":{\"customer\":{\"mean\":-0.2}}}" : "");
		if (i % 6 == 0)
			survey(t, started, cust, i, id);
	}
	for (int c = 0; c < 12; c++)   /* surveys with no conversation: by props.channel and their own day */
		if (c % shards == shard)
			add(t, "{\"kind\":\"event\",\"type\":\"survey\",\"ts\":\"2026-03-03T08:00:00Z\",\"customer\":{\"id\":\"u%d\"},"
			       "\"survey\":{\"metric\":\"ces\",\"score\":%d},\"props\":{\"channel\":\"chat\"}}", c, 2 + c % 6);
}

static void test_merge(void)
{
	struct cs_trust_opts o;
	cs_buf whole = CS_BUF_INIT, parts = CS_BUF_INIT, part = CS_BUF_INIT, merged = CS_BUF_INIT, why = CS_BUF_INIT;
	cs_trust_opts_init(&o);
	o.min_group = 3;
	cs_trust *t = trust(&o);
	dataset(t, 0, 1);
	output(t, &whole);
	ok(count_of(whole.p, "\"suppressed\":true") >= 1 && count_of(whole.p, "\"kpi\"") >= 4,
	   "the whole: some segment-days shown, some suppressed");
	o.partial = 1;
	for (int s = 0; s < 2; s++) {
		t = trust(&o);
		dataset(t, s, 2);
		output(t, &part);
		cs_buf_add(&parts, part.p, part.len);
	}
	o.partial = 0;
	o.merge = 1;
	t = trust(&o);
	int bad = 0;
	for (char *p = parts.p, *e; (e = strchr(p, '\n')); p = e + 1)
		bad |= cs_trust_add(t, p, (size_t)(e - p), &why) != 0;
	add(t, "{\"kind\":\"conversation\",\"id\":\"x\",\"started\":\"2026-03-02T00:00:00Z\"}");
	output(t, &merged);
	ok(!bad, "the partial records merge");
	is_str(merged.p, whole.p, "two halves split by customer, merged: the same records as one run over everything");

	o.min_group = 1;
	t = trust(&o);
	const char *shifted = "{\"kind\":\"metrics\",\"type\":\"signals.trust\",\"window\":{\"from\":\"2026-03-02T05:00:00Z\","
			      "\"to\":\"2026-03-03T05:00:00Z\"},\"group\":{\"channel\":\"chat\",\"handled_by\":\"none\"},\"counts\":{}}";
	const char *msg = refusal(t, shifted, &why);
	ok(strstr(msg, "not one day in the zone UTC") != NULL, "a window of another zone is refused: %s", msg);
	const char *other = "{\"kind\":\"metrics\",\"type\":\"signals.trust\",\"window\":{\"from\":\"2026-03-02T00:00:00Z\","
			    "\"to\":\"2026-03-03T00:00:00Z\"},\"group\":{\"channel\":\"chat\"},\"counts\":{}}";
	msg = refusal(t, other, &why);
	ok(strstr(msg, "not one of --by channel,handled_by") != NULL, "a group of another --by is refused: %s", msg);
	const char *neg = "{\"kind\":\"metrics\",\"type\":\"signals.trust\",\"window\":{\"from\":\"2026-03-02T00:00:00Z\","
			  "\"to\":\"2026-03-03T00:00:00Z\"},\"group\":{\"channel\":\"chat\",\"handled_by\":\"none\"},"
			  "\"counts\":{\"contacts\":-1}}";
	msg = refusal(t, neg, &why);
	ok(strstr(msg, "counts.contacts") != NULL, "a negative count: %s", msg);
	cs_trust_free(t);
	cs_buf_free(&whole);
	cs_buf_free(&parts);
	cs_buf_free(&part);
	cs_buf_free(&merged);
	cs_buf_free(&why);
}

/* A day of 50 chat conversations handled by people, 50 customers:
 * `repeats` of them repeat contacts, `solved` of the others solved. */
static void busy_day(cs_trust *t, int64_t day, int repeats, int solved)
{
	int64_t y;
	int m, d;
	char id[48], cust[32], started[48];
	cs_civil_from_days(day, &y, &m, &d);
	for (int i = 0; i < 50; i++) {
		snprintf(id, sizeof id, "c%lld-%d", (long long)day, i);
		snprintf(cust, sizeof cust, "u%d", i);
		snprintf(started, sizeof started, "%04lld-%02d-%02dT09:%02d:00Z", (long long)y, m, d, i);
		int repeat = i < repeats;
		conv(t, id, cust, "chat", started, !repeat && i - repeats < solved ? "solved" : "open", 1 + repeat,
		     "[{\"role\":\"agent\"}]", "");
	}
}

#define MONDAY cs_days_from_civil(2026, 3, 2)

/* `weeks` Mondays of 5 repeats and 40 solved, then Monday 2026-03-02 with
 * repeats and solved: the output into out, its alerts counted. */
static int alerts_after(const struct cs_trust_opts *o, int weeks, int repeats, int solved, cs_buf *out)
{
	cs_trust *t = trust((struct cs_trust_opts *)o);
	for (int k = weeks; k >= 1; k--)
		busy_day(t, MONDAY - 7 * k, 5, 40);
	if (repeats >= 0)
		busy_day(t, MONDAY, repeats, solved);
	output(t, out);
	return count_of(out->p, "\"kind\":\"alert\"");
}

static void test_anomaly(void)
{
	struct cs_trust_opts o;
	cs_buf out = CS_BUF_INIT, line = CS_BUF_INIT, b = CS_BUF_INIT, hist = CS_BUF_INIT, why = CS_BUF_INIT;
	cs_trust_opts_init(&o);

	/* 8 flat Mondays (repeat 5/50, fcr 40/50), then 20 repeats and 28 of
	 * 30 solved: repeat z = 0.3 / se(0.1, 50) = 0.3 / 0.0452 = 6.6, fcr
	 * z = -0.24 / 0.0578 = -4.2, trust 85 -> 58, z about -7.4 */
	is_int(alerts_after(&o, 8, 20, 28, &out), 1, "a flat history and a spike: one alert");
	ok(line_with(out.p, "\"kind\":\"alert\"", 0, &line), "the alert");
	is_str(text(line.p, "factor", &b), "repeat_rate", "the factor: the component with the largest |z|");
	is_str(text(line.p, "reason", &b),
	       "repeat-contact rate 40% against a usual 10% on Mondays (channel chat, handled_by human)", "the reason in words");
	is_str(text(line.p, "type", &b), "signals.segment_anomaly", "type");
	is_str(text(line.p, "severity", &b), "critical", "|z| of the score over twice 3.5: critical");
	is_str(text(line.p, "day", &b), "2026-03-02", "the day");
	ok(near(num(line.p, "value"), 0.4) && near(num(line.p, "baseline"), 0.1) && num(line.p, "z") > 6.5 &&
	   num(line.p, "z") < 6.7, "value, baseline and z (%g)", num(line.p, "z"));
	ok(strstr(line.p, "\"group\":{\"channel\":\"chat\",\"handled_by\":\"human\"}") &&
	   strstr(line.p, "\"source\":\"cs-signals\"") && strstr(line.p, "\"action\":\"find the issue customers keep"),
	   "group, source and action");
	ok(strstr(out.p, "\"kind\":\"alert\"") > strstr(out.p, "\"day\":\"2026-03-02\""), "alerts after the metrics");

	/* the same through --history: the earlier Mondays written by another run */
	o.partial = 1;
	is_int(alerts_after(&o, 8, -1, 0, &hist), 0, "--partial: no alert");
	o.partial = 0;
	cs_trust *t = trust(&o);
	int used = 0;
	for (char *p = hist.p, *e; (e = strchr(p, '\n')); p = e + 1)
		used += cs_trust_add_history(t, p, (size_t)(e - p), &why);
	busy_day(t, MONDAY, 20, 28);
	output(t, &out);
	is_int(used, 8, "8 history records used");
	is_int(count_of(out.p, "\"kind\":\"metrics\""), 1, "history is compared with, not written");
	ok(line_with(out.p, "\"kind\":\"alert\"", 0, &line) && count_of(line.p, "\"factor\":\"repeat_rate\""),
	   "--history: the same alert");

	/* Mondays always high (20/50 repeats), other days 5/50: no alert */
	t = trust(&o);
	for (int64_t day = MONDAY - 56; day <= MONDAY; day++)
		busy_day(t, day, (day - MONDAY) % 7 == 0 ? 20 : 5, 40);
	output(t, &out);
	is_int(count_of(out.p, "\"kind\":\"metrics\""), 57, "9 weeks of days");
	is_int(count_of(out.p, "\"kind\":\"alert\""), 0, "a weekly pattern raises nothing");

	is_int(alerts_after(&o, 3, 20, 28, &out), 0, "3 history points: no verdict");
	is_int(alerts_after(&o, 4, 20, 28, &out), 1, "4 history points: the alert");
	is_int(alerts_after(&o, 8, 7, 40, &out), 0, "7 repeats against 5 (z = 0.04 / 0.0452): within the sampling error");
	t = trust(&o);
	for (int k = 8; k >= 1; k--)
		busy_day(t, MONDAY - 7 * k, 20, 28);
	busy_day(t, MONDAY, 0, 48);
	output(t, &out);
	ok(line_with(out.p, "\"kind\":\"alert\"", 0, &line) && strstr(line.p, "\"action\":\"a sudden improvement: check the data"),
	   "a sudden improvement raises an alert that says to check the data");
	o.negative_at = -0.5;
	o.min_group = 1;
	t = trust(&o);
	conv(t, "c1", "u1", "chat", "2026-03-02T10:00:00Z", "open", 1, "[]",
	     ",\"qa\":{\"sentiment\":{\"customer\":{\"end\":-0.3,\"mean\":-0.3}}}");
	output(t, &out);
	ok(strstr(out.p, "\"negative_sentiment\":0,") != NULL, "--negative-at -0.5: -0.3 is not negative");
	o.negative_at = -0.05;
	o.min_group = 60;
	is_int(alerts_after(&o, 8, 20, 28, &out), 0, "under --min-group: no alert (its figures are withheld)");
	o.min_group = 10;
	o.partial = 1;
	is_int(alerts_after(&o, 8, 20, 28, &out), 0, "--partial: no alert");

	cs_buf_free(&out);
	cs_buf_free(&line);
	cs_buf_free(&b);
	cs_buf_free(&hist);
	cs_buf_free(&why);
}

int main(void)
{
	cs_msg_init("t_trust");
	test_options();
	test_kpi();
	test_segments();
	test_zone();
	test_min_group();
	test_merge();
	test_anomaly();
	return tap_done();
}
