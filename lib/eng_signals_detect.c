/* eng_signals_detect: sessions, clicks, pages, forms, help sought and
 * contacts, and the signals they show (see the header and cs-signals(1)). */
#include "eng_signals_detect.h"
#include "eng_signals_contacts.h"
#include "kit_buf.h"
#include "kit_dues.h"
#include "kit_hash.h"
#include "kit_mem.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLICKS_MAX 64
#define FORMS_MAX 16
#define HELD_MAX 64
/* Inputs are decimals, but a difference of two of them is rounded in binary
 * (0.7 - 0.2 is 0.49999999999999994): a computed value this close to a
 * threshold meets it. */
#define NEAR_THRESHOLD 1e-9

struct ref {
	char *id;
	const char *what;
	int64_t ts;
};

/* A signal found while the visitor was anonymous, held until login or the end of the session. */
struct held {
	const char *type;
	int64_t ts;
	struct ref ev[CS_SIG_EVIDENCE_MAX];
	size_t nev;
	uint64_t count;
	char *detail;
};

struct click {
	struct ref ref;
	uint64_t burst;          /* the burst it belongs to, 0: none */
	int answered, errored, text_input;
	double x, y;
	int has_xy;
};

struct burst {
	uint64_t seq;            /* 0: no burst open */
	int64_t first_ts;
	double x, y;
	int has_xy;
	char *target;
	struct ref ev[CS_SIG_EVIDENCE_MAX];
	size_t nev;
	uint64_t clicks;
};

struct form {
	char *name, *page;
	struct ref start;
};

struct session {
	char *key, *session_id, *customer, *device;
	char *alias[2];          /* "c:ID" and "d:ID" keys that lead here */
	int64_t start, last;
	uint64_t events, pages;
	struct session *prev, *next;   /* least recently used first */
	struct click *clicks;          /* grown as needed, at most CLICKS_MAX */
	size_t nclicks, clicks_cap;
	struct burst burst;
	uint64_t rage_bursts[4];       /* recent bursts that were rage clicks */
	char *page, *prev_page;
	struct ref page_ev, prev_page_ev;
	int interacted;
	int64_t refresh_first;
	int refreshes, refresh_reported;
	struct ref refresh_ev[CS_SIG_EVIDENCE_MAX];
	size_t nrefresh_ev;
	struct form *forms;            /* at most FORMS_MAX */
	size_t nforms, forms_cap;
	struct held *held;             /* at most HELD_MAX */
	size_t nheld, held_cap;
	char *joined_by;         /* the event that joined the customer */
};

/* A customer or anonymous device: recent contacts, help sought. */
struct ident {
	char *key;
	struct cs_sig_kept contacts;
	int has_help;
	int64_t help_start;
	struct ref help_ev[CS_SIG_EVIDENCE_MAX];
	size_t nhelp;
	uint64_t help_count;
	struct ident *prev, *next;
};


struct cs_sig_detector {
	struct cs_sig_conf conf;
	struct cs_sig_callbacks cb;
	size_t max_open, nopen;
	cs_map sessions, aliases, idents;
	struct session *lru_head, *lru_tail;
	struct ident *idents_head;
	/* When to look at an ident again: one queue per delay, so each is in
	 * time order (a 7-day deadline at the head of a shared queue would hold
	 * back the 24-hour ones behind it). */
	cs_dues help_dues, contact_dues;
	uint64_t burst_seq;
	int64_t watermark;
	int have_watermark;
	struct cs_sig_counts counts;
	cs_sig_contacts *contacts;
	cs_buf detail, key;
};

static const int64_t NEVER = INT64_MAX;

/* ---- small helpers ---- */

/* Room for one more element in *arr (most sessions never need any). */
static void *room_for_one(void *arr, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return arr;
	*cap = *cap ? *cap * 2 : 4;
	return cs_realloc(arr, *cap * size);
}

static struct ref ref_of(const char *id, const char *what, int64_t ts)
{
	return (struct ref){id ? cs_strdup(id) : NULL, what, ts};
}

static struct ref ref_copy(const struct ref *r)
{
	return ref_of(r->id, r->what, r->ts);
}

static void ref_free(struct ref *r)
{
	free(r->id);
	r->id = NULL;
}

static void refs_add(struct ref *refs, size_t *n, struct ref r)
{
	if (*n < CS_SIG_EVIDENCE_MAX)
		refs[(*n)++] = r;
	else
		ref_free(&r);
}

static void refs_free(struct ref *refs, size_t *n)
{
	for (size_t i = 0; i < *n; i++)
		ref_free(&refs[i]);
	*n = 0;
}

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static const char *event_what(enum cs_sig_etype t)
{
	static const char *const names[] = {"event", "page_view", "click", "error", "network", "change", "scroll",
					    "search", "search_result_click", "help_view", "form_start", "form_submit",
					    "login", "refund", "return", "survey"};
	return names[t];
}

/* ---- emitting ---- */

static void emit(cs_sig_detector *d, const char *type, const char *customer, const char *device, const char *session,
		 int64_t ts, const struct ref *ev, size_t nev, uint64_t count, const char *detail)
{
	struct cs_sig_ref out[CS_SIG_EVIDENCE_MAX];
	for (size_t i = 0; i < nev; i++)
		out[i] = (struct cs_sig_ref){ev[i].id, ev[i].what, ev[i].ts};
	struct cs_sig_hit h = {type, customer, device, session, ts, out, nev, count, detail ? detail : ""};
	d->cb.hit(d->cb.ctx, &h);
}

/* A session's signal: now when its customer is known, else held until login. */
static void session_hit(cs_sig_detector *d, struct session *s, const char *type, int64_t ts, struct ref *ev,
			size_t nev, uint64_t count, const char *detail)
{
	if (s->customer || s->nheld == HELD_MAX) {
		emit(d, type, s->customer, s->device, s->session_id, ts, ev, nev, count, detail);
		return;
	}
	s->held = room_for_one(s->held, s->nheld, &s->held_cap, sizeof *s->held);
	struct held *h = &s->held[s->nheld++];
	*h = (struct held){type, ts, {{0}}, 0, count, cs_strdup(detail ? detail : "")};
	for (size_t i = 0; i < nev; i++)
		h->ev[h->nev++] = ref_copy(&ev[i]);
}

static void flush_held(cs_sig_detector *d, struct session *s)
{
	for (size_t i = 0; i < s->nheld; i++) {
		struct held *h = &s->held[i];
		cs_buf_reset(&d->detail);
		cs_buf_adds(&d->detail, h->detail);
		if (s->customer && s->device && s->joined_by) {
			cs_buf_printf(&d->detail, "%s\"identity\":{\"device\":", h->detail[0] ? "," : "");
			cs_buf_add_jstr(&d->detail, s->device, strlen(s->device));
			cs_buf_adds(&d->detail, ",\"joined_by\":");
			cs_buf_add_jstr(&d->detail, s->joined_by, strlen(s->joined_by));
			cs_buf_addc(&d->detail, '}');
		}
		cs_buf_addc(&d->detail, 0);
		emit(d, h->type, s->customer, s->device, s->session_id, h->ts, h->ev, h->nev, h->count, d->detail.p);
		refs_free(h->ev, &h->nev);
		free(h->detail);
	}
	s->nheld = 0;
}

/* ---- identities: contacts and help sought ---- */

static const char *ident_key(cs_sig_detector *d, const char *customer, const char *device)
{
	cs_buf_reset(&d->key);
	cs_buf_adds(&d->key, customer ? "c:" : "d:");
	cs_buf_adds(&d->key, customer ? customer : device);
	cs_buf_addc(&d->key, 0);
	return d->key.p;
}

static struct ident *ident_get(cs_sig_detector *d, const char *key, int create)
{
	struct ident *id = cs_map_get(&d->idents, key, strlen(key));
	if (id || !create)
		return id;
	id = cs_calloc(1, sizeof *id);
	id->key = cs_strdup(key);
	id->next = d->idents_head;
	if (d->idents_head)
		d->idents_head->prev = id;
	d->idents_head = id;
	cs_map_put(&d->idents, key, strlen(key), id);
	return id;
}

static void ident_drop(cs_sig_detector *d, struct ident *id)
{
	cs_map_del(&d->idents, id->key, strlen(id->key));
	if (id->prev)
		id->prev->next = id->next;
	else
		d->idents_head = id->next;
	if (id->next)
		id->next->prev = id->prev;
	cs_sig_contacts_clear(d->contacts, &id->contacts, id->key);
	refs_free(id->help_ev, &id->nhelp);
	free(id->key);
	free(id);
}


static void decide_help(cs_sig_detector *d, struct ident *id)
{
	const char *key = id->key;
	const char *customer = key[0] == 'c' ? key + 2 : NULL;
	const char *device = key[0] == 'd' ? key + 2 : NULL;
	emit(d, "silent_help_seeker", customer, device, NULL, id->help_start, id->help_ev, id->nhelp, id->help_count,
	     NULL);
	refs_free(id->help_ev, &id->nhelp);
	id->has_help = 0;
}

/* Look at an ident whose deadline came: help sought long enough ago
 * without a contact is reported; contacts two repeat windows old are
 * forgotten (a contact may come late by one: cs-ingest writes conversations
 * as they close, and another customer's must not make it miss its match). */
static void review_ident(cs_sig_detector *d, struct ident *id, int64_t now)
{
	if (id->has_help && now - id->help_start > d->conf.help_within_ms)
		decide_help(d, id);
	cs_sig_contacts_forget(d->contacts, &id->contacts, id->key, now - d->conf.repeat_within_ms,
			       d->conf.repeat_within_ms);
	if (!id->has_help && id->contacts.first == id->contacts.n)
		ident_drop(d, id);
}

static void run_queue(cs_sig_detector *d, cs_dues *q, int64_t now)
{
	const cs_due *due;
	while ((due = cs_dues_due(q, now))) {
		struct ident *id = ident_get(d, due->key, 0);
		if (id)
			review_ident(d, id, now);
		cs_dues_pop(q);
	}
}

static void run_dues(cs_sig_detector *d, int64_t now)
{
	run_queue(d, &d->help_dues, now);
	run_queue(d, &d->contact_dues, now);
}

static void help_sought(cs_sig_detector *d, const char *customer, const char *device, const struct cs_sig_event *e)
{
	struct ident *id = ident_get(d, ident_key(d, customer, device), 1);
	if (!id->has_help) {
		id->has_help = 1;
		id->help_start = e->ts;
		id->help_count = 0;
		cs_dues_push(&d->help_dues, id->key, e->ts + d->conf.help_within_ms);
	}
	id->help_count++;
	refs_add(id->help_ev, &id->nhelp, ref_of(e->id, event_what(e->type), e->ts));
}

static void help_answered(cs_sig_detector *d, const char *key, int64_t ts)
{
	struct ident *id = ident_get(d, key, 0);
	if (id && id->has_help && ts >= id->help_start && ts - id->help_start <= d->conf.help_within_ms) {
		refs_free(id->help_ev, &id->nhelp);
		id->has_help = 0;
	}
}

/* The device's help sought becomes the customer's at login. */
static void help_join(cs_sig_detector *d, const char *device, const char *customer)
{
	struct ident *dev = ident_get(d, ident_key(d, NULL, device), 0);
	if (!dev || !dev->has_help)
		return;
	struct ident *cust = ident_get(d, ident_key(d, customer, NULL), 1);
	if (cust->has_help)
		return;
	cust->has_help = 1;
	cust->help_start = dev->help_start;
	cust->help_count = dev->help_count;
	for (size_t i = 0; i < dev->nhelp; i++)
		cust->help_ev[i] = dev->help_ev[i];
	cust->nhelp = dev->nhelp;
	dev->nhelp = 0;
	dev->has_help = 0;
	/* The device's deadline is older than those set since it sought help. */
	cs_dues_insert(&d->help_dues, cust->key, cust->help_start + d->conf.help_within_ms);
}

/* ---- clicks ---- */

static int click_decided(const cs_sig_detector *d, const struct session *s, const struct click *c, int64_t now)
{
	int64_t window = d->conf.dead_within_ms > d->conf.error_within_ms ? d->conf.dead_within_ms : d->conf.error_within_ms;
	return (now == NEVER || now - c->ref.ts > window) && (c->burst == 0 || c->burst != s->burst.seq);
}

static int in_rage_burst(const struct session *s, uint64_t burst)
{
	for (size_t i = 0; i < 4; i++)
		if (burst && s->rage_bursts[i] == burst)
			return 1;
	return 0;
}

static void decide_click(cs_sig_detector *d, struct session *s, struct click *c)
{
	if (!c->answered && !c->text_input && !in_rage_burst(s, c->burst)) {
		struct ref ev = c->ref;
		session_hit(d, s, "dead_click", c->ref.ts, &ev, 1, 1, NULL);
	}
	ref_free(&c->ref);
}

static void close_burst(cs_sig_detector *d, struct session *s)
{
	struct burst *b = &s->burst;
	if (!b->seq)
		return;
	if (b->clicks >= (uint64_t)d->conf.rage_clicks) {
		memmove(s->rage_bursts + 1, s->rage_bursts, 3 * sizeof *s->rage_bursts);
		s->rage_bursts[0] = b->seq;
		cs_buf_reset(&d->detail);
		cs_buf_adds(&d->detail, "\"target\":");
		cs_buf_add_jstr(&d->detail, b->target ? b->target : "", b->target ? strlen(b->target) : 0);
		cs_buf_addc(&d->detail, 0);
		session_hit(d, s, "rage_click", b->first_ts, b->ev, b->nev, b->clicks, d->detail.p);
	}
	refs_free(b->ev, &b->nev);
	free(b->target);
	*b = (struct burst){0};
}

static int near_anchor(const cs_sig_detector *d, const struct burst *b, int has_xy, double x, double y)
{
	if (b->has_xy != has_xy)
		return 0;
	return !has_xy || hypot(x - b->x, y - b->y) <= d->conf.rage_radius_px + NEAR_THRESHOLD;
}

/* A burst too short to be a rage click drops its first click and begins at
 * its next one, so that the clicks after a slower first one can still be a
 * rage burst of their own; the clicks too far from the new first leave it.
 * Returns 0 when no click is left. */
static int slide_burst(cs_sig_detector *d, struct session *s)
{
	struct burst *b = &s->burst;
	int anchored = 0;
	refs_free(b->ev, &b->nev);
	b->clicks = 0;
	for (size_t i = 0, seen = 0; i < s->nclicks; i++) {
		struct click *c = &s->clicks[i];
		if (c->burst != b->seq || seen++ == 0) {
			if (c->burst == b->seq)
				c->burst = 0;
			continue;
		}
		if (!anchored) {
			b->first_ts = c->ref.ts;
			b->x = c->x;
			b->y = c->y;
			b->has_xy = c->has_xy;
			anchored = 1;
		} else if (!near_anchor(d, b, c->has_xy, c->x, c->y)) {
			c->burst = 0;
			continue;
		}
		b->clicks++;
		refs_add(b->ev, &b->nev, ref_copy(&c->ref));
	}
	return anchored;
}

static int burst_short(const cs_sig_detector *d, const struct burst *b)
{
	return b->seq && b->clicks < (uint64_t)d->conf.rage_clicks;
}

/* Slide a short burst past the clicks whose window is over by now. */
static void burst_advance(cs_sig_detector *d, struct session *s, int64_t now)
{
	while (now != NEVER && burst_short(d, &s->burst) && now - s->burst.first_ts > d->conf.rage_within_ms)
		if (!slide_burst(d, s))
			close_burst(d, s);
	if (s->burst.seq && (now == NEVER || now - s->burst.first_ts > d->conf.rage_within_ms))
		close_burst(d, s);
}

/* Decide the clicks (and the burst) that time has passed by. */
static void clicks_advance(cs_sig_detector *d, struct session *s, int64_t now)
{
	burst_advance(d, s, now);
	size_t kept = 0;
	for (size_t i = 0; i < s->nclicks; i++) {
		if (click_decided(d, s, &s->clicks[i], now))
			decide_click(d, s, &s->clicks[i]);
		else
			s->clicks[kept++] = s->clicks[i];
	}
	s->nclicks = kept;
}

static int joins_burst(const cs_sig_detector *d, const struct burst *b, const struct cs_sig_event *e)
{
	if (!b->seq || !same(b->target, e->name) || e->ts - b->first_ts > d->conf.rage_within_ms)
		return 0;
	return near_anchor(d, b, e->has_xy, e->x, e->y);
}

static uint64_t burst_click(cs_sig_detector *d, struct session *s, const struct cs_sig_event *e)
{
	struct burst *b = &s->burst;
	while (burst_short(d, b) && same(b->target, e->name) && !joins_burst(d, b, e))
		if (!slide_burst(d, s))
			close_burst(d, s);
	if (!joins_burst(d, b, e)) {
		close_burst(d, s);
		*b = (struct burst){.seq = ++d->burst_seq, .first_ts = e->ts, .x = e->x, .y = e->y, .has_xy = e->has_xy,
				    .target = e->name ? cs_strdup(e->name) : NULL};
	}
	b->clicks++;
	refs_add(b->ev, &b->nev, ref_of(e->id, "click", e->ts));
	return b->seq;
}

static void add_click(cs_sig_detector *d, struct session *s, const struct cs_sig_event *e)
{
	int excluded = e->text_input || e->selection;
	uint64_t burst = excluded ? 0 : burst_click(d, s, e);
	if (s->nclicks == CLICKS_MAX)   /* a flood of clicks: the oldest is decided early */
		clicks_advance(d, s, NEVER);
	s->clicks = room_for_one(s->clicks, s->nclicks, &s->clicks_cap, sizeof *s->clicks);
	s->clicks[s->nclicks++] = (struct click){ref_of(e->id, "click", e->ts), burst, 0, 0, excluded, e->x, e->y, e->has_xy};
}

static void clicks_answered(cs_sig_detector *d, struct session *s, int64_t ts)
{
	for (size_t i = 0; i < s->nclicks; i++)
		if (ts - s->clicks[i].ref.ts <= d->conf.dead_within_ms)
			s->clicks[i].answered = 1;
}

static void clicks_errored(cs_sig_detector *d, struct session *s, const struct cs_sig_event *e)
{
	for (size_t i = 0; i < s->nclicks; i++) {
		struct click *c = &s->clicks[i];
		if (c->errored || e->ts - c->ref.ts > d->conf.error_within_ms)
			continue;
		c->errored = 1;
		struct ref ev[2] = {c->ref, {(char *)e->id, event_what(e->type), e->ts}};
		cs_buf_reset(&d->detail);
		if (e->name) {
			cs_buf_adds(&d->detail, "\"error\":");
			cs_buf_add_jstr(&d->detail, e->name, strlen(e->name));
		}
		if (e->status)
			cs_buf_printf(&d->detail, "%s\"status\":%d", e->name ? "," : "", e->status);
		cs_buf_addc(&d->detail, 0);
		session_hit(d, s, "error_click", c->ref.ts, ev, 2, 1, d->detail.p);
	}
}

/* ---- pages and forms ---- */

static void refresh_start(struct session *s, const struct cs_sig_event *e)
{
	refs_free(s->refresh_ev, &s->nrefresh_ev);
	refs_add(s->refresh_ev, &s->nrefresh_ev, ref_of(e->id, "page_view", e->ts));
	s->refresh_first = e->ts;
	s->refreshes = 0;
	s->refresh_reported = 0;
}

/* A reload of the page: counted from its first view, or from the first
 * reload after the window passed. */
static void refresh(cs_sig_detector *d, struct session *s, const struct cs_sig_event *e)
{
	if (e->ts - s->refresh_first > d->conf.refresh_within_ms) {
		refresh_start(s, e);
		return;
	}
	refs_add(s->refresh_ev, &s->nrefresh_ev, ref_of(e->id, "page_view", e->ts));
	s->refreshes++;
	if (s->refreshes < d->conf.refreshes || s->refresh_reported)
		return;
	s->refresh_reported = 1;
	cs_buf_reset(&d->detail);
	cs_buf_adds(&d->detail, "\"page\":");
	cs_buf_add_jstr(&d->detail, s->page, strlen(s->page));
	cs_buf_addc(&d->detail, 0);
	session_hit(d, s, "excessive_refresh", s->refresh_first, s->refresh_ev, s->nrefresh_ev, (uint64_t)s->refreshes,
		    d->detail.p);
}

static void u_turn(cs_sig_detector *d, struct session *s, const struct cs_sig_event *e)
{
	struct ref ev[3] = {s->prev_page_ev, s->page_ev, {(char *)e->id, "page_view", e->ts}};
	cs_buf_reset(&d->detail);
	cs_buf_adds(&d->detail, "\"page\":");
	cs_buf_add_jstr(&d->detail, s->page, strlen(s->page));
	cs_buf_adds(&d->detail, ",\"back_to\":");
	cs_buf_add_jstr(&d->detail, e->name, strlen(e->name));
	cs_buf_printf(&d->detail, ",\"dwell_ms\":%lld", (long long)(e->ts - s->page_ev.ts));
	cs_buf_addc(&d->detail, 0);
	session_hit(d, s, "u_turn", s->page_ev.ts, ev, 3, 1, d->detail.p);
}

static void page_view(cs_sig_detector *d, struct session *s, const struct cs_sig_event *e)
{
	s->pages++;
	if (!e->name)
		return;
	if (s->page && (e->reload || strcmp(s->page, e->name) == 0)) {
		refresh(d, s, e);
		return;
	}
	if (s->prev_page && strcmp(s->prev_page, e->name) == 0 && !s->interacted &&
	    e->ts - s->page_ev.ts <= d->conf.u_turn_within_ms)
		u_turn(d, s, e);
	ref_free(&s->prev_page_ev);
	free(s->prev_page);
	s->prev_page = s->page;
	s->prev_page_ev = s->page_ev;
	s->page = cs_strdup(e->name);
	s->page_ev = ref_of(e->id, "page_view", e->ts);
	s->interacted = 0;
	refresh_start(s, e);
}

static struct form *find_form(struct session *s, const char *name)
{
	for (size_t i = 0; i < s->nforms; i++)
		if (same(s->forms[i].name, name))
			return &s->forms[i];
	return NULL;
}

static void form_started(struct session *s, const struct cs_sig_event *e, const char *name)
{
	if (!name || find_form(s, name) || s->nforms == FORMS_MAX)
		return;
	s->forms = room_for_one(s->forms, s->nforms, &s->forms_cap, sizeof *s->forms);
	s->forms[s->nforms++] = (struct form){cs_strdup(name), s->page ? cs_strdup(s->page) : NULL,
					      ref_of(e->id, event_what(e->type), e->ts)};
}

static void form_free(struct form *f)
{
	free(f->name);
	free(f->page);
	ref_free(&f->start);
}

static void form_submitted(struct session *s, const char *name)
{
	struct form *f = find_form(s, name);
	if (!f)
		return;
	form_free(f);
	*f = s->forms[--s->nforms];
}

static void form_abandoned(cs_sig_detector *d, struct session *s, struct form *f)
{
	int payment = cs_sig_match(&d->conf.payment_pages, f->name, strlen(f->name)) ||
		      (f->page && cs_sig_match(&d->conf.payment_pages, f->page, strlen(f->page)));
	cs_buf_reset(&d->detail);
	cs_buf_adds(&d->detail, "\"form\":");
	cs_buf_add_jstr(&d->detail, f->name, strlen(f->name));
	if (f->page) {
		cs_buf_adds(&d->detail, ",\"page\":");
		cs_buf_add_jstr(&d->detail, f->page, strlen(f->page));
	}
	cs_buf_printf(&d->detail, ",\"payment\":%s", payment ? "true" : "false");
	cs_buf_addc(&d->detail, 0);
	session_hit(d, s, "form_abandoned", f->start.ts, &f->start, 1, 1, d->detail.p);
}

/* ---- sessions ---- */

static void lru_unlink(cs_sig_detector *d, struct session *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		d->lru_head = s->next;
	if (s->next)
		s->next->prev = s->prev;
	else
		d->lru_tail = s->prev;
	s->prev = s->next = NULL;
}

static void lru_append(cs_sig_detector *d, struct session *s)
{
	s->prev = d->lru_tail;
	if (d->lru_tail)
		d->lru_tail->next = s;
	else
		d->lru_head = s;
	d->lru_tail = s;
}

static void alias_add(cs_sig_detector *d, struct session *s, int slot, const char *key)
{
	if (s->alias[slot] || cs_map_get(&d->aliases, key, strlen(key)))
		return;
	s->alias[slot] = cs_strdup(key);
	cs_map_put(&d->aliases, key, strlen(key), s);
}

static void session_free(struct session *s)
{
	for (size_t i = 0; i < s->nclicks; i++)
		ref_free(&s->clicks[i].ref);
	refs_free(s->burst.ev, &s->burst.nev);
	free(s->burst.target);
	for (size_t i = 0; i < s->nforms; i++)
		form_free(&s->forms[i]);
	free(s->forms);
	free(s->clicks);
	refs_free(s->refresh_ev, &s->nrefresh_ev);
	ref_free(&s->page_ev);
	ref_free(&s->prev_page_ev);
	for (size_t i = 0; i < s->nheld; i++) {
		refs_free(s->held[i].ev, &s->held[i].nev);
		free(s->held[i].detail);
	}
	free(s->held);
	free(s->page);
	free(s->prev_page);
	free(s->alias[0]);
	free(s->alias[1]);
	free(s->key);
	free(s->session_id);
	free(s->customer);
	free(s->device);
	free(s->joined_by);
	free(s);
}

/* End a session. decided: time has passed its end (idle, evicted), so
 * clicks and forms still open are decided; else the input ended under it. */
static void session_end(cs_sig_detector *d, struct session *s, int decided)
{
	if (decided) {
		close_burst(d, s);
		clicks_advance(d, s, NEVER);
		for (size_t i = 0; i < s->nforms; i++)
			form_abandoned(d, s, &s->forms[i]);
	} else {
		close_burst(d, s);   /* its clicks so far are all there will be */
		clicks_advance(d, s, d->watermark);
		d->counts.undecided += s->nclicks + s->nforms;
	}
	flush_held(d, s);
	if (d->cb.session_end) {
		struct cs_sig_session info = {s->customer, s->device, s->session_id, s->start, s->last, s->events, s->pages};
		d->cb.session_end(d->cb.ctx, &info);
	}
	for (int i = 0; i < 2; i++)
		if (s->alias[i])
			cs_map_del(&d->aliases, s->alias[i], strlen(s->alias[i]));
	cs_map_del(&d->sessions, s->key, strlen(s->key));
	lru_unlink(d, s);
	d->nopen--;
	session_free(s);
}

static char *session_name(const struct cs_sig_event *e, const char *key)
{
	if (e->session)
		return cs_strdup(e->session);
	uint64_t h = cs_hash64(key, strlen(key), (uint64_t)e->ts);
	char name[24];
	snprintf(name, sizeof name, "s-%016llx", (unsigned long long)h);
	return cs_strdup(name);
}

static struct session *session_open(cs_sig_detector *d, const char *key_in, const struct cs_sig_event *e, int conflict)
{
	char *key = cs_strdup(key_in);
	if (d->max_open && d->nopen >= d->max_open) {
		d->counts.sessions_evicted++;
		session_end(d, d->lru_head, 1);
	}
	struct session *s = cs_calloc(1, sizeof *s);
	s->key = key;
	s->session_id = session_name(e, key);
	s->customer = e->customer ? cs_strdup(e->customer) : NULL;
	s->device = e->device && !conflict ? cs_strdup(e->device) : NULL;
	s->start = s->last = e->ts;
	cs_map_put(&d->sessions, key, strlen(key), s);
	lru_append(d, s);
	d->nopen++;
	d->counts.sessions++;
	return s;
}

static void session_key(cs_sig_detector *d, const char *prefix, const char *id)
{
	cs_buf_reset(&d->key);
	cs_buf_adds(&d->key, prefix);
	cs_buf_adds(&d->key, id);
	cs_buf_addc(&d->key, 0);
}

/* The session an event belongs to: by its session id, else by its device or
 * customer, directly or through the session they were last seen in. A
 * customer other than the session's own is never merged into it: the
 * event goes to a session of that customer's. */
static struct session *find_session(cs_sig_detector *d, const struct cs_sig_event *e)
{
	if (e->session)
		session_key(d, "s:", e->session);
	else
		session_key(d, e->device ? "d:" : "c:", e->device ? e->device : e->customer);
	struct session *s = cs_map_get(&d->sessions, d->key.p, d->key.len - 1);
	if (!s && !e->session)
		s = cs_map_get(&d->aliases, d->key.p, d->key.len - 1);
	int conflict = s && s->customer && e->customer && strcmp(s->customer, e->customer) != 0;
	if (conflict) {
		d->counts.identity_conflicts++;
		session_key(d, "c:", e->customer);
		s = cs_map_get(&d->sessions, d->key.p, d->key.len - 1);
	}
	if (s && e->ts - s->last > d->conf.session_idle_ms) {
		session_end(d, s, 1);
		s = NULL;
	}
	return s ? s : session_open(d, d->key.p, e, conflict);
}

/* An event naming the session's own device and customer: a login, also
 * when it opened the session (the device's help sought in an earlier one
 * is still the device's). */
static int opens_with_login(const struct session *s, const struct cs_sig_event *e)
{
	return e->customer && e->device && s->customer && s->device && strcmp(s->customer, e->customer) == 0 &&
	       strcmp(s->device, e->device) == 0;
}

static void join_identity(cs_sig_detector *d, struct session *s, const struct cs_sig_event *e)
{
	if (e->customer && !s->customer) {
		s->customer = cs_strdup(e->customer);
		s->joined_by = cs_strdup(e->id ? e->id : event_what(e->type));
		d->counts.logins_joined++;
		if (s->device)
			help_join(d, s->device, s->customer);
		flush_held(d, s);
	} else if (opens_with_login(s, e)) {
		help_join(d, s->device, s->customer);
	}
	if (!s->device && e->device && !s->customer)
		s->device = cs_strdup(e->device);
	if (s->customer)
		alias_add(d, s, 0, ident_key(d, s->customer, NULL));
	if (s->device)
		alias_add(d, s, 1, ident_key(d, NULL, s->device));
}

/* ---- events ---- */

static int is_interaction(enum cs_sig_etype t)
{
	return t == SE_CLICK || t == SE_CHANGE || t == SE_FORM_START || t == SE_FORM_SUBMIT || t == SE_SEARCH ||
	       t == SE_SCROLL || t == SE_RESULT_CLICK;
}

static int is_response(const struct cs_sig_event *e)
{
	return e->type == SE_PAGE_VIEW || e->type == SE_CHANGE || e->type == SE_NETWORK || e->type == SE_SCROLL;
}

static int is_help(const cs_sig_detector *d, const struct cs_sig_event *e)
{
	if (e->type == SE_HELP_VIEW || e->type == SE_SEARCH)
		return 1;
	return e->type == SE_PAGE_VIEW && e->name && cs_sig_match(&d->conf.help_pages, e->name, strlen(e->name));
}

static void survey(cs_sig_detector *d, struct session *s, const struct cs_sig_event *e)
{
	const char *m = e->survey_metric;
	if (!m || !e->has_score)
		return;
	double limit = strcmp(m, "nps") == 0 ? d->conf.nps_at_most : strcmp(m, "csat") == 0 ? d->conf.csat_at_most
					: strcmp(m, "ces") == 0 ? d->conf.ces_at_most : -INFINITY;
	if (e->survey_score > limit)
		return;
	struct ref ev = {(char *)e->id, "survey", e->ts};
	cs_buf_reset(&d->detail);
	cs_buf_adds(&d->detail, "\"metric\":");
	cs_buf_add_jstr(&d->detail, m, strlen(m));
	cs_buf_adds(&d->detail, ",\"score\":");
	cs_buf_printf(&d->detail, "%g", e->survey_score);
	cs_buf_addc(&d->detail, 0);
	session_hit(d, s, "survey_detractor", e->ts, &ev, 1, 1, d->detail.p);
}

static void search(cs_sig_detector *d, struct session *s, const struct cs_sig_event *e)
{
	if (e->results != 0)
		return;
	struct ref ev = {(char *)e->id, "search", e->ts};
	cs_buf_reset(&d->detail);
	if (e->name) {
		cs_buf_adds(&d->detail, "\"query\":");
		cs_buf_add_jstr(&d->detail, e->name, strlen(e->name));
	}
	cs_buf_addc(&d->detail, 0);
	session_hit(d, s, "search_no_results", e->ts, &ev, 1, 1, d->detail.p);
}

static void apply_event(cs_sig_detector *d, struct session *s, const struct cs_sig_event *e)
{
	if (is_response(e))
		clicks_answered(d, s, e->ts);
	if (e->type == SE_ERROR || (e->type == SE_NETWORK && e->status >= 400))
		clicks_errored(d, s, e);
	if (is_interaction(e->type))
		s->interacted = 1;
	switch (e->type) {
	case SE_CLICK: add_click(d, s, e); break;
	case SE_PAGE_VIEW: page_view(d, s, e); break;
	case SE_FORM_START: form_started(s, e, e->name); break;
	case SE_CHANGE: form_started(s, e, e->form); break;
	case SE_FORM_SUBMIT: form_submitted(s, e->name); break;
	case SE_SEARCH: search(d, s, e); break;
	case SE_SURVEY: survey(d, s, e); break;
	case SE_REFUND: case SE_RETURN: {
		struct ref ev = {(char *)e->id, event_what(e->type), e->ts};
		session_hit(d, s, event_what(e->type), e->ts, &ev, 1, 1, NULL);
		break;
	}
	default: break;
	}
	if (is_help(d, e))
		help_sought(d, s->customer, s->device, e);
	if (e->type == SE_RESULT_CLICK)
		help_answered(d, ident_key(d, s->customer, s->device), e->ts);
}

static void note_time(cs_sig_detector *d, int64_t ts)
{
	if (!d->have_watermark || ts > d->watermark)
		d->watermark = ts;
	d->have_watermark = 1;
}

void cs_sig_advance(cs_sig_detector *d, int64_t ts)
{
	while (d->lru_head && ts - d->lru_head->last > d->conf.session_idle_ms)
		session_end(d, d->lru_head, 1);
	run_dues(d, ts);
	note_time(d, ts);
}

void cs_sig_see_event(cs_sig_detector *d, const struct cs_sig_event *in)
{
	if (!in->session && !in->device && !in->customer)
		return;
	cs_sig_advance(d, in->ts);
	struct session *s = find_session(d, in);
	struct cs_sig_event e = *in;
	if (e.ts < s->last) {
		d->counts.out_of_order++;
		e.ts = s->last;
	}
	s->last = e.ts;
	s->events++;
	lru_unlink(d, s);
	lru_append(d, s);
	join_identity(d, s, &e);
	clicks_advance(d, s, e.ts);
	apply_event(d, s, &e);
}

/* ---- contacts ---- */

static void contact_types(cs_sig_detector *d, const struct cs_sig_contact *c, struct cs_sig_contact_result *out)
{
	if (c->transfers >= d->conf.transfers)
		out->types[out->ntypes++] = "transfer";
	if (c->longest_wait_ms >= d->conf.long_wait_ms)
		out->types[out->ntypes++] = "long_wait";
	if (c->has_sentiment_end && c->sentiment_end <= d->conf.negative_at)
		out->types[out->ntypes++] = "negative_sentiment";
	if (c->has_sentiment_start && c->has_sentiment_end &&
	    c->sentiment_start - c->sentiment_end >= d->conf.worsening_by - NEAR_THRESHOLD)
		out->types[out->ntypes++] = "worsening_sentiment";
}

static void contact_detail(cs_sig_detector *d, const char *type, const struct cs_sig_contact *c)
{
	cs_buf_reset(&d->detail);
	if (strcmp(type, "transfer") == 0)
		cs_buf_printf(&d->detail, "\"transfers\":%d", c->transfers);
	else if (strcmp(type, "long_wait") == 0)
		cs_buf_printf(&d->detail, "\"wait_s\":%lld", (long long)(c->longest_wait_ms / 1000));
	else if (strcmp(type, "negative_sentiment") == 0 || strcmp(type, "worsening_sentiment") == 0) {
		if (c->has_sentiment_start)
			cs_buf_printf(&d->detail, "\"sentiment_start\":%g,", c->sentiment_start);
		cs_buf_printf(&d->detail, "\"sentiment_end\":%g", c->sentiment_end);
	}
	cs_buf_addc(&d->detail, 0);
}

static void repeat_contact(cs_sig_detector *d, const struct cs_sig_contact_seen *prev, const struct cs_sig_contact *c,
			   struct cs_sig_contact_result *out)
{
	struct ref ev[2] = {{prev->id, "conversation", prev->ts}, {(char *)c->id, "conversation", c->ts}};
	cs_buf_reset(&d->detail);
	cs_buf_adds(&d->detail, "\"issue\":");
	cs_buf_add_jstr(&d->detail, c->issue, strlen(c->issue));
	cs_buf_printf(&d->detail, ",\"days_between\":%.1f", (double)(c->ts - prev->ts) / 86400000.0);
	cs_buf_addc(&d->detail, 0);
	emit(d, "repeat_contact", c->customer, NULL, NULL, c->ts, ev, 2, 2, d->detail.p);
	out->repeat_of = prev->id;
	out->types[out->ntypes++] = "repeat_contact";
}

void cs_sig_see_contact(cs_sig_detector *d, const struct cs_sig_contact *c, struct cs_sig_contact_result *out)
{
	*out = (struct cs_sig_contact_result){0};
	cs_sig_advance(d, c->ts);
	if (!c->customer)
		return;
	const char *key = ident_key(d, c->customer, NULL);
	help_answered(d, key, c->ts);
	struct ident *id = ident_get(d, key, 1);
	const struct cs_sig_contact_seen *earlier = NULL;
	if (c->id)
		earlier = cs_sig_contacts_find(d->contacts, &id->contacts, id->key, c->id, c->issue, c->ts,
					       d->conf.repeat_within_ms);
	if (earlier)
		repeat_contact(d, earlier, c, out);
	size_t first = out->ntypes;
	contact_types(d, c, out);
	for (size_t i = first; i < out->ntypes; i++) {
		struct ref ev = {(char *)c->id, "conversation", c->ts};
		contact_detail(d, out->types[i], c);
		emit(d, out->types[i], c->customer, NULL, NULL, c->ts, &ev, 1, 1, d->detail.p);
	}
	if (c->id) {
		cs_sig_contacts_add(d->contacts, &id->contacts, id->key, c->id, c->issue, c->ts);
		cs_dues_push(&d->contact_dues, id->key, c->ts + 2 * d->conf.repeat_within_ms);
	}
}

void cs_sig_see_ticket(cs_sig_detector *d, const char *customer, int64_t created)
{
	help_answered(d, ident_key(d, customer, NULL), created);
}

void cs_sig_report(cs_sig_detector *d, const char *type, const char *customer, int64_t ts, const struct cs_sig_ref *ref,
		   const char *detail)
{
	struct ref ev = {(char *)ref->id, ref->what, ref->ts};
	emit(d, type, customer, NULL, NULL, ts, &ev, 1, 1, detail);
	if (customer)
		help_answered(d, ident_key(d, customer, NULL), ts);
}

/* ---- life ---- */

cs_sig_detector *cs_sig_detector_new(const struct cs_sig_conf *conf, const struct cs_sig_callbacks *cb, size_t max_open)
{
	cs_sig_detector *d = cs_calloc(1, sizeof *d);
	d->conf = *conf;
	d->cb = *cb;
	d->max_open = max_open;
	d->contacts = cs_sig_contacts_new();
	return d;
}

void cs_sig_finish(cs_sig_detector *d, int64_t until_ms)
{
	int64_t now = d->watermark > until_ms ? d->watermark : until_ms;
	while (d->lru_head)
		session_end(d, d->lru_head, now - d->lru_head->last > d->conf.session_idle_ms);
	run_dues(d, now);
	for (struct ident *id = d->idents_head; id; id = id->next)
		if (id->has_help) {
			d->counts.undecided++;
			refs_free(id->help_ev, &id->nhelp);
			id->has_help = 0;
		}
}

void cs_sig_detector_free(cs_sig_detector *d)
{
	if (!d)
		return;
	while (d->lru_head) {
		struct session *s = d->lru_head;
		lru_unlink(d, s);
		session_free(s);
	}
	while (d->idents_head)
		ident_drop(d, d->idents_head);
	cs_dues_free(&d->help_dues);
	cs_dues_free(&d->contact_dues);
	cs_map_free(&d->sessions);
	cs_map_free(&d->aliases);
	cs_map_free(&d->idents);
	cs_sig_contacts_free(d->contacts);
	cs_buf_free(&d->detail);
	cs_buf_free(&d->key);
	free(d);
}

struct cs_sig_counts cs_sig_counts(const cs_sig_detector *d)
{
	return d->counts;
}

uint64_t cs_sig_contacts_looked_at(const cs_sig_detector *d)
{
	return cs_sig_contacts_work(d->contacts);
}

size_t cs_sig_open_sessions(const cs_sig_detector *d)
{
	return d->nopen;
}
