/* kit_statsum: stats lines added up (see kit_statsum.h). */
#include "kit_statsum.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include <stdlib.h>
#include <string.h>

struct prog {
	char *name;
	char **key;
	uint64_t *val;
	size_t n, cap;
};

struct cs_statsum {
	struct prog *prog;
	size_t n, cap;
	cs_buf scratch;
};

cs_statsum *cs_statsum_new(void) { return cs_calloc(1, sizeof(cs_statsum)); }

size_t cs_statsum_count(const cs_statsum *s) { return s->n; }

static struct prog *prog_named(cs_statsum *s, const char *name, size_t n)
{
	for (size_t i = 0; i < s->n; i++)
		if (strlen(s->prog[i].name) == n && memcmp(s->prog[i].name, name, n) == 0)
			return &s->prog[i];
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 8;
		s->prog = cs_realloc(s->prog, s->cap * sizeof *s->prog);
	}
	struct prog *p = &s->prog[s->n++];
	*p = (struct prog){.name = cs_strndup(name, n)};
	return p;
}

static uint64_t *counter(struct prog *p, const char *key, size_t n)
{
	for (size_t i = 0; i < p->n; i++)
		if (strlen(p->key[i]) == n && memcmp(p->key[i], key, n) == 0)
			return &p->val[i];
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 32;
		p->key = cs_realloc(p->key, p->cap * sizeof *p->key);
		p->val = cs_realloc(p->val, p->cap * sizeof *p->val);
	}
	p->key[p->n] = cs_strndup(key, n);
	p->val[p->n] = 0;
	return &p->val[p->n++];
}

int cs_statsum_add(cs_statsum *s, const cs_obj *rec, cs_buf *why)
{
	const cs_member *pm = cs_obj_get(rec, "program", 7);
	const char *name;
	size_t n;
	if (!pm || cs_json_str(pm->val, (enum cs_jtype)pm->type, &s->scratch, &name, &n) < 0 || !n) {
		cs_buf_adds(why, "a stats record without its program");
		return -1;
	}
	struct prog *p = prog_named(s, name, n);
	for (size_t i = 0; i < rec->n; i++) {
		const cs_member *m = &rec->m[i];
		if (cs_member_is(m, "kind", 4) || cs_member_is(m, "program", 7))
			continue;
		uint64_t v;
		if (m->key_escaped || cs_jwhole((cs_jval){m->val.p, m->val.n, (enum cs_jtype)m->type}, &v) < 0) {
			cs_buf_printf(why, "stats counter '%.*s' is not a whole number", (int)m->key.n, m->key.p);
			return -1;
		}
		uint64_t *sum = counter(p, m->key.p, m->key.n);
		if (*sum > UINT64_MAX - v) {
			cs_buf_printf(why, "stats counter '%.*s' adds up past 2^64", (int)m->key.n, m->key.p);
			return -1;
		}
		*sum += v;
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp((*(const struct prog *const *)a)->name, (*(const struct prog *const *)b)->name);
}

void cs_statsum_write(const cs_statsum *s, cs_buf *out)
{
	const struct prog **order = cs_malloc((s->n ? s->n : 1) * sizeof *order);
	for (size_t i = 0; i < s->n; i++)
		order[i] = &s->prog[i];
	qsort(order, s->n, sizeof *order, by_name);
	for (size_t i = 0; i < s->n; i++) {
		cs_jw w;
		cs_jw_init(&w, out);
		cs_jw_object(&w);
		cs_jw_key(&w, "kind");
		cs_jw_cstr(&w, "stats");
		cs_jw_key(&w, "program");
		cs_jw_cstr(&w, order[i]->name);
		for (size_t k = 0; k < order[i]->n; k++) {
			cs_jw_key(&w, order[i]->key[k]);
			cs_jw_uint(&w, order[i]->val[k]);
		}
		cs_jw_end_object(&w);
		cs_buf_addc(out, '\n');
	}
	free(order);
}

void cs_statsum_free(cs_statsum *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		for (size_t k = 0; k < s->prog[i].n; k++)
			free(s->prog[i].key[k]);
		free(s->prog[i].key);
		free(s->prog[i].val);
		free(s->prog[i].name);
	}
	free(s->prog);
	cs_buf_free(&s->scratch);
	free(s);
}
