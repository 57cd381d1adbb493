#include "eng_ingest_map.h"
#include "fmt.h"
#include "kit_conf.h"
#include "kit_mem.h"
#include "kit_run.h"
#include "kit_time.h"
#include <stdio.h>
#include <unistd.h>
#include "kit_opt.h"
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	enum cs_ftype type;
} type_names[] = {
	{"string", CS_FT_STRING}, {"number", CS_FT_NUMBER}, {"bool", CS_FT_BOOL},
	{"time", CS_FT_TIME}, {"json", CS_FT_JSON},
};

/* End of the current unescaped-delimiter-free token starting at s. */

static size_t token_end(const char *s, size_t n, const char *stops)
{
	size_t i = 0;
	while (i < n && !strchr(stops, s[i]))
		i += s[i] == '\\' && i + 1 < n ? 2 : 1;
	return i;
}

static void unescape_text(const char *s, size_t n, cs_buf *out)
{
	for (size_t i = 0; i < n; i++)
		cs_buf_addc(out, s[i] == '\\' && i + 1 < n ? s[++i] : s[i]);
}

static enum cs_ftype default_type(const cs_path *to)
{
	const char *last = to->name[to->n - 1];
	size_t len = to->len[to->n - 1];
	if (to->n == 1 && strcmp(last, "ts") == 0)
		return CS_FT_TIME;
	if (strcmp(last, "id") == 0 || (len > 3 && strcmp(last + len - 3, "_id") == 0))
		return CS_FT_STRING;
	return CS_FT_AS_IS;
}

static int parse_item(cs_fieldmap_item *it, const char *s, size_t n, char *err, size_t errlen)
{
	size_t eq = token_end(s, n, "=");
	memset(it, 0, sizeof *it);
	if (eq == n) {
		snprintf(err, errlen, "'%.*s' is not to=from", (int)n, s);
		return -1;
	}
	const char *from = s + eq + 1;
	size_t fn = n - eq - 1, colon = token_end(from, fn, ":");
	it->type = CS_FT_AS_IS;
	if (colon < fn) {
		const char *t = from + colon + 1;
		size_t tn = fn - colon - 1, k;
		for (k = 0; k < sizeof type_names / sizeof type_names[0]; k++)
			if (strlen(type_names[k].name) == tn && memcmp(type_names[k].name, t, tn) == 0)
				break;
		if (k == sizeof type_names / sizeof type_names[0]) {
			snprintf(err, errlen, "unknown type '%.*s' (string, number, bool, time or json)", (int)tn, t);
			return -1;
		}
		it->type = type_names[k].type;
		fn = colon;
	}
	if (cs_path_parse(&it->to, s, eq) < 0 || cs_path_parse(&it->from, from, fn) < 0) {
		cs_path_free(&it->to);
		snprintf(err, errlen, "'%.*s' has an empty or too long field path", (int)n, s);
		return -1;
	}
	cs_buf text = CS_BUF_INIT;
	unescape_text(from, fn, &text);
	it->from_text = text.p ? text.p : cs_strdup("");
	it->to_text = cs_strndup(s, eq);
	if (it->type == CS_FT_AS_IS)
		it->type = default_type(&it->to);
	return 0;
}

int cs_fieldmap_parse(cs_fieldmap *m, const char *spec, char *err, size_t errlen)
{
	size_t n = strlen(spec), pos = 0;
	while (pos <= n) {
		size_t len = token_end(spec + pos, n - pos, ",");
		m->item = cs_realloc(m->item, (m->n + 1) * sizeof *m->item);
		if (parse_item(&m->item[m->n], spec + pos, len, err, errlen) < 0)
			return -1;
		m->n++;
		pos += len + 1;
	}
	return 0;
}

/* A trailing ":type" of a --set value (after an unescaped ':'): its type,
 * and *vn shortened to the value before it; CS_FT_AS_IS when there is none. */
static enum cs_ftype set_type(const char *v, size_t *vn)
{
	size_t colon = *vn;
	for (size_t i = 0; i < *vn; i++) {
		if (v[i] == '\\' && i + 1 < *vn)
			i++;
		else if (v[i] == ':')
			colon = i;
	}
	if (colon == *vn)
		return CS_FT_AS_IS;
	for (size_t k = 0; k < sizeof type_names / sizeof type_names[0]; k++)
		if (strlen(type_names[k].name) == *vn - colon - 1 && memcmp(type_names[k].name, v + colon + 1, *vn - colon - 1) == 0) {
			*vn = colon;
			return type_names[k].type;
		}
	return CS_FT_AS_IS;
}

int cs_fieldmap_parse_set(cs_fieldmap *m, const char *spec, char *err, size_t errlen)
{
	size_t n = strlen(spec), eq = token_end(spec, n, "=");
	cs_fieldmap_item it;
	memset(&it, 0, sizeof it);
	if (eq == n || cs_path_parse(&it.to, spec, eq) < 0) {
		snprintf(err, errlen, "'%s' is not field=value", spec);
		return -1;
	}
	const char *val = spec + eq + 1;
	size_t vn = n - eq - 1;
	it.type = set_type(val, &vn);
	cs_buf text = CS_BUF_INIT, literal = CS_BUF_INIT, v = CS_BUF_INIT;
	unescape_text(val, vn, &text);
	cs_buf_add_jstr(&literal, text.p ? text.p : "", text.len);
	int bad = it.type != CS_FT_AS_IS && cs_fieldmap_convert(&it, literal.p, literal.len, CS_J_STRING,
								   CS_JSON_DEFAULT_MAX_DEPTH, &v, err, errlen) < 0;
	if (it.type == CS_FT_AS_IS)
		cs_buf_add(&v, literal.p, literal.len);
	cs_buf_free(&text);
	cs_buf_free(&literal);
	if (bad) {
		cs_path_free(&it.to);
		cs_buf_free(&v);
		return -1;
	}
	cs_buf_addc(&v, '\0');
	it.const_json = v.p;
	it.to_text = cs_strndup(spec, eq);
	it.from_text = cs_strdup("");
	it.type = CS_FT_AS_IS;
	m->item = cs_realloc(m->item, (m->n + 1) * sizeof *m->item);
	m->item[m->n++] = it;
	return 0;
}

void cs_fieldmap_free(cs_fieldmap *m)
{
	for (size_t i = 0; i < m->n; i++) {
		cs_path_free(&m->item[i].to);
		cs_path_free(&m->item[i].from);
		free(m->item[i].from_text);
		free(m->item[i].to_text);
		free(m->item[i].const_json);
		free(m->item[i].time_format);
		for (size_t k = 0; k < m->item[i].nvalues; k++) {
			free(m->item[i].value_from[k]);
			free(m->item[i].value_to[k]);
		}
		free(m->item[i].value_from);
		free(m->item[i].value_to);
	}
	free(m->item);
	m->item = NULL;
	m->n = 0;
}

static int convert_time(const char *format, const char *s, size_t n, cs_buf *out, char *err, size_t errlen)
{
	cs_time t;
	char buf[40];
	if (!format && cs_time_is_canonical(s, n)) {   /* written again, it would be these bytes */
		cs_buf_addc(out, '"');
		cs_buf_add(out, s, n);
		cs_buf_addc(out, '"');
		return 0;
	}
	if (format && cs_time_parse_format(format, s, n, &t) == 0) {
		/* read by the field's own pattern */
	} else if (cs_time_parse(s, n, &t) < 0) {
		snprintf(err, errlen, "'%.*s' is not a time (%s)", (int)(n > 64 ? 64 : n), s, cs_time_why(s, n));
		return -1;
	}
	size_t len = cs_time_format(t, buf);
	cs_buf_addc(out, '"');
	cs_buf_add(out, buf, len);
	cs_buf_addc(out, '"');
	return 0;
}

static int convert_bool(const char *s, size_t n, cs_buf *out, char *err, size_t errlen)
{
	static const char *const yes[] = {"true", "yes", "y", "1", "TRUE", "True", "Yes", "YES"};
	static const char *const no[] = {"false", "no", "n", "0", "FALSE", "False", "No", "NO"};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strlen(yes[i]) == n && memcmp(yes[i], s, n) == 0) {
			cs_buf_adds(out, "true");
			return 0;
		}
		if (strlen(no[i]) == n && memcmp(no[i], s, n) == 0) {
			cs_buf_adds(out, "false");
			return 0;
		}
	}
	snprintf(err, errlen, "'%.*s' is not a boolean", (int)(n > 64 ? 64 : n), s);
	return -1;
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

/* Text that should hold a JSON value (a number for CS_FT_NUMBER), copied without surrounding blanks. */
static int convert_json_text(const char *s, size_t n, enum cs_ftype want, int max_depth, cs_buf *out, char *err,
			     size_t errlen)
{
	enum cs_jtype t;
	cs_jerr je;
	if (cs_json_value(s, n, max_depth, &t, &je) < 0 || (want == CS_FT_NUMBER && t != CS_J_NUMBER)) {
		snprintf(err, errlen, "'%.*s' is not %s", (int)(n > 64 ? 64 : n), s, want == CS_FT_NUMBER ? "a number" : "JSON");
		return -1;
	}
	while (n && is_blank(*s)) {
		s++;
		n--;
	}
	while (n && is_blank(s[n - 1]))
		n--;
	cs_buf_add(out, s, n);
	return 0;
}

static int fail(char *err, size_t errlen, const char *what)
{
	snprintf(err, errlen, "%s", what);
	return -1;
}

static int convert_number_or_json(const cs_fieldmap_item *it, const char *raw, size_t n, enum cs_jtype type,
				  const char *s, size_t sn, int max_depth, cs_buf *out, char *err, size_t errlen)
{
	if (type == CS_J_STRING)
		return convert_json_text(s, sn, it->type, max_depth, out, err, errlen);
	if (it->type == CS_FT_NUMBER && type != CS_J_NUMBER) {
		snprintf(err, errlen, "'%.*s' is not a number", (int)(n > 64 ? 64 : n), raw);
		return -1;
	}
	cs_buf_add(out, raw, n);
	return 0;
}

static int convert_to_bool(const char *raw, size_t n, enum cs_jtype type, const char *s, size_t sn, cs_buf *out,
			   char *err, size_t errlen)
{
	if (type == CS_J_STRING || type == CS_J_NUMBER)
		return convert_bool(s, sn, out, err, errlen);
	if (type != CS_J_TRUE && type != CS_J_FALSE)
		return fail(err, errlen, "not a boolean");
	cs_buf_add(out, raw, n);
	return 0;
}

/* The JSON value the item's value map gives text s[0..n), or NULL. */
static const char *map_text(const cs_fieldmap_item *it, const char *s, size_t n)
{
	const char *other = NULL;
	for (size_t k = 0; k < it->nvalues; k++) {
		if (strcmp(it->value_from[k], "*") == 0)
			other = it->value_to[k];
		else if (strlen(it->value_from[k]) == n && memcmp(it->value_from[k], s, n) == 0)
			return it->value_to[k];
	}
	return other;
}

int cs_fieldmap_convert(const cs_fieldmap_item *it, const char *raw, size_t n, enum cs_jtype type,
			int max_depth, cs_buf *out, char *err, size_t errlen)
{
	if (type == CS_J_STRING && !it->nvalues && (it->type == CS_FT_STRING || it->type == CS_FT_AS_IS) &&
	    !memchr(raw, '\\', n)) {
		cs_buf_add(out, raw, n);   /* a string without escapes is written as it came */
		return 0;
	}
	cs_buf scratch = CS_BUF_INIT;
	const char *s = raw;
	size_t sn = n;
	int r = 0;
	/* the plain text of the value: a string's contents, or a scalar's bytes */
	if (type == CS_J_STRING)
		cs_json_str((cs_span){raw, n}, type, &scratch, &s, &sn);
	int text_like = type == CS_J_STRING || type == CS_J_NUMBER;
	const char *mapped = it->nvalues && text_like ? map_text(it, s, sn) : NULL;
	if (mapped) {
		cs_buf_adds(out, mapped);
		cs_buf_free(&scratch);
		return 0;
	}
	switch (it->type) {
	case CS_FT_AS_IS:
		cs_buf_add(out, raw, n);
		break;
	case CS_FT_STRING:
		if (text_like || type == CS_J_TRUE || type == CS_J_FALSE)
			cs_buf_add_jstr(out, s, sn);
		else
			cs_buf_add(out, raw, n);
		break;
	case CS_FT_NUMBER:
	case CS_FT_JSON:
		r = convert_number_or_json(it, raw, n, type, s, sn, max_depth, out, err, errlen);
		break;
	case CS_FT_BOOL:
		r = convert_to_bool(raw, n, type, s, sn, out, err, errlen);
		break;
	case CS_FT_TIME:
		r = text_like ? convert_time(it->time_format, s, sn, out, err, errlen) : fail(err, errlen, "not a time");
		break;
	}
	cs_buf_free(&scratch);
	return r;
}

/* ---- --mapping files ---- */

static int map_fail(char *err, size_t errlen, const char *what, const char *name)
{
	snprintf(err, errlen, what, name);
	return -1;
}

static char *jval_strdup(cs_jval v)
{
	cs_buf b = CS_BUF_INIT;
	const char *s = cs_jtext(v, &b);
	char *r = cs_strdup(s ? s : "");
	cs_buf_free(&b);
	return r;
}

/* "values": {"source text": "value" or any JSON value, "*": other} */
static int parse_values(cs_fieldmap_item *it, cs_jval values, const char *field, char *err, size_t errlen)
{
	cs_obj obj = {0};
	cs_jerr je;
	if (values.t != CS_J_OBJECT || cs_json_object(values.p, values.n, CS_JSON_DEFAULT_MAX_DEPTH, &obj, &je) < 0)
		return map_fail(err, errlen, "field %s: \"values\" is not an object", field);
	it->value_from = cs_calloc(obj.n ? obj.n : 1, sizeof *it->value_from);
	it->value_to = cs_calloc(obj.n ? obj.n : 1, sizeof *it->value_to);
	cs_buf key = CS_BUF_INIT, val = CS_BUF_INIT;
	for (size_t k = 0; k < obj.n; k++) {
		cs_span quoted = {obj.m[k].key.p - 1, obj.m[k].key.n + 2};
		const char *s;
		size_t sn;
		cs_json_str(quoted, CS_J_STRING, &key, &s, &sn);
		it->value_from[k] = cs_strndup(s, sn);
		cs_buf_reset(&val);
		cs_json_compact(obj.m[k].val.p, obj.m[k].val.n, &val);
		it->value_to[k] = cs_strndup(val.p, val.len);
		it->nvalues++;
	}
	cs_buf_free(&key);
	cs_buf_free(&val);
	cs_obj_free(&obj);
	return 0;
}

/* s with a backslash before each of the characters in special. */
static void add_escaped(cs_buf *out, const char *s, const char *special)
{
	for (; *s; s++) {
		if (strchr(special, *s))
			cs_buf_addc(out, '\\');
		cs_buf_addc(out, *s);
	}
}

/* One member of "fields": "to": "from" or "to": {"from", "type", "format", "values"}. */
static int parse_field(cs_fieldmap *m, const char *to, cs_jval spec, char *err, size_t errlen)
{
	cs_buf item = CS_BUF_INIT;
	cs_jval from = spec.t == CS_J_OBJECT ? cs_jget(spec, "from") : spec;
	char *from_text = from.t == CS_J_STRING ? jval_strdup(from) : NULL;
	char *type = cs_jis(cs_jget(spec, "type")) ? jval_strdup(cs_jget(spec, "type")) : NULL;
	int r = -1;
	if (!from_text) {
		map_fail(err, errlen, "field %s: \"from\" must name a source field or column", to);
		goto out;
	}
	/* escaped so the --map parser takes them literally (a target's dots are steps) */
	add_escaped(&item, to, ",=:\\");
	cs_buf_addc(&item, '=');
	add_escaped(&item, from_text, ",=:.\\");
	if (type) {
		cs_buf_addc(&item, ':');
		cs_buf_adds(&item, type);
	}
	cs_buf_addc(&item, '\0');
	if (cs_fieldmap_parse(m, item.p, err, errlen) < 0)
		goto out;
	cs_fieldmap_item *it = &m->item[m->n - 1];
	cs_jval format = cs_jget(spec, "format"), values = cs_jget(spec, "values");
	if (format.t == CS_J_STRING)
		it->time_format = jval_strdup(format);
	if (cs_jis(values) && parse_values(it, values, to, err, errlen) < 0)
		goto out;
	r = 0;
out:
	free(from_text);
	free(type);
	cs_buf_free(&item);
	return r;
}

static int each_member(cs_jval obj, const char *what, int (*fn)(const char *key, cs_jval val, void *ctx), void *ctx,
		       char *err, size_t errlen)
{
	cs_obj o = {0};
	cs_jerr je;
	int r = 0;
	if (!cs_jis(obj))
		return 0;
	if (obj.t != CS_J_OBJECT || cs_json_object(obj.p, obj.n, CS_JSON_DEFAULT_MAX_DEPTH, &o, &je) < 0)
		return map_fail(err, errlen, "\"%s\" is not an object", what);
	cs_buf key = CS_BUF_INIT;
	for (size_t k = 0; k < o.n && r == 0; k++) {
		cs_span quoted = {o.m[k].key.p - 1, o.m[k].key.n + 2};
		const char *s;
		size_t sn;
		cs_json_str(quoted, CS_J_STRING, &key, &s, &sn);
		char *name = cs_strndup(s, sn);
		r = fn(name, (cs_jval){o.m[k].val.p, o.m[k].val.n, (enum cs_jtype)o.m[k].type}, ctx);
		free(name);
	}
	cs_buf_free(&key);
	cs_obj_free(&o);
	return r;
}

struct map_walk {
	cs_fieldmap *m;
	char *err;
	size_t errlen;
};

static int field_member(const char *key, cs_jval val, void *ctx)
{
	struct map_walk *w = ctx;
	return parse_field(w->m, key, val, w->err, w->errlen);
}

/* A fixed JSON value for field to (a --set from a mapping file). */
static int add_const(cs_fieldmap *m, const char *to, cs_jval val, char *err, size_t errlen)
{
	cs_fieldmap_item it;
	memset(&it, 0, sizeof it);
	if (cs_path_parse(&it.to, to, strlen(to)) < 0)
		return map_fail(err, errlen, "set: '%s' is not a field path", to);
	cs_buf json = CS_BUF_INIT;
	cs_json_compact(val.p, val.n, &json);
	it.const_json = cs_strndup(json.p, json.len);
	cs_buf_free(&json);
	it.to_text = cs_strdup(to);
	it.from_text = cs_strdup("");
	it.type = CS_FT_AS_IS;
	m->item = cs_realloc(m->item, (m->n + 1) * sizeof *m->item);
	m->item[m->n++] = it;
	return 0;
}

static int set_member(const char *key, cs_jval val, void *ctx)
{
	struct map_walk *w = ctx;
	return add_const(w->m, key, val, w->err, w->errlen);
}

static int time_format_item(cs_jval item, void *ctx)
{
	struct cs_mapping_settings *set = ctx;
	size_t n = 0;
	while (set->time_formats && set->time_formats[n])
		n++;
	set->time_formats = cs_realloc(set->time_formats, (n + 2) * sizeof *set->time_formats);
	set->time_formats[n] = jval_strdup(item);
	set->time_formats[n + 1] = NULL;
	return 0;
}

static char *opt_text(cs_jval top, const char *key)
{
	cs_jval v = cs_jget(top, key);
	return v.t == CS_J_STRING ? jval_strdup(v) : NULL;
}

int cs_mapping_parse(cs_fieldmap *m, struct cs_mapping_settings *set, const char *json, size_t n, char *err,
		     size_t errlen)
{
	enum cs_jtype t;
	cs_jerr je;
	memset(set, 0, sizeof *set);
	set->keep_mapped = -1;
	if (cs_json_value(json, n, CS_JSON_DEFAULT_MAX_DEPTH, &t, &je) < 0)
		return map_fail(err, errlen, "not valid JSON (%s)", je.what);
	if (t != CS_J_OBJECT)
		return map_fail(err, errlen, "%s", "not a JSON object");
	cs_jval top = cs_jval_of(json, n);
	set->format = opt_text(top, "format");
	set->tz = opt_text(top, "tz");
	set->date_order = opt_text(top, "date_order");
	char *delim = opt_text(top, "delimiter");
	if (delim) {
		set->delimiter = strcmp(delim, "tab") == 0 || strcmp(delim, "\t") == 0 ? '\t' : delim[0];
		int bad = strlen(delim) != 1 && set->delimiter != '\t';
		free(delim);
		if (bad)
			return map_fail(err, errlen, "%s", "\"delimiter\" is not one character (or tab)");
	}
	set->keep_mapped = cs_jbool(cs_jget(top, "keep_mapped"), -1);
	cs_jval formats = cs_jget(top, "time_formats");
	if (formats.t == CS_J_ARRAY)
		cs_jeach(formats, time_format_item, set);
	struct map_walk w = {m, err, errlen};
	if (!cs_jis(cs_jget(top, "fields")))
		return map_fail(err, errlen, "%s", "no \"fields\" object");
	if (each_member(cs_jget(top, "fields"), "fields", field_member, &w, err, errlen) < 0 ||
	    each_member(cs_jget(top, "set"), "set", set_member, &w, err, errlen) < 0)
		return -1;
	return 0;
}

void cs_mapping_settings_free(struct cs_mapping_settings *set)
{
	free(set->format);
	free(set->tz);
	free(set->date_order);
	for (size_t i = 0; set->time_formats && set->time_formats[i]; i++)
		free(set->time_formats[i]);
	free(set->time_formats);
	memset(set, 0, sizeof *set);
}

/* A mapping named without a directory that is not a file here: a preset
 * in the share directory (mappings/NAME.json). */
static void mapping_path(const char *name, cs_buf *path)
{
	cs_buf_reset(path);
	if (!strchr(name, '/') && access(name, F_OK) != 0) {
		cs_buf_printf(path, "%s/mappings/%s%s", cs_share_dir(), name,
			      strlen(name) > 5 && strcmp(name + strlen(name) - 5, ".json") == 0 ? "" : ".json");
		return;
	}
	cs_buf_adds(path, name);
}

/* A mapping is a few fields: a larger file is no mapping. */
#define MAPPING_MAX_BYTES ((size_t)1 << 20)

int cs_mapping_load(const char *name, cs_fieldmap *m, struct cs_mapping_settings *set, char *err, size_t errlen)
{
	cs_buf path = CS_BUF_INIT, text = CS_BUF_INIT, why = CS_BUF_INIT;
	char inner[512];
	int r = -1;
	mapping_path(name, &path);
	if (cs_conf_slurp_max(path.p, MAPPING_MAX_BYTES, &text, &why) != 0) {
		int missing = access(path.p, F_OK) != 0;
		snprintf(err, errlen, "%s%s", why.p,
			 missing && !strchr(name, '/') ? " (not a file here, nor a preset of that name)" : "");
		goto out;
	}
	if (cs_mapping_parse(m, set, text.p ? text.p : "", text.len, inner, sizeof inner) < 0) {
		snprintf(err, errlen, "%s: %s", path.p, inner);
		goto out;
	}
	r = 0;
out:
	cs_buf_free(&path);
	cs_buf_free(&text);
	cs_buf_free(&why);
	return r;
}
