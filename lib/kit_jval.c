/* kit_jval: reading validated JSON by key (see kit_jval.h). */
#include "kit_jval.h"
#include "kit_time.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

cs_jval cs_jval_of(const char *p, size_t n)
{
	cs_jval v = {p, n, cs_json_type_of((cs_span){p, n})};
	if (v.t == CS_J_NONE)
		v.p = NULL;
	return v;
}

cs_jval cs_jget(cs_jval obj, const char *key)
{
	cs_jval v = {NULL, 0, CS_J_NONE};
	cs_span val;
	enum cs_jtype t;
	if (obj.t == CS_J_OBJECT && cs_json_member((cs_span){obj.p, obj.n}, key, strlen(key), &val, &t) == 0)
		v = (cs_jval){val.p, val.n, t};
	return v;
}

cs_jval cs_jpath(cs_jval v, const char *path)
{
	char step[128];
	while (*path && v.t != CS_J_NONE) {
		size_t k = strcspn(path, ".");
		if (k >= sizeof step)
			return (cs_jval){NULL, 0, CS_J_NONE};
		memcpy(step, path, k);
		step[k] = '\0';
		v = cs_jget(v, step);
		path += k + (path[k] == '.');
	}
	return v;
}

int cs_jis(cs_jval v) { return v.t != CS_J_NONE && v.t != CS_J_NULL; }

const char *cs_jtext(cs_jval v, cs_buf *out)
{
	const char *s;
	size_t n;
	cs_buf_reset(out);
	switch (v.t) {
	case CS_J_STRING:
		if (cs_json_str((cs_span){v.p, v.n}, v.t, out, &s, &n) < 0)
			return NULL;
		if (s != out->p) {
			cs_buf_reset(out);
			cs_buf_add(out, s, n);
		}
		break;
	case CS_J_NUMBER:
	case CS_J_TRUE:
	case CS_J_FALSE:
		cs_buf_add(out, v.p, v.n);
		break;
	default:
		return NULL;
	}
	cs_buf_reserve(out, 1);
	out->p[out->len] = '\0';
	return out->p;
}

int cs_jtime(cs_jval v, int64_t *ms)
{
	cs_time t;
	int rc = -1;
	if (v.t == CS_J_NUMBER) {
		rc = cs_time_parse(v.p, v.n, &t);
	} else if (v.t == CS_J_STRING && !memchr(v.p + 1, '\\', v.n - 2)) {
		rc = cs_time_parse(v.p + 1, v.n - 2, &t);   /* no escapes: read in place */
	} else if (v.t == CS_J_STRING) {
		cs_buf text = CS_BUF_INIT;
		if (cs_jtext(v, &text))
			rc = cs_time_parse(text.p, text.len, &t);
		cs_buf_free(&text);
	}
	if (rc == 0)
		*ms = t.ms;
	return rc == 0 ? 0 : -1;
}

int64_t cs_jint(cs_jval v, int64_t dflt)
{
	char buf[32];
	if ((v.t != CS_J_NUMBER && v.t != CS_J_STRING) || v.n == 0 || v.n >= sizeof buf)
		return dflt;
	size_t skip = v.t == CS_J_STRING;
	memcpy(buf, v.p + skip, v.n - 2 * skip);
	buf[v.n - 2 * skip] = '\0';
	char *end;
	long long x = strtoll(buf, &end, 10);
	return end != buf && (*end == '\0' || *end == '.') ? (int64_t)x : dflt;
}

int cs_jwhole(cs_jval v, uint64_t *out)
{
	if (v.t != CS_J_NUMBER || v.n == 0 || v.n > 20)
		return -1;
	for (size_t i = 0; i < v.n; i++)
		if (v.p[i] < '0' || v.p[i] > '9')
			return -1;
	char digits[24];
	memcpy(digits, v.p, v.n);
	digits[v.n] = '\0';
	errno = 0;
	*out = strtoull(digits, NULL, 10);
	return errno ? -1 : 0;
}

int cs_jbool(cs_jval v, int dflt) { return v.t == CS_J_TRUE ? 1 : v.t == CS_J_FALSE ? 0 : dflt; }

struct jeach {
	int (*fn)(cs_jval item, void *ctx);
	void *ctx;
};

static int jeach_one(cs_span item, enum cs_jtype type, void *ctx)
{
	struct jeach *e = ctx;
	return e->fn((cs_jval){item.p, item.n, type}, e->ctx);
}

int cs_jeach(cs_jval arr, int (*fn)(cs_jval item, void *ctx), void *ctx)
{
	struct jeach e = {fn, ctx};
	if (arr.t != CS_J_ARRAY)
		return 0;
	return cs_json_each((cs_span){arr.p, arr.n}, jeach_one, &e);
}

struct jeach_members {
	int (*fn)(cs_jval item, const cs_obj *members, void *ctx);
	void *ctx;
};

static int jeach_members_one(cs_span item, enum cs_jtype type, const cs_obj *members, void *ctx)
{
	struct jeach_members *e = ctx;
	return e->fn((cs_jval){item.p, item.n, type}, members, e->ctx);
}

int cs_jeach_members(cs_jval arr, cs_obj *obj, int (*fn)(cs_jval item, const cs_obj *members, void *ctx), void *ctx)
{
	struct jeach_members e = {fn, ctx};
	if (arr.t != CS_J_ARRAY)
		return 0;
	return cs_json_each_members((cs_span){arr.p, arr.n}, obj, jeach_members_one, &e);
}

static int count_one(cs_jval item, void *ctx)
{
	(void)item;
	++*(size_t *)ctx;
	return 0;
}

size_t cs_jlen(cs_jval arr)
{
	size_t n = 0;
	cs_jeach(arr, count_one, &n);
	return n;
}

cs_jval cs_jmember(const cs_obj *obj, const char *key)
{
	const cs_member *m = cs_obj_get(obj, key, strlen(key));
	return m ? (cs_jval){m->val.p, m->val.n, (enum cs_jtype)m->type} : (cs_jval){0};
}

cs_jval cs_jmember_path(const cs_obj *obj, const char *path)
{
	size_t k = strcspn(path, ".");
	const cs_member *m = cs_obj_get(obj, path, k);
	if (!m)
		return (cs_jval){NULL, 0, CS_J_NONE};
	cs_jval v = {m->val.p, m->val.n, (enum cs_jtype)m->type};
	return path[k] ? cs_jpath(v, path + k + 1) : v;
}

int cs_jmember_is(const cs_obj *obj, const char *key, const char *str)
{
	cs_jval v = cs_jmember(obj, key);
	size_t n = strlen(str);
	return v.t == CS_J_STRING && v.n == n + 2 && memcmp(v.p + 1, str, n) == 0;
}

cs_jval cs_jfirst(const cs_obj *obj, const char *const *keys)
{
	for (; *keys; keys++) {
		cs_jval v = cs_jmember(obj, *keys);
		if (cs_jis(v))
			return v;
	}
	return (cs_jval){0};
}

/* ---- ids holding U+0000 ---- */

/* The length of a path's first step, and of its name without "[]". */
static size_t first_step(const char *path, size_t *name)
{
	size_t k = strcspn(path, ".");
	*name = k > 2 && memcmp(path + k - 2, "[]", 2) == 0 ? k - 2 : k;
	return k;
}

int cs_jholds_nul(cs_jval v)
{
	if (v.t != CS_J_STRING)
		return 0;
	for (size_t i = 1; i + 1 < v.n; i++)
		if (v.p[i] == '\\') {
			if (v.p[i + 1] == 'u' && memcmp(v.p + i + 2, "0000", 4) == 0)
				return 1;
			i++;   /* the escaped character, a backslash among them */
		}
	return 0;
}

static int rest_nul(cs_jval v, const char *rest, cs_buf *where);

struct nul_walk {
	const char *rest;   /* the steps after the array's */
	cs_buf *where;
	size_t mark;        /* where's length at the array's name */
	size_t index;
};

static int element_nul(cs_jval item, void *ctx)
{
	struct nul_walk *w = ctx;
	w->where->len = w->mark;
	cs_buf_printf(w->where, "[%zu]", w->index++);
	return rest_nul(item, w->rest, w->where);
}

/* v, named in where, read by one step: "name", or "name[]" for each element. */
static int step_nul(cs_jval v, int each, const char *rest, cs_buf *where)
{
	if (!each)
		return rest_nul(v, rest, where);
	struct nul_walk w = {rest, where, where->len, 0};
	return cs_jeach(v, element_nul, &w);
}

/* The steps left after v: "" (v is the id), else ".step...". */
static int rest_nul(cs_jval v, const char *rest, cs_buf *where)
{
	if (!*rest)
		return cs_jholds_nul(v);
	char key[64];
	size_t kn, k = first_step(++rest, &kn);
	if (kn >= sizeof key || v.t != CS_J_OBJECT)
		return 0;
	memcpy(key, rest, kn);
	key[kn] = '\0';
	cs_buf_addc(where, '.');
	cs_buf_add(where, key, kn);
	return step_nul(cs_jget(v, key), kn < k, rest + k, where);
}

/* A path whose first step has the value first: 1 with why set when it
 * holds U+0000. */
static int path_nul(const char *path, cs_jval first, cs_buf *why)
{
	size_t kn, k = first_step(path, &kn);
	if (first.t == CS_J_NONE || !memmem(first.p, first.n, "\\u0000", 6))
		return 0;   /* what holds no \u0000 holds no U+0000 */
	cs_buf_reset(why);
	cs_buf_addc(why, '"');
	cs_buf_add(why, path, kn);
	if (!step_nul(first, kn < k, path + k, why))
		return 0;
	cs_buf_adds(why, "\" " CS_ID_NUL);
	return 1;
}

int cs_jids_nul(const cs_obj *obj, const char *const *paths, cs_buf *why)
{
	for (; *paths; paths++) {
		size_t kn;
		first_step(*paths, &kn);
		const cs_member *m = cs_obj_get(obj, *paths, kn);
		if (m && path_nul(*paths, (cs_jval){m->val.p, m->val.n, (enum cs_jtype)m->type}, why))
			return 1;
	}
	cs_buf_reset(why);
	return 0;
}

int cs_jval_ids_nul(cs_jval obj, const char *const *paths, cs_buf *why)
{
	char key[64];
	for (; *paths; paths++) {
		size_t kn;
		first_step(*paths, &kn);
		if (kn >= sizeof key)
			continue;
		memcpy(key, *paths, kn);
		key[kn] = '\0';
		if (path_nul(*paths, cs_jget(obj, key), why))
			return 1;
	}
	cs_buf_reset(why);
	return 0;
}
