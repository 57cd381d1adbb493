/* kit_shard: the shard key, its hash and the --split file names (see kit_shard.h). */
#include "kit_shard.h"
#include <stdlib.h>
#include <string.h>
#include "kit_mem.h"

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

uint64_t cs_shard_hash(const void *key, size_t n)
{
	const unsigned char *s = key;
	uint64_t h = FNV_OFFSET;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * FNV_PRIME;
	/* SplitMix64's finalizer: FNV-1a's low bits depend only on the low bits
	 * of each byte, and a modulus by a small N reads mostly those. */
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
	return h ^ (h >> 31);
}

/* A string's text or a number's digits, when v is one of those. */
static int scalar_key(cs_span v, enum cs_jtype type, cs_buf *scratch, const char **key, size_t *n)
{
	if (type != CS_J_STRING && type != CS_J_NUMBER)
		return 0;
	return cs_json_id(v, type, scratch, key, n) == 0;
}

static int member_key(const cs_obj *obj, const char *name, cs_buf *scratch, const char **key, size_t *n)
{
	const cs_member *m = cs_obj_get(obj, name, strlen(name));
	return m && scalar_key(m->val, (enum cs_jtype)m->type, scratch, key, n);
}

/* A customer's or a ticket's key: its id, or itself when a string or a
 * number. */
static int id_value_key(cs_span v, enum cs_jtype type, cs_buf *scratch, const char **key, size_t *n)
{
	if (type != CS_J_OBJECT)
		return scalar_key(v, type, scratch, key, n);
	cs_span id;
	enum cs_jtype id_type;
	return cs_json_member(v, "id", 2, &id, &id_type) == 0 && scalar_key(id, id_type, scratch, key, n);
}

static int member_id_key(const cs_obj *obj, const char *name, cs_buf *scratch, const char **key, size_t *n)
{
	const cs_member *m = cs_obj_get(obj, name, strlen(name));
	return m && id_value_key(m->val, (enum cs_jtype)m->type, scratch, key, n);
}

static int customer_key(const cs_obj *obj, cs_buf *scratch, const char **key, size_t *n)
{
	return member_id_key(obj, "customer", scratch, key, n);
}

static int is_kind(const cs_obj *obj, const char *want, cs_buf *scratch)
{
	const char *kind;
	size_t n;
	return member_key(obj, "kind", scratch, &kind, &n) && n == strlen(want) && memcmp(kind, want, n) == 0;
}

/* The ticket a record is about: its ticket when a string; a ticket_update's
 * also when an object with an id (as cs-ticket writes it back), else its
 * ticket_id. The ticket object cs-ticket adds to a conversation is not the
 * conversation's key: the conversation would change parts on its way
 * through cs-ticket. */
static int ticket_key(const cs_obj *obj, cs_buf *scratch, const char **key, size_t *n)
{
	if (member_key(obj, "ticket", scratch, key, n))
		return 1;
	return is_kind(obj, "ticket_update", scratch) &&
	       (member_id_key(obj, "ticket", scratch, key, n) || member_key(obj, "ticket_id", scratch, key, n));
}

/* What a record's own id names, by kind of id: a learned alias is looked up
 * as its letter, a NUL and the id. */
enum { DEVICE = 'd', SESSION = 's', TICKET = 't' };

static void alias_of(cs_shard_ctx *s, int kind, const char *id, size_t n)
{
	cs_buf_reset(&s->alias);
	cs_buf_addc(&s->alias, (char)kind);
	cs_buf_addc(&s->alias, '\0');
	cs_buf_add(&s->alias, id, n);
}

static const char *learned(cs_shard_ctx *s, int kind, const char *id, size_t n)
{
	if (!s->devices.n)
		return NULL;
	alias_of(s, kind, id, n);
	return cs_map_get(&s->devices, s->alias.p, s->alias.len);
}

/* The device (or anonymous_id) as cs-signals reads it. */
static int device_id(const cs_obj *obj, cs_buf *scratch, const char **key, size_t *n)
{
	return member_key(obj, "device", scratch, key, n) || member_key(obj, "anonymous_id", scratch, key, n);
}

/* The key of an id of this kind: the customer it was seen with, else
 * itself. */
static int aliased_key(cs_shard_ctx *s, int kind, int found, const char **key, size_t *n)
{
	if (!found)
		return 0;
	const char *customer = learned(s, kind, *key, *n);
	if (customer) {
		*key = customer;
		*n = strlen(customer);
	}
	return 1;
}

void cs_shard_key(cs_shard_ctx *s, const char *text, size_t len, const cs_obj *obj, const char **key, size_t *n)
{
	cs_buf_reset(&s->scratch);
	if (customer_key(obj, &s->scratch, key, n) || member_key(obj, "conversation_id", &s->scratch, key, n) ||
	    aliased_key(s, DEVICE, device_id(obj, &s->scratch, key, n), key, n) ||
	    aliased_key(s, SESSION, member_key(obj, "session", &s->scratch, key, n), key, n) ||
	    aliased_key(s, TICKET, ticket_key(obj, &s->scratch, key, n), key, n) ||
	    member_key(obj, "id", &s->scratch, key, n))
		return;
	*key = text;
	*n = len;
}

uint32_t cs_shard_part(cs_shard_ctx *s, const char *text, size_t len, const cs_obj *obj, uint32_t nparts)
{
	const char *key;
	size_t n;
	cs_shard_key(s, text, len, obj, &key, &n);
	return (uint32_t)(cs_shard_hash(key, n) % nparts) + 1;
}

uint32_t cs_shard_part_line(cs_shard_ctx *s, const char *line, size_t len, int max_depth, uint32_t nparts)
{
	cs_jerr err;
	if (cs_json_object(line, len, max_depth, &s->obj, &err) < 0)
		return (uint32_t)(cs_shard_hash(line, len) % nparts) + 1;
	return cs_shard_part(s, line, len, &s->obj, nparts);
}

/* Map kind:id to the customer, unless it is mapped. */
static void learn(cs_shard_ctx *s, int kind, const char *id, size_t nid, const char *customer, size_t ncustomer)
{
	if (learned(s, kind, id, nid))
		return;
	if (s->nids == s->ids_cap) {
		s->ids_cap = s->ids_cap ? 2 * s->ids_cap : 64;
		s->ids = cs_realloc(s->ids, s->ids_cap * sizeof *s->ids);
	}
	s->ids[s->nids] = cs_strndup(customer, ncustomer);
	alias_of(s, kind, id, nid);
	cs_map_put(&s->devices, s->alias.p, s->alias.len, s->ids[s->nids++]);
}

static int may_teach(const char *line, size_t len)
{
	static const char *const names[] = {"\"device\"", "\"anonymous_id\"", "\"session\"", "\"ticket\"",
					     "\"ticket_id\"", NULL};
	for (const char *const *name = names; *name; name++)
		if (memmem(line, len, *name, strlen(*name)))
			return 1;
	return 0;
}

/* A ticket_event that creates its ticket: the customer in its data. */
static int created_for(const cs_obj *obj, cs_buf *scratch, const char **customer, size_t *n)
{
	const char *action;
	size_t nact;
	const cs_member *data = cs_obj_get(obj, "data", 4);
	cs_span who;
	enum cs_jtype type;
	return member_key(obj, "action", scratch, &action, &nact) && nact == 7 && memcmp(action, "created", 7) == 0 &&
	       data && data->type == CS_J_OBJECT && cs_json_member(data->val, "customer", 8, &who, &type) == 0 &&
	       id_value_key(who, type, scratch, customer, n);
}

/* Map the tickets a record names to its customer: a ticket record's id;
 * another record's ticket (a string, or an object with an id, as cs-ticket
 * adds to a conversation) and its ticket_id (a conversation's), so that the
 * updates of a conversation's ticket go with its customer. */
static void learn_tickets(cs_shard_ctx *s, const char *customer, size_t ncustomer, cs_buf *idbuf)
{
	const char *id;
	size_t nid;
	if (is_kind(&s->obj, "ticket", idbuf)) {
		if (member_key(&s->obj, "id", idbuf, &id, &nid))
			learn(s, TICKET, id, nid, customer, ncustomer);
		return;
	}
	if (member_id_key(&s->obj, "ticket", idbuf, &id, &nid))
		learn(s, TICKET, id, nid, customer, ncustomer);
	if (member_key(&s->obj, "ticket_id", idbuf, &id, &nid))
		learn(s, TICKET, id, nid, customer, ncustomer);
}

/* The customer of a ticket_event without one of its own: the created
 * event's, so a ticket's history alone keys by its customer. */
static void learn_created(cs_shard_ctx *s)
{
	const char *customer, *id;
	size_t ncustomer, nid;
	cs_buf idbuf = CS_BUF_INIT;
	if (is_kind(&s->obj, "ticket_event", &idbuf) && member_key(&s->obj, "ticket", &idbuf, &id, &nid) &&
	    created_for(&s->obj, &s->scratch, &customer, &ncustomer))
		learn(s, TICKET, id, nid, customer, ncustomer);
	cs_buf_free(&idbuf);
}

void cs_shard_learn(cs_shard_ctx *s, const char *line, size_t len, int max_depth)
{
	cs_jerr err;
	const char *customer, *id;
	size_t ncustomer, nid;
	if (!may_teach(line, len) || cs_json_object(line, len, max_depth, &s->obj, &err) < 0)
		return;
	cs_buf_reset(&s->scratch);
	if (!customer_key(&s->obj, &s->scratch, &customer, &ncustomer)) {
		learn_created(s);
		return;
	}
	cs_buf idbuf = CS_BUF_INIT;
	if (device_id(&s->obj, &idbuf, &id, &nid))
		learn(s, DEVICE, id, nid, customer, ncustomer);
	cs_buf_reset(&idbuf);
	if (member_key(&s->obj, "session", &idbuf, &id, &nid))
		learn(s, SESSION, id, nid, customer, ncustomer);
	learn_tickets(s, customer, ncustomer, &idbuf);
	cs_buf_free(&idbuf);
}

void cs_shard_ctx_free(cs_shard_ctx *s)
{
	for (size_t i = 0; i < s->nids; i++)
		free(s->ids[i]);
	free(s->ids);
	cs_map_free(&s->devices);
	cs_buf_free(&s->alias);
	cs_buf_free(&s->scratch);
	cs_obj_free(&s->obj);
}

static int read_count(const char **p, uint32_t *v)
{
	const char *s = *p;
	uint64_t x = 0;
	if (*s < '0' || *s > '9')
		return -1;
	while (*s >= '0' && *s <= '9') {
		x = x * 10 + (uint64_t)(*s++ - '0');
		if (x > CS_SHARD_MAX)
			return -1;
	}
	*v = (uint32_t)x;
	*p = s;
	return 0;
}

int cs_shard_parse(const char *arg, uint32_t *k, uint32_t *n, const char **why)
{
	const char *p = arg;
	*why = "is not K/N, part K of N parts, such as 2/8 (1 <= K <= N <= 1000000)";
	if (read_count(&p, k) < 0 || *p++ != '/' || read_count(&p, n) < 0 || *p)
		return -1;
	if (*k < 1 || *k > *n) {
		*why = "names no part: parts are numbered 1 to N, such as 1/4 to 4/4";
		return -1;
	}
	return 0;
}

/* The %d (or %0Wd) conversion at p: its length, or 0 when it is not one. */
static size_t conversion_len(const char *p)
{
	size_t i = 1;
	if (p[i] == '0' && p[i + 1] >= '1' && p[i + 1] <= '9')
		i += 2;
	return p[i] == 'd' ? i + 1 : 0;
}

int cs_split_pattern_check(const char *pattern, const char **why)
{
	int parts = 0;
	for (const char *p = pattern; *p; p++) {
		if (*p != '%')
			continue;
		if (p[1] == '%') {
			p++;
			continue;
		}
		size_t n = conversion_len(p);
		if (!n) {
			*why = "has a % that is neither %d, %0Wd nor %%";
			return -1;
		}
		parts++;
		p += n - 1;
	}
	if (parts != 1) {
		*why = parts ? "has more than one %d" : "has no %d for the part number (such as -o part-%d.ndjson)";
		return -1;
	}
	return 0;
}

void cs_split_path(const char *pattern, uint32_t part, cs_buf *out)
{
	cs_buf_reset(out);
	for (const char *p = pattern; *p; p++) {
		if (*p != '%') {
			cs_buf_addc(out, *p);
			continue;
		}
		if (p[1] == '%') {
			cs_buf_addc(out, '%');
			p++;
			continue;
		}
		size_t n = conversion_len(p);
		int width = n == 4 ? p[2] - '0' : 0;
		cs_buf_printf(out, "%0*u", width, (unsigned)part);
		p += n - 1;
	}
}
