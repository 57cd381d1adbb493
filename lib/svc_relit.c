/* svc_relit: a pattern's required literals (see svc_relit.h).
 *
 * A recursive descent over the pattern. Each alternative of a group yields
 * its best set (every match of it holds one of the set); a group's set is
 * the union of its alternatives', known only when each has one. In a
 * sequence, a run of literal characters that nothing optional interrupts
 * is a set of one; a group that must match at least once gives its own.
 * Of these the best is kept: the one whose shortest literal is longest
 * (the fewest texts let through), then the smallest. */
#include "svc_relit.h"
#include <string.h>

#define MAX_DEPTH 32
#define SET_BYTES 1024
#define RUN_BYTES 256

struct set {
	int known;
	size_t n, used;
	size_t off[CS_RELIT_MAX], len[CS_RELIT_MAX];
	char bytes[SET_BYTES];
};

struct parse {
	const unsigned char *p;
	size_t i, n;
	int bad, depth;
};

enum atom { ATOM_LITERAL, ATOM_OTHER, ATOM_ZERO, ATOM_GROUP };

static size_t shortest(const struct set *s)
{
	size_t m = SIZE_MAX;
	for (size_t k = 0; k < s->n; k++)
		if (s->len[k] < m)
			m = s->len[k];
	return m;
}

/* Would a let fewer texts through than b? */
static int better(const struct set *a, const struct set *b)
{
	if (!a->known || !a->n)
		return 0;
	if (!b->known || !b->n)
		return 1;
	size_t sa = shortest(a), sb = shortest(b);
	return sa != sb ? sa > sb : a->n < b->n;
}

static void set_add(struct set *s, const char *lit, size_t len)
{
	for (size_t k = 0; k < s->n; k++)
		if (s->len[k] == len && memcmp(s->bytes + s->off[k], lit, len) == 0)
			return;
	if (s->n == CS_RELIT_MAX || s->used + len > SET_BYTES) {
		s->known = 0;   /* too many to be worth a prefilter */
		return;
	}
	memcpy(s->bytes + s->used, lit, len);
	s->off[s->n] = s->used;
	s->len[s->n++] = len;
	s->used += len;
}

static void set_union(struct set *into, const struct set *from)
{
	for (size_t k = 0; k < from->n && into->known; k++)
		set_add(into, from->bytes + from->off[k], from->len[k]);
}

static void consider(struct set *best, const struct set *cand)
{
	if (better(cand, best))
		*best = *cand;
}

/* The run of literal bytes so far as a candidate; the run starts over. */
static void flush(struct set *best, const char *run, size_t *rn)
{
	if (*rn) {
		struct set one = {.known = 1};
		set_add(&one, run, *rn);
		consider(best, &one);
	}
	*rn = 0;
}

/* A quantifier at the parse point: its minimum, or -1 when there is none. */
static long quantifier(struct parse *r)
{
	if (r->i >= r->n)
		return -1;
	long min;
	unsigned char c = r->p[r->i];
	if (c == '?' || c == '*' || c == '+') {
		min = c == '+';
		r->i++;
	} else if (c == '{') {
		size_t j = r->i + 1, digits = 0;
		min = 0;
		for (; j < r->n && r->p[j] >= '0' && r->p[j] <= '9' && digits < 6; j++, digits++)
			min = min * 10 + (r->p[j] - '0');
		if (!digits) {
			r->bad = 1;   /* "{" as a literal or "{,n}": left to PCRE2 */
			return -1;
		}
		if (j < r->n && r->p[j] == ',')
			for (j++; j < r->n && r->p[j] >= '0' && r->p[j] <= '9'; j++)
				;
		if (j >= r->n || r->p[j] != '}') {
			r->bad = 1;
			return -1;
		}
		r->i = j + 1;
	} else {
		return -1;
	}
	if (r->i < r->n && (r->p[r->i] == '?' || r->p[r->i] == '+'))
		r->i++;   /* lazy or possessive */
	return min;
}

/* Where a POSIX class such as [:alpha:] that starts at i ends, as PCRE2
 * reads it: a "]" or another "[:" before ":]" makes the "[" a plain
 * character of the class ("[[:]" is the class of "[" and ":"). */
static size_t posix_class_end(const unsigned char *p, size_t n, size_t i)
{
	for (size_t j = i + 2; j + 1 < n; j++) {
		if (p[j] == '\\' && (p[j + 1] == ']' || p[j + 1] == '\\'))
			j++;
		else if ((p[j] == '[' && p[j + 1] == ':') || p[j] == ']')
			break;
		else if (p[j] == ':' && p[j + 1] == ']')
			return j + 2;
	}
	return i + 1;
}

static void skip_class(struct parse *r)
{
	r->i++;
	if (r->i < r->n && r->p[r->i] == '^')
		r->i++;
	if (r->i < r->n && r->p[r->i] == ']')
		r->i++;
	while (r->i < r->n) {
		unsigned char c = r->p[r->i];
		if (c == ']') {
			r->i++;
			return;
		}
		if (c == '\\') {
			if (r->i + 1 >= r->n || r->p[r->i + 1] == 'Q') {
				r->bad = 1;
				return;
			}
			r->i += 2;
		} else if (c == '[' && r->i + 1 < r->n && r->p[r->i + 1] == ':') {
			r->i = posix_class_end(r->p, r->n, r->i);
		} else {
			r->i++;
		}
	}
	r->bad = 1;   /* no closing bracket */
}

/* An escape: a literal byte into lit, or what kind of atom it is. */
static enum atom escape(struct parse *r, char *lit)
{
	if (r->i + 1 >= r->n) {
		r->bad = 1;
		return ATOM_OTHER;
	}
	unsigned char e = r->p[r->i + 1];
	r->i += 2;
	if (strchr("bBAzZG", e))
		return ATOM_ZERO;
	if (strchr("sSwWdDhHvVRX", e))
		return ATOM_OTHER;
	if (e < 0x80 && !(e >= 'a' && e <= 'z') && !(e >= 'A' && e <= 'Z') && !(e >= '0' && e <= '9')) {
		*lit = (char)e;
		return ATOM_LITERAL;
	}
	r->bad = 1;   /* \x, \p, \Q, \k, a backreference, ...: beyond this analysis */
	return ATOM_OTHER;
}

/* One character as a literal: its UTF-8 bytes into lit; returns how many. */
static size_t literal_char(struct parse *r, char *lit)
{
	unsigned char c = r->p[r->i];
	size_t len = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
	if (!len || r->i + len > r->n) {
		r->bad = 1;
		return 0;
	}
	for (size_t k = 1; k < len; k++)
		if ((r->p[r->i + k] & 0xC0) != 0x80) {
			r->bad = 1;
			return 0;
		}
	memcpy(lit, r->p + r->i, len);
	r->i += len;
	return len;
}

static void alternatives(struct parse *r, struct set *out);

/* A group from its "(": its set into g; returns ATOM_ZERO for a lookaround. */
static enum atom group(struct parse *r, struct set *g)
{
	enum atom kind = ATOM_GROUP;
	const unsigned char *p = r->p;
	size_t i = r->i + 1, n = r->n;
	if (i < n && p[i] == '?') {
		if (i + 1 < n && p[i + 1] == ':') {
			i += 2;
		} else if (i + 1 < n && (p[i + 1] == '=' || p[i + 1] == '!')) {
			i += 2;
			kind = ATOM_ZERO;
		} else if (i + 2 < n && p[i + 1] == '<' && (p[i + 2] == '=' || p[i + 2] == '!')) {
			i += 3;
			kind = ATOM_ZERO;
		} else if (i + 1 < n && (p[i + 1] == '<' || (p[i + 1] == 'P' && i + 2 < n && p[i + 2] == '<'))) {
			const unsigned char *end = memchr(p + i, '>', n - i);
			if (!end) {
				r->bad = 1;
				return ATOM_OTHER;
			}
			i = (size_t)(end - p) + 1;   /* a named group captures like any other */
		} else {
			r->bad = 1;   /* option settings, atomic groups, conditions, comments, ... */
			return ATOM_OTHER;
		}
	}
	if (++r->depth > MAX_DEPTH) {
		r->bad = 1;
		return ATOM_OTHER;
	}
	r->i = i;
	alternatives(r, g);
	r->depth--;
	if (r->i >= n || p[r->i] != ')') {
		r->bad = 1;
		return ATOM_OTHER;
	}
	r->i++;
	return kind;
}

/* One alternative: its best set into best, up to "|", ")" or the end. */
static void sequence(struct parse *r, struct set *best)
{
	char run[RUN_BYTES], lit[4];
	size_t rn = 0;
	best->known = 0;
	best->n = best->used = 0;
	while (r->i < r->n && !r->bad) {
		unsigned char c = r->p[r->i];
		if (c == '|' || c == ')')
			break;
		enum atom kind;
		size_t litn = 0;
		struct set g = {.known = 0};
		if (c == '\\') {
			kind = escape(r, lit);
			litn = kind == ATOM_LITERAL;
		} else if (c == '.') {
			kind = ATOM_OTHER;
			r->i++;
		} else if (c == '[') {
			kind = ATOM_OTHER;
			skip_class(r);
		} else if (c == '^' || c == '$') {
			kind = ATOM_ZERO;
			r->i++;
		} else if (c == '(') {
			kind = group(r, &g);
		} else if (c == '*' || c == '+' || c == '?' || c == '{') {
			r->bad = 1;
			break;
		} else {
			kind = ATOM_LITERAL;
			litn = literal_char(r, lit);
		}
		if (r->bad)
			break;
		long min = quantifier(r);
		if (r->bad || (kind == ATOM_ZERO && min >= 0)) {
			r->bad = 1;
			break;
		}
		if (kind == ATOM_LITERAL && min != 0) {
			if (rn + litn > sizeof run)
				flush(best, run, &rn);
			memcpy(run + rn, lit, litn);
			rn += litn;
			if (min > 0)   /* "ab+" holds "ab", and what follows starts a run of its own */
				flush(best, run, &rn);
			continue;
		}
		flush(best, run, &rn);
		if (kind == ATOM_GROUP && min != 0)
			consider(best, &g);
	}
	flush(best, run, &rn);
}

/* Alternatives up to ")" or the end: the union of their sets, known only
 * when each one's is. */
static void alternatives(struct parse *r, struct set *out)
{
	out->known = 1;
	out->n = out->used = 0;
	for (;;) {
		struct set one;
		sequence(r, &one);
		if (r->bad)
			break;
		if (!one.known || !one.n)
			out->known = 0;
		else
			set_union(out, &one);
		if (r->i < r->n && r->p[r->i] == '|')
			r->i++;
		else
			break;
	}
	if (r->bad)
		out->known = 0;
}

size_t cs_relit_required(const char *pattern, size_t len, cs_relits *out)
{
	struct parse r = {(const unsigned char *)pattern, 0, len, 0, 0};
	struct set s;
	alternatives(&r, &s);
	cs_buf_reset(&out->text);
	out->n = 0;
	if (r.bad || r.i != len || !s.known)
		return 0;
	for (size_t k = 0; k < s.n; k++) {
		out->off[k] = out->text.len;
		out->len[k] = s.len[k];
		cs_buf_add(&out->text, s.bytes + s.off[k], s.len[k]);
	}
	out->n = s.n;
	return s.n;
}
