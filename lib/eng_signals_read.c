/* eng_signals_read: records into the detector's terms (see the header). */
#include "eng_signals_read.h"
#include "kit_buf.h"
#include "kit_mem.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { F_ID, F_CUSTOMER, F_DEVICE, F_SESSION, F_NAME, F_TYPE, F_TAG, F_FORM, F_METRIC, F_NAV, F_ISSUE, F_N };

struct cs_sig_reader {
	cs_buf field[F_N];
	cs_obj props;          /* an event's props, its members read once */
};

cs_sig_reader *cs_sig_reader_new(void)
{
	return cs_calloc(1, sizeof(cs_sig_reader));
}

void cs_sig_reader_free(cs_sig_reader *r)
{
	if (!r)
		return;
	for (int i = 0; i < F_N; i++)
		cs_buf_free(&r->field[i]);
	cs_obj_free(&r->props);
	free(r);
}

static const char *text_of(cs_sig_reader *r, int slot, cs_jval v)
{
	if (v.t != CS_J_STRING && v.t != CS_J_NUMBER)
		return NULL;
	const char *s = cs_jtext(v, &r->field[slot]);
	return s && *s ? s : NULL;
}

static const char *customer_of(cs_sig_reader *r, cs_jval c)
{
	return text_of(r, F_CUSTOMER, c.t == CS_J_OBJECT ? cs_jget(c, "id") : c);
}

const char *cs_sig_customer(cs_sig_reader *r, const cs_obj *obj)
{
	return customer_of(r, cs_jmember(obj, "customer"));
}

/* A number member's value; one a double cannot hold (1E400) counts as
 * absent, so that no infinity reaches a count or a record. */
static double number_of(cs_jval v, int *has)
{
	double d = v.t == CS_J_NUMBER ? strtod(v.p, NULL) : 0;
	*has = v.t == CS_J_NUMBER && isfinite(d);
	return *has ? d : 0;
}

static const struct {
	const char *name;
	enum cs_sig_etype type;
} event_types[] = {
	{"page_view", SE_PAGE_VIEW}, {"pageview", SE_PAGE_VIEW}, {"click", SE_CLICK}, {"error", SE_ERROR},
	{"network", SE_NETWORK}, {"change", SE_CHANGE}, {"scroll", SE_SCROLL}, {"search", SE_SEARCH},
	{"search_result_click", SE_RESULT_CLICK}, {"help_view", SE_HELP_VIEW}, {"form_start", SE_FORM_START},
	{"form_submit", SE_FORM_SUBMIT}, {"login", SE_LOGIN}, {"refund", SE_REFUND}, {"return", SE_RETURN},
	{"survey", SE_SURVEY},
};

static enum cs_sig_etype event_type(const char *s)
{
	for (size_t i = 0; s && i < sizeof event_types / sizeof event_types[0]; i++)
		if (strcmp(s, event_types[i].name) == 0)
			return event_types[i].type;
	return SE_OTHER;
}

static int is_text_input(const char *tag)
{
	static const char *const tags[] = {"input", "textarea", "select", "contenteditable"};
	for (size_t i = 0; tag && i < sizeof tags / sizeof tags[0]; i++)
		if (strcasecmp(tag, tags[i]) == 0)
			return 1;
	return 0;
}

static void read_props(cs_sig_reader *r, cs_jval props, struct cs_sig_event *e)
{
	if (cs_json_members((cs_span){props.p, props.n}, &r->props) != 0)
		return;
	const cs_obj *o = &r->props;
	int hx, hy, has;
	e->x = number_of(cs_jmember(o, "x"), &hx);
	e->y = number_of(cs_jmember(o, "y"), &hy);
	e->has_xy = hx && hy;
	e->text_input = is_text_input(text_of(r, F_TAG, cs_jmember(o, "tag")));
	double detail = number_of(cs_jmember(o, "detail"), &has);
	e->selection = (has && detail >= 2) || cs_jbool(cs_jmember(o, "selection"), 0);
	e->status = (int)cs_jint(cs_jmember(o, "status"), 0);
	e->results = (int)cs_jint(cs_jmember(o, "results"), -1);
	e->form = text_of(r, F_FORM, cs_jmember(o, "form"));
	const char *nav = text_of(r, F_NAV, cs_jmember(o, "navigation"));
	e->reload = nav && strcmp(nav, "reload") == 0;
}

int cs_sig_read_event(cs_sig_reader *r, const cs_obj *obj, struct cs_sig_event *e, const char **why)
{
	*e = (struct cs_sig_event){.results = -1};
	if (cs_jtime(cs_jmember(obj, "ts"), &e->ts) < 0) {
		*why = "an event needs a time in \"ts\"";
		return -1;
	}
	e->type = event_type(text_of(r, F_TYPE, cs_jmember(obj, "type")));
	e->id = text_of(r, F_ID, cs_jmember(obj, "id"));
	e->customer = cs_sig_customer(r, obj);
	const char *const device_keys[] = {"device", "anonymous_id", NULL};
	e->device = text_of(r, F_DEVICE, cs_jfirst(obj, device_keys));
	e->session = text_of(r, F_SESSION, cs_jmember(obj, "session"));
	e->name = text_of(r, F_NAME, cs_jmember(obj, "name"));
	if (e->name && (e->type == SE_PAGE_VIEW || e->type == SE_HELP_VIEW))
		r->field[F_NAME].p[strcspn(e->name, "?#")] = '\0';   /* a URL's query may hold tokens or emails */
	cs_jval props = cs_jmember(obj, "props");
	if (props.t == CS_J_OBJECT)
		read_props(r, props, e);
	cs_jval survey = cs_jmember(obj, "survey");
	if (survey.t == CS_J_OBJECT) {
		e->survey_metric = text_of(r, F_METRIC, cs_jget(survey, "metric"));
		e->survey_score = number_of(cs_jget(survey, "score"), &e->has_score);
	}
	return 0;
}

/* ---- conversations ---- */

struct wait_scan {
	int64_t oldest_unanswered;   /* INT64_MIN: none */
	int64_t longest;
	int transfers;
	cs_buf role, event;
	cs_obj m;                    /* a message's members, read once */
};

static int scan_message(cs_jval msg, void *ctx)
{
	struct wait_scan *w = ctx;
	if (msg.t != CS_J_OBJECT || cs_json_members((cs_span){msg.p, msg.n}, &w->m) != 0)
		return 0;
	const char *r = cs_jtext(cs_jmember(&w->m, "role"), &w->role);
	const char *ev = cs_jtext(cs_jmember(&w->m, "event"), &w->event);
	int64_t ts;
	int timed = cs_jtime(cs_jmember(&w->m, "ts"), &ts) == 0;
	if (ev && strcmp(ev, "transfer") == 0)
		w->transfers++;
	if (r && timed && strcmp(r, "customer") == 0 && w->oldest_unanswered == INT64_MIN)
		w->oldest_unanswered = ts;
	if (r && timed && strcmp(r, "agent") == 0 && !cs_jbool(cs_jmember(&w->m, "internal"), 0) &&
	    w->oldest_unanswered != INT64_MIN) {
		if (ts - w->oldest_unanswered > w->longest)
			w->longest = ts - w->oldest_unanswered;
		w->oldest_unanswered = INT64_MIN;
	}
	return 0;
}

static int first_message_time(cs_jval m, void *ctx)
{
	return cs_jtime(cs_jget(m, "ts"), ctx) == 0;
}

static int first_item(cs_jval item, void *ctx)
{
	*(cs_jval *)ctx = item;
	return 1;
}

static const char *issue_of(cs_sig_reader *r, const cs_obj *obj)
{
	const char *intent = text_of(r, F_ISSUE, cs_jpath(cs_jmember(obj, "route"), "intent"));
	if (intent)
		return intent;
	cs_jval tag = {0};
	cs_jeach(cs_jmember(obj, "tags"), first_item, &tag);
	const char *first = text_of(r, F_ISSUE, tag);
	return first ? first : "unknown";
}

int cs_sig_contact_time(const cs_obj *obj, int64_t *ts)
{
	if (cs_jtime(cs_jmember(obj, "started"), ts) == 0 || cs_jeach(cs_jmember(obj, "messages"), first_message_time, ts))
		return 0;
	return -1;
}

int cs_sig_read_contact(cs_sig_reader *r, const cs_obj *obj, struct cs_sig_contact *c)
{
	*c = (struct cs_sig_contact){.longest_wait_ms = -1};
	cs_jval messages = cs_jmember(obj, "messages");
	if (cs_sig_contact_time(obj, &c->ts) < 0)
		return -1;
	c->id = text_of(r, F_ID, cs_jmember(obj, "id"));
	c->customer = cs_sig_customer(r, obj);
	c->issue = issue_of(r, obj);
	struct wait_scan w = {INT64_MIN, -1, 0, CS_BUF_INIT, CS_BUF_INIT, {0}};
	cs_jeach(messages, scan_message, &w);
	cs_buf_free(&w.role);
	cs_buf_free(&w.event);
	cs_obj_free(&w.m);
	c->transfers = w.transfers + (int)cs_jint(cs_jmember(obj, "transfers"), 0);
	c->longest_wait_ms = w.longest;
	cs_jval customer = cs_jpath(cs_jmember(obj, "qa"), "sentiment.customer");
	c->sentiment_start = number_of(cs_jget(customer, "start"), &c->has_sentiment_start);
	c->sentiment_end = number_of(cs_jget(customer, "end"), &c->has_sentiment_end);
	return 0;
}

/* ---- consent and tickets ---- */

struct consent_scan {
	const char *purpose;
	int found;
};

static int consent_item(cs_jval item, void *ctx)
{
	struct consent_scan *s = ctx;
	size_t n = strlen(s->purpose);
	if (item.t == CS_J_STRING && item.n == n + 2 && memcmp(item.p + 1, s->purpose, n) == 0)
		s->found = 1;
	return s->found;
}

int cs_sig_consent(cs_jval consent, const char *purpose)
{
	if (consent.t == CS_J_OBJECT) {
		cs_jval v = cs_jget(consent, purpose);
		return v.t == CS_J_TRUE ? 1 : v.t == CS_J_FALSE ? 0 : -1;
	}
	if (consent.t != CS_J_ARRAY)
		return -1;
	struct consent_scan s = {purpose, 0};
	cs_jeach(consent, consent_item, &s);
	return s.found;
}

static int closed_status(const char *s)
{
	return s && (strcmp(s, "solved") == 0 || strcmp(s, "closed") == 0);
}

static int reopening(cs_jval action, cs_jval from, cs_jval to)
{
	cs_buf a = CS_BUF_INIT, f = CS_BUF_INIT, t = CS_BUF_INIT;
	const char *as = cs_jtext(action, &a), *fs = cs_jtext(from, &f), *ts = cs_jtext(to, &t);
	int yes = as && strcmp(as, "status") == 0 && closed_status(fs) && ts && !closed_status(ts);
	cs_buf_free(&a);
	cs_buf_free(&f);
	cs_buf_free(&t);
	return yes;
}

struct reopen_scan {
	void (*fn)(int64_t ts, const char *how, void *ctx);
	void *ctx;
};

static int history_item(cs_jval h, void *ctx)
{
	struct reopen_scan *s = ctx;
	int64_t ts;
	if (reopening(cs_jget(h, "action"), cs_jget(h, "from"), cs_jget(h, "to")) && cs_jtime(cs_jget(h, "ts"), &ts) == 0)
		s->fn(ts, "reopened", s->ctx);
	return 0;
}

void cs_sig_ticket_reopens(const cs_obj *obj, void (*fn)(int64_t ts, const char *how, void *ctx), void *ctx)
{
	struct reopen_scan s = {fn, ctx};
	cs_jeach(cs_jmember(obj, "history"), history_item, &s);
	int64_t ts;
	if (cs_jis(cs_jmember(obj, "follow_up_of")) && cs_jtime(cs_jmember(obj, "created"), &ts) == 0)
		fn(ts, "follow_up", ctx);
}

int cs_sig_ticket_event_reopens(const cs_obj *obj, int64_t *ts)
{
	return reopening(cs_jmember(obj, "action"), cs_jmember(obj, "old"), cs_jmember(obj, "new")) &&
	       cs_jtime(cs_jmember(obj, "ts"), ts) == 0;
}

static int is_created_event(cs_sig_reader *r, const cs_obj *obj)
{
	const char *action = text_of(r, F_TYPE, cs_jmember(obj, "action"));
	return action && strcmp(action, "created") == 0;
}

static const char *created_for(cs_sig_reader *r, const cs_obj *obj)
{
	return customer_of(r, cs_jget(cs_jmember(obj, "data"), "customer"));
}

const char *cs_sig_ticket_created(cs_sig_reader *r, const cs_obj *obj, int is_event, int64_t *ts)
{
	if (!is_event)
		return cs_jtime(cs_jmember(obj, "created"), ts) == 0 ? cs_sig_customer(r, obj) : NULL;
	if (!is_created_event(r, obj) || cs_jtime(cs_jmember(obj, "ts"), ts) < 0)
		return NULL;
	return created_for(r, obj);
}

const char *cs_sig_ticket_customer(cs_sig_reader *r, const cs_obj *obj, int is_event)
{
	const char *who = cs_sig_customer(r, obj);
	if (who || !is_event)
		return who;
	return is_created_event(r, obj) ? created_for(r, obj) : NULL;
}
