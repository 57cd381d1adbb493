/* svc_senti_lex: reading the sentiment lexicons (see svc_senti_lex.h and
 * svc_sentiment.h for the file formats). */
#include "svc_senti_lex.h"
#include "kit_bytes.h"
#include "kit_conf.h"
#include "kit_hash.h"
#include "kit_mem.h"
#include "svc_sentiment.h"
#include "svc_text.h"
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>

#define LEX_MAX_FILE ((size_t)64 << 20)

/* ---- the table ---- */

#define LEX_TAG(h) ((h) >> 32 << 32)

uint64_t lex_hash(const char *key, size_t n) { return cs_hash_quick(key, n); }

/* The slot holding key, or the empty one where it would go. */
static uint64_t *slot(const struct lex_table *t, const char *key, size_t n, uint64_t h)
{
	size_t mask = t->cap - 1;
	uint64_t tag = LEX_TAG(h);
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		uint64_t s = t->slot[i];
		if (!s)
			return &t->slot[i];
		if ((s & ~(uint64_t)UINT32_MAX) == tag) {
			const struct lex_entry *e = &t->e[(uint32_t)s - 1];
			if (e->key_len == n && memcmp(t->keys.p + e->key_off, key, n) == 0)
				return &t->slot[i];
		}
	}
}

const struct lex_entry *lex_get_hashed(const struct lex_table *t, const char *key, size_t n, uint64_t h)
{
	if (!t->cap)
		return NULL;
	uint64_t s = *slot(t, key, n, h);
	return s ? &t->e[(uint32_t)s - 1] : NULL;
}

const struct lex_entry *lex_get(const struct lex_table *t, const char *key, size_t n)
{
	return lex_get_hashed(t, key, n, lex_hash(key, n));
}

/* Slots for at least n entries at most half full, the entries placed again. */
static void resize_slots(struct lex_table *t, size_t n)
{
	size_t cap = 1024;
	while (cap < (n + 1) * 2)
		cap *= 2;
	if (cap <= t->cap)
		return;
	free(t->slot);
	t->cap = cap;
	/* written, not calloc'd: a page read as zeros first faults twice */
	t->slot = cs_malloc(cap * sizeof *t->slot);
	memset(t->slot, 0, cap * sizeof *t->slot);
	for (size_t i = 0; i < t->n; i++) {
		const char *key = t->keys.p + t->e[i].key_off;
		uint64_t h = lex_hash(key, t->e[i].key_len);
		*slot(t, key, t->e[i].key_len, h) = LEX_TAG(h) | (i + 1);
	}
}

static void reserve_entries(struct lex_table *t, size_t n)
{
	if (n > t->ecap) {
		t->ecap = n;
		t->e = cs_realloc(t->e, n * sizeof *t->e);
	}
}

void lex_reserve(struct lex_table *t, size_t n)
{
	resize_slots(t, n);
	reserve_entries(t, n);
}

struct lex_entry *lex_put(struct lex_table *t, const char *key, size_t n)
{
	if ((t->n + 1) * 2 > t->cap)
		resize_slots(t, t->n * 2);
	uint64_t h = lex_hash(key, n);
	uint64_t *s = slot(t, key, n, h);
	if (*s)
		return &t->e[(uint32_t)*s - 1];
	if (t->n == t->ecap)
		reserve_entries(t, t->ecap ? t->ecap * 2 : 256);   /* the slots stay where they are: s holds */
	struct lex_entry *e = &t->e[t->n];
	*e = (struct lex_entry){.key_off = (uint32_t)t->keys.len, .key_len = (uint32_t)n};
	cs_buf_add(&t->keys, key, n);
	*s = LEX_TAG(h) | ++t->n;
	return e;
}

void lex_table_free(struct lex_table *t)
{
	free(t->slot);
	free(t->e);
	cs_buf_free(&t->keys);
	memset(t, 0, sizeof *t);
}

/* ---- the lexicon ---- */

/* VADER's rule words (vaderSentiment 3.3.2): boosters and dampeners, the
 * negations, and the special idioms with their valence. */
#define B_INCR 0.293
#define B_DECR (-0.293)
static const char *const boosters_up[] = {
	"absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
	"effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
	"extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
	"friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
	"incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
	"quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
	"tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very", NULL};
static const char *const boosters_down[] = {
	"almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little",
	"marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly",
	"somewhat", "sort of", "sorta", "sortof", "sort-of", NULL};
static const char *const negations[] = {
	"aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't",
	"couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt",
	"neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't",
	"never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh",
	"wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont",
	"wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite", NULL};
static const struct { const char *words; double valence; } idioms[] = {
	{"the shit", 3}, {"the bomb", 3}, {"bad ass", 1.5}, {"badass", 1.5}, {"bus stop", 0.0}, {"yeah right", -2},
	{"kiss of death", -1.5}, {"to die for", 3}, {"beating heart", 3.1}, {"broken heart", -2.9}, {NULL, 0}};

static void put_words(struct lex_table *t, const char *const *words, double value)
{
	for (size_t i = 0; words[i]; i++)
		lex_put(t, words[i], strlen(words[i]))->value = value;
}

static void mark_rule_starts(cs_lexicon *lx, const char *const *words)
{
	for (size_t i = 0; words[i]; i++) {
		size_t n = strlen(words[i]);
		if (n <= 16)
			BIT_SET(lx->rule_start[n], (unsigned char)words[i][0]);
	}
}

/* The first word of each entry of t that has several into firsts. */
static void first_words(struct lex_table *firsts, const struct lex_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		const char *key = t->keys.p + t->e[i].key_off, *space = memchr(key, ' ', t->e[i].key_len);
		if (space)
			lex_put(firsts, key, (size_t)(space - key));
	}
}

uint64_t lex_next_generation(void)
{
	static _Atomic uint64_t generations;
	return ++generations;
}

/* A lexicon without VADER's rule words: a part of the shipped files, which
 * only the lexicon they are merged into needs them in. */
static cs_lexicon *lexicon_part(void)
{
	cs_lexicon *lx = cs_calloc(1, sizeof *lx);
	lx->generation = lex_next_generation();
	lx->emotions = cs_phrases_new();
	return lx;
}

cs_lexicon *cs_lexicon_new(void)
{
	cs_lexicon *lx = lexicon_part();
	put_words(&lx->boosters, boosters_up, B_INCR);
	put_words(&lx->boosters, boosters_down, B_DECR);
	put_words(&lx->negators, negations, 0);
	mark_rule_starts(lx, boosters_up);
	mark_rule_starts(lx, boosters_down);
	mark_rule_starts(lx, negations);
	for (size_t i = 0; idioms[i].words; i++)
		lex_put(&lx->idioms, idioms[i].words, strlen(idioms[i].words))->value = idioms[i].valence;
	first_words(&lx->gram_first, &lx->idioms);
	first_words(&lx->gram_first, &lx->boosters);
	return lx;
}

void cs_lexicon_free(cs_lexicon *lx)
{
	if (!lx)
		return;
	lex_table_free(&lx->en);
	lex_table_free(&lx->zh);
	lex_table_free(&lx->emoji);
	lex_table_free(&lx->boosters);
	lex_table_free(&lx->negators);
	lex_table_free(&lx->idioms);
	lex_table_free(&lx->gram_first);
	cs_phrases_free(lx->emotions);
	free(lx);
}

static int has_han(const char *s, size_t n)
{
	for (size_t i = 0; i < n;)
		if (cs_is_han(cs_utf8_next(s, n, &i)))
			return 1;
	return 0;
}

/* The look-up filters of a Chinese entry: its first character, and the
 * lengths of the entries its first two characters start. */
static void zh_filters(cs_lexicon *lx, const char *w, size_t n)
{
	uint32_t chars = (uint32_t)cs_utf8_count(w, n);
	if (chars > lx->zh_max_chars)
		lx->zh_max_chars = chars;
	size_t i = 0;
	uint32_t first = cs_utf8_next(w, n, &i);
	if (first >= 65536)
		return;   /* only found by the slow path: never, as no BMP filter bit is set */
	BIT_SET(lx->zh_first, first);
	if (chars == 1)
		BIT_SET(lx->zh_single, first);
	if (chars >= 2) {
		uint32_t second = cs_utf8_next(w, n, &i);
		lx->zh_pair_lengths[zh_pair_bit(first, second)] |= (unsigned char)zh_length_bit(chars);
	}
}

/* A Chinese word read as Simplified (cs_t2s), as the scorer reads the text:
 * a word written in Traditional then scores text in either script. */
static void add_zh(cs_lexicon *lx, const char *word, size_t n, enum zh_kind kind, double value)
{
	char short_word[256];   /* most words: no allocation for each of the thousands */
	char *w = n <= sizeof short_word ? short_word : cs_malloc(n);
	memcpy(w, word, n);
	cs_t2s(w, n);
	struct lex_entry *e = lex_put(&lx->zh, w, n);
	e->kind = (unsigned char)kind;
	e->value = value;
	zh_filters(lx, w, n);
	if (w != short_word)
		free(w);
}

/* A word in ASCII lower case, as VADER looks it up. */
static void add_en(cs_lexicon *lx, const char *w, size_t n, double value)
{
	char buf[256];
	if (n >= sizeof buf)
		return;
	cs_ascii_lower(buf, w, n);
	lex_put(&lx->en, buf, n)->value = value;
}

/* ---- reading files ---- */

/* What a line of a file means; returns NULL or the reason it is bad. */
typedef const char *(*line_fn)(cs_lexicon *lx, char **fields, size_t nfields);

/* A plain decimal ("-1.5", "2", "0.25") of 15 digits or fewer, exactly as
 * strtod reads it: both parts of mantissa / 10^k are exact doubles and the
 * division rounds correctly. 0 for anything else. */
static int plain_decimal(const char *s, double *v)
{
	static const double pow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	const char *p = s + (*s == '-');
	uint64_t mantissa = 0;
	int digits = 0, places = -1;
	for (; *p; p++) {
		if (*p == '.' && places < 0) {
			places = 0;
			continue;
		}
		if (*p < '0' || *p > '9' || ++digits > 15)
			return 0;
		mantissa = mantissa * 10 + (uint64_t)(*p - '0');
		places += places >= 0;
	}
	if (!digits || p[-1] == '.')
		return 0;
	double x = (double)mantissa / pow10[places < 0 ? 0 : places];
	*v = *s == '-' ? -x : x;
	return 1;
}

static int parse_number(const char *s, double *v)
{
	if (plain_decimal(s, v))
		return 1;
	char *end;
	errno = 0;
	*v = strtod(s, &end);
	return end != s && *end == '\0' && errno == 0 && isfinite(*v);
}

/* A line's word and valence: NULL, or the reason the line is bad. */
static const char *word_valence(char **f, size_t n, size_t *wl, double *v)
{
	if (n < 2)
		return "expected a word, a tab and a valence";
	if (!parse_number(f[1], v) || *v < -4 || *v > 4)
		return "the valence must be a number from -4 to 4";
	*wl = strlen(f[0]);
	return *wl ? NULL : "an empty word";
}

static void add_word(cs_lexicon *lx, const char *w, size_t wl, double v)
{
	if (has_han(w, wl))
		add_zh(lx, w, wl, ZH_SENT, v);
	else
		add_en(lx, w, wl, v);
}

static const char *valence_line(cs_lexicon *lx, char **f, size_t n)
{
	size_t wl;
	double v;
	const char *why = word_valence(f, n, &wl, &v);
	if (!why)
		add_word(lx, f[0], wl, v);
	return why;
}

/* Has the word a letter that lower case changes? */
static int has_capitals(const char *w, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp = cs_utf8_next(w, n, &i);
		if (cp < 0x80 ? cp >= 'A' && cp <= 'Z' : uc_tolower(cp) != cp)
			return 1;
	}
	return 0;
}

/* VADER's file: word, mean, standard deviation, ratings; only the first two
 * count. VADER looks every token up in lower case, so it never finds a word
 * of its file written with capitals (":P" at 1.4 beside ":p" at 1.0, ":Þ"):
 * such a line is checked and left out. */
static const char *vader_line(cs_lexicon *lx, char **f, size_t n)
{
	size_t wl;
	double v;
	const char *why = word_valence(f, n < 2 ? n : 2, &wl, &v);
	if (!why && !has_capitals(f[0], wl))
		add_word(lx, f[0], wl, v);
	return why;
}

static const char *emoji_line(cs_lexicon *lx, char **f, size_t n)
{
	if (n < 2 || !*f[0])
		return "expected an emoji, a tab and its description";
	size_t i = 0, n0 = strlen(f[0]);
	uint32_t cp = cs_utf8_next(f[0], n0, &i);
	if (cp < 65536)
		BIT_SET(lx->emoji_bmp, cp);
	BIT_SET(lx->emoji_lead, (unsigned char)f[0][0]);
	struct lex_entry *e = lex_put(&lx->emoji, f[0], n0);
	e->str_off = (uint32_t)lx->emoji.keys.len;
	e->str_len = (uint32_t)strlen(f[1]);
	cs_buf_add(&lx->emoji.keys, f[1], e->str_len);
	return NULL;
}

static const char *zh_rule_line(cs_lexicon *lx, char **f, size_t n)
{
	static const struct { const char *name; enum zh_kind kind; } kinds[] = {
		{"negator", ZH_NEGATOR}, {"rhetorical", ZH_RHETORICAL}, {"degree", ZH_DEGREE},
		{"contrast", ZH_CONTRAST}, {"blocker", ZH_BLOCKER},
	};
	if (n < 2 || !*f[1])
		return "expected a kind (negator, rhetorical, degree, contrast, blocker), a tab and a word";
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		if (strcmp(kinds[k].name, f[0]) != 0)
			continue;
		double v = 0;
		if (kinds[k].kind == ZH_DEGREE && (n < 3 || !parse_number(f[2], &v) || fabs(v) > 4))
			return "a degree word needs a third field, its booster from -4 to 4";
		add_zh(lx, f[1], strlen(f[1]), kinds[k].kind, v);
		return NULL;
	}
	return "the kind must be negator, rhetorical, degree, contrast or blocker";
}

static const char *emotion_line(cs_lexicon *lx, char **f, size_t n)
{
	if (n < 2 || !*f[0])
		return "expected a word, a tab and an emotion";
	uint32_t mode = 0;
	if (n >= 3 && *f[2]) {
		if (strcmp(f[2], "strict") == 0)
			mode = CS_EMO_STRICT;
		else if (strcmp(f[2], "always") == 0)
			mode = CS_EMO_ALWAYS;
		else
			return "the third field, when there is one, must be strict or always";
	}
	for (int e = 0; e < CS_EMO_N; e++)
		if (strcmp(cs_emotion_name((enum cs_emotion)e), f[1]) == 0) {
			cs_buf norm = CS_BUF_INIT;
			cs_norm_phrase(f[0], strlen(f[0]), &norm);
			if (norm.len)
				cs_phrases_add(lx->emotions, norm.p, norm.len, (uint32_t)e | mode);
			cs_buf_free(&norm);
			lx->emotions_built = 0;
			return NULL;
		}
	return "the emotion must be anger, frustration, anxiety or satisfaction";
}

/* Split text into lines and tab-separated fields, skipping blank lines and
 * '#' comments; a UTF-8 BOM and CR line ends are allowed. */
static int read_lines(cs_lexicon *lx, const char *name, const char *text, size_t len, line_fn fn, cs_buf *err)
{
	cs_buf line = CS_BUF_INIT;
	uint64_t lineno = 0;
	size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	int rc = 0;
	while (i < len && rc == 0) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len, n = end - i;
		lineno++;
		if (n && text[i + n - 1] == '\r')
			n--;
		cs_buf_reset(&line);
		cs_buf_add(&line, text + i, n);
		cs_buf_reserve(&line, 1);
		line.p[line.len] = '\0';
		i = end + 1;
		if (!n || line.p[0] == '#')
			continue;
		if (memchr(line.p, '\0', line.len)) {
			cs_buf_printf(err, "%s:%llu: a NUL byte", name, (unsigned long long)lineno);
			rc = -1;
			break;
		}
		char *fields[8];
		size_t nf = 0;
		for (char *p = line.p; nf < 8; p++) {
			fields[nf++] = p;
			p = strchr(p, '\t');
			if (!p)
				break;
			*p = '\0';
		}
		const char *why = fn(lx, fields, nf);
		if (why) {
			cs_buf_printf(err, "%s:%llu: %s", name, (unsigned long long)lineno, why);
			rc = -1;
		}
	}
	cs_buf_free(&line);
	return rc;
}

/* The file's lines through fn; with a table that its lines go to, room for
 * them all made first (one table of the right size, not five growing). */
static int read_file(cs_lexicon *lx, const char *path, line_fn fn, struct lex_table *into, cs_buf *err)
{
	cs_buf text = CS_BUF_INIT;
	int rc = cs_conf_slurp_max(path, LEX_MAX_FILE, &text, err);
	if (rc == 0) {
		if (into) {   /* its keys are no longer than the file */
			lex_reserve(into, into->n + 1 + cs_count_newlines(text.p, text.len));
			cs_buf_reserve(&into->keys, text.len);
		}
		rc = read_lines(lx, path, text.p ? text.p : "", text.len, fn, err);
	}
	cs_buf_free(&text);
	return rc;
}

/* The emoji's first bytes of 0x80 and above as a list of four at most
 * (ASCII ones never start a replacement: see replace_emoji()). */
static void list_emoji_leads(cs_lexicon *lx)
{
	int n = 0;
	for (unsigned c = 0x80; c < 256; c++) {
		if (!BIT_HAS(lx->emoji_lead, c))
			continue;
		if (c < 0xC0 || n == 4) {
			lx->emoji_leads = EMOJI_LEADS_MANY;
			return;
		}
		lx->emoji_lead_bytes[n++] = (unsigned char)c;
	}
	for (int k = n; k < 4; k++)
		lx->emoji_lead_bytes[k] = lx->emoji_lead_bytes[0];
	lx->emoji_leads = n;
}

/* The emotion matcher is built after each load, so scoring reads a finished lexicon. */
static int built(cs_lexicon *lx, int rc)
{
	lx->generation = lex_next_generation();
	list_emoji_leads(lx);
	if (!lx->emotions_built) {
		cs_phrases_build(lx->emotions);
		lx->emotions_built = 1;
	}
	return rc;
}

/* A table of its own holding src's entries, in the same slots. */
static void copy_table(struct lex_table *dst, const struct lex_table *src)
{
	*dst = (struct lex_table){.cap = src->cap, .n = src->n, .ecap = src->n};
	if (src->cap) {
		dst->slot = cs_malloc(src->cap * sizeof *dst->slot);
		memcpy(dst->slot, src->slot, src->cap * sizeof *dst->slot);
	}
	if (src->n) {
		dst->e = cs_malloc(src->n * sizeof *dst->e);
		memcpy(dst->e, src->e, src->n * sizeof *dst->e);
	}
	cs_buf_add(&dst->keys, src->keys.p, src->keys.len);
}

cs_lexicon *cs_lexicon_copy(const cs_lexicon *lx)
{
	cs_lexicon *c = cs_malloc(sizeof *c);
	memcpy(c, lx, sizeof *c);   /* the filters; every pointer is replaced below */
	struct lex_table *to[] = {&c->en, &c->zh, &c->emoji, &c->boosters, &c->negators, &c->idioms, &c->gram_first};
	const struct lex_table *from[] = {&lx->en, &lx->zh, &lx->emoji, &lx->boosters, &lx->negators, &lx->idioms,
					  &lx->gram_first};
	for (size_t i = 0; i < sizeof to / sizeof *to; i++)
		copy_table(to[i], from[i]);
	c->emotions = cs_phrases_new();
	c->emotions_built = 0;
	built(c, 0);
	return c;
}

/* ---- what a changed copy changes ---- */

/* Does other hold base's entries first, with the same keys in the same
 * order (a cs_lexicon_copy of it, loaded into)? Entry i then is the same
 * word in both, and one beyond base's is new. */
static int extends(const struct lex_table *base, const struct lex_table *other)
{
	if (other->n < base->n || other->keys.len < base->keys.len ||
	    (base->keys.len && memcmp(other->keys.p, base->keys.p, base->keys.len) != 0))
		return 0;
	for (size_t i = 0; i < base->n; i++)
		if (other->e[i].key_off != base->e[i].key_off || other->e[i].key_len != base->e[i].key_len)
			return 0;
	return 1;
}

/* Entry i of other is not base's (extends() holds): new, or changed. */
static int apart(const struct lex_table *base, const struct lex_table *other, size_t i)
{
	if (i >= base->n)
		return 1;
	const struct lex_entry *a = &base->e[i], *b = &other->e[i];
	return a->value != b->value || a->kind != b->kind || a->str_off != b->str_off || a->str_len != b->str_len;
}

static int same_table(const struct lex_table *base, const struct lex_table *other)
{
	if (!extends(base, other) || other->n != base->n)
		return 0;
	for (size_t i = 0; i < base->n; i++)
		if (apart(base, other, i))
			return 0;
	return 1;
}

/* The keys of other apart from base's into words (anywhere: Chinese, in a
 * run of Han; else whole words); 0 when one cannot be found by a search:
 * a byte no word holds (a space joins the words of an n-gram), or 很,
 * which the scorer looks up whatever the text. */
static int add_apart(const struct lex_table *base, const struct lex_table *other, cs_phrases *words, int anywhere)
{
	for (size_t i = 0; i < other->n; i++) {
		if (!apart(base, other, i))
			continue;
		const char *key = other->keys.p + other->e[i].key_off;
		size_t n = other->e[i].key_len;
		for (size_t k = 0; k < n; k++)
			if ((unsigned char)key[k] <= ' ')
				return 0;
		if (anywhere && n == 3 && memcmp(key, "\xE5\xBE\x88", 3) == 0)
			return 0;
		if (anywhere)
			cs_phrases_add_anywhere(words, key, n, 0);
		else
			cs_phrases_add(words, key, n, 0);
	}
	return 1;
}

cs_phrases *cs_lexicon_changes(const cs_lexicon *base, const cs_lexicon *other)
{
	if (!same_table(&base->emoji, &other->emoji) || !same_table(&base->boosters, &other->boosters) ||
	    !same_table(&base->negators, &other->negators) || !same_table(&base->idioms, &other->idioms) ||
	    !same_table(&base->gram_first, &other->gram_first) || !extends(&base->en, &other->en) ||
	    !extends(&base->zh, &other->zh))
		return NULL;
	cs_phrases *words = cs_phrases_new();
	if (!add_apart(&base->en, &other->en, words, 0) || !add_apart(&base->zh, &other->zh, words, 1)) {
		cs_phrases_free(words);
		return NULL;
	}
	cs_phrases_build(words);
	return words;
}

int cs_lexicon_load_file(cs_lexicon *lx, const char *path, cs_buf *err)
{
	return built(lx, read_file(lx, path, valence_line, NULL, err));
}

int cs_lexicon_load_mem(cs_lexicon *lx, const char *name, const char *text, size_t len, cs_buf *err)
{
	return built(lx, read_lines(lx, name, text, len, valence_line, err));
}

/* The shipped files, in the order they are read, and the table each fills. */
enum shipped_table { INTO_NONE, INTO_EN, INTO_EMOJI, INTO_ZH };
static const struct {
	const char *file;
	line_fn fn;
	enum shipped_table into;
} shipped[] = {
	{"vader_lexicon.txt", vader_line, INTO_EN}, {"emoji_utf8_lexicon.txt", emoji_line, INTO_EMOJI},
	{"zh.tsv", valence_line, INTO_ZH},	    {"zh_rules.tsv", zh_rule_line, INTO_ZH},
	{"emotions.tsv", emotion_line, INTO_NONE},
};

static struct lex_table *shipped_into(cs_lexicon *lx, enum shipped_table t)
{
	return t == INTO_EN ? &lx->en : t == INTO_EMOJI ? &lx->emoji : t == INTO_ZH ? &lx->zh : NULL;
}

/* ---- the shipped lexicons, on two threads ---- */

/* Each file goes into a lexicon of its own, loaded by whichever of the
 * job's thread and the caller takes it first; the parts are then merged in
 * file order, a later entry replacing an earlier one as in one lexicon
 * read file by file. */
#define SHIPPED_TABLES (sizeof shipped / sizeof *shipped)

struct cs_lexicon_job {
	pthread_t thread;
	int started;
	char *dir;
	atomic_size_t next;                 /* the next file to take */
	cs_lexicon *part[SHIPPED_TABLES];
	int rc[SHIPPED_TABLES];
	cs_buf err[SHIPPED_TABLES];
};

static int read_shipped(cs_lexicon *lx, const char *dir, size_t i, cs_buf *err)
{
	cs_buf path = CS_BUF_INIT;
	cs_buf_printf(&path, "%s/%s", dir, shipped[i].file);
	int rc = read_file(lx, path.p, shipped[i].fn, shipped_into(lx, shipped[i].into), err);
	cs_buf_free(&path);
	return rc;
}

static void take_files(cs_lexicon_job *j)
{
	size_t i;
	while ((i = atomic_fetch_add(&j->next, 1)) < SHIPPED_TABLES) {
		j->rc[i] = read_shipped(j->part[i], j->dir, i, &j->err[i]);
		built(j->part[i], 0);   /* its emotion phrases too */
	}
}

static void *job_thread(void *arg)
{
	take_files(arg);
	return NULL;
}

cs_lexicon_job *cs_lexicon_defaults_start(const char *dir)
{
	cs_lexicon_job *j = cs_calloc(1, sizeof *j);
	j->dir = cs_strdup(dir);
	atomic_init(&j->next, 0);
	for (size_t i = 0; i < SHIPPED_TABLES; i++)
		j->part[i] = i ? lexicon_part() : cs_lexicon_new();
	j->started = pthread_create(&j->thread, NULL, job_thread, j) == 0;
	return j;
}

/* src's entries into dst, replacing dst's of the same key; a table that dst
 * has not filled yet is moved whole. */
static void merge_table(struct lex_table *dst, struct lex_table *src)
{
	if (!dst->n) {
		lex_table_free(dst);
		*dst = *src;
		memset(src, 0, sizeof *src);
		return;
	}
	for (size_t i = 0; i < src->n; i++) {
		const struct lex_entry *from = &src->e[i];
		struct lex_entry *to = lex_put(dst, src->keys.p + from->key_off, from->key_len);
		to->value = from->value;
		to->kind = from->kind;
		if (from->str_len) {
			to->str_off = (uint32_t)dst->keys.len;
			to->str_len = from->str_len;
			cs_buf_add(&dst->keys, src->keys.p + from->str_off, from->str_len);
		}
	}
}

static void or_bits(unsigned char *dst, const unsigned char *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] |= src[i];
}

/* src's tables and filters into dst's (the rule words are the same in
 * both); src's emotion phrases when dst has none (one file has them all). */
static void merge_lexicon(cs_lexicon *dst, cs_lexicon *src)
{
	if (!cs_phrases_count(dst->emotions)) {
		cs_phrases *none = dst->emotions;
		int none_built = dst->emotions_built;
		dst->emotions = src->emotions;
		dst->emotions_built = src->emotions_built;
		src->emotions = none;
		src->emotions_built = none_built;
	}
	merge_table(&dst->en, &src->en);
	/* the filters of a part without entries of their kind are all 0: their
	 * pages, never written, are not read either */
	if (src->zh.n) {
		if (src->zh_max_chars > dst->zh_max_chars)
			dst->zh_max_chars = src->zh_max_chars;
		or_bits(dst->zh_first, src->zh_first, sizeof dst->zh_first);
		or_bits(dst->zh_single, src->zh_single, sizeof dst->zh_single);
		or_bits(dst->zh_pair_lengths, src->zh_pair_lengths, sizeof dst->zh_pair_lengths);
	}
	merge_table(&dst->zh, &src->zh);
	if (src->emoji.n) {
		or_bits(dst->emoji_bmp, src->emoji_bmp, sizeof dst->emoji_bmp);
		or_bits(dst->emoji_lead, src->emoji_lead, sizeof dst->emoji_lead);
	}
	merge_table(&dst->emoji, &src->emoji);
}

cs_lexicon *cs_lexicon_defaults_finish(cs_lexicon_job *j, cs_buf *err)
{
	take_files(j);
	if (j->started)
		pthread_join(j->thread, NULL);
	cs_lexicon *lx = j->part[0];
	int rc = 0;
	for (size_t i = 0; i < SHIPPED_TABLES; i++) {
		if (rc == 0 && j->rc[i] < 0) {   /* the first file's error, as one reading would stop at it */
			cs_buf_add(err, j->err[i].p, j->err[i].len);
			rc = -1;
		}
		if (i > 0) {
			merge_lexicon(lx, j->part[i]);
			cs_lexicon_free(j->part[i]);
		}
		cs_buf_free(&j->err[i]);
	}
	built(lx, rc);
	free(j->dir);
	free(j);
	if (rc < 0) {
		cs_lexicon_free(lx);
		return NULL;
	}
	return lx;
}

/* Into lx, a new lexicon (its emotions are the shipped ones). */
int cs_lexicon_load_defaults(cs_lexicon *lx, const char *dir, cs_buf *err)
{
	cs_lexicon *loaded = cs_lexicon_defaults_finish(cs_lexicon_defaults_start(dir), err);
	if (!loaded)
		return built(lx, -1);
	merge_lexicon(lx, loaded);
	cs_lexicon_free(loaded);
	return built(lx, 0);
}

int cs_lexicon_load_shipped_mem(cs_lexicon *lx, const char *file, const char *text, size_t len, cs_buf *err)
{
	for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++)
		if (strcmp(shipped[i].file, file) == 0)
			return built(lx, read_lines(lx, file, text, len, shipped[i].fn, err));
	cs_buf_printf(err, "%s: not a file of the shipped lexicons", file);
	return built(lx, -1);
}

const char *cs_emotion_name(enum cs_emotion e)
{
	static const char *const names[] = {"anger", "frustration", "anxiety", "satisfaction"};
	return e < CS_EMO_N ? names[e] : "?";
}

int cs_emotion_named(const char *name)
{
	for (int e = 0; e < CS_EMO_N; e++)
		if (strcmp(cs_emotion_name((enum cs_emotion)e), name) == 0)
			return e;
	return -1;
}
