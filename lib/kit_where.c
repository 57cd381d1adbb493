/* kit_where: the common subset of jq, natively (see kit_where.h).
 *
 * An expression is lexed, parsed into a small tree (an array of nodes) and
 * checked to lie in the subset; evaluating it walks the tree over values that
 * point into the record's bytes. Each node yields one value, nothing (select,
 * empty, a caught error), a jq error, or "not handled here"; the last two
 * hand the record to jq, so jq 1.6 remains the definition of every answer. */
#include "kit_where.h"
#include "kit_buf.h"
#include "kit_mem.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#define MAX_NODES 256
#define MAX_TOKENS 512
#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 10000

/* ---- tokens ---- */

enum tok {
	T_END, T_DOT, T_FIELD, T_IDENT, T_STRING, T_NUMBER, T_LPAREN, T_RPAREN, T_LBRACK, T_RBRACK,
	T_LBRACE, T_RBRACE, T_COLON, T_SEMI, T_COMMA, T_PIPE, T_ALT, T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE,
	T_QUESTION, T_MINUS
};

struct token {
	enum tok t;
	const char *p;     /* T_FIELD, T_IDENT: the name */
	size_t n;
	size_t off, len;   /* T_STRING: the decoded text in strs */
	double num;        /* T_NUMBER */
};

/* ---- the tree ---- */

enum op {
	OP_DOT, OP_FIELD, OP_INDEX, OP_TRY, OP_LIT, OP_PIPE, OP_ALT, OP_AND, OP_OR, OP_CMP,
	OP_NOT, OP_LENGTH, OP_DOWNCASE, OP_EMPTY, OP_SELECT, OP_HAS, OP_TEST, OP_STARTS, OP_ENDS,
	OP_CONTAINS, OP_IN, OP_IN_LIST
};

struct node {
	enum op op;
	enum tok cmp;              /* OP_CMP: which comparison */
	int a, b;                  /* children, -1 when none; OP_IN_LIST: first and count in list */
	enum cs_jtype type;        /* OP_LIT */
	size_t off, len;           /* OP_FIELD key, OP_LIT string or array/object text, in strs */
	double num;                /* OP_LIT number, OP_INDEX index */
	pcre2_code *re;            /* OP_TEST */
	int re_unicode;            /* OP_TEST: answers may differ from Oniguruma on non-ASCII text */
};

/* A value: strings hold their decoded text, arrays and objects their JSON
 * text, numbers their value; root marks the record itself. */
struct val {
	enum cs_jtype t;
	const char *p;
	size_t n;
	double num;
	int root;
};

/* What evaluating a node gives. */
enum res { R_OK, R_EMPTY, R_ERR, R_UNSUP, R_LIMIT };

/* Memory for values made while evaluating one record; reset per record. */
struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	char data[];
};

struct cs_where {
	struct node node[MAX_NODES];
	int nnode, root;
	int list[MAX_NODES];       /* OP_IN_LIST members */
	int nlist;
	cs_buf strs;               /* decoded strings and literal texts */
	/* compiling */
	struct token tok[MAX_TOKENS + 4];   /* T_END, then padding read by lookahead */
	int ntok, pos, bad;
	/* evaluating */
	const cs_obj *record;
	int max_depth;
	cs_obj scratch;
	cs_buf unesc;
	struct arena_block *arena;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
};

static const char *str_at(const cs_where *w, size_t off) { return w->strs.p + off; }

/* ---- lexing ---- */

static int is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int hex4(const char *p, unsigned *v)
{
	*v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		int d = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		*v = *v * 16 + (unsigned)d;
	}
	return 0;
}

static void put_utf8(cs_buf *b, unsigned cp)
{
	char u[4];
	if (cp < 0x80) {
		cs_buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		cs_buf_add(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		cs_buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		cs_buf_add(b, u, 4);
	}
}

static char short_escape(char c)
{
	switch (c) {
	case '"': return '"';
	case '\\': return '\\';
	case '/': return '/';
	case 'b': return '\b';
	case 'f': return '\f';
	case 'n': return '\n';
	case 'r': return '\r';
	case 't': return '\t';
	}
	return 0;
}

/* A string literal from p (at the opening quote) into strs; returns the
 * byte after the closing quote, or NULL if it is outside the subset
 * (interpolation, a lone surrogate, a bad escape, no end). */
static const char *lex_string(cs_where *w, const char *p, struct token *t)
{
	t->off = w->strs.len;
	for (p++; *p && *p != '"'; p++) {
		unsigned cp, lo;
		if (*p != '\\') {
			cs_buf_addc(&w->strs, *p);
		} else if (short_escape(p[1])) {
			cs_buf_addc(&w->strs, short_escape(p[1]));
			p++;
		} else if (p[1] == 'u' && hex4(p + 2, &cp) == 0) {
			p += 5;
			if (cp >= 0xDC00 && cp < 0xE000)
				return NULL;
			if (cp >= 0xD800 && cp < 0xDC00) {
				if (p[1] != '\\' || p[2] != 'u' || hex4(p + 3, &lo) < 0 || lo < 0xDC00 || lo >= 0xE000)
					return NULL;
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				p += 6;
			}
			put_utf8(&w->strs, cp);
		} else {
			return NULL;   /* \( interpolation, or an escape jq rejects */
		}
	}
	if (*p != '"')
		return NULL;
	t->len = w->strs.len - t->off;
	cs_buf_addc(&w->strs, '\0');
	t->t = T_STRING;
	return p + 1;
}

static const char *lex_number(const char *p, struct token *t)
{
	char *end;
	t->t = T_NUMBER;
	t->num = strtod(p, &end);
	if (end == p || *end == 'x' || *end == 'X' || is_ident_start(*end))
		return NULL;   /* hex, inf, nan and 1e5abc are not jq numbers */
	return end;
}

static enum tok two_char(const char *p)
{
	static const struct { char a, b; enum tok t; } ops[] = {
		{'=', '=', T_EQ}, {'!', '=', T_NE}, {'<', '=', T_LE}, {'>', '=', T_GE}, {'/', '/', T_ALT},
	};
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (p[0] == ops[i].a && p[1] == ops[i].b)
			return ops[i].t;
	return T_END;
}

static enum tok one_char(char c)
{
	static const char chars[] = ".()[]{}:;,|<>?-";
	static const enum tok toks[] = {T_DOT, T_LPAREN, T_RPAREN, T_LBRACK, T_RBRACK, T_LBRACE, T_RBRACE,
					T_COLON, T_SEMI, T_COMMA, T_PIPE, T_LT, T_GT, T_QUESTION, T_MINUS};
	const char *at = c ? strchr(chars, c) : NULL;
	return at ? toks[at - chars] : T_END;
}

/* How long a number jq 1.6's lexer reads at p: [0-9.]+([eE][+-]?[0-9]+)? */
static size_t jq_number_length(const char *p)
{
	const char *q = p;
	while (is_digit(*q) || *q == '.')
		q++;
	if (q > p && (*q == 'e' || *q == 'E')) {
		const char *x = q + 1;
		if (*x == '+' || *x == '-')
			x++;
		if (is_digit(*x)) {
			while (is_digit(*x))
				x++;
			q = x;
		}
	}
	return (size_t)(q - p);
}

/* How long a field ".name" is at p. */
static size_t field_length(const char *p)
{
	const char *q = p + 1;
	while (is_ident_char(*q))
		q++;
	return (size_t)(q - p);
}

/* One token at p into t; returns the byte after it, or NULL. */
static const char *lex_one(cs_where *w, const char *p, struct token *t)
{
	memset(t, 0, sizeof *t);
	if (*p == '"')
		return lex_string(w, p, t);
	if (is_digit(*p) || (*p == '.' && is_digit(p[1])))
		return lex_number(p, t);
	if (*p == '.' && is_ident_start(p[1])) {
		if (jq_number_length(p) >= field_length(p))
			return NULL;   /* ".e1": jq 1.6's lexer takes a number there */
		t->t = T_FIELD;
		t->p = p + 1;
		for (p++; is_ident_char(*p); p++)
			;
		t->n = (size_t)(p - t->p);
		return *p == ':' && p[1] == ':' ? NULL : p;
	}
	if (is_ident_start(*p)) {
		t->t = T_IDENT;
		t->p = p;
		while (is_ident_char(*p))
			p++;
		t->n = (size_t)(p - t->p);
		return *p == ':' && p[1] == ':' ? NULL : p;   /* module paths are not in the subset */
	}
	if ((t->t = two_char(p)) != T_END)
		return p + 2;
	if (*p == '.' && p[1] == '.')
		return NULL;   /* recursion */
	if ((t->t = one_char(*p)) != T_END)
		return p + 1;
	return NULL;   /* $, #, @, arithmetic, ... */
}

static int lex(cs_where *w, const char *p)
{
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')   /* jq 1.6 has no \r here */
			p++;
		if (w->ntok == MAX_TOKENS)
			return -1;
		struct token *t = &w->tok[w->ntok++];
		if (!*p) {
			/* T_END, and the same after it: the parser may look a token or two past the end */
			memset(t, 0, 4 * sizeof *t);
			for (int i = 0; i < 4; i++)
				t[i].t = T_END;
			return 0;
		}
		if (!(p = lex_one(w, p, t)))
			return -1;
	}
}

/* ---- parsing ---- */

static const struct token *peek(const cs_where *w) { return &w->tok[w->pos]; }

static int accept(cs_where *w, enum tok t)
{
	if (w->tok[w->pos].t != t)
		return 0;
	w->pos++;
	return 1;
}

static int expect(cs_where *w, enum tok t)
{
	if (!accept(w, t))
		w->bad = 1;
	return !w->bad;
}

static int new_node(cs_where *w, enum op op, int a, int b)
{
	if (w->nnode == MAX_NODES) {
		w->bad = 1;
		return 0;
	}
	struct node *n = &w->node[w->nnode];
	memset(n, 0, sizeof *n);
	n->op = op;
	n->a = a;
	n->b = b;
	return w->nnode++;
}

static int is_word(const struct token *t, const char *word)
{
	return t->t == T_IDENT && t->n == strlen(word) && memcmp(t->p, word, t->n) == 0;
}

static int parse_pipe(cs_where *w);
static int parse_alt(cs_where *w);
static int parse_literal_value(cs_where *w, cs_buf *json, enum cs_jtype *type);

static void json_number(cs_buf *b, double v)
{
	cs_buf_printf(b, "%.17g", v);
}

static int parse_literal_array(cs_where *w, cs_buf *json)
{
	cs_buf_addc(json, '[');
	if (!accept(w, T_RBRACK)) {
		do {
			enum cs_jtype t;
			if (json->p[json->len - 1] != '[')
				cs_buf_addc(json, ',');
			if (parse_literal_value(w, json, &t) < 0)
				return -1;
		} while (accept(w, T_COMMA));
		if (!expect(w, T_RBRACK))
			return -1;
	}
	cs_buf_addc(json, ']');
	return 0;
}

static int parse_literal_object(cs_where *w, cs_buf *json)
{
	cs_buf_addc(json, '{');
	if (!accept(w, T_RBRACE)) {
		do {
			const struct token *k = peek(w);
			enum cs_jtype t;
			if (json->p[json->len - 1] != '{')
				cs_buf_addc(json, ',');
			if (k->t == T_STRING)
				cs_buf_add_jstr(json, str_at(w, k->off), k->len);
			else if (k->t == T_IDENT)
				cs_buf_add_jstr(json, k->p, k->n);
			else
				return -1;
			w->pos++;
			cs_buf_addc(json, ':');
			if (!expect(w, T_COLON) || parse_literal_value(w, json, &t) < 0)
				return -1;
		} while (accept(w, T_COMMA));
		if (!expect(w, T_RBRACE))
			return -1;
	}
	cs_buf_addc(json, '}');
	return 0;
}

/* A literal as JSON text appended to json (for arrays and objects of literals). */
static int parse_literal_value(cs_where *w, cs_buf *json, enum cs_jtype *type)
{
	const struct token *t = peek(w);
	int neg = t->t == T_MINUS;
	if (neg)
		t = &w->tok[++w->pos];
	w->pos++;
	if (t->t == T_NUMBER) {
		*type = CS_J_NUMBER;
		json_number(json, neg ? -t->num : t->num);
		return 0;
	}
	if (neg)
		return -1;
	if (t->t == T_STRING) {
		*type = CS_J_STRING;
		cs_buf_add_jstr(json, str_at(w, t->off), t->len);
		return 0;
	}
	static const struct { const char *word; enum cs_jtype type; } words[] = {
		{"true", CS_J_TRUE}, {"false", CS_J_FALSE}, {"null", CS_J_NULL}};
	for (size_t i = 0; i < 3; i++)
		if (is_word(t, words[i].word)) {
			*type = words[i].type;
			cs_buf_adds(json, words[i].word);
			return 0;
		}
	*type = t->t == T_LBRACK ? CS_J_ARRAY : CS_J_OBJECT;
	if (t->t == T_LBRACK)
		return parse_literal_array(w, json);
	if (t->t == T_LBRACE)
		return parse_literal_object(w, json);
	return -1;
}

/* An array or object literal: its JSON text goes into strs. */
static int parse_container(cs_where *w)
{
	cs_buf json = CS_BUF_INIT;
	enum cs_jtype type;
	int r = parse_literal_value(w, &json, &type);
	int n = new_node(w, OP_LIT, -1, -1);
	if (r < 0)
		w->bad = 1;
	w->node[n].type = type;
	w->node[n].off = w->strs.len;
	w->node[n].len = json.len;
	cs_buf_add(&w->strs, json.p, json.len);
	cs_buf_addc(&w->strs, '\0');
	cs_buf_free(&json);
	return n;
}

static int lit_node(cs_where *w, enum cs_jtype type, double num, size_t off, size_t len)
{
	int n = new_node(w, OP_LIT, -1, -1);
	w->node[n].type = type;
	w->node[n].num = num;
	w->node[n].off = off;
	w->node[n].len = len;
	return n;
}

/* Flags of test(re; flags) as PCRE2 options; -1 for one outside the subset. */
/* Flags of test(re; flags) as PCRE2 options; -1 for one outside the subset.
 * x is left to jq: Oniguruma and PCRE2 skip different white space in an
 * extended pattern, and read "a+ ?" differently. */
static int regex_flags(const char *f, size_t n, uint32_t *opts, int *unicode)
{
	for (size_t i = 0; i < n; i++) {
		if (f[i] == 'i') {
			*opts |= PCRE2_CASELESS;
			*unicode = 1;   /* Oniguruma folds case more widely than PCRE2 */
		} else if (f[i] != 'g') {
			return -1;
		}
	}
	return 0;
}

/* 1 if the pattern uses only what PCRE2 and Oniguruma read alike; *unicode
 * is set when a class escape (\w, \d, \s, \b) makes non-ASCII text differ. */
static int regex_portable(const char *re, size_t n, int *unicode)
{
	static const char plain_escapes[] = ".\\/-[](){}*+?|^$ntr\"";
	static const char class_escapes[] = "dDwWsSbB";
	int in_class = 0;
	for (size_t i = 0; i < n; i++) {
		char c = re[i];
		if (c == '\\') {
			char e = i + 1 < n ? re[++i] : '\0';
			if (e && strchr(class_escapes, e))
				*unicode = 1;
			else if (!e || !strchr(plain_escapes, e))
				return 0;
		} else if (in_class) {
			if (c == '[' || (c == '&' && i + 1 < n && re[i + 1] == '&'))
				return 0;   /* POSIX classes, Oniguruma's class intersection */
			in_class = c != ']';
		} else if (c == '[') {
			in_class = 1;
			if (i + 1 < n && re[i + 1] == '^')
				i++;
			if (i + 1 < n && re[i + 1] == ']')
				i++;   /* a leading ] is a member */
		} else if (c == '(' && i + 1 < n && re[i + 1] == '?' && !(i + 2 < n && re[i + 2] == ':')) {
			return 0;   /* lookaround, inline flags, named groups */
		} else if (c == '{' && i + 1 < n && re[i + 1] == ',') {
			return 0;   /* {,n}: Oniguruma reads {0,n}, PCRE2 a literal */
		}
	}
	return !in_class;
}

static int is_ascii(const char *p, size_t n);

static pcre2_code *compile_regex(const char *re, size_t n, uint32_t opts)
{
	int err;
	PCRE2_SIZE at;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)re, n, opts | PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK, &err, &at, NULL);
	if (code)
		pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);   /* faster when there is a JIT; fine without */
	return code;
}

/* test(re) or test(re; flags) with literal strings. */
static int parse_test(cs_where *w)
{
	const struct token *re = peek(w);
	uint32_t opts = 0;
	int unicode = 0;
	if (!expect(w, T_STRING))
		return 0;
	if (accept(w, T_SEMI)) {
		const struct token *flags = peek(w);
		if (!expect(w, T_STRING) || regex_flags(str_at(w, flags->off), flags->len, &opts, &unicode) < 0)
			w->bad = 1;
	}
	int ascii_only = (opts & PCRE2_CASELESS) != 0;   /* Oniguruma folds "ß" to "ss", PCRE2 does not */
	if (w->bad || !expect(w, T_RPAREN) || !regex_portable(str_at(w, re->off), re->len, &unicode) ||
	    (ascii_only && !is_ascii(str_at(w, re->off), re->len))) {
		w->bad = 1;
		return 0;
	}
	int n = new_node(w, OP_TEST, -1, -1);
	w->node[n].re = compile_regex(str_at(w, re->off), re->len, opts);
	w->node[n].re_unicode = unicode;
	if (!w->node[n].re)
		w->bad = 1;
	return n;
}

/* The argument of IN(...): expressions separated by commas (which bind
 * tighter than pipes: a pipe is taken only when it is the one item). */
static int parse_in_list(cs_where *w)
{
	int first = w->nlist, count = 0;
	int items[MAX_NODES];
	do {
		if (count == MAX_NODES)
			w->bad = 1;
		if (w->bad)
			return 0;
		items[count++] = parse_alt(w);
	} while (accept(w, T_COMMA));
	if (count == 1 && accept(w, T_PIPE))
		items[0] = new_node(w, OP_PIPE, items[0], parse_pipe(w));
	if (!expect(w, T_RPAREN) || w->nlist + count > MAX_NODES) {
		w->bad = 1;
		return 0;
	}
	memcpy(&w->list[first], items, (size_t)count * sizeof *items);
	w->nlist += count;
	return new_node(w, OP_IN_LIST, first, count);
}

static int parse_call(cs_where *w, const struct token *name)
{
	static const struct { const char *name; enum op op; int args; } fns[] = {
		{"not", OP_NOT, 0}, {"length", OP_LENGTH, 0}, {"ascii_downcase", OP_DOWNCASE, 0}, {"empty", OP_EMPTY, 0},
		{"select", OP_SELECT, 1}, {"has", OP_HAS, 1}, {"startswith", OP_STARTS, 1}, {"endswith", OP_ENDS, 1},
		{"contains", OP_CONTAINS, 1}, {"in", OP_IN, 1},
	};
	if (is_word(name, "true"))
		return lit_node(w, CS_J_TRUE, 0, 0, 0);
	if (is_word(name, "false"))
		return lit_node(w, CS_J_FALSE, 0, 0, 0);
	if (is_word(name, "null"))
		return lit_node(w, CS_J_NULL, 0, 0, 0);
	if (is_word(name, "test") && peek(w)->t == T_LPAREN) {
		w->pos++;
		return parse_test(w);
	}
	if (is_word(name, "IN") && accept(w, T_LPAREN))
		return parse_in_list(w);
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		if (!is_word(name, fns[i].name))
			continue;
		int has_parens = peek(w)->t == T_LPAREN;
		if (has_parens != (fns[i].args > 0))
			break;   /* another arity: a different jq function */
		int arg = -1;
		if (fns[i].args) {
			w->pos++;
			arg = parse_pipe(w);
			expect(w, T_RPAREN);
		}
		return new_node(w, fns[i].op, arg, -1);
	}
	w->bad = 1;
	return 0;
}

static int parse_term(cs_where *w)
{
	const struct token *t = peek(w);
	if (t->t == T_END) {
		w->bad = 1;
		return 0;
	}
	w->pos++;
	switch (t->t) {
	case T_DOT:
		if (peek(w)->t == T_STRING) {
			const struct token *k = &w->tok[w->pos++];
			int n = new_node(w, OP_FIELD, new_node(w, OP_DOT, -1, -1), -1);
			w->node[n].off = k->off;
			w->node[n].len = k->len;
			return n;
		}
		return new_node(w, OP_DOT, -1, -1);
	case T_FIELD: {
		int n = new_node(w, OP_FIELD, new_node(w, OP_DOT, -1, -1), -1);
		w->node[n].off = w->strs.len;
		w->node[n].len = t->n;
		cs_buf_add(&w->strs, t->p, t->n);
		cs_buf_addc(&w->strs, '\0');
		return n;
	}
	case T_NUMBER: return lit_node(w, CS_J_NUMBER, t->num, 0, 0);
	case T_MINUS:
		if (peek(w)->t != T_NUMBER)
			break;
		return lit_node(w, CS_J_NUMBER, -w->tok[w->pos++].num, 0, 0);
	case T_STRING: return lit_node(w, CS_J_STRING, 0, t->off, t->len);
	case T_LPAREN: {
		int n = parse_pipe(w);
		expect(w, T_RPAREN);
		return n;
	}
	case T_LBRACK:
	case T_LBRACE:
		w->pos--;
		return parse_container(w);
	case T_IDENT: return parse_call(w, t);
	default: break;
	}
	w->bad = 1;
	return 0;
}

/* .[literal] after a term: a field for a string, an index for a number. */
static int parse_subscript(cs_where *w, int term)
{
	const struct token *k = peek(w);
	int neg = k->t == T_MINUS;
	if (neg)
		k = &w->tok[++w->pos];
	w->pos++;
	if (!expect(w, T_RBRACK) || (k->t != T_STRING && k->t != T_NUMBER) || (neg && k->t != T_NUMBER)) {
		w->bad = 1;
		return term;
	}
	int n = new_node(w, k->t == T_STRING ? OP_FIELD : OP_INDEX, term, -1);
	w->node[n].off = k->off;
	w->node[n].len = k->len;
	w->node[n].num = neg ? -k->num : k->num;
	return n;
}

/* jq 1.6: a '?' right after a path step keeps a term that more steps may
 * follow (.a?.b); after anything else (1?, (.a)?, length?, .?) it ends the
 * term, and only another '?' may come. */
static int parse_postfix(cs_where *w)
{
	const struct token *first = peek(w);
	int after_step = first->t == T_FIELD || (first->t == T_DOT && w->tok[w->pos + 1].t == T_STRING);
	int n = parse_term(w), closed = 0;
	for (;;) {
		const struct token *t = peek(w);
		int step = t->t == T_FIELD || t->t == T_LBRACK || (t->t == T_DOT && w->tok[w->pos + 1].t == T_STRING);
		if (step && closed) {
			w->bad = 1;
			return n;
		}
		if (t->t == T_FIELD) {
			w->pos++;
			int f = new_node(w, OP_FIELD, n, -1);
			w->node[f].off = w->strs.len;
			w->node[f].len = t->n;
			cs_buf_add(&w->strs, t->p, t->n);
			cs_buf_addc(&w->strs, '\0');
			n = f;
		} else if (t->t == T_DOT && w->tok[w->pos + 1].t == T_STRING) {
			const struct token *k = &w->tok[w->pos + 1];
			w->pos += 2;
			int f = new_node(w, OP_FIELD, n, -1);
			w->node[f].off = k->off;
			w->node[f].len = k->len;
			n = f;
		} else if (t->t == T_LBRACK) {   /* jq 1.6 has no .a.[0] */
			w->pos++;
			n = parse_subscript(w, n);
		} else if (t->t == T_QUESTION) {
			w->pos++;
			n = new_node(w, OP_TRY, n, -1);
			closed |= !after_step;
		} else {
			return n;
		}
		after_step = step;
		if (w->bad)
			return n;
	}
}

static int is_cmp(enum tok t) { return t == T_EQ || t == T_NE || t == T_LT || t == T_LE || t == T_GT || t == T_GE; }

static int parse_cmp(cs_where *w)
{
	int a = parse_postfix(w);
	enum tok t = peek(w)->t;
	if (!is_cmp(t))
		return a;
	w->pos++;
	int n = new_node(w, OP_CMP, a, parse_postfix(w));
	w->node[n].cmp = t;
	if (is_cmp(peek(w)->t))
		w->bad = 1;   /* non-associative in jq */
	return n;
}

static int parse_and(cs_where *w)
{
	int n = parse_cmp(w);
	while (!w->bad && is_word(peek(w), "and")) {
		w->pos++;
		n = new_node(w, OP_AND, n, parse_cmp(w));
	}
	return n;
}

static int parse_or(cs_where *w)
{
	int n = parse_and(w);
	while (!w->bad && is_word(peek(w), "or")) {
		w->pos++;
		n = new_node(w, OP_OR, n, parse_and(w));
	}
	return n;
}

static int parse_alt(cs_where *w)
{
	int n = parse_or(w);
	if (!w->bad && accept(w, T_ALT))
		return new_node(w, OP_ALT, n, parse_alt(w));
	return n;
}

static int parse_pipe(cs_where *w)
{
	int n = parse_alt(w);
	if (!w->bad && accept(w, T_PIPE))
		return new_node(w, OP_PIPE, n, parse_pipe(w));
	return n;
}

void cs_where_free(cs_where *w)
{
	if (!w)
		return;
	for (int i = 0; i < w->nnode; i++)
		pcre2_code_free(w->node[i].re);
	cs_buf_free(&w->strs);
	cs_buf_free(&w->unesc);
	cs_obj_free(&w->scratch);
	while (w->arena) {
		struct arena_block *next = w->arena->next;
		free(w->arena);
		w->arena = next;
	}
	pcre2_match_data_free(w->md);
	pcre2_match_context_free(w->mctx);
	free(w);
}

cs_where *cs_where_compile(const char *expr)
{
	cs_where *w = cs_calloc(1, sizeof *w);
	if (lex(w, expr) < 0) {
		cs_where_free(w);
		return NULL;
	}
	w->root = parse_pipe(w);
	if (w->bad || peek(w)->t != T_END) {
		cs_where_free(w);
		return NULL;
	}
	w->md = pcre2_match_data_create(1, NULL);
	w->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(w->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(w->mctx, DEPTH_LIMIT);
	return w;
}

/* ---- evaluating ---- */

static char *arena_alloc(cs_where *w, size_t n)
{
	struct arena_block *b = w->arena;
	if (!b || b->cap - b->used < n + 1) {
		size_t cap = n + 1 > 4096 ? n + 1 : 4096;
		struct arena_block *nb = cs_malloc(sizeof *nb + cap);
		nb->next = b;
		nb->used = 0;
		nb->cap = cap;
		w->arena = b = nb;
	}
	char *p = b->data + b->used;
	b->used += n + 1;
	p[n] = '\0';
	return p;
}

/* Between records: one block, as large as the last record needed. */
static void arena_reset(cs_where *w)
{
	size_t total = 0, blocks = 0;
	for (struct arena_block *b = w->arena; b; b = b->next) {
		total += b->cap;
		blocks++;
	}
	if (blocks > 1) {
		while (w->arena) {
			struct arena_block *next = w->arena->next;
			free(w->arena);
			w->arena = next;
		}
		arena_alloc(w, total);
	}
	if (w->arena)
		w->arena->used = 0;
}

static struct val make_bool(int b) { return (struct val){.t = b ? CS_J_TRUE : CS_J_FALSE}; }
static struct val make_num(double v) { return (struct val){.t = CS_J_NUMBER, .num = v}; }
static int truthy(const struct val *v) { return v->t != CS_J_FALSE && v->t != CS_J_NULL; }

/* A JSON value from the record (or a literal's text) as a value. */
static struct val from_json(cs_where *w, cs_span s, enum cs_jtype t)
{
	struct val v = {.t = t, .p = s.p, .n = s.n};
	const char *str;
	size_t n;
	if (t == CS_J_NUMBER) {
		v.num = strtod(s.p, NULL);
	} else if (t == CS_J_STRING && cs_json_str(s, t, &w->unesc, &str, &n) == 0) {
		if (str == w->unesc.p) {
			char *copy = arena_alloc(w, n);
			memcpy(copy, str, n);
			str = copy;
		}
		v.p = str;
		v.n = n;
	}
	return v;
}

/* The members of an object value (the record's own, or scanned now). */
static const cs_obj *members(cs_where *w, const struct val *v)
{
	cs_jerr je;
	if (v->root)
		return w->record;
	if (cs_json_object(v->p, v->n, w->max_depth, &w->scratch, &je) < 0)
		return NULL;
	return &w->scratch;
}

static enum res get_field(cs_where *w, const struct val *in, const char *key, size_t len, struct val *out)
{
	if (in->t == CS_J_NULL) {
		*out = (struct val){.t = CS_J_NULL};
		return R_OK;
	}
	if (in->t != CS_J_OBJECT)
		return R_ERR;
	const cs_obj *obj = members(w, in);
	if (!obj)
		return R_UNSUP;
	const cs_member *m = cs_obj_get(obj, key, len);
	*out = m ? from_json(w, m->val, (enum cs_jtype)m->type) : (struct val){.t = CS_J_NULL};
	return R_OK;
}

struct nth {
	long want, at;
	cs_span item;
	enum cs_jtype type;
};

static int find_nth(cs_span item, enum cs_jtype type, void *ctx)
{
	struct nth *q = ctx;
	if (q->at++ != q->want)
		return 0;
	q->item = item;
	q->type = type;
	return 1;
}

static int count_item(cs_span item, enum cs_jtype type, void *ctx)
{
	(void)item, (void)type;
	++*(long *)ctx;
	return 0;
}

static long array_length(const struct val *a)
{
	long n = 0;
	cs_json_each((cs_span){a->p, a->n}, count_item, &n);
	return n;
}

static enum res get_index(cs_where *w, const struct val *in, double idx, struct val *out)
{
	*out = (struct val){.t = CS_J_NULL};
	if (in->t == CS_J_NULL)
		return R_OK;
	if (in->t != CS_J_ARRAY)
		return R_ERR;
	if (idx != floor(idx) || fabs(idx) > 1e9)
		return R_OK;   /* jq: a fractional index gives null */
	long i = (long)idx;
	if (i < 0)
		i += array_length(in);
	struct nth q = {.want = i};
	if (i >= 0 && cs_json_each((cs_span){in->p, in->n}, find_nth, &q))
		*out = from_json(w, q.item, q.type);
	return R_OK;
}

/* jq's order of kinds: null < false < true < numbers < strings < arrays < objects. */
static int kind_rank(enum cs_jtype t)
{
	switch (t) {
	case CS_J_NULL: return 1;
	case CS_J_FALSE: return 2;
	case CS_J_TRUE: return 3;
	case CS_J_NUMBER: return 4;
	case CS_J_STRING: return 5;
	case CS_J_ARRAY: return 6;
	default: return 7;
	}
}

static enum res compare(const struct val *a, const struct val *b, int *order)
{
	int ra = kind_rank(a->t), rb = kind_rank(b->t);
	if (ra != rb) {
		*order = ra - rb;
		return R_OK;
	}
	if (a->t == CS_J_NUMBER) {
		*order = a->num < b->num ? -1 : a->num > b->num;
	} else if (a->t == CS_J_STRING) {
		size_t n = a->n < b->n ? a->n : b->n;
		int r = memcmp(a->p, b->p, n);
		*order = r ? r : (a->n > b->n) - (a->n < b->n);
	} else if (a->t == CS_J_ARRAY || a->t == CS_J_OBJECT) {
		if (a->n != b->n || memcmp(a->p, b->p, a->n) != 0)
			return R_UNSUP;   /* the same text is equal; anything else is jq's to order */
		*order = 0;
	} else {
		*order = 0;
	}
	return R_OK;
}

static int cmp_holds(enum tok op, int order)
{
	switch (op) {
	case T_EQ: return order == 0;
	case T_NE: return order != 0;
	case T_LT: return order < 0;
	case T_LE: return order <= 0;
	case T_GT: return order > 0;
	default: return order >= 0;
	}
}

static int has_nul(const struct val *v) { return memchr(v->p, '\0', v->n) != NULL; }

static int is_ascii(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)p[i] >= 0x80)
			return 0;
	return 1;
}

static size_t codepoints(const char *p, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += ((unsigned char)p[i] & 0xC0) != 0x80;
	return count;
}

/* Distinct keys of an object (jq keeps the last of a repeated key). */
static enum res object_length(cs_where *w, const struct val *v, size_t *len)
{
	const cs_obj *obj = members(w, v);
	if (!obj || obj->n > 64)
		return R_UNSUP;
	*len = 0;
	for (size_t i = 0; i < obj->n; i++) {
		if (obj->m[i].key_escaped)
			return R_UNSUP;
		size_t j = i + 1;
		while (j < obj->n && !(obj->m[j].key.n == obj->m[i].key.n &&
				       memcmp(obj->m[j].key.p, obj->m[i].key.p, obj->m[i].key.n) == 0))
			j++;
		*len += j == obj->n;
	}
	return R_OK;
}

static enum res length_of(cs_where *w, const struct val *v, struct val *out)
{
	size_t n;
	switch (v->t) {
	case CS_J_NULL: *out = make_num(0); return R_OK;
	case CS_J_NUMBER: *out = make_num(fabs(v->num)); return R_OK;
	case CS_J_STRING: *out = make_num((double)codepoints(v->p, v->n)); return R_OK;
	case CS_J_ARRAY: *out = make_num((double)array_length(v)); return R_OK;
	case CS_J_OBJECT:
		if (object_length(w, v, &n) != R_OK)
			return R_UNSUP;
		*out = make_num((double)n);
		return R_OK;
	default: return R_ERR;
	}
}

static enum res has_key(cs_where *w, const struct val *in, const struct val *k, struct val *out)
{
	if (in->t == CS_J_OBJECT && k->t == CS_J_STRING) {
		const cs_obj *obj = members(w, in);
		if (!obj)
			return R_UNSUP;
		*out = make_bool(cs_obj_get(obj, k->p, k->n) != NULL);
		return R_OK;
	}
	if (in->t == CS_J_ARRAY && k->t == CS_J_NUMBER) {
		double i = k->num;
		*out = make_bool(i > -1 && i < 1e9 && (long)i < array_length(in));
		return R_OK;
	}
	return R_ERR;
}

static enum res downcase(cs_where *w, const struct val *v, struct val *out)
{
	if (v->t != CS_J_STRING)
		return R_ERR;
	char *s = arena_alloc(w, v->n);
	for (size_t i = 0; i < v->n; i++)
		s[i] = v->p[i] >= 'A' && v->p[i] <= 'Z' ? (char)(v->p[i] + 32) : v->p[i];
	*out = (struct val){.t = CS_J_STRING, .p = s, .n = v->n};
	return R_OK;
}

static enum res string_test(enum op op, const struct val *s, const struct val *arg, struct val *out)
{
	if (s->t != CS_J_STRING || arg->t != CS_J_STRING)
		return op == OP_CONTAINS && s->t == arg->t ? R_UNSUP : R_ERR;
	if (arg->n > s->n) {
		*out = make_bool(0);
		return op == OP_CONTAINS && (has_nul(s) || has_nul(arg)) ? R_UNSUP : R_OK;
	}
	switch (op) {
	case OP_STARTS: *out = make_bool(memcmp(s->p, arg->p, arg->n) == 0); return R_OK;
	case OP_ENDS: *out = make_bool(memcmp(s->p + s->n - arg->n, arg->p, arg->n) == 0); return R_OK;
	default:
		if (has_nul(s) || has_nul(arg))
			return R_UNSUP;   /* jq 1.6 compares C strings there */
		*out = make_bool(memmem(s->p, s->n, arg->p, arg->n) != NULL);
		return R_OK;
	}
}

static enum res regex_test(cs_where *w, const struct node *nd, const struct val *s, struct val *out)
{
	if (s->t != CS_J_STRING)
		return R_ERR;
	if (nd->re_unicode && !is_ascii(s->p, s->n))
		return R_UNSUP;
	int rc = pcre2_match(nd->re, (PCRE2_SPTR)s->p, s->n, 0, PCRE2_NO_UTF_CHECK, w->md, w->mctx);
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
		return R_LIMIT;
	if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
		return R_UNSUP;
	*out = make_bool(rc >= 0);
	return R_OK;
}

static enum res eval(cs_where *w, int id, const struct val *in, struct val *out);

/* Both operands of a binary operator; an error or "not here" wins over nothing. */
static enum res eval_both(cs_where *w, const struct node *nd, const struct val *in, struct val *a, struct val *b)
{
	enum res ra = eval(w, nd->a, in, a), rb = eval(w, nd->b, in, b);
	if (ra == R_LIMIT || rb == R_LIMIT)
		return R_LIMIT;
	if (ra == R_UNSUP || rb == R_UNSUP)
		return R_UNSUP;
	if (ra == R_ERR || rb == R_ERR)
		return R_ERR;
	return ra == R_EMPTY || rb == R_EMPTY ? R_EMPTY : R_OK;
}

static enum res eval_logic(cs_where *w, const struct node *nd, const struct val *in, struct val *out)
{
	struct val a, b;
	enum res r = eval(w, nd->a, in, &a);
	if (r != R_OK)
		return r;
	if (truthy(&a) == (nd->op == OP_OR)) {
		*out = make_bool(nd->op == OP_OR);
		return R_OK;
	}
	if ((r = eval(w, nd->b, in, &b)) != R_OK)
		return r;
	*out = make_bool(truthy(&b));
	return R_OK;
}

static enum res eval_alt(cs_where *w, const struct node *nd, const struct val *in, struct val *out)
{
	enum res r = eval(w, nd->a, in, out);
	if (r != R_OK && r != R_EMPTY)
		return r;   /* jq 1.6's // does not catch errors on its left */
	if (r == R_OK && truthy(out))
		return R_OK;
	return eval(w, nd->b, in, out);
}

static enum res eval_in_list(cs_where *w, const struct node *nd, const struct val *in, struct val *out)
{
	for (int i = 0; i < nd->b; i++) {
		struct val item;
		int order;
		enum res r = eval(w, w->list[nd->a + i], in, &item);
		if (r == R_EMPTY)
			continue;
		if (r != R_OK || (r = compare(&item, in, &order)) != R_OK)
			return r;
		if (order == 0) {
			*out = make_bool(1);
			return R_OK;
		}
	}
	*out = make_bool(0);
	return R_OK;
}

static enum res eval_arg_call(cs_where *w, const struct node *nd, const struct val *in, struct val *out)
{
	struct val arg;
	enum res r = eval(w, nd->a, in, &arg);
	if (r != R_OK)
		return r;
	switch (nd->op) {
	case OP_SELECT:
		if (!truthy(&arg))
			return R_EMPTY;
		*out = *in;
		return R_OK;
	case OP_HAS: return has_key(w, in, &arg, out);
	case OP_IN: return has_key(w, &arg, in, out);
	default: return string_test(nd->op, in, &arg, out);
	}
}

static enum res eval_cmp(cs_where *w, const struct node *nd, const struct val *in, struct val *out)
{
	struct val a, b;
	int order;
	enum res r = eval_both(w, nd, in, &a, &b);
	if (r != R_OK || (r = compare(&a, &b, &order)) != R_OK)
		return r;
	*out = make_bool(cmp_holds(nd->cmp, order));
	return R_OK;
}

static enum res eval_path(cs_where *w, const struct node *nd, const struct val *in, struct val *out)
{
	struct val base;
	enum res r = eval(w, nd->a, in, &base);
	if (r != R_OK)
		return r;
	if (nd->op == OP_INDEX)
		return get_index(w, &base, nd->num, out);
	return get_field(w, &base, str_at(w, nd->off), nd->len, out);
}

static enum res eval_lit(cs_where *w, const struct node *nd, struct val *out)
{
	if (nd->type == CS_J_ARRAY || nd->type == CS_J_OBJECT)
		*out = (struct val){.t = nd->type, .p = str_at(w, nd->off), .n = nd->len};
	else if (nd->type == CS_J_STRING)
		*out = (struct val){.t = CS_J_STRING, .p = str_at(w, nd->off), .n = nd->len};
	else
		*out = (struct val){.t = nd->type, .num = nd->num};
	return R_OK;
}

static enum res eval(cs_where *w, int id, const struct val *in, struct val *out)
{
	const struct node *nd = &w->node[id];
	struct val v;
	enum res r;
	switch (nd->op) {
	case OP_DOT: *out = *in; return R_OK;
	case OP_FIELD:
	case OP_INDEX: return eval_path(w, nd, in, out);
	case OP_TRY:
		r = eval(w, nd->a, in, out);
		return r == R_ERR ? R_EMPTY : r;
	case OP_LIT: return eval_lit(w, nd, out);
	case OP_PIPE:
		r = eval(w, nd->a, in, &v);
		return r == R_OK ? eval(w, nd->b, &v, out) : r;
	case OP_ALT: return eval_alt(w, nd, in, out);
	case OP_AND:
	case OP_OR: return eval_logic(w, nd, in, out);
	case OP_CMP: return eval_cmp(w, nd, in, out);
	case OP_NOT: *out = make_bool(!truthy(in)); return R_OK;
	case OP_LENGTH: return length_of(w, in, out);
	case OP_DOWNCASE: return downcase(w, in, out);
	case OP_EMPTY: return R_EMPTY;
	case OP_TEST: return regex_test(w, nd, in, out);
	case OP_IN_LIST: return eval_in_list(w, nd, in, out);
	case OP_SELECT:
	case OP_HAS:
	case OP_IN:
	case OP_STARTS:
	case OP_ENDS:
	case OP_CONTAINS: return eval_arg_call(w, nd, in, out);
	default: return R_UNSUP;
	}
}

#define JQ_MAX_DEPTH 256   /* jq 1.6's parser refuses deeper nesting */

/* 1 if text nests deeper than limit (brackets in strings do not count). */
static int deeper_than(const char *p, size_t n, int limit)
{
	int depth = 0, in_string = 0;
	for (const char *e = p + n; p < e; p++) {
		if (in_string) {
			if (*p == '\\')
				p++;
			else if (*p == '"')
				in_string = 0;
		} else if (*p == '"') {
			in_string = 1;
		} else if (*p == '[' || *p == '{') {
			if (++depth > limit)
				return 1;
		} else if (*p == ']' || *p == '}') {
			depth--;
		}
	}
	return 0;
}

/* 1 if text holds a \uD800-\uDBFF escape not followed by a low one: jq 1.6
 * refuses to parse such a record. */
static int has_lone_high_surrogate(const char *p, size_t n)
{
	const char *e = p + n;
	while ((p = memchr(p, '\\', (size_t)(e - p)))) {
		unsigned hi, lo;
		if (e - p >= 6 && p[1] == 'u' && hex4(p + 2, &hi) == 0 && hi >= 0xD800 && hi < 0xDC00 &&
		    !(e - p >= 12 && p[6] == '\\' && p[7] == 'u' && hex4(p + 8, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000))
			return 1;
		p += 2;   /* past the escape's backslash and the character it escapes */
		if (p >= e)
			break;
	}
	return 0;
}

int cs_where_eval(cs_where *w, const char *text, size_t len, const cs_obj *obj, int max_depth)
{
	/* A record jq could not parse is jq's to reject, whatever the expression. */
	if ((max_depth > JQ_MAX_DEPTH && deeper_than(text, len, JQ_MAX_DEPTH)) || has_lone_high_surrogate(text, len))
		return CS_WHERE_ASK_JQ;
	struct val root = {.t = CS_J_OBJECT, .p = text, .n = len, .root = 1}, out;
	w->record = obj;
	w->max_depth = max_depth;
	arena_reset(w);
	switch (eval(w, w->root, &root, &out)) {
	case R_OK: return truthy(&out) ? CS_WHERE_TRUE : CS_WHERE_FALSE;
	case R_EMPTY: return CS_WHERE_FALSE;
	case R_LIMIT: return CS_WHERE_LIMIT;
	default: return CS_WHERE_ASK_JQ;
	}
}
