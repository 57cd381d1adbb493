#include "eng_ingest_map.h"
#include "kit_mem.h"
#include "kit_run.h"
#include "kit_time.h"
#include <stdio.h>
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

int cs_fieldmap_parse_set(cs_fieldmap *m, const char *spec, char *err, size_t errlen)
{
	size_t n = strlen(spec), eq = token_end(spec, n, "=");
	cs_fieldmap_item it;
	memset(&it, 0, sizeof it);
	if (eq == n || cs_path_parse(&it.to, spec, eq) < 0) {
		snprintf(err, errlen, "'%s' is not field=value", spec);
		return -1;
	}
	cs_buf v = CS_BUF_INIT;
	cs_buf_add_jstr(&v, spec + eq + 1, n - eq - 1);
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
	}
	free(m->item);
	m->item = NULL;
	m->n = 0;
}

static int convert_time(const char *s, size_t n, cs_buf *out, char *err, size_t errlen)
{
	cs_time t;
	char buf[40];
	if (cs_time_parse(s, n, &t) < 0) {
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

int cs_fieldmap_convert(const cs_fieldmap_item *it, const char *raw, size_t n, enum cs_jtype type,
			int max_depth, cs_buf *out, char *err, size_t errlen)
{
	cs_buf scratch = CS_BUF_INIT;
	const char *s = raw;
	size_t sn = n;
	int r = 0;
	/* the plain text of the value: a string's contents, or a scalar's bytes */
	if (type == CS_J_STRING)
		cs_json_str((cs_span){raw, n}, type, &scratch, &s, &sn);
	int text_like = type == CS_J_STRING || type == CS_J_NUMBER;
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
		r = text_like ? convert_time(s, sn, out, err, errlen) : fail(err, errlen, "not a time");
		break;
	}
	cs_buf_free(&scratch);
	return r;
}
