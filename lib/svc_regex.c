/* svc_regex: PCRE2 with limits (see svc_regex.h). Patterns are compiled
 * for UTF-8 with Unicode properties and JIT-compiled when PCRE2 can; every
 * match runs with a match limit, a depth limit and a heap limit, so a
 * pattern that would backtrack for ever stops, and the caller counts it. A
 * compiled pattern is shared by threads: each thread matches with match
 * data of its own.
 *
 * Texts are UTF-8 except for bytes the normalizer kept as they were, so
 * patterns are compiled with PCRE2_MATCH_INVALID_UTF: a byte that is not
 * UTF-8 matches nothing (not even .), the rest of the text matches as usual,
 * and PCRE2 skips its per-call check of the whole text.
 *
 * A pattern that cannot match without one of a few literals (svc_relit)
 * gets a prefilter: one pass of an automaton over the text finds whether
 * any is there, and a text without one is no match without calling PCRE2,
 * whose JIT code has no such shortcut for an alternation of words. */
#include "svc_regex.h"
#include "kit_bytes.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "svc_phrase.h"
#include "svc_relit.h"
#include "svc_text.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define REGEX_MATCH_LIMIT 100000
#define REGEX_DEPTH_LIMIT 1000
#define REGEX_HEAP_LIMIT_KB 20000   /* the interpreter's backtracking memory */

struct cs_regex {
	pcre2_code *code;                /* JIT-compiled on its first match (jitted) */
	atomic_int jitted;
	_Atomic(pcre2_code *) ascii;     /* compiled without PCRE2_UCP, on the first text all in ASCII */
	int ucp_free;                    /* PCRE2_UCP changes nothing: code serves ASCII text too */
	char *pattern;
	size_t pattern_len;
	atomic_int ascii_failed;
	pcre2_match_context *mc;
	cs_phrases *needs;            /* one of these is in every match, or NULL */
	cs_relits lits;               /* the same literals, for callers that find them in their own pass */
	_Atomic uint64_t limit_hits;
};

/* One match's offsets are all cs_regex_find reports: one pair a thread. */
static _Thread_local pcre2_match_data *thread_md;

static void free_thread_md(void)
{
	pcre2_match_data_free(thread_md);
	thread_md = NULL;
}

static pcre2_match_data *match_data(void)
{
	if (!thread_md) {
		thread_md = pcre2_match_data_create(1, NULL);
		if (!thread_md)
			cs_die(CS_EXIT_IO, "out of memory");
	}
	return thread_md;
}

void cs_regex_thread_done(void) { free_thread_md(); }

static size_t add_literals(const cs_relits *lits, cs_phrases *p, uint32_t list)
{
	for (size_t k = 0; k < lits->n; k++)
		cs_phrases_add_anywhere(p, lits->text.p + lits->off[k], lits->len[k], list);
	return lits->n;
}

static cs_phrases *prefilter(const char *pattern, size_t len, cs_relits *lits)
{
	cs_phrases *needs = NULL;
	if (cs_relit_required(pattern, len, lits)) {
		needs = cs_phrases_new();
		add_literals(lits, needs, 0);
		cs_phrases_build(needs);
	}
	return needs;
}

/* Might the pattern match in text[start..len)? */
static int may_match(const cs_regex *re, const char *text, size_t len, size_t start)
{
	if (!re->needs)
		return 1;
	return cs_phrases_any(re->needs, text + start, len - start);
}

#define REGEX_OPTIONS (PCRE2_UTF | PCRE2_MATCH_INVALID_UTF)

/* Does PCRE2_UCP change what the pattern matches? Only \d \s \w \b, their
 * negations and the POSIX classes read it. */
static int ucp_matters(const char *p, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (p[i] == '\\' && p[i + 1] && strchr("dDsSwWbB", p[i + 1]))
			return 1;
		if (p[i] == '[' && p[i + 1] == ':')
			return 1;
		i += p[i] == '\\';   /* an escaped character is no class */
	}
	return 0;
}

/* ---- Traditional characters of a pattern ----
 *
 * Text is matched normalized, its Traditional Chinese read as Simplified
 * (svc_text), so the pattern's own characters are read the same way: either
 * script matches either. cs_t2s keeps every length, so offsets in PCRE2's
 * messages still point into the pattern as written, and PCRE2's syntax is
 * ASCII, which it leaves alone. Only the ends of a range in a class stay as
 * written: folded, [還-邊] would run backwards. */

struct fold_scan {
	char *p;
	size_t n, i;
	size_t class_open;    /* in a class: where its first member is */
	int in_class, quoted; /* quoted: between \Q and \E */
};

/* Is the character at p[at ..+ len], in a class, the end of a range? A "-"
 * first in the class or before its "]" is a member, as is an escaped one. */
static int range_end(const struct fold_scan *f, size_t at, size_t len)
{
	const char *p = f->p;
	size_t after = at + len;
	if (after + 1 < f->n && p[after] == '-' && p[after + 1] != ']')
		return 1;
	return at > f->class_open + 1 && p[at - 1] == '-' && p[at - 2] != '\\';
}

static void fold_char(struct fold_scan *f)
{
	size_t at = f->i;
	cs_utf8_next(f->p, f->n, &f->i);
	if (!(f->in_class && !f->quoted && range_end(f, at, f->i - at)))
		cs_t2s(f->p + at, f->i - at);
}

/* "[" opens a class; "]" first in it (after "^") is a member. */
static void open_class(struct fold_scan *f)
{
	f->in_class = 1;
	if (++f->i < f->n && f->p[f->i] == '^')
		f->i++;
	f->class_open = f->i;
	if (f->i < f->n && f->p[f->i] == ']')
		f->i++;
}

/* Past a POSIX class ("[:alpha:]") inside a class at p[i], or past the "["
 * when no ":]" comes before a "]". */
static size_t posix_class_end(const char *p, size_t n, size_t i)
{
	for (size_t j = i + 2; j + 1 < n && p[j] != ']'; j++)
		if (p[j] == ':' && p[j + 1] == ']')
			return j + 2;
	return i + 1;
}

static void fold_ascii(struct fold_scan *f)
{
	const char *p = f->p;
	char c = p[f->i], next = f->i + 1 < f->n ? p[f->i + 1] : '\0';
	if (f->quoted)
		f->quoted = !(c == '\\' && next == 'E');
	else if (c == '\\')
		f->quoted = next == 'Q';
	else if (c == '[' && !f->in_class) {
		open_class(f);
		return;
	} else if (c == '[' && next == ':')
		f->i = posix_class_end(p, f->n, f->i) - 1;
	else if (c == ']')
		f->in_class = 0;
	/* an escape goes past the escaped character when it is ASCII ("\]", "\\");
	 * an escaped Chinese character is itself, and is read as the others are */
	f->i += c == '\\' && (unsigned char)next < 0x80 && next ? 2 : 1;
}

static void fold_pattern(char *p, size_t n)
{
	struct fold_scan f = {p, n, 0, 0, 0, 0};
	while (f.i < n) {
		if ((unsigned char)p[f.i] >= 0x80)
			fold_char(&f);
		else
			fold_ascii(&f);
	}
}

cs_regex *cs_regex_new(const char *pattern, size_t len, cs_buf *err)
{
	int ec;
	PCRE2_SIZE off;
	char *folded = cs_strndup(pattern, len);
	fold_pattern(folded, len);
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)folded, len, REGEX_OPTIONS | PCRE2_UCP, &ec, &off, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(ec, msg, sizeof msg);
		cs_buf_printf(err, "offset %zu: %s", (size_t)off, (char *)msg);
		free(folded);
		return NULL;
	}
	cs_regex *re = cs_calloc(1, sizeof *re);
	re->code = code;
	re->pattern = folded;
	re->pattern_len = len;
	re->ucp_free = !ucp_matters(folded, len);
	re->needs = prefilter(folded, len, &re->lits);
	re->mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(re->mc, REGEX_MATCH_LIMIT);
	pcre2_set_depth_limit(re->mc, REGEX_DEPTH_LIMIT);
	pcre2_set_heap_limit(re->mc, REGEX_HEAP_LIMIT_KB);
	return re;
}

/* a caller going on from one byte past an empty match may land inside a character */
static size_t char_start(const char *text, size_t len, size_t start)
{
	while (start < len && ((unsigned char)text[start] & 0xC0) == 0x80)
		start++;
	return start;
}

int cs_regex_find(cs_regex *re, const char *text, size_t len, size_t start, size_t *ms, size_t *me)
{
	start = char_start(text, len, start);
	if (start > len || !may_match(re, text, len, start))
		return 0;
	return cs_regex_find_unfiltered(re, text, len, start, ms, me);
}

const cs_relits *cs_regex_literals(const cs_regex *re) { return re->needs ? &re->lits : NULL; }

size_t cs_regex_add_literals(const cs_regex *re, cs_phrases *p, uint32_t list)
{
	return re->needs ? add_literals(&re->lits, p, list) : 0;
}

/* The pattern without PCRE2_UCP, compiled by the first thread that needs it
 * (another that races it frees its own), or NULL when it does not compile. */
static pcre2_code *ascii_code(cs_regex *re)
{
	pcre2_code *code = atomic_load_explicit(&re->ascii, memory_order_acquire);
	if (code || atomic_load_explicit(&re->ascii_failed, memory_order_relaxed))
		return code;
	int ec;
	PCRE2_SIZE off;
	code = pcre2_compile((PCRE2_SPTR)re->pattern, re->pattern_len, REGEX_OPTIONS, &ec, &off, NULL);
	if (!code) {
		atomic_store_explicit(&re->ascii_failed, 1, memory_order_relaxed);
		return NULL;
	}
	pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	pcre2_code *none = NULL;
	if (!atomic_compare_exchange_strong_explicit(&re->ascii, &none, code, memory_order_acq_rel, memory_order_acquire)) {
		pcre2_code_free(code);
		return none;
	}
	return code;
}

/* Compiling a pattern for the JIT takes longer than many matches: a set of
 * rules whose literals are seldom in the text (the asks, a scorecard) would
 * spend a run's start-up on code it never runs. So each pattern is compiled
 * for the JIT when a thread first matches with it; until then no thread
 * matches with it, so none runs it while it changes. The interpreter runs
 * when JIT is unavailable. */
static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;

static pcre2_code *jit_code(cs_regex *re)
{
	if (atomic_load_explicit(&re->jitted, memory_order_acquire))
		return re->code;
	pthread_mutex_lock(&jit_lock);
	if (!atomic_load_explicit(&re->jitted, memory_order_relaxed)) {
		pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
		atomic_store_explicit(&re->jitted, 1, memory_order_release);
	}
	pthread_mutex_unlock(&jit_lock);
	return re->code;
}

/* Which code to match text with. On a text all in ASCII, \w, \d, \s, \b
 * and the POSIX classes hold for the same characters with or without
 * PCRE2_UCP, and without it PCRE2 tests them by table instead of by Unicode
 * property (several times faster for patterns of words between \b). A
 * pattern without them needs no second compilation. */
static pcre2_code *code_for(cs_regex *re, const char *text, size_t len)
{
	if (re->ucp_free)
		return jit_code(re);
	pcre2_code *ascii = cs_ascii_end(text, 0, len) == len ? ascii_code(re) : NULL;
	return ascii ? ascii : jit_code(re);
}

int cs_regex_find_unfiltered(cs_regex *re, const char *text, size_t len, size_t start, size_t *ms, size_t *me)
{
	start = char_start(text, len, start);
	if (start > len)
		return 0;
	pcre2_match_data *md = match_data();
	int rc = pcre2_match(code_for(re, text, len), (PCRE2_SPTR)text, len, start, 0, md, re->mc);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		/* a limit (match, depth, heap, JIT stack): no match, counted */
		re->limit_hits++;
		return -1;
	}
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	*ms = ov[0];
	*me = ov[1];
	return 1;
}

uint64_t cs_regex_limit_hits(const cs_regex *re) { return re->limit_hits; }

void cs_regex_free(cs_regex *re)
{
	if (!re)
		return;
	pcre2_match_context_free(re->mc);
	pcre2_code_free(re->code);
	pcre2_code_free(atomic_load(&re->ascii));
	free(re->pattern);
	cs_phrases_free(re->needs);
	cs_buf_free(&re->lits.text);
	free(re);
}

/* Where a closing c is after p[i], for a name or a property that may hold
 * capitals: (?<Name>, \p{Lu}, (*UTF). */
static size_t skip_to(const char *p, size_t n, size_t i, char c)
{
	while (i < n && p[i] != c)
		i++;
	return i;
}

/* Does an option setting at p[i] ("(?i)", "(?mi:", "(?x-s)") turn on caseless matching? */
static int sets_caseless(const char *p, size_t n, size_t i)
{
	for (i += 2; i < n && p[i] != ')' && p[i] != ':' && p[i] != '-'; i++)
		if (p[i] == 'i')
			return 1;
		else if (!(p[i] >= 'a' && p[i] <= 'z') && p[i] != '^')
			return 0;
	return 0;
}

/* The first capital ASCII letter the pattern would have to meet in the text,
 * or NULL: text is case folded, so such a pattern never matches. Escapes
 * (\S, \W, \p{Lu}), group names and verbs are not letters to meet, and a
 * pattern that turns on caseless matching anywhere ((?i)) is let be. */
const char *cs_regex_capital(const char *p, size_t n)
{
	for (size_t i = 0; i + 2 < n; i++)
		if (p[i] == '(' && p[i + 1] == '?' && sets_caseless(p, n, i))
			return NULL;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\\') {
			if (i + 2 < n && (p[i + 1] == 'p' || p[i + 1] == 'P') && p[i + 2] == '{')
				i = skip_to(p, n, i, '}');
			else
				i++;
		} else if (p[i] == '(' && i + 2 < n && p[i + 1] == '?' && (p[i + 2] == '<' || p[i + 2] == 'P' || p[i + 2] == '\'')) {
			if (p[i + 2] == '<' && i + 3 < n && (p[i + 3] == '=' || p[i + 3] == '!'))
				continue;   /* a lookbehind */
			i = skip_to(p, n, i + 3, p[i + 2] == '\'' ? '\'' : '>');
		} else if (p[i] == '(' && i + 1 < n && p[i + 1] == '*') {
			i = skip_to(p, n, i, ')');
		} else if (p[i] >= 'A' && p[i] <= 'Z') {
			return p + i;
		}
	}
	return NULL;
}
