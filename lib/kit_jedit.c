/* kit_jedit: JSON editing on record bytes (see kit_jedit.h). */
#include "kit_jedit.h"
#include "kit_mem.h"
#include <stdlib.h>
#include <string.h>

void cs_path_free(cs_path *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->name[i]);
	p->n = 0;
}

int cs_path_parse(cs_path *p, const char *s, size_t n)
{
	cs_buf part = CS_BUF_INIT;
	p->n = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] == '\\' && i + 1 < n) {
			cs_buf_addc(&part, s[++i]);
			continue;
		}
		if (i < n && s[i] != '.') {
			cs_buf_addc(&part, s[i]);
			continue;
		}
		if (part.len == 0 || p->n == CS_PATH_MAX) {
			cs_buf_free(&part);
			cs_path_free(p);
			return -1;
		}
		p->len[p->n] = part.len;
		p->name[p->n++] = cs_strndup(part.p, part.len);
		cs_buf_reset(&part);
	}
	cs_buf_free(&part);
	return 0;
}

static void put_buf(void *sink, const char *p, size_t n) { cs_buf_add(sink, p, n); }

static int key_needs_escape(const char *key, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)key[i] < 0x20 || key[i] == '"' || key[i] == '\\')
			return 1;
	return 0;
}

/* The key as a JSON string; program keys need no escapes, so no allocation. */
static void put_key(cs_put_fn put, void *sink, const char *key)
{
	size_t n = strlen(key);
	if (!key_needs_escape(key, n)) {
		put(sink, "\"", 1);
		put(sink, key, n);
		put(sink, "\"", 1);
		return;
	}
	cs_buf lit = CS_BUF_INIT;
	cs_buf_add_jstr(&lit, key, n);
	put(sink, lit.p, lit.len);
	cs_buf_free(&lit);
}

void cs_json_splice_field(cs_put_fn put, void *sink, const char *text, size_t len, const cs_obj *obj,
			 const char *key, const char *value, size_t vlen)
{
	const cs_member *m = cs_obj_get(obj, key, strlen(key));
	if (m) {
		size_t before = (size_t)(m->val.p - text);
		put(sink, text, before);
		put(sink, value, vlen);
		put(sink, m->val.p + m->val.n, len - before - m->val.n);
		return;
	}
	put(sink, text, len - 1);
	if (obj->n)
		put(sink, ",", 1);
	put_key(put, sink, key);
	put(sink, ":", 1);
	put(sink, value, vlen);
	put(sink, "}", 1);
}

void cs_json_set_field(cs_buf *dst, const char *text, size_t len, const cs_obj *obj,
		       const char *key, const char *value, size_t vlen)
{
	cs_json_splice_field(put_buf, dst, text, len, obj, key, value, vlen);
}

/* {"a":{"b":value}} for the path steps from i on. */
static void nest_value(const cs_path *path, size_t i, const char *value, size_t vlen, cs_buf *out)
{
	if (i == path->n) {
		cs_buf_add(out, value, vlen);
		return;
	}
	cs_buf_addc(out, '{');
	cs_buf_add_jstr(out, path->name[i], path->len[i]);
	cs_buf_addc(out, ':');
	nest_value(path, i + 1, value, vlen, out);
	cs_buf_addc(out, '}');
}

static int set_from(const char *text, size_t len, const cs_path *path, size_t i, const char *value, size_t vlen,
		    int max_depth, cs_buf *out)
{
	cs_obj obj = {0};
	cs_jerr je;
	int r = 0;
	if (cs_json_object(text, len, max_depth, &obj, &je) < 0) {
		cs_obj_free(&obj);
		return -1;
	}
	const cs_member *m = cs_obj_get(&obj, path->name[i], path->len[i]);
	cs_buf val = CS_BUF_INIT;
	if (i + 1 == path->n)
		cs_buf_add(&val, value, vlen);
	else if (!m)
		nest_value(path, i + 1, value, vlen, &val);
	else if (m->type != CS_J_OBJECT)
		r = -1;
	else
		r = set_from(m->val.p, m->val.n, path, i + 1, value, vlen, max_depth, &val);
	if (r == 0) {
		char *key = cs_strndup(path->name[i], path->len[i]);
		cs_json_set_field(out, obj.whole.p, obj.whole.n, &obj, key, val.p, val.len);
		free(key);
	}
	cs_buf_free(&val);
	cs_obj_free(&obj);
	return r;
}

int cs_json_set_path(const char *text, size_t len, const cs_path *path, const char *value, size_t vlen,
		     int max_depth, cs_buf *out)
{
	cs_buf_reset(out);
	if (path->n == 0)
		return -1;   /* an empty path names no member */
	return set_from(text, len, path, 0, value, vlen, max_depth, out);
}

/* Copy the object without member `skip`, or with member `edit` replaced by sub. */
static void rebuild(const cs_obj *obj, const cs_member *skip, const cs_member *edit, const cs_buf *sub, cs_buf *out)
{
	int first = 1;
	cs_buf_addc(out, '{');
	for (size_t k = 0; k < obj->n; k++) {
		const cs_member *m = &obj->m[k];
		if (m == skip)
			continue;
		if (!first)
			cs_buf_addc(out, ',');
		first = 0;
		const char *kstart = m->key.p - 1;
		if (m == edit) {
			cs_buf_add(out, kstart, (size_t)(m->val.p - kstart));
			cs_buf_add(out, sub->p, sub->len);
		} else {
			cs_buf_add(out, kstart, (size_t)(m->val.p + m->val.n - kstart));
		}
	}
	cs_buf_addc(out, '}');
}

static void del_from(const char *text, size_t len, const cs_path *path, size_t i, int max_depth, cs_buf *out)
{
	cs_obj obj = {0};
	cs_jerr je;
	const cs_member *m = NULL;
	if (cs_json_object(text, len, max_depth, &obj, &je) == 0)
		m = cs_obj_get(&obj, path->name[i], path->len[i]);
	if (!m || (i + 1 < path->n && m->type != CS_J_OBJECT)) {
		cs_buf_add(out, text, len);
	} else if (i + 1 == path->n) {
		rebuild(&obj, m, NULL, NULL, out);
	} else {
		cs_buf sub = CS_BUF_INIT;
		del_from(m->val.p, m->val.n, path, i + 1, max_depth, &sub);
		rebuild(&obj, NULL, m, &sub, out);
		cs_buf_free(&sub);
	}
	cs_obj_free(&obj);
}

void cs_json_del_path(const char *text, size_t len, const cs_path *path, int max_depth, cs_buf *out)
{
	cs_buf_reset(out);
	if (path->n == 0) {
		cs_buf_add(out, text, len);   /* an empty path names no member */
		return;
	}
	del_from(text, len, path, 0, max_depth, out);
}
