/* t_signals: cs-signals' detector (eng_signals_detect.c) and thresholds
 * (eng_signals_conf.c), driven by events built here, without JSON. */
#include "eng_signals_conf.h"
#include "eng_signals_contacts.h"
#include "eng_signals_detect.h"
#include "fixture.h"
#include "tap.h"

#define HITS_MAX 32

struct seen {
	char type[32][HITS_MAX], customer[32][HITS_MAX];
	uint64_t count[HITS_MAX];
	size_t nev[HITS_MAX];
	size_t n, sessions_ended;
};

static void on_hit(void *ctx, const struct cs_sig_hit *h)
{
	struct seen *s = ctx;
	if (s->n == HITS_MAX)
		return;
	snprintf(s->type[s->n], 32, "%s", h->type);
	snprintf(s->customer[s->n], 32, "%s", h->customer ? h->customer : "-");
	s->count[s->n] = h->count;
	s->nev[s->n] = h->nev;
	s->n++;
}

static void on_session(void *ctx, const struct cs_sig_session *ses)
{
	(void)ses;
	((struct seen *)ctx)->sessions_ended++;
}

static struct cs_sig_event click(const char *device, int64_t ts, double x, const char *target)
{
	return (struct cs_sig_event){.type = SE_CLICK, .ts = ts, .device = device, .name = target, .has_xy = 1, .x = x,
				     .y = 0, .results = -1};
}

static cs_sig_detector *detector(struct cs_sig_conf *conf, struct seen *seen, size_t max_open)
{
	memset(seen, 0, sizeof *seen);
	struct cs_sig_callbacks cb = {seen, on_hit, on_session};
	return cs_sig_detector_new(conf, &cb, max_open);
}

static void test_rage(struct cs_sig_conf *conf)
{
	struct seen seen;
	cs_sig_detector *d = detector(conf, &seen, 0);
	for (int i = 0; i < 4; i++) {
		struct cs_sig_event e = click("d1", 1000 + i * 300, 10 + i * 5, "#pay");
		cs_sig_see_event(d, &e);
	}
	struct cs_sig_event login = {.type = SE_LOGIN, .ts = 5000, .device = "d1", .customer = "c1", .results = -1};
	cs_sig_see_event(d, &login);
	ok(seen.n == 1 && strcmp(seen.type[0], "rage_click") == 0 && seen.count[0] == 4 && seen.nev[0] == 4,
	   "four clicks in 900 ms within 15 px: one rage click of 4, decided when time passed the burst");
	ok(strcmp(seen.customer[0], "c1") == 0, "held while anonymous, then given the customer who logged in");
	cs_sig_finish(d, INT64_MIN);
	ok(seen.sessions_ended == 1 && cs_sig_counts(d).logins_joined == 1, "one session, one login joined");
	cs_sig_detector_free(d);
}

static void test_max_open(struct cs_sig_conf *conf)
{
	struct seen seen;
	cs_sig_detector *d = detector(conf, &seen, 2);
	const char *devices[] = {"a", "b", "c", "d"};
	for (int i = 0; i < 4; i++) {
		struct cs_sig_event e = {.type = SE_FORM_START, .ts = 1000 + i, .device = devices[i], .name = "f", .results = -1};
		cs_sig_see_event(d, &e);
	}
	ok(cs_sig_open_sessions(d) == 2 && cs_sig_counts(d).sessions_evicted == 2, "--max-open 2: two sessions ended early");
	ok(seen.n == 2 && strcmp(seen.type[0], "form_abandoned") == 0, "their open forms were decided as abandoned");
	cs_sig_finish(d, INT64_MIN);
	ok(cs_sig_counts(d).undecided == 2, "the two still open at the end are undecided");
	cs_sig_detector_free(d);
}

static void test_contacts(struct cs_sig_conf *conf)
{
	struct seen seen;
	cs_sig_detector *d = detector(conf, &seen, 0);
	struct cs_sig_contact_result r;
	struct cs_sig_contact a = {.id = "a", .customer = "k", .ts = 0, .issue = "refund", .longest_wait_ms = -1};
	struct cs_sig_contact b = a, c = a;
	b.id = "b";
	b.ts = 7 * 86400000LL;
	c.id = "c";
	c.ts = b.ts + 7 * 86400000LL + 1;
	cs_sig_see_contact(d, &a, &r);
	ok(r.repeat_of == NULL && r.ntypes == 0, "a first contact is no repeat");
	cs_sig_see_contact(d, &b, &r);
	ok(r.repeat_of && strcmp(r.repeat_of, "a") == 0, "the same issue 7 days later repeats it");
	cs_sig_see_contact(d, &c, &r);
	ok(r.repeat_of == NULL, "7 days and 1 ms after the last does not");
	cs_sig_detector_free(d);
}

/* Looking for the contact a new one repeats scanned all the customer's
 * kept contacts when their issues differ, found it again by scanning them
 * all, and forgetting old ones scanned them all at each contact's
 * deadline: 20,000 contacts of one customer (a bot, a shared "guest")
 * cost hundreds of millions of contacts looked at. */
static void test_contacts_one_customer(struct cs_sig_conf *conf)
{
	struct seen seen;
	cs_sig_detector *d = detector(conf, &seen, 0);
	struct cs_sig_contact_result r;
	char id[32], issue[32];
	int repeats = 0, right = 1;
	for (int i = 0; i < 20000; i++) {
		snprintf(id, sizeof id, "c%d", i);
		snprintf(issue, sizeof issue, i % 2 ? "tag-%d" : "late", i);
		struct cs_sig_contact c = {.id = id, .customer = "guest", .ts = i * 120000LL, .issue = issue,
					   .longest_wait_ms = -1};
		cs_sig_see_contact(d, &c, &r);
		repeats += r.repeat_of != NULL;
		char want[32];
		snprintf(want, sizeof want, "c%d", i - 2);
		right &= i % 2 || i == 0 ? r.repeat_of == NULL : r.repeat_of && strcmp(r.repeat_of, want) == 0;
	}
	cs_sig_finish(d, 20000 * 120000LL);
	is_int(repeats, 9999, "20,000 contacts of one customer over 28 days, every other on a new issue: 9,999 repeats");
	ok(right, "... each of the one before it on its issue");
	uint64_t looked = cs_sig_contacts_looked_at(d);
	ok(looked > 0 && looked <= 20 * 20000, "... %llu kept contacts looked at, 20 a contact at most",
	   (unsigned long long)looked);
	cs_sig_detector_free(d);
}

/* The contacts kept, indexed or not, against a plain list scanned newest
 * first: adds at times up to an hour late, on few or many issues, the same
 * conversation now and then, forgetting from the oldest seen. */
static void test_contacts_against_scan(void)
{
	enum { OPS = 30000 };
	static struct {
		char id[16], issue[16];
		int64_t ts;
	} list[OPS];
	size_t first = 0, n = 0;
	cs_sig_contacts *cc = cs_sig_contacts_new();
	struct cs_sig_kept k = {0};
	int wrong = 0, found = 0, most = 0, fewest_after = OPS;
	int64_t t = 0, window = 3600000;
	srand(11);
	for (int op = 0; op < OPS; op++) {
		int issues = op / 5000 % 2 ? 200 : 3;
		char id[16], issue[16];
		snprintf(id, sizeof id, "c%d", rand() % 8 ? op : op - rand() % 5);
		snprintf(issue, sizeof issue, "i%d", rand() % issues);
		t += rand() % 60000;
		int64_t ts = t - (rand() % 4 ? 0 : rand() % window);
		const struct cs_sig_contact_seen *got = cs_sig_contacts_find(cc, &k, "c:x", id, issue, ts, window);
		size_t want = n;
		for (size_t i = n; i-- > first && want == n;)
			if (strcmp(list[i].issue, issue) == 0 && strcmp(list[i].id, id) != 0 && ts >= list[i].ts &&
			    ts - list[i].ts <= window)
				want = i;
		wrong += want == n ? got != NULL : !got || strcmp(got->id, list[want].id) != 0 || got->ts != list[want].ts;
		found += got != NULL;
		cs_sig_contacts_add(cc, &k, "c:x", id, issue, ts);
		snprintf(list[n].id, sizeof list[n].id, "%s", id);
		snprintf(list[n].issue, sizeof list[n].issue, "%s", issue);
		list[n++].ts = ts;
		/* a thousand operations keeping ten minutes, then one keeping six hours */
		int64_t now = op / 1000 % 2 ? t - 300 * 60000LL : t + 50 * 60000LL;
		cs_sig_contacts_forget(cc, &k, "c:x", now, window);
		while (first < n && now - list[first].ts > window)
			first++;
		wrong += k.n - k.first != n - first;
		most = (int)(n - first) > most ? (int)(n - first) : most;
		if (op > 1000 && op / 1000 % 2 == 0)
			fewest_after = (int)(n - first) < fewest_after ? (int)(n - first) : fewest_after;
	}
	ok(most > 300 && fewest_after < 30, "the contacts kept went from %d up to %d and down again", fewest_after, most);
	is_int(wrong, 0, "30,000 contacts, kept few and many, on 3 and 200 issues: each find as a scan finds (%d found)",
	       found);
	cs_sig_contacts_clear(cc, &k, "c:x");
	ok(k.c == NULL && k.n == 0, "cleared, nothing is left");
	cs_sig_contacts_free(cc);
}

static void test_conf(void)
{
	struct cs_sig_conf built_in, shipped;
	cs_sig_conf_default(&built_in);
	cs_sig_conf_default(&shipped);
	shipped.rage_clicks = 99;
	shipped.cooldown_ms = 1;
	cs_buf err = CS_BUF_INIT;
	char path[4096];
	snprintf(path, sizeof path, "%s/signals/thresholds.json", getenv("CS_SHARE_DIR") ? getenv("CS_SHARE_DIR") : "share");
	int rc = cs_sig_conf_load(&shipped, path, &err);
	ok(rc == 0 && shipped.rage_clicks == 3 && shipped.cooldown_ms == built_in.cooldown_ms &&
	   shipped.help_within_ms == built_in.help_within_ms && shipped.help_pages.n == built_in.help_pages.n &&
	   shipped.negative_at == built_in.negative_at && shipped.long_wait_ms == built_in.long_wait_ms,
	   "share/signals/thresholds.json holds the built-in values");
	ok(cs_sig_match(&built_in.help_pages, "https://x.com/HELP/a", 20) && !cs_sig_match(&built_in.help_pages, "/cart", 5),
	   "help pages match case-insensitively anywhere in the URL");
	struct cs_sig_conf c;
	cs_sig_conf_default(&c);
	const char *text = "{\"session\":{\"idle\":\"1s\"},\"rage_click\":{\"within\":\"2s\"}}";
	cs_buf_reset(&err);
	ok(cs_sig_conf_load_mem(&c, "t.json", text, strlen(text), &err) == -1 && strstr(err.p, "shorter than session.idle"),
	   "a rage window longer than a session is refused");
	cs_sig_conf_free(&c);
	cs_sig_conf_free(&built_in);
	cs_sig_conf_free(&shipped);
	cs_buf_free(&err);
}

int main(void)
{
	struct cs_sig_conf conf;
	test_conf();
	fixture_enter("t_signals");
	cs_sig_conf_default(&conf);
	test_rage(&conf);
	test_max_open(&conf);
	test_contacts(&conf);
	test_contacts_one_customer(&conf);
	test_contacts_against_scan();
	cs_sig_conf_free(&conf);
	fixture_leave();
	return tap_done();
}
