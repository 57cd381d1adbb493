/* eng_signals: the cs-signals filter and journeys (see the header). */
#include "eng_signals.h"
#include "eng_signals_detect.h"
#include "eng_signals_journey.h"
#include "eng_signals_out.h"
#include "eng_signals_read.h"
#include "eng_signals_risk.h"
#include "eng_signals_state.h"
#include "kit_conf.h"
#include "kit_hash.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_time.h"
#include "svc_survey.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct counts {
	uint64_t events, contacts, tickets, signals, alerts, alerts_cooled, not_consented, unattributed, bad_scores;
	uint64_t signals_replaced, alerts_replaced;
};

struct cs_signals {
	struct cs_signals_opts o;
	const struct cs_common *common;
	struct cs_sig_conf conf;
	cs_sig_detector *det;
	cs_sig_reader *reader;
	cs_sig_state *state;
	cs_journeys *journeys;
	cs_risk_model *model;      /* journeys: the churn-risk model */
	cs_run *run;               /* the run being fed, for the callbacks */
	cs_sig_out ours;           /* signals and alerts found while reading a record: written after it */
	cs_buf out, kind, text, id;
	cs_map consent;            /* customer -> 1 granted, 2 refused (--consent) */
	cs_fpset reopens_seen;
	cs_map tickets;            /* ticket id -> struct ticket_link */
	struct ticket_link **links;  /* the map's values, in the order first seen */
	size_t nlinks, links_cap;
	struct counts n;
};

void cs_signals_opts_init(struct cs_signals_opts *o)
{
	*o = (struct cs_signals_opts){.alerts = 1, .now_ms = INT64_MIN, .until_ms = INT64_MIN};
}

int cs_signals_conf(const struct cs_signals_opts *o, struct cs_sig_conf *conf)
{
	cs_sig_conf_default(conf);
	if (!o->thresholds)
		return 0;
	cs_buf err = CS_BUF_INIT;
	int rc = cs_sig_conf_load(conf, o->thresholds, &err);
	if (rc != 0)
		cs_error("%s", err.p);
	cs_buf_free(&err);
	return rc == 0 ? 0 : 3;
}

/* ---- writing signals and alerts ---- */

static void write_time(cs_jw *w, const char *key, int64_t ms)
{
	cs_jw_key(w, key);
	cs_jw_time(w, ms);
}

static void signal_id(cs_signals *s, const struct cs_sig_hit *h)
{
	cs_buf key = CS_BUF_INIT;
	cs_buf_printf(&key, "%s\t%s\t%s\t%s\t%lld\t%s", h->type, h->customer ? h->customer : "", h->device ? h->device : "",
		      h->session ? h->session : "", (long long)h->ts, h->nev && h->ev[0].id ? h->ev[0].id : "");
	cs_buf_reset(&s->id);
	cs_buf_printf(&s->id, "sig-%016llx", (unsigned long long)cs_hash64(key.p, key.len, 0x5167));
	cs_buf_free(&key);
}

static void write_who(cs_jw *w, const char *customer, const char *device)
{
	if (customer) {
		cs_jw_key(w, "customer");
		cs_jw_object(w);
		cs_jw_key(w, "id");
		cs_jw_cstr(w, customer);
		cs_jw_end_object(w);
	}
	if (device) {
		cs_jw_key(w, "device");
		cs_jw_cstr(w, device);
	}
}

static void write_evidence(cs_jw *w, const struct cs_sig_ref *ev, size_t nev)
{
	cs_jw_key(w, "evidence");
	cs_jw_array(w);
	for (size_t i = 0; i < nev; i++) {
		cs_jw_object(w);
		if (ev[i].id) {
			cs_jw_key(w, "id");
			cs_jw_cstr(w, ev[i].id);
		}
		cs_jw_key(w, "kind");
		cs_jw_cstr(w, ev[i].what);
		write_time(w, "ts", ev[i].ts);
		cs_jw_end_object(w);
	}
	cs_jw_end_array(w);
}

/* The detail's members ("target":"#pay",...) spliced in as they are. */
static void write_detail(cs_buf *out, const char *detail)
{
	if (!*detail)
		return;
	out->len--;   /* the closing brace */
	cs_buf_addc(out, ',');
	cs_buf_adds(out, detail);
	cs_buf_addc(out, '}');
}

static void write_signal(cs_signals *s, const struct cs_sig_hit *h)
{
	cs_jw w;
	cs_buf_reset(&s->out);
	cs_jw_init(&w, &s->out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "signal");
	cs_jw_key(&w, "id");
	cs_jw_str(&w, s->id.p, s->id.len);
	cs_jw_key(&w, "type");
	cs_jw_cstr(&w, h->type);
	write_time(&w, "ts", h->ts);
	write_who(&w, h->customer, h->device);
	if (h->session) {
		cs_jw_key(&w, "session");
		cs_jw_cstr(&w, h->session);
	}
	cs_jw_key(&w, "count");
	cs_jw_uint(&w, h->count);
	write_evidence(&w, h->ev, h->nev);
	cs_jw_end_object(&w);
	write_detail(&s->out, h->detail);
	if (!cs_sig_out_add(&s->ours, s->out.p, s->out.len, s->id.p))
		s->n.signals_replaced++;
}

struct alert_kind {
	const char *signal, *alert, *action;
};

static const struct alert_kind alert_kinds[] = {
	{"silent_help_seeker", "signals.silent_help_seeker", "offer help: a help prompt or a proactive chat on the next visit"},
	{"form_abandoned", "signals.payment_hesitation", "review the payment step with the customer: payment help or a coupon review"},
	{"survey_detractor", "signals.detractor", "call the customer back"},
};

static const struct alert_kind *alert_for(const struct cs_sig_hit *h)
{
	for (size_t i = 0; i < sizeof alert_kinds / sizeof alert_kinds[0]; i++)
		if (strcmp(h->type, alert_kinds[i].signal) == 0)
			return strcmp(h->type, "form_abandoned") != 0 || strstr(h->detail, "\"payment\":true")
				       ? &alert_kinds[i] : NULL;
	return NULL;
}

/* A member of the hit's detail, as text ("" when absent). */
static const char *detail_text(const struct cs_sig_hit *h, const char *key, cs_buf *object, cs_buf *out)
{
	cs_buf_reset(object);
	cs_buf_printf(object, "{%s}", h->detail);
	const char *t = cs_jtext(cs_jget(cs_jval_of(object->p, object->len), key), out);
	return t ? t : "";
}

static void alert_reason(cs_signals *s, const struct cs_sig_hit *h)
{
	cs_buf object = CS_BUF_INIT, a = CS_BUF_INIT, b = CS_BUF_INIT;
	int form = strcmp(h->type, "form_abandoned") == 0;
	const char *first = detail_text(h, form ? "form" : "metric", &object, &a);
	const char *second = detail_text(h, form ? "page" : "score", &object, &b);
	cs_buf_reset(&s->text);
	if (strcmp(h->type, "silent_help_seeker") == 0)
		cs_buf_printf(&s->text, "Sought help %llu time%s (help pages, searches) and did not contact support within %lld hours.",
			      (unsigned long long)h->count, h->count == 1 ? "" : "s", (long long)(s->conf.help_within_ms / 3600000));
	else if (form)
		cs_buf_printf(&s->text, "Started the payment form %s on %s and left without sending it.", first, second);
	else
		cs_buf_printf(&s->text, "Gave %s %s in a survey, a detractor's score.", first, second);
	cs_buf_free(&object);
	cs_buf_free(&a);
	cs_buf_free(&b);
}

/* An alert, unless one of its type was raised for who within the cooldown. */
struct alert {
	const char *type, *severity, *customer, *device;
	int64_t ts;
	const char *id, *signal_id;      /* signal_id may be NULL */
	const char *reason, *action;
	const struct cs_sig_ref *ev;
	size_t nev;
};

static void write_alert_record(cs_signals *s, const struct alert *a)
{
	cs_buf who = CS_BUF_INIT;
	cs_buf_printf(&who, "%s%s", a->customer ? "" : "device:", a->customer ? a->customer : a->device);
	int allowed = cs_sig_state_allow(s->state, who.p, a->type, a->ts, s->conf.cooldown_ms);
	cs_buf_free(&who);
	if (!allowed) {
		s->n.alerts_cooled++;
		return;
	}
	s->n.alerts++;
	cs_jw w;
	cs_buf_reset(&s->out);
	cs_jw_init(&w, &s->out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "alert");
	cs_jw_key(&w, "id");
	cs_jw_cstr(&w, a->id);
	write_time(&w, "ts", a->ts);
	cs_jw_key(&w, "source");
	cs_jw_cstr(&w, "cs-signals");
	cs_jw_key(&w, "type");
	cs_jw_cstr(&w, a->type);
	cs_jw_key(&w, "severity");
	cs_jw_cstr(&w, a->severity);
	write_who(&w, a->customer, a->device);
	if (a->signal_id) {
		cs_jw_key(&w, "signal");
		cs_jw_cstr(&w, a->signal_id);
	}
	cs_jw_key(&w, "reason");
	cs_jw_cstr(&w, a->reason);
	cs_jw_key(&w, "action");
	cs_jw_cstr(&w, a->action);
	write_evidence(&w, a->ev, a->nev);
	cs_jw_end_object(&w);
	if (!cs_sig_out_add(&s->ours, s->out.p, s->out.len, a->id))
		s->n.alerts_replaced++;
}

static void write_alert(cs_signals *s, const struct cs_sig_hit *h, const struct alert_kind *k)
{
	cs_buf id = CS_BUF_INIT;
	cs_buf_printf(&id, "alert-%s", s->id.p + 4);   /* the signal's own hash */
	alert_reason(s, h);
	struct alert a = {k->alert, "warning", h->customer, h->device, h->ts, id.p, s->id.p, s->text.p, k->action,
			  h->ev, h->nev};
	write_alert_record(s, &a);
	cs_buf_free(&id);
}

static void on_hit(void *ctx, const struct cs_sig_hit *h)
{
	cs_signals *s = ctx;
	s->n.signals++;
	signal_id(s, h);
	if (s->journeys) {
		cs_journeys_signal(s->journeys, h, s->id.p);
		return;
	}
	write_signal(s, h);
	const struct alert_kind *k = s->o.alerts && (h->customer || h->device) ? alert_for(h) : NULL;
	if (k)
		write_alert(s, h, k);
}

static void on_session_end(void *ctx, const struct cs_sig_session *ses)
{
	cs_signals *s = ctx;
	if (s->journeys)
		cs_journeys_session(s->journeys, ses);
}

static void flush_pending(void *ctx, cs_run *run)
{
	cs_signals *s = ctx;
	cs_sig_out_flush(&s->ours, run);
}

/* ---- consent ---- */

static int is_purpose(cs_jval item, void *ctx)
{
	(void)ctx;
	return item.t != CS_J_STRING;
}

/* A list of purposes (strings) or an object of purpose: true or false;
 * "yes" or 1 would read as no consent without a word. */
static int consent_well_formed(cs_jval consent)
{
	if (consent.t == CS_J_ARRAY)
		return cs_jeach(consent, is_purpose, NULL) == 0;
	cs_obj members = {0};
	int ok = consent.t == CS_J_OBJECT && cs_json_members((cs_span){consent.p, consent.n}, &members) == 0;
	for (size_t i = 0; ok && i < members.n; i++)
		ok = members.m[i].type == CS_J_TRUE || members.m[i].type == CS_J_FALSE;
	cs_obj_free(&members);
	return ok;
}

/* A customer: an object with an id, or the id itself. */
#define CUSTOMER_IDS "customer", "customer.id"

static int consent_line(cs_jval v, cs_buf *why, void *ctx)
{
	cs_signals *s = ctx;
	cs_buf id = CS_BUF_INIT;
	cs_jval who = cs_jget(v, "customer");
	const char *customer = cs_jtext(who.t == CS_J_OBJECT ? cs_jget(who, "id") : who, &id);
	cs_jval consent = cs_jget(v, "consent");
	int granted = cs_sig_consent(consent, s->o.purpose);
	int rc = -1;
	static const char *const ids[] = {CUSTOMER_IDS, NULL};
	if (!customer || !*customer)
		cs_buf_adds(why, "a consent line needs \"customer\" (an id)");
	else if (cs_jval_ids_nul(v, ids, why))
		rc = -1;
	else if (!consent_well_formed(consent))
		cs_buf_adds(why, "\"consent\" must be a list of purposes or an object of purpose: true or false");
	else
		rc = 0;
	if (rc == 0 && granted >= 0)
		cs_map_put(&s->consent, customer, strlen(customer), (void *)(uintptr_t)(granted ? 1 : 2));
	cs_buf_free(&id);
	return rc;
}

/* With --purpose: the record's own consent decides, else the consent file's
 * line for its customer; without either, the record is not profiled. */
static int consented(cs_signals *s, const cs_obj *obj)
{
	if (!s->o.purpose)
		return 1;
	int own = cs_sig_consent(cs_jmember(obj, "consent"), s->o.purpose);
	if (own >= 0)
		return own;
	const char *customer = cs_sig_customer(s->reader, obj);
	uintptr_t listed = customer ? (uintptr_t)cs_map_get(&s->consent, customer, strlen(customer)) : 0;
	return listed == 1;
}

/* ---- records ---- */

/* A csat, nps or ces survey without a score on its scale: often an export's
 * "no answer" (0, -1), which is no detractor's score. */
static int off_scale(const struct cs_sig_event *e)
{
	if (e->type != SE_SURVEY)
		return 0;
	int on = cs_survey_on_scale(e->survey_metric, e->survey_score);
	return on == 0 || (on == 1 && !e->has_score);
}

static int read_event(cs_signals *s, const cs_rec *rec)
{
	struct cs_sig_event e;
	const char *why;
	if (cs_sig_read_event(s->reader, &rec->obj, &e, &why) < 0) {
		cs_rec_bad(rec, "%s", why);
		return CS_REC_BAD;
	}
	s->n.events++;
	if (!e.customer && !e.device && !e.session)
		s->n.unattributed++;
	if (off_scale(&e)) {
		s->n.bad_scores++;
		e.has_score = 0;
	}
	cs_sig_see_event(s->det, &e);
	return CS_REC_OK;
}

static void write_contact_field(cs_signals *s, const struct cs_sig_contact *c, const struct cs_sig_contact_result *r)
{
	cs_jw w;
	cs_buf_reset(&s->out);
	cs_jw_init(&w, &s->out);
	cs_jw_object(&w);
	cs_jw_key(&w, "repeat_contact");
	cs_jw_bool(&w, r->repeat_of != NULL);
	if (r->repeat_of) {
		cs_jw_key(&w, "repeat_of");
		cs_jw_cstr(&w, r->repeat_of);
	}
	cs_jw_key(&w, "issue");
	cs_jw_cstr(&w, c->issue);
	cs_jw_key(&w, "types");
	cs_jw_array(&w);
	for (size_t i = 0; i < r->ntypes; i++)
		cs_jw_cstr(&w, r->types[i]);
	cs_jw_end_array(&w);
	cs_jw_end_object(&w);
}

static int read_conversation(cs_signals *s, cs_run *run, const cs_rec *rec)
{
	struct cs_sig_contact c;
	if (cs_sig_read_contact(s->reader, &rec->obj, &c) < 0) {
		if (!s->o.signals_only && !s->journeys)
			cs_run_write_line(run, rec->text, rec->len);
		return CS_REC_OK;
	}
	s->n.contacts++;
	struct cs_sig_contact_result r;
	cs_sig_see_contact(s->det, &c, &r);
	if (s->journeys) {
		cs_buf ch = CS_BUF_INIT;
		cs_journeys_contact(s->journeys, c.customer, "conversation", c.id, c.ts,
				    cs_jtext(cs_jmember(&rec->obj, "channel"), &ch));
		cs_buf_free(&ch);
	}
	write_contact_field(s, &c, &r);
	if (!s->o.signals_only && !s->journeys)
		cs_run_write_field(run, rec, "signals", s->out.p, s->out.len);
	return CS_REC_OK;
}

/* ---- tickets: their customers and reopenings ---- */

struct held_reopen {
	int64_t ts;
	const char *how;
};

/* A ticket's customer, the first one a record linked it to (its ticket
 * record, a ticket_event that names one, the created event's
 * data.customer), and the reopenings seen before any did: they wait for
 * the link, or the end of the input, so the order of the records does not
 * decide whose they are. */
struct ticket_link {
	char *ticket, *customer;
	struct held_reopen *held;
	size_t nheld;
};

static struct ticket_link *link_of(cs_signals *s, const char *ticket)
{
	struct ticket_link *l = cs_map_get(&s->tickets, ticket, strlen(ticket));
	if (l)
		return l;
	if (s->nlinks == s->links_cap) {
		s->links_cap = s->links_cap ? 2 * s->links_cap : 64;
		s->links = cs_realloc(s->links, s->links_cap * sizeof *s->links);
	}
	l = cs_calloc(1, sizeof *l);
	l->ticket = cs_strdup(ticket);
	s->links[s->nlinks++] = l;
	cs_map_put(&s->tickets, ticket, strlen(ticket), l);
	return l;
}

static void report_reopen(cs_signals *s, const char *ticket, const char *customer, int64_t ts, const char *how)
{
	cs_buf detail = CS_BUF_INIT;
	cs_buf_printf(&detail, "\"ticket\":");
	cs_buf_add_jstr(&detail, ticket, strlen(ticket));
	cs_buf_printf(&detail, ",\"how\":\"%s\"", how);
	cs_buf_addc(&detail, 0);
	struct cs_sig_ref ref = {ticket, "ticket", ts};
	cs_sig_report(s->det, "reopened_ticket", customer, ts, &ref, detail.p);
	cs_buf_free(&detail);
}

static void report_held(cs_signals *s, struct ticket_link *l)
{
	for (size_t i = 0; i < l->nheld; i++)
		report_reopen(s, l->ticket, l->customer, l->held[i].ts, l->held[i].how);
	free(l->held);
	l->held = NULL;
	l->nheld = 0;
}

/* The ticket's customer, linking it to customer (may be NULL) if no record
 * did before; its held reopenings go out once it has one. */
static const char *ticket_customer(cs_signals *s, const char *ticket, const char *customer)
{
	if (!*ticket)
		return customer;   /* no id: no other record can name its customer */
	struct ticket_link *l = cs_map_get(&s->tickets, ticket, strlen(ticket));
	if (!l && !customer)
		return NULL;
	l = l ? l : link_of(s, ticket);
	if (!l->customer && customer) {
		l->customer = cs_strdup(customer);
		report_held(s, l);
	}
	return l->customer;
}

struct reopen_ctx {
	cs_signals *s;
	const char *ticket, *customer;
};

static void ticket_reopened(int64_t ts, const char *how, void *ctx)
{
	struct reopen_ctx *r = ctx;
	char key[64];
	int n = snprintf(key, sizeof key, "%lld\t", (long long)ts);
	cs_buf fp = CS_BUF_INIT;
	cs_buf_add(&fp, key, (size_t)n);
	cs_buf_adds(&fp, r->ticket);
	int fresh = cs_fpset_add(&r->s->reopens_seen, fp.p, fp.len);
	cs_buf_free(&fp);
	if (!fresh)
		return;
	if (r->customer || !*r->ticket) {
		report_reopen(r->s, r->ticket, r->customer, ts, how);
		return;
	}
	struct ticket_link *l = link_of(r->s, r->ticket);
	l->held = cs_realloc(l->held, (l->nheld + 1) * sizeof *l->held);
	l->held[l->nheld++] = (struct held_reopen){ts, how};
}

static void link_free(struct ticket_link *l)
{
	free(l->ticket);
	free(l->customer);
	free(l->held);
	free(l);
}

/* At the end: reopenings of tickets no record linked to a customer. */
static void report_unlinked(cs_signals *s)
{
	for (size_t i = 0; i < s->nlinks; i++)
		report_held(s, s->links[i]);
}

static void read_ticket(cs_signals *s, const cs_rec *rec, int is_event)
{
	cs_buf ticket = CS_BUF_INIT;
	const char *id = cs_jtext(cs_jmember(&rec->obj, is_event ? "ticket" : "id"), &ticket);
	const char *who = ticket_customer(s, id ? id : "", cs_sig_ticket_customer(s->reader, &rec->obj, is_event));
	struct reopen_ctx r = {s, id ? id : "", who ? cs_strdup(who) : NULL};
	int64_t ts;
	s->n.tickets++;
	if (is_event && cs_sig_ticket_event_reopens(&rec->obj, &ts))
		ticket_reopened(ts, "reopened", &r);
	else if (!is_event)
		cs_sig_ticket_reopens(&rec->obj, ticket_reopened, &r);
	const char *creator = cs_sig_ticket_created(s->reader, &rec->obj, is_event, &ts);
	if (creator)
		cs_sig_see_ticket(s->det, creator, ts);
	if (!is_event && s->journeys && creator)
		cs_journeys_contact(s->journeys, creator, "ticket", id, ts, NULL);
	free((char *)r.customer);
	cs_buf_free(&ticket);
}

/* An SLA breach alert of a customer's ticket: its customer (in the
 * reader's memory) and time, else NULL. */
static const char *breach_of(cs_signals *s, const cs_rec *rec, int64_t *ts)
{
	const char *type = cs_jtext(cs_jmember(&rec->obj, "type"), &s->text);
	if (!type || strcmp(type, "ticket.sla_breach") != 0 || cs_jtime(cs_jmember(&rec->obj, "ts"), ts) < 0)
		return NULL;
	return cs_sig_customer(s->reader, &rec->obj);
}

static void read_breach(cs_signals *s, const cs_rec *rec)
{
	int64_t ts;
	const char *who = breach_of(s, rec, &ts);
	if (!who)
		return;
	char *customer = cs_strdup(who);
	cs_buf ticket = CS_BUF_INIT, metric = CS_BUF_INIT, detail = CS_BUF_INIT;
	const char *t = cs_jtext(cs_jmember(&rec->obj, "ticket"), &ticket);
	const char *m = cs_jtext(cs_jmember(&rec->obj, "metric"), &metric);
	cs_buf_adds(&detail, "\"ticket\":");
	cs_buf_add_jstr(&detail, t ? t : "", t ? strlen(t) : 0);
	cs_buf_adds(&detail, ",\"metric\":");
	cs_buf_add_jstr(&detail, m ? m : "", m ? strlen(m) : 0);
	cs_buf_addc(&detail, 0);
	cs_sig_advance(s->det, ts);
	const char *alert_id = cs_jtext(cs_jmember(&rec->obj, "id"), &s->text);
	struct cs_sig_ref ref = {alert_id, "alert", ts};
	cs_sig_report(s->det, "sla_breach", customer, ts, &ref, detail.p);
	free(customer);
	cs_buf_free(&ticket);
	cs_buf_free(&metric);
	cs_buf_free(&detail);
}

static int is_kind(const char *kind, const char *want)
{
	return kind && strcmp(kind, want) == 0;
}

static int profile(cs_signals *s, cs_run *run, const cs_rec *rec, const char *kind)
{
	if (is_kind(kind, "event"))
		return read_event(s, rec);
	if (is_kind(kind, "conversation"))
		return read_conversation(s, run, rec);
	if (is_kind(kind, "ticket") || is_kind(kind, "ticket_event"))
		read_ticket(s, rec, is_kind(kind, "ticket_event"));
	else if (is_kind(kind, "alert"))
		read_breach(s, rec);
	return CS_REC_OK;
}

/* The ids each kind gives that sessions, contacts, consent and tickets
 * are keyed on. */
static const char *const event_ids[] = {"id", CUSTOMER_IDS, "device", "anonymous_id", "session", NULL};
static const char *const conversation_ids[] = {"id", CUSTOMER_IDS, NULL};
static const char *const ticket_ids[] = {"id", CUSTOMER_IDS, NULL};
static const char *const ticket_event_ids[] = {"ticket", CUSTOMER_IDS, "data.customer", "data.customer.id", NULL};
static const char *const alert_ids[] = {"id", "ticket", CUSTOMER_IDS, NULL};
static const struct {
	const char *kind;
	const char *const *ids;
} kind_ids[] = {{"event", event_ids}, {"conversation", conversation_ids}, {"ticket", ticket_ids},
		{"ticket_event", ticket_event_ids}, {"alert", alert_ids}};

static const char *const *ids_of(const char *kind)
{
	static const char *const none[] = {NULL};
	for (size_t i = 0; i < sizeof kind_ids / sizeof kind_ids[0]; i++)
		if (is_kind(kind, kind_ids[i].kind))
			return kind_ids[i].ids;
	return none;
}

static int passes_records(const cs_signals *s) { return !s->o.signals_only && !s->journeys; }

enum ours { NOT_OURS, OUR_SIGNAL, OUR_ALERT };

/* A record cs-signals writes, come in again from a stream it has been over
 * (when it passes records on: otherwise they are read as any other). */
static enum ours ours_of(const cs_signals *s, const cs_rec *rec, const char *kind)
{
	if (!passes_records(s))
		return NOT_OURS;
	if (is_kind(kind, "signal"))
		return OUR_SIGNAL;
	return is_kind(kind, "alert") && cs_jmember_is(&rec->obj, "source", "cs-signals") ? OUR_ALERT : NOT_OURS;
}

/* Ours goes out once (eng_signals_out.h), the records found before it still
 * waiting: the signals and alerts a record brought come in together. */
static void take_ours(cs_signals *s, cs_run *run, const cs_rec *rec, enum ours ours)
{
	const char *id = cs_jtext(cs_jmember(&rec->obj, "id"), &s->text);
	if (id && cs_sig_out_came_in(&s->ours, run, id, s->text.len)) {
		if (ours == OUR_SIGNAL)
			s->n.signals_replaced++;
		else
			s->n.alerts_replaced++;
		return;
	}
	cs_run_write_line(run, rec->text, rec->len);
}

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_signals *s = ctx;
	const char *kind = cs_jtext(cs_jmember(&rec->obj, "kind"), &s->kind);
	int passes = passes_records(s);
	int rc = CS_REC_OK;
	if (cs_rec_ids_check(rec, ids_of(kind)) != CS_REC_OK)
		return CS_REC_BAD;
	enum ours ours = ours_of(s, rec, kind);
	if (ours != NOT_OURS) {
		take_ours(s, run, rec, ours);
		return CS_REC_OK;
	}
	flush_pending(s, run);   /* what the record before brought */
	if (!consented(s, &rec->obj)) {
		s->n.not_consented++;
	} else {
		rc = profile(s, run, rec, kind);
		if (is_kind(kind, "conversation"))
			passes = 0;   /* written with its field, or not at all */
	}
	if (rc == CS_REC_OK && passes)
		cs_run_write_line(run, rec->text, rec->len);
	return rc;
}

/* The time a record moves the detector's clock to, as profile() reads it. */
static int time_of_record(cs_signals *s, const cs_rec *rec, const char *kind, int64_t *ts)
{
	if (is_kind(kind, "event")) {
		struct cs_sig_event e;
		const char *why;
		if (cs_sig_read_event(s->reader, &rec->obj, &e, &why) < 0 || (!e.customer && !e.device && !e.session))
			return -1;
		*ts = e.ts;
		return 0;
	}
	if (is_kind(kind, "alert"))
		return breach_of(s, rec, ts) ? 0 : -1;
	return is_kind(kind, "conversation") ? cs_sig_contact_time(&rec->obj, ts) : -1;
}

static void other_shard(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_signals *s = ctx;
	const char *kind = cs_jtext(cs_jmember(&rec->obj, "kind"), &s->kind);
	int64_t ts;
	if (ours_of(s, rec, kind) != NOT_OURS)
		return;   /* as record() would take it: what waits, waits on */
	flush_pending(s, run);
	if (consented(s, &rec->obj) && time_of_record(s, rec, kind, &ts) == 0)
		cs_sig_advance(s->det, ts);
}

static void churn_alert(cs_signals *s, const struct cs_journey_out *j)
{
	cs_buf id = CS_BUF_INIT, reason = CS_BUF_INIT;
	cs_buf_printf(&id, "%s\tchurn\t%lld", j->customer, (long long)j->now);
	uint64_t h = cs_hash64(id.p, id.len, 0x5167);
	cs_buf_reset(&id);
	cs_buf_printf(&id, "alert-%016llx", (unsigned long long)h);
	cs_buf_printf(&reason, "Churn risk %d of 100 (%s):", j->risk->score, cs_risk_band_name(j->risk->band));
	for (size_t i = 0; i < j->risk->nreasons; i++)
		cs_buf_printf(&reason, "%s %s", i ? ";" : "", j->risk->reasons[i].text);
	cs_buf_addc(&reason, '.');
	struct alert a = {"signals.churn_risk", "critical", j->customer, NULL, j->now, id.p, NULL, reason.p,
			  "a proactive call from a senior agent about the open issues", j->ev, j->nev};
	write_alert_record(s, &a);
	cs_buf_free(&id);
	cs_buf_free(&reason);
}

struct journey_sink {
	cs_signals *s;
	cs_run *run;
};

static void write_journey(const struct cs_journey_out *j, void *ctx)
{
	struct journey_sink *sink = ctx;
	cs_run_write_line(sink->run, j->record->p, j->record->len);
	if (sink->s->o.alerts && j->risk->band == CS_RISK_RED)
		churn_alert(sink->s, j);
	flush_pending(sink->s, sink->run);
}

static void finish(void *ctx, cs_run *run)
{
	cs_signals *s = ctx;
	report_unlinked(s);
	cs_sig_finish(s->det, s->o.until_ms);
	flush_pending(s, run);
	struct journey_sink sink = {s, run};
	if (s->journeys)
		cs_journeys_write(s->journeys, s->model, s->o.now_ms, write_journey, &sink);
}

static void counters(void *ctx, cs_stats *st)
{
	cs_signals *s = ctx;
	struct cs_sig_counts d = cs_sig_counts(s->det);
	cs_stats_add(st, "events", s->n.events);
	cs_stats_add(st, "contacts", s->n.contacts);
	cs_stats_add(st, "tickets", s->n.tickets);
	cs_stats_add(st, "sessions", d.sessions);
	cs_stats_add(st, "signals", s->n.signals);
	cs_stats_add(st, "alerts", s->n.alerts);
	cs_stats_add(st, "alerts_cooled_down", s->n.alerts_cooled);
	cs_stats_add(st, "signals_replaced", s->n.signals_replaced);
	cs_stats_add(st, "alerts_replaced", s->n.alerts_replaced);
	cs_stats_add(st, "logins_joined", d.logins_joined);
	cs_stats_add(st, "identity_conflicts", d.identity_conflicts);
	cs_stats_add(st, "sessions_ended_early", d.sessions_evicted);
	cs_stats_add(st, "undecided", d.undecided);
	cs_stats_add(st, "out_of_order", d.out_of_order);
	cs_stats_add(st, "not_consented", s->n.not_consented);
	cs_stats_add(st, "unattributed", s->n.unattributed);
	cs_stats_add(st, "bad_survey_scores", s->n.bad_scores);
	if (s->journeys) {
		cs_stats_add(st, "journeys", cs_journeys_customers(s->journeys));
		cs_stats_add(st, "anonymous_sessions", cs_journeys_anonymous(s->journeys));
	}
}

static void summary(void *ctx, const struct cs_common *c)
{
	cs_signals *s = ctx;
	struct cs_sig_counts d = cs_sig_counts(s->det);
	if (c->quiet)
		return;
	if (d.sessions_evicted)
		cs_notice("%llu sessions ended early to stay within --max-open", (unsigned long long)d.sessions_evicted);
	if (d.out_of_order)
		cs_notice("%llu events came before their session's latest; read as at that time",
			  (unsigned long long)d.out_of_order);
	if (s->n.not_consented)
		cs_notice("%llu records without consent for %s were passed on, not profiled",
			  (unsigned long long)s->n.not_consented, s->o.purpose);
	if (s->n.bad_scores)
		cs_notice("%llu survey%s left out: no score on the metric's scale (csat 1-5, nps 0-10, ces 1-7)",
			  (unsigned long long)s->n.bad_scores, s->n.bad_scores == 1 ? "" : "s");
}

/* ---- life ---- */

static int open_side_files(cs_signals *s)
{
	cs_buf err = CS_BUF_INIT;
	int status = 0;
	if (s->o.consent && cs_conf_ndjson_each(s->o.consent, consent_line, s, &err) != 0)
		status = 3;
	if (status == 0 && s->journeys && !(s->model = cs_risk_model_open(s->o.model, &err)))
		status = 3;
	if (status == 0 && s->o.alerts) {
		int rc = cs_sig_state_open(s->o.state, &s->state, &err);
		status = rc == -2 ? 5 : rc == -3 ? 3 : rc ? 4 : 0;
	}
	if (status)
		cs_error("%s", err.p);
	cs_buf_free(&err);
	return status;
}

cs_signals *cs_signals_new(const struct cs_common *c, const struct cs_signals_opts *o, struct cs_engine *engine,
			   int *status)
{
	cs_signals *s = cs_calloc(1, sizeof *s);
	s->o = *o;
	s->common = c;
	*status = cs_signals_conf(o, &s->conf);
	if (o->journey)
		s->journeys = cs_journeys_new();
	if (*status == 0)
		*status = open_side_files(s);
	if (*status) {
		cs_signals_free(s);
		return NULL;
	}
	struct cs_sig_callbacks cb = {s, on_hit, on_session_end};
	s->det = cs_sig_detector_new(&s->conf, &cb, o->max_open);
	s->reader = cs_sig_reader_new();
	*engine = (struct cs_engine){.ctx = s, .record = record, .finish = finish, .flush = flush_pending,
				     .counters = counters, .summary = summary, .other_shard = other_shard};
	return s;
}

int cs_signals_close(cs_signals *s, int status)
{
	cs_buf err = CS_BUF_INIT;
	int completed = status == 0 || (status == 1 && s->common->skip_bad);
	if (s->state && completed && cs_sig_state_commit(s->state, &err) != 0) {
		cs_error("%s", err.p);
		status = 4;
	}
	cs_buf_free(&err);
	return status;
}

void cs_signals_free(cs_signals *s)
{
	if (!s)
		return;
	cs_sig_detector_free(s->det);
	cs_sig_reader_free(s->reader);
	cs_sig_state_close(s->state);
	cs_journeys_free(s->journeys);
	cs_risk_model_free(s->model);
	cs_sig_conf_free(&s->conf);
	cs_sig_out_free(&s->ours);
	cs_buf_free(&s->out);
	cs_buf_free(&s->kind);
	cs_buf_free(&s->text);
	cs_buf_free(&s->id);
	cs_map_free(&s->consent);
	cs_fpset_free(&s->reopens_seen);
	for (size_t i = 0; i < s->nlinks; i++)
		link_free(s->links[i]);
	free(s->links);
	cs_map_free(&s->tickets);
	free(s);
}
