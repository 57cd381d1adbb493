/* eng_ingest_identity: cs-ingest --identities. */
#include "eng_ingest_identity.h"
#include "kit_conf.h"
#include "kit_hash.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct customer_line {
	char *id;        /* the customer's id, as text */
	char *json;      /* the line, for what it says of the customer */
	size_t len;
};

struct ingest_identities {
	struct customer_line *lines;
	size_t n;
	cs_map by_key;   /* a key (below) -> index of its line + 1 */
};

/* Keys: 'e' and an address in lower case; 'p' and a phone number's digits;
 * 'i', a system or channel name, 0x1F and the id there. */
static void email_key(const char *s, size_t n, cs_buf *key)
{
	cs_buf_reset(key);
	cs_buf_addc(key, 'e');
	while (n && (*s == ' ' || *s == '<')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '>'))
		n--;
	for (size_t i = 0; i < n; i++)
		cs_buf_addc(key, (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]));
}

/* The digits, "00" before a country code read as "+", and a Chinese mobile
 * number (11 digits from 13 to 19) without its country code given +86. */
static int phone_key(const char *s, size_t n, cs_buf *key)
{
	char d[24];
	size_t nd = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (nd == sizeof d)
				return -1;
			d[nd++] = s[i];
		} else if (!strchr("+ -.()", s[i])) {
			return -1;
		}
	}
	const char *p = d;
	if (nd > 2 && d[0] == '0' && d[1] == '0') {
		p += 2;
		nd -= 2;
	}
	if (nd < 7)
		return -1;
	cs_buf_reset(key);
	cs_buf_addc(key, 'p');
	if (nd == 11 && p[0] == '1' && p[1] >= '3')
		cs_buf_adds(key, "86");
	cs_buf_add(key, p, nd);
	return 0;
}

static void id_key(const char *system, size_t sn, const char *id, size_t n, cs_buf *key)
{
	cs_buf_reset(key);
	cs_buf_addc(key, 'i');
	cs_buf_add(key, system, sn);
	cs_buf_addc(key, 0x1F);
	cs_buf_add(key, id, n);
}

ingest_identities *ingest_identities_new(void) { return cs_calloc(1, sizeof(ingest_identities)); }

size_t ingest_identities_count(const ingest_identities *ids) { return ids->n; }

void ingest_identities_free(ingest_identities *ids)
{
	if (!ids)
		return;
	for (size_t i = 0; i < ids->n; i++) {
		free(ids->lines[i].id);
		free(ids->lines[i].json);
	}
	free(ids->lines);
	cs_map_free(&ids->by_key);
	free(ids);
}

/* fn(value, key, its length, ctx) for each member of the object v, until
 * one returns non-zero. */
static int each_member(cs_jval v, int (*fn)(cs_jval value, const char *key, size_t kn, void *ctx), void *ctx)
{
	cs_obj members = {0};
	int rc = cs_json_members((cs_span){v.p, v.n}, &members);
	for (size_t i = 0; i < members.n && rc == 0; i++) {
		const cs_member *m = &members.m[i];
		rc = fn((cs_jval){m->val.p, m->val.n, (enum cs_jtype)m->type}, m->key.p, m->key.n, ctx);
	}
	cs_obj_free(&members);
	return rc;
}

/* ---- reading the file ---- */

struct adding {
	ingest_identities *ids;
	size_t line;       /* index of the line being added */
	cs_buf key, text, *why;
};

static int claim(struct adding *a, const char *what)
{
	uintptr_t had = (uintptr_t)cs_map_get(&a->ids->by_key, a->key.p, a->key.len);
	if (had && had != a->line + 1) {
		cs_buf_printf(a->why, "%s is also the customer %s's, on an earlier line", what,
			      a->ids->lines[had - 1].id);
		return -1;
	}
	cs_map_put(&a->ids->by_key, a->key.p, a->key.len, (void *)(uintptr_t)(a->line + 1));
	return 0;
}

static int add_contacts(struct adding *a, cs_jval v, int is_phone);
static int add_email(cs_jval item, void *ctx) { return add_contacts(ctx, item, 0); }
static int add_phone(cs_jval item, void *ctx) { return add_contacts(ctx, item, 1); }

/* "email" or "phone": a string or a list of them. */
static int add_contacts(struct adding *a, cs_jval v, int is_phone)
{
	const char *name = is_phone ? "\"phone\"" : "\"email\"";
	if (v.t == CS_J_NONE || v.t == CS_J_NULL)
		return 0;
	if (v.t == CS_J_ARRAY)
		return cs_jeach(v, is_phone ? add_phone : add_email, a);
	const char *s = v.t == CS_J_STRING ? cs_jtext(v, &a->text) : NULL;
	if (!s) {
		cs_buf_printf(a->why, "%s must be a string or a list of strings", name);
		return -1;
	}
	if (is_phone ? phone_key(s, strlen(s), &a->key) != 0 : !strchr(s, '@')) {
		cs_buf_printf(a->why, "%s '%s' is not %s", name, s, is_phone ? "a phone number" : "an address");
		return -1;
	}
	if (!is_phone)
		email_key(s, strlen(s), &a->key);
	return claim(a, s);
}

static int add_system_id(cs_jval value, const char *key, size_t kn, void *ctx)
{
	struct adding *a = ctx;
	const char *s;
	size_t n;
	if (cs_json_id((cs_span){value.p, value.n}, value.t, &a->text, &s, &n) != 0 || !n) {
		cs_buf_printf(a->why, "\"ids\": \"%.*s\" must be a string or a number", (int)kn, key);
		return -1;
	}
	char *copy = cs_strndup(s, n);
	id_key(key, kn, copy, n, &a->key);
	int rc = claim(a, copy);
	free(copy);
	return rc;
}

int ingest_identities_add(ingest_identities *ids, cs_jval line, cs_buf *why)
{
	cs_buf idtext = CS_BUF_INIT;
	const char *id = NULL;
	size_t idn = 0;
	cs_jval idv = cs_jget(line, "id"), sys = cs_jget(line, "ids");
	if (line.t != CS_J_OBJECT || cs_json_id((cs_span){idv.p, idv.n}, idv.t, &idtext, &id, &idn) != 0 || !idn) {
		cs_buf_adds(why, "a customer line needs \"id\" (a string or a number)");
		cs_buf_free(&idtext);
		return -1;
	}
	if (sys.t != CS_J_NONE && sys.t != CS_J_OBJECT) {
		cs_buf_adds(why, "\"ids\" must be an object of systems and ids");
		cs_buf_free(&idtext);
		return -1;
	}
	if (cs_jholds_nul(idv)) {   /* the id is kept, and written, as a C string */
		cs_buf_adds(why, "\"id\" " CS_ID_NUL);
		cs_buf_free(&idtext);
		return -1;
	}
	ids->lines = cs_realloc(ids->lines, (ids->n + 1) * sizeof *ids->lines);
	ids->lines[ids->n] = (struct customer_line){cs_strndup(id, idn), cs_strndup(line.p, line.n), line.n};
	cs_buf_free(&idtext);
	struct adding a = {ids, ids->n++, CS_BUF_INIT, CS_BUF_INIT, why};
	int rc = add_contacts(&a, cs_jget(line, "email"), 0);
	if (rc == 0)
		rc = add_contacts(&a, cs_jget(line, "phone"), 1);
	if (rc == 0 && sys.t == CS_J_OBJECT)
		rc = each_member(sys, add_system_id, &a);
	cs_buf_free(&a.key);
	cs_buf_free(&a.text);
	return rc;
}

static int load_line(cs_jval v, cs_buf *why, void *ctx) { return ingest_identities_add(ctx, v, why); }

ingest_identities *ingest_identities_load(const char *path, cs_buf *err)
{
	ingest_identities *ids = ingest_identities_new();
	if (cs_conf_ndjson_each(path, load_line, ids, err) != 0) {
		ingest_identities_free(ids);
		return NULL;
	}
	return ids;
}

/* ---- matching a record ---- */

struct matching {
	const ingest_identities *ids;
	ingest_identity_scratch *sc;
	uintptr_t found;   /* line + 1 of the first key that matched */
	int conflict;
};

static void look_up(struct matching *m)
{
	uintptr_t at = (uintptr_t)cs_map_get(&m->ids->by_key, m->sc->key.p, m->sc->key.len);
	if (!at)
		return;
	if (!m->found)
		m->found = at;
	else if (at != m->found)
		m->conflict = 1;
}

static int look_up_system_id(cs_jval value, const char *key, size_t kn, void *ctx)
{
	struct matching *m = ctx;
	const char *s;
	size_t n;
	if (cs_json_id((cs_span){value.p, value.n}, value.t, &m->sc->scratch, &s, &n) == 0 && n) {
		id_key(key, kn, s, n, &m->sc->key);
		look_up(m);
	}
	return 0;
}

/* The record's keys, in order: its customer's own ids, its id on the
 * channel and on the source format, the address, the phone number. */
static void match_customer(struct matching *m, cs_jval record, cs_jval cust)
{
	ingest_identity_scratch *sc = m->sc;
	cs_jval ids = cs_jget(cust, "ids"), idv = cs_jget(cust, "id");
	if (ids.t == CS_J_OBJECT)
		each_member(ids, look_up_system_id, m);
	const char *id = NULL;
	size_t idn = 0;
	cs_buf idtext = CS_BUF_INIT;
	if (cs_json_id((cs_span){idv.p, idv.n}, idv.t, &idtext, &id, &idn) == 0 && idn) {
		const char *systems[2] = {cs_jtext(cs_jget(record, "channel"), &sc->text), NULL};
		char *channel = systems[0] ? cs_strdup(systems[0]) : NULL;
		systems[0] = channel;
		systems[1] = cs_jtext(cs_jpath(record, "source.format"), &sc->text);
		for (int k = 0; k < 2; k++)
			if (systems[k]) {
				id_key(systems[k], strlen(systems[k]), id, idn, &sc->key);
				look_up(m);
			}
		free(channel);
	}
	const char *email = cs_jtext(cs_jget(cust, "email"), &sc->text);
	if (email) {
		email_key(email, strlen(email), &sc->key);
		look_up(m);
	}
	if (id && memchr(id, '@', idn)) {
		email_key(id, idn, &sc->key);
		look_up(m);
	}
	const char *phone = cs_jtext(cs_jget(cust, "phone"), &sc->text);
	if (phone && phone_key(phone, strlen(phone), &sc->key) == 0)
		look_up(m);
	if (id && phone_key(id, idn, &sc->key) == 0 && (id[0] == '+' || idn >= 11))
		look_up(m);
	cs_buf_free(&idtext);
}

static void add_member(cs_buf *out, const cs_member *m)
{
	cs_buf_adds(out, ",\"");
	cs_buf_add(out, m->key.p, m->key.n);
	cs_buf_adds(out, "\":");
	cs_buf_add(out, m->val.p, m->val.n);
}

static int has_key(const cs_obj *o, const cs_member *m)
{
	for (size_t i = 0; i < o->n; i++)
		if (o->m[i].key.n == m->key.n && memcmp(o->m[i].key.p, m->key.p, m->key.n) == 0)
			return 1;
	return 0;
}

/* The customer object cust as the file's line says it: its id, the id it
 * came with as source_id, its own members, then the line's it lacks. */
static void customer_of(const struct customer_line *l, cs_jval cust, ingest_identity_scratch *sc)
{
	cs_buf *out = &sc->text;
	cs_buf_reset(out);
	cs_json_members((cs_span){cust.p, cust.n}, &sc->customer);
	cs_json_members((cs_span){l->json, l->len}, &sc->line);
	cs_buf_adds(out, "{\"id\":");
	cs_json_string(out, l->id, strlen(l->id));
	const cs_member *old = cs_obj_get(&sc->customer, "id", 2);
	const char *was;
	size_t wn;
	int new_source = old && cs_member_id(old, &sc->scratch, &was, &wn) == 0 &&
			 !(wn == strlen(l->id) && memcmp(was, l->id, wn) == 0);
	if (new_source) {
		cs_buf_adds(out, ",\"source_id\":");
		cs_buf_add(out, old->val.p, old->val.n);
	}
	for (size_t i = 0; i < sc->customer.n; i++) {
		const cs_member *m = &sc->customer.m[i];
		if (!cs_member_is(m, "id", 2) && !(new_source && cs_member_is(m, "source_id", 9)))
			add_member(out, m);
	}
	for (size_t i = 0; i < sc->line.n; i++) {
		const cs_member *m = &sc->line.m[i];
		if (!cs_member_is(m, "id", 2) && !has_key(&sc->customer, m) && m->type != CS_J_ARRAY)
			add_member(out, m);
	}
	cs_buf_addc(out, '}');
}

int ingest_identity_apply(const ingest_identities *ids, const char *text, size_t len, const cs_obj *obj,
			  ingest_identity_scratch *sc, cs_buf *out)
{
	const cs_member *c = cs_obj_get(obj, "customer", 8);
	if (!c || c->type != CS_J_OBJECT)
		return IDENTITY_NONE;
	cs_jval cust = {c->val.p, c->val.n, CS_J_OBJECT}, record = cs_jval_of(text, len);
	struct matching m = {ids, sc, 0, 0};
	match_customer(&m, record, cust);
	if (!m.found)
		return IDENTITY_NONE;
	customer_of(&ids->lines[m.found - 1], cust, sc);
	cs_buf_reset(out);
	cs_buf_add(out, text, (size_t)(c->val.p - text));
	cs_buf_add(out, sc->text.p, sc->text.len);
	cs_buf_add(out, c->val.p + c->val.n, len - (size_t)(c->val.p + c->val.n - text));
	return m.conflict ? IDENTITY_CONFLICT : IDENTITY_MATCHED;
}

void ingest_identity_scratch_free(ingest_identity_scratch *sc)
{
	cs_buf_free(&sc->key);
	cs_buf_free(&sc->text);
	cs_buf_free(&sc->scratch);
	cs_obj_free(&sc->customer);
	cs_obj_free(&sc->line);
}
