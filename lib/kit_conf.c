/* kit_conf: reading a JSON configuration file (see kit_conf.h). */
#include "kit_conf.h"
#include "kit_in.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

unsigned long long cs_conf_line(const cs_conf *c, const char *at)
{
	unsigned long long line = c->first_line ? c->first_line : 1;
	if (!at || at < c->text || at > c->text + c->len)
		return line;
	for (const char *p = c->text; p < at; p++)
		line += *p == '\n';
	return line;
}

void cs_conf_bad(cs_conf *c, const char *at, const char *fmt, ...)
{
	cs_buf_reset(c->err);
	cs_buf_printf(c->err, "%s:%llu: ", c->file, cs_conf_line(c, at));
	if (c->what)
		cs_buf_printf(c->err, "%s: ", c->what);
	va_list ap;
	va_start(ap, fmt);
	char msg[512];
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cs_buf_adds(c->err, msg);
	longjmp(c->fail, 1);
}

void cs_conf_fail(cs_conf *c, const char *message)
{
	cs_buf_reset(c->err);
	cs_buf_adds(c->err, message);
	longjmp(c->fail, 1);
}

cs_jval cs_conf_top(cs_conf *c)
{
	enum cs_jtype type;
	cs_jerr jerr;
	if (cs_json_value(c->text, c->len, CS_JSON_DEFAULT_MAX_DEPTH, &type, &jerr) < 0)
		cs_conf_bad(c, c->text + jerr.off, "not valid JSON: %s", jerr.what);
	cs_jval top = cs_jval_of(c->text, c->len);
	while (top.n && (*top.p == ' ' || *top.p == '\n' || *top.p == '\t' || *top.p == '\r')) {
		top.p++;
		top.n--;
	}
	top.t = type;
	return top;
}

char *cs_conf_text(cs_conf *c, cs_jval v, const char *key)
{
	if (v.t != CS_J_STRING)
		cs_conf_bad(c, v.p, "\"%s\" must be a string", key);
	return cs_strdup(cs_jtext(v, &c->scratch));
}

double cs_conf_number(cs_conf *c, cs_jval v, const char *key)
{
	if (v.t != CS_J_NUMBER)
		cs_conf_bad(c, v.p, "\"%s\" must be a number", key);
	char buf[64];
	size_t n = v.n < sizeof buf - 1 ? v.n : sizeof buf - 1;
	memcpy(buf, v.p, n);
	buf[n] = '\0';
	return strtod(buf, NULL);
}

int cs_conf_int(cs_conf *c, cs_jval v, const char *key, int min, int max)
{
	double d = cs_conf_number(c, v, key);
	if (!(d >= min && d <= max) || d != (double)(int)d)
		cs_conf_bad(c, v.p, "\"%s\" must be a whole number from %d to %d", key, min, max);
	return (int)d;
}

int cs_conf_bool(cs_conf *c, cs_jval v, const char *key)
{
	if (v.t != CS_J_TRUE && v.t != CS_J_FALSE)
		cs_conf_bad(c, v.p, "\"%s\" must be true or false", key);
	return v.t == CS_J_TRUE;
}

void *cs_conf_temp(cs_conf *c, void *p)
{
	c->temps = cs_realloc(c->temps, (c->ntemps + 1) * sizeof *c->temps);
	c->temps[c->ntemps++] = p;
	return p;
}

void cs_conf_keep(cs_conf *c, size_t n) { c->ntemps -= n < c->ntemps ? n : c->ntemps; }

static int collect(cs_jval item, void *ctx)
{
	cs_conf_elements *e = ctx;
	e->v[e->n++] = item;
	return 0;
}

cs_conf_elements cs_conf_elements_of(cs_conf *c, cs_jval arr, const char *what)
{
	if (arr.t != CS_J_ARRAY)
		cs_conf_bad(c, arr.p, "%s must be an array", what);
	cs_conf_elements e = {cs_conf_temp(c, cs_malloc((cs_jlen(arr) + 1) * sizeof *e.v)), 0};
	cs_jeach(arr, collect, &e);
	return e;
}

char **cs_conf_strings(cs_conf *c, cs_jval v, const char *key, size_t *n)
{
	cs_conf_elements e = {&v, 1};
	if (v.t == CS_J_ARRAY)
		e = cs_conf_elements_of(c, v, key);
	/* every one checked before any is kept: cs_conf_bad unwinds, and the
	 * caller's count and list must still say nothing was read */
	for (size_t i = 0; i < e.n; i++)
		if (e.v[i].t != CS_J_STRING)
			cs_conf_bad(c, e.v[i].p, "\"%s\" must be a string or a list of strings", key);
	char **out = cs_calloc(e.n + 1, sizeof *out);
	for (size_t i = 0; i < e.n; i++)
		out[i] = cs_strdup(cs_jtext(e.v[i], &c->scratch));
	*n = e.n;
	return out;
}

static void check_repeats(cs_conf *c, const cs_conf_members *ms, const char *what)
{
	for (size_t i = 0; i < ms->n; i++) {   /* the same key twice: which one was meant? */
		const cs_span *key = &ms->m[i].key;
		int shown = (int)(key->n > 60 ? 60 : key->n);
		for (size_t k = 0; k < i; k++)
			if (ms->m[k].key.n == key->n && memcmp(ms->m[k].key.p, key->p, key->n) == 0)
				cs_conf_bad(c, key->p, "the key \"%.*s\" is given twice in %s", shown, key->p, what);
	}
}

cs_conf_members cs_conf_members_of(cs_conf *c, cs_jval v, const char *const *allowed, const char *what)
{
	if (v.t != CS_J_OBJECT)
		cs_conf_bad(c, v.p, "%s must be an object", what);
	cs_obj obj = {0};
	cs_jerr jerr;
	if (cs_json_object(v.p, v.n, CS_JSON_DEFAULT_MAX_DEPTH, &obj, &jerr) < 0)
		cs_conf_bad(c, v.p + jerr.off, "%s", jerr.what);
	cs_conf_members out = {cs_conf_temp(c, cs_malloc((obj.n ? obj.n : 1) * sizeof *out.m)), obj.n};
	if (obj.n)
		memcpy(out.m, obj.m, obj.n * sizeof *obj.m);
	cs_obj_free(&obj);
	check_repeats(c, &out, what);
	for (size_t i = 0; i < out.n && allowed; i++) {
		const cs_member *m = &out.m[i];
		if (cs_conf_key_is(m, "description") || cs_conf_key_is(m, "comment"))
			continue;
		size_t k = 0;
		while (allowed[k] && !cs_conf_key_is(m, allowed[k]))
			k++;
		if (!allowed[k])
			cs_conf_bad(c, m->key.p, "unknown key \"%.*s\" in %s", (int)(m->key.n > 60 ? 60 : m->key.n),
				    m->key.p, what);
	}
	return out;
}

cs_jval cs_conf_val(const cs_member *m) { return (cs_jval){m->val.p, m->val.n, (enum cs_jtype)m->type}; }

int cs_conf_key_is(const cs_member *m, const char *key) { return cs_member_is(m, key, strlen(key)); }

void cs_conf_free(cs_conf *c)
{
	for (size_t i = 0; i < c->ntemps; i++)
		free(c->temps[i]);
	free(c->temps);
	c->temps = NULL;
	c->ntemps = 0;
	cs_buf_free(&c->scratch);
}

/* A UTF-8 byte-order mark at the start dropped, as of every file cs reads
 * (cs(7)): an editor on Windows writes one before a JSON policy. */
static void drop_bom(cs_buf *text)
{
	if (text->len >= 3 && memcmp(text->p, "\xEF\xBB\xBF", 3) == 0) {
		memmove(text->p, text->p + 3, text->len - 3);
		text->len -= 3;
		text->p[text->len] = '\0';
	}
}

int cs_conf_slurp_max(const char *path, size_t max, cs_buf *text, cs_buf *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		cs_buf_printf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size <= max)
		cs_buf_reserve(text, (size_t)st.st_size + 1);   /* read in one piece, no copies as it grows */
	for (;;) {
		if (text->cap - text->len < 2)
			cs_buf_reserve(text, 65536);
		size_t room = text->cap - text->len - 1, got = fread(text->p + text->len, 1, room, f);
		text->len += got;
		if (got < room || text->len > max)
			break;
	}
	int failed = ferror(f);
	fclose(f);
	drop_bom(text);
	if (failed)
		cs_buf_printf(err, "%s: read error", path);
	else if (text->len > max)
		cs_buf_printf(err, "%s: larger than %zu MiB", path, max >> 20);
	return failed || text->len > max ? -1 : 0;
}

int cs_conf_slurp(const char *path, cs_buf *text, cs_buf *err)
{
	return cs_conf_slurp_max(path, CS_CONF_MAX_BYTES, text, err);
}

/* While a side file is read, what kit_in says of it (a read error, a
 * truncated zstd frame, invalid UTF-8) is kept as the reason it cannot be
 * read: the caller reports it once, with the status of a configuration (3),
 * not of an input (4). */
struct side_msgs {
	cs_buf first;                    /* the first message (or die()'s), without "PROG: " and its newline */
	int die_code;
	const cs_msg_sink *outer;
};

/* put(line, 0) is a message, put(NULL, code) a status raised, put(line,
 * code) a message before die(): that one is kept instead. */
static void side_put(void *ctx, const char *line, int raise_code)
{
	struct side_msgs *m = ctx;
	if (!line || (m->first.len && !raise_code))
		return;
	if (raise_code)
		m->die_code = raise_code;
	size_t prefix = strlen(cs_prog()) + 2, n = strlen(line);
	cs_buf_reset(&m->first);
	if (n > prefix)
		cs_buf_add(&m->first, line + prefix, n - prefix - 1);
}

static _Noreturn void side_die(void *ctx)
{
	struct side_msgs *m = ctx;
	cs_msg_set_sink(m->outer);
	cs_die(m->die_code, "%s", m->first.p ? m->first.p : "cannot read a side file");
}

int cs_conf_ndjson_each(const char *path, int (*fn)(cs_jval v, cs_buf *why, void *ctx), void *ctx, cs_buf *err)
{
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
	if (fd < 0) {   /* a missing file is a configuration problem (status 3), not the input's */
		cs_buf_printf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fd > 0)
		close(fd);
	char *files[1] = {(char *)path};
	struct side_msgs msgs = {.first = CS_BUF_INIT, .die_code = CS_EXIT_IO, .outer = cs_msg_get_sink()};
	const cs_msg_sink sink = {.put = side_put, .die = side_die, .ctx = &msgs};
	cs_msg_set_sink(&sink);
	cs_in *in = cs_in_new(files, 1, &(struct cs_in_opts){0, 0, 1, NULL});
	const char *line;
	size_t len;
	int got, status = 0;
	cs_buf why = CS_BUF_INIT;
	while (status == 0 && (got = cs_in_getline(in, &line, &len)) == CS_IN_LINE) {
		size_t at = strspn(line, " \t");
		if (at == len || line[at] == '#')
			continue;
		enum cs_jtype type;
		cs_jerr jerr;
		cs_buf_reset(&why);
		if (cs_json_value(line, len, CS_JSON_DEFAULT_MAX_DEPTH, &type, &jerr) < 0)
			cs_buf_printf(&why, "not valid JSON: %s", jerr.what);
		else if (fn(cs_jval_of(line, len), &why, ctx) == 0)
			continue;
		cs_buf_printf(err, "%s:%llu: %s", path, (unsigned long long)cs_in_lineno(in), why.p);
		status = -1;
	}
	if (status == 0 && got != CS_IN_EOF) {
		if (msgs.first.len)
			cs_buf_add(err, msgs.first.p, msgs.first.len);
		else
			cs_buf_printf(err, "%s: cannot be read", path);
		status = -1;
	}
	cs_in_free(in);
	cs_msg_set_sink(msgs.outer);
	cs_buf_free(&why);
	cs_buf_free(&msgs.first);
	return status;
}
