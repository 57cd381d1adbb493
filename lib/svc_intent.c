/* svc_intent: TF-IDF n-gram features and one-vs-rest linear SVMs (see svc_intent.h). */
#include "svc_intent.h"
#include "kit_hash.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_pool.h"
#include "svc_text.h"
#include <errno.h>
#include <libstemmer.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#define MODEL_MAGIC "cs-intent-model 3\n"
#define MODEL_MAGIC_V2 "cs-intent-model 2\n"   /* character n-grams hashed byte by byte; still read */
#define MODEL_MAGIC_V1 "cs-intent-model 1\n"   /* and no word pairs; still read */
#define WORD_SEED 0xA1u
#define PAIR_SEED 0xB2u
#define CHAR_SEED 0xC4A2u
#define STEM_SEED 0xD5u
#define COOC_SEED 0xE6u
#define MAX_PAIR_STEMS 48        /* word pairs among a text's first 48 distinct stems */
#define STEM_SLOTS 4096          /* the stem cache: word hash to stem hash, direct mapped */
#define STEM_MAX_BYTES 64        /* longer words are their own stem */
#define MAX_WORD_BYTES 256       /* longer "words" (a pasted URL) give no character n-grams */
#define WORD_SLOTS 4096          /* the word cache of prediction: direct mapped */
#define CACHED_WORD_BYTES 48     /* longer words are worked out each time (sixteen Chinese characters fit) */
#define GRAM_ARENA 65536         /* the cached words' known n-grams; when full, the cache starts over */
#define MAX_CACHED_GRAMS 200     /* n-grams of a cached word at most: 4 * (48 + 2) */
#define FEW_LABELS 8             /* up to this many, a text's scores are summed in two vectors */
#define WEIGHT_SLACK FEW_LABELS  /* floats after the weights, so any row's first eight can be read */

struct feature {
	uint32_t index;
	float value;
};

/* The vocabulary: n-gram hash to feature index, open addressing. */
struct vocab {
	uint64_t *keys;                  /* keys[i]: feature i's hash */
	uint32_t *slot;                  /* index + 1, 0 empty; capacity mask + 1 */
	size_t n, mask;
};

struct cs_intent_model {
	size_t nlabels;
	char **labels;
	struct vocab vocab;
	float *idf;                      /* [features] */
	float *w;                        /* [features][nlabels]: one feature's weights together */
	float *bias;                     /* [nlabels] */
	double temperature;
	int version;                     /* of the file: 2 adds the pairs block, 3 rolling n-gram keys */
	int reading;                     /* CS_TEXT_READING of the cs that trained it */
	struct vocab pair_stems;         /* the stems of the known pairs (version 3; none: no filter) */
	struct cs_intent_params params;
	uint64_t serial;                 /* tells a scratch's word cache which model filled it */
};

static _Atomic uint64_t models_made;

void cs_intent_params_init(struct cs_intent_params *p)
{
	*p = (struct cs_intent_params){1.0, 40, 0.5, 1, 1};
}

size_t cs_intent_labels(const cs_intent_model *m) { return m->nlabels; }
const char *cs_intent_label(const cs_intent_model *m, size_t i) { return m->labels[i]; }

int cs_intent_is_oos_label(const char *label)
{
	return strcmp(label, "oos") == 0 || strcmp(label, "out_of_scope") == 0;
}
size_t cs_intent_features(const cs_intent_model *m) { return m->vocab.n; }
double cs_intent_temperature(const cs_intent_model *m) { return m->temperature; }
void cs_intent_set_temperature(cs_intent_model *m, double t) { m->temperature = t; }

/* ---- the vocabulary ---- */

static size_t vocab_find(const struct vocab *v, uint64_t key)
{
	size_t i = (size_t)(key ^ key >> 29) & v->mask;
	while (v->slot[i] && v->keys[v->slot[i] - 1] != key)
		i = (i + 1) & v->mask;
	return i;
}

/* Every key into the (empty) slot table. */
static void vocab_index(struct vocab *v)
{
	for (size_t i = 0; i < v->n; i++)
		v->slot[vocab_find(v, v->keys[i])] = (uint32_t)i + 1;
}

static void vocab_reserve(struct vocab *v, size_t want)
{
	if (v->slot && (want + 1) * 2 <= v->mask + 1)
		return;
	size_t cap = 1024;
	while (cap < (want + 1) * 4)
		cap *= 2;
	free(v->slot);
	v->slot = cs_calloc(cap, sizeof *v->slot);
	v->mask = cap - 1;
	vocab_index(v);
}

/* The index of key, added when new. */
static uint32_t vocab_add(struct vocab *v, uint64_t key, size_t *keys_cap)
{
	vocab_reserve(v, v->n + 1);
	size_t i = vocab_find(v, key);
	if (v->slot[i])
		return v->slot[i] - 1;
	if (v->n == *keys_cap) {
		*keys_cap = *keys_cap ? *keys_cap * 2 : 4096;
		v->keys = cs_realloc(v->keys, *keys_cap * sizeof *v->keys);
	}
	v->keys[v->n] = key;
	v->slot[i] = (uint32_t)++v->n;
	return (uint32_t)(v->n - 1);
}

static void vocab_free(struct vocab *v)
{
	free(v->keys);
	free(v->slot);
}

/* ---- n-grams ---- */

struct keys {
	uint64_t *k;
	size_t n, cap;
};

struct stem_slot {
	uint64_t word, stem;             /* word 0: empty */
};

struct seen {
	uint32_t stamp, pos;
};

/* Feature indexes (prediction: known n-grams only). */
struct idxs {
	uint32_t *i;
	size_t n, cap;
};

/* One word's features under one model: a word seen again costs one
 * look-up, not one for each of its twenty-odd n-grams. Exact: the word's
 * bytes are kept and compared. */
struct word_slot {
	char word[CACHED_WORD_BYTES];
	uint32_t len;                    /* 0: empty */
	uint32_t unigram;                /* vocabulary slot: index + 1, 0 when unknown */
	uint64_t left, right;            /* its halves of a bigram's key, as the left and as the right word */
	uint64_t stem;
	uint32_t grams, ngrams;          /* its known character n-grams: arena[grams .. grams + ngrams) */
};

struct cs_intent_scratch {
	cs_norm norm;
	struct keys words, chars, stems, pairs;
	struct sb_stemmer *stemmer;
	struct stem_slot *stem_cache;
	struct feature *f;
	size_t fcap;
	float *sum;                      /* the labels' scores while they are added up */
	size_t sum_cap;
	struct seen *seen;               /* per feature: the text it was last seen in, its place in f */
	uint32_t text;
	size_t nfeat;
	/* prediction */
	struct idxs known_words, known_chars, known_pairs;
	struct keys grams;               /* one word's n-grams while it is worked out */
	struct word_slot *word_cache, long_word;
	uint32_t *arena;
	size_t arena_used;
	uint64_t cache_serial;           /* the model the cache holds words of; 0 none */
};

static __attribute__((noinline)) void keys_grow(struct keys *l)
{
	l->cap = l->cap ? l->cap * 2 : 256;
	l->k = cs_realloc(l->k, l->cap * sizeof *l->k);
}

static inline void keys_add(struct keys *l, uint64_t h)
{
	if (l->n == l->cap)
		keys_grow(l);
	l->k[l->n++] = h;
}

static __attribute__((noinline)) void idxs_grow(struct idxs *l, size_t want)
{
	while (l->cap < want)
		l->cap = l->cap ? l->cap * 2 : 256;
	l->i = cs_realloc(l->i, l->cap * sizeof *l->i);
}

static inline void idxs_add(struct idxs *l, uint32_t i)
{
	if (l->n == l->cap)
		idxs_grow(l, l->n + 1);
	l->i[l->n++] = i;
}

/* ASCII letters, digits and the apostrophe, a bit each. */
static const uint64_t ascii_word_bits[2] = {0x03FF008000000000ull, 0x07FFFFFE07FFFFFEull};

static inline int is_word_char(uint32_t cp)
{
	if (cp < 0x80)
		return (int)(ascii_word_bits[cp >> 6] >> (cp & 63) & 1);
	/* general punctuation, CJK symbols and punctuation, full-width punctuation */
	return cp >= 0xC0 && !(cp >= 0x2000 && cp < 0x2070) && !(cp >= 0x3000 && cp < 0x3040) &&
	       !(cp >= 0xFF00 && cp < 0xFF10);
}

/* Character 2- to 5-grams of one word padded with a space at each end. */
static void char_grams(struct keys *out, const char *w, size_t len)
{
	char padded[MAX_WORD_BYTES + 2];
	size_t starts[MAX_WORD_BYTES + 3], n = 0, i = 0;
	if (len > MAX_WORD_BYTES)
		return;
	padded[0] = ' ';
	memcpy(padded + 1, w, len);
	padded[len + 1] = ' ';
	size_t plen = len + 2;
	while (i < plen) {
		starts[n++] = i;
		cs_utf8_next(padded, plen, &i);
	}
	starts[n] = plen;
	for (size_t k = 2; k <= 5; k++)
		for (size_t a = 0; a + k <= n; a++)
			keys_add(out, cs_hash64(padded + starts[a], starts[a + k] - starts[a], CHAR_SEED + k));
}

/* Version 3: the same n-grams, each key from a hash rolled over its code
 * points (a multiply a character, a mix a key) instead of a hash of its
 * bytes, four times the work. A character's byte length goes in with it,
 * so that an invalid byte (decoded as itself) is not U+0080..U+00FF. */
static void char_grams_rolling(struct keys *out, const char *w, size_t len)
{
	uint32_t cps[MAX_WORD_BYTES + 2];
	size_t n = 0, i = 0;
	if (len > MAX_WORD_BYTES)
		return;
	cps[n++] = ' ' | 1u << 21;
	while (i < len) {
		size_t at = i;
		uint32_t cp = cs_utf8_next(w, len, &i);
		cps[n++] = cp | (uint32_t)(i - at) << 21;
	}
	cps[n++] = ' ' | 1u << 21;
	for (size_t a = 0; a + 2 <= n; a++) {
		uint64_t h = (CHAR_SEED ^ cps[a]) * 0x9E3779B97F4A7C15ull;
		for (size_t k = 2; k <= 5 && a + k <= n; k++) {
			h = (h ^ cps[a + k - 1]) * 0xBF58476D1CE4E5B9ull;
			uint64_t key = (h ^ h >> 31) * (0x94D049BB133111EBull + 2 * k);
			keys_add(out, key ^ key >> 29);
		}
	}
}

static uint64_t pair_key(const char *s, size_t a, size_t alen, size_t b, size_t blen)
{
	return cs_hash64(s + a, alen, PAIR_SEED) * 0x9E3779B97F4A7C15ull ^ cs_hash64(s + b, blen, PAIR_SEED + 1);
}

/* The end of the word starting at s[start]: word characters all Han or
 * none. ASCII, and Han characters of U+5000..U+9FFF (leads E5-E9, most of
 * Chinese text), are told without decoding. */
static size_t word_end(const char *s, size_t n, size_t start, int han)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t end = start;
	while (end < n) {
		unsigned char c = p[end];
		if (c < 0x80) {
			if (han || !is_word_char(c))
				break;
			end++;
			continue;
		}
		if (han && c >= 0xE5 && c <= 0xE9 && end + 3 <= n && (p[end + 1] & 0xC0) == 0x80 &&
		    (p[end + 2] & 0xC0) == 0x80) {
			end += 3;
			continue;
		}
		size_t j = end;
		uint32_t cp = cs_utf8_next(s, n, &j);
		if (!is_word_char(cp) || cs_is_han(cp) != han)
			break;
		end = j;
	}
	return end;
}

static int is_ascii_word(const char *w, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)w[i] >= 0x80)
			return 0;
	return 1;
}

/* The hash of the word's Snowball English stem (an ASCII word's; any
 * other word is its own stem), cached by the word's hash. */
static uint64_t stem_key(cs_intent_scratch *x, const char *w, size_t len, uint64_t word_hash)
{
	uint64_t word = word_hash | 1;
	struct stem_slot *slot = &x->stem_cache[(word ^ word >> 32) & (STEM_SLOTS - 1)];
	if (slot->word == word)
		return slot->stem;
	const char *stem = w;
	size_t stem_len = len;
	if (x->stemmer && len <= STEM_MAX_BYTES && is_ascii_word(w, len)) {
		const sb_symbol *got = sb_stemmer_stem(x->stemmer, (const sb_symbol *)w, (int)len);
		if (got) {
			stem = (const char *)got;
			stem_len = (size_t)sb_stemmer_length(x->stemmer);
		}
	}
	*slot = (struct stem_slot){word, cs_hash64(stem, stem_len, STEM_SEED)};
	return slot->stem;
}

/* The text's first MAX_PAIR_STEMS distinct stems into distinct[], in
 * order; returns how many. Seen ones are found in a small hash table (open
 * addressing, a quarter to a half full) rather than by a search of the list. */
#define STEM_SET 128
_Static_assert(STEM_SET >= 2 * MAX_PAIR_STEMS, "the stem set is at most half full");
static size_t distinct_stems(const struct keys *stems, uint64_t *distinct)
{
	uint64_t set[STEM_SET];
	unsigned char used[STEM_SET] = {0};
	size_t n = 0;
	for (size_t i = 0; i < stems->n && n < MAX_PAIR_STEMS; i++) {
		uint64_t stem = stems->k[i];
		size_t at = (size_t)((stem * 0x9E3779B97F4A7C15ull) >> 57);
		while (used[at] && set[at] != stem)
			at = (at + 1) & (STEM_SET - 1);
		if (used[at])
			continue;
		used[at] = 1;
		set[at] = stem;
		distinct[n++] = stem;
	}
	return n;
}

static uint64_t pair_of(uint64_t a, uint64_t b)
{
	uint64_t lo = a < b ? a : b, hi = a ^ b ^ lo;
	return (lo * 0x9E3779B97F4A7C15ull ^ hi) + COOC_SEED;
}

/* Every pair of distinct stems of the text, in any order and at any
 * distance ("card" with "arrive"), among its first MAX_PAIR_STEMS: what
 * words occur together tells intents apart that single words and
 * neighbours do not. With known (a model's stems of its pairs), stems in
 * no known pair are left out first: their pairs are not features, and a
 * text of many clauses has a thousand pairs. The pairs left are the same
 * in the same order. */
static void stem_pairs(cs_intent_scratch *x, const struct vocab *known)
{
	uint64_t distinct[MAX_PAIR_STEMS];
	size_t n = distinct_stems(&x->stems, distinct);
	if (known) {
		size_t kept = 0;
		for (size_t i = 0; i < n; i++)
			if (known->slot[vocab_find(known, distinct[i])])
				distinct[kept++] = distinct[i];
		n = kept;
	}
	for (size_t a = 0; a < n; a++)
		for (size_t b = a + 1; b < n; b++)
			keys_add(&x->pairs, pair_of(distinct[a], distinct[b]));
}

/* The next word at or after s[*at]: 1 with it at s[*start .. *at), or 0
 * at the end. */
static int next_word(const char *s, size_t n, size_t *at, size_t *start)
{
	size_t i = *at;
	while (i < n) {
		*start = i;
		uint32_t cp = cs_utf8_next(s, n, &i);
		if (is_word_char(cp)) {
			*at = word_end(s, n, i, cs_is_han(cp));
			return 1;
		}
	}
	*at = i;
	return 0;
}

static void grams_of(struct keys *out, const char *w, size_t len, int version)
{
	if (version >= 3)
		char_grams_rolling(out, w, len);
	else
		char_grams(out, w, len);
}

/* Word unigrams and bigrams into s->words, character n-grams of each word
 * into s->chars, pairs of word stems into s->pairs (training; prediction
 * finds the same through its word cache, extract_known()). A run of Han
 * characters is one word. */
static void extract_normalized(cs_intent_scratch *x, const char *s, size_t n, int version)
{
	int pairs = version >= 2;
	x->words.n = x->chars.n = x->stems.n = x->pairs.n = 0;
	size_t i = 0, start, prev = 0, prev_len = 0;
	int have_prev = 0;
	while (next_word(s, n, &i, &start)) {
		size_t end = i;
		uint64_t word = cs_hash64(s + start, end - start, WORD_SEED);
		keys_add(&x->words, word);
		if (pairs)
			keys_add(&x->stems, stem_key(x, s + start, end - start, word));
		if (have_prev)
			keys_add(&x->words, pair_key(s, prev, prev_len, start, end - start));
		grams_of(&x->chars, s + start, end - start, version);
		prev = start;
		prev_len = end - start;
		have_prev = 1;
	}
	if (pairs)
		stem_pairs(x, NULL);
}

static void extract(cs_intent_scratch *x, const char *text, size_t len, int version)
{
	cs_norm_text(&x->norm, text, len);
	extract_normalized(x, x->norm.text.p ? x->norm.text.p : "", x->norm.text.len, version);
}

cs_intent_scratch *cs_intent_scratch_new(void)
{
	cs_intent_scratch *s = cs_calloc(1, sizeof *s);
	s->norm = (cs_norm)CS_NORM_INIT;
	s->stemmer = sb_stemmer_new("english", "UTF_8");
	s->stem_cache = cs_calloc(STEM_SLOTS, sizeof *s->stem_cache);
	return s;
}

void cs_intent_scratch_free(cs_intent_scratch *s)
{
	if (!s)
		return;
	cs_norm_free(&s->norm);
	free(s->words.k);
	free(s->chars.k);
	free(s->stems.k);
	free(s->pairs.k);
	if (s->stemmer)
		sb_stemmer_delete(s->stemmer);
	free(s->stem_cache);
	free(s->f);
	free(s->sum);
	free(s->seen);
	free(s->known_words.i);
	free(s->known_chars.i);
	free(s->known_pairs.i);
	free(s->grams.k);
	free(s->word_cache);
	free(s->arena);
	free(s);
}

/* ---- weighing ---- */

static int by_index(const void *a, const void *b)
{
	uint32_t x = ((const struct feature *)a)->index, y = ((const struct feature *)b)->index;
	return x < y ? -1 : x > y;
}

/* Features (index, count) in index order, repeats merged; returns how many. */
static size_t merge_counts(struct feature *f, size_t k)
{
	qsort(f, k, sizeof *f, by_index);
	size_t out = 0;
	for (size_t i = 0; i < k; i++) {
		if (out && f[out - 1].index == f[i].index)
			f[out - 1].value += 1;
		else
			f[out++] = f[i];
	}
	return out;
}

/* 1 + log(count) for the counts features mostly have, worked out once by
 * the same log() (so the same bits); most features occur once: log(1) is 0. */
#define TF_TABLE 64
static double tf_of[TF_TABLE];
static pthread_once_t tf_once = PTHREAD_ONCE_INIT;

static void tf_fill(void)
{
	for (size_t c = 0; c < TF_TABLE; c++)
		tf_of[c] = c <= 1 ? 1 : 1 + log((double)c);
}

static inline double sublinear_tf(float count)
{
	return count < TF_TABLE ? tf_of[(size_t)count] : 1 + log(count);
}

/* Sublinear tf times idf, then length one. */
static void weigh_block(struct feature *f, size_t k, const float *idf)
{
	double norm = 0;
	pthread_once(&tf_once, tf_fill);
	for (size_t i = 0; i < k; i++) {
		double tf = sublinear_tf(f[i].value);
		f[i].value = (float)(tf * idf[f[i].index]);
		norm += (double)f[i].value * f[i].value;
	}
	norm = norm > 0 ? sqrt(norm) : 1;
	for (size_t i = 0; i < k; i++)
		f[i].value = (float)(f[i].value / norm);
}

/* ---- training ---- */

struct dataset {
	struct feature *f;               /* every example's features, one after another */
	size_t *start;                   /* example i: f[start[i] .. start[i + 1]) */
	float *sqnorm;                   /* each example's squared length */
	size_t n;
};

/* One block's keys as features of the growing vocabulary, counted. */
static size_t block_features(struct vocab *v, size_t *keys_cap, const struct keys *keys, struct feature *f)
{
	for (size_t i = 0; i < keys->n; i++)
		f[i] = (struct feature){vocab_add(v, keys->k[i], keys_cap), 1};
	return merge_counts(f, keys->n);
}

struct raw_block {
	size_t start, words, chars, pairs;
};

/* The vocabulary without the features whose keep[] is 0; new[] gets each
 * kept feature's new index. */
static void vocab_compact(struct vocab *v, const uint8_t *keep, uint32_t *new)
{
	size_t kept = 0;
	for (size_t b = 0; b < v->n; b++) {
		new[b] = (uint32_t)kept;
		if (keep[b])
			v->keys[kept++] = v->keys[b];
	}
	v->n = kept;
	if (v->slot)                     /* NULL when no example added a key */
		memset(v->slot, 0, (v->mask + 1) * sizeof *v->slot);
	vocab_index(v);
}

/* Word pairs that only one training text has are left out (most pairs are
 * such, and they would double the vocabulary and the training time for
 * nothing: measured, the cross-validated accuracy is the same or better).
 * Entries move down in place; df follows the new indices. */
static size_t drop_lone_pairs(struct feature *f, struct raw_block *blocks, size_t n, struct vocab *v, uint32_t *df)
{
	uint8_t *keep = cs_malloc(v->n + 1);
	memset(keep, 1, v->n + 1);
	for (size_t i = 0; i < n; i++) {
		const struct feature *p = f + blocks[i].start + blocks[i].words + blocks[i].chars;
		for (size_t a = 0; a < blocks[i].pairs; a++)
			keep[p[a].index] = df[p[a].index] >= 2;
	}
	uint32_t *new = cs_malloc((v->n + 1) * sizeof *new);
	size_t before = v->n;
	vocab_compact(v, keep, new);
	for (size_t b = 0; b < before; b++)
		if (keep[b])
			df[new[b]] = df[b];
	size_t out = 0;
	for (size_t i = 0; i < n; i++) {
		const struct feature *in = f + blocks[i].start;
		size_t fixed = blocks[i].words + blocks[i].chars, kept = 0;
		blocks[i].start = out;
		for (size_t a = 0; a < fixed + blocks[i].pairs; a++) {
			if (!keep[in[a].index])
				continue;
			f[out++] = (struct feature){new[in[a].index], in[a].value};
			kept += a >= fixed;
		}
		blocks[i].pairs = kept;
	}
	free(keep);
	free(new);
	return out;
}

/* The stems that make up the pairs the vocabulary kept, from each
 * example's distinct stems, into m->pair_stems. */
static void keep_pair_stems(cs_intent_model *m, const uint64_t *stems, const size_t *at, size_t n)
{
	size_t cap = 0;
	vocab_reserve(&m->pair_stems, 0);
	for (size_t i = 0; i < n; i++)
		for (size_t a = at[i]; a < at[i + 1]; a++)
			for (size_t b = a + 1; b < at[i + 1]; b++)
				if (m->vocab.slot[vocab_find(&m->vocab, pair_of(stems[a], stems[b]))]) {
					vocab_add(&m->pair_stems, stems[a], &cap);
					vocab_add(&m->pair_stems, stems[b], &cap);
				}
}

static void build_dataset(struct dataset *d, const struct cs_intent_example *ex, size_t n, cs_intent_model *m)
{
	cs_intent_scratch *x = cs_intent_scratch_new();
	struct raw_block *blocks = cs_malloc(n * sizeof *blocks);
	size_t cap = 0, used = 0, keys_cap = 0, nstems = 0, stems_cap = 0;
	uint64_t *stems = NULL;                  /* each example's distinct stems, from stems_at[i] */
	size_t *stems_at = cs_malloc((n + 1) * sizeof *stems_at);
	d->f = NULL;
	for (size_t i = 0; i < n; i++) {
		extract(x, ex[i].text, ex[i].len, m->version);
		stems_at[i] = nstems;
		if (nstems + MAX_PAIR_STEMS > stems_cap) {
			stems_cap = (nstems + MAX_PAIR_STEMS) * 2;
			stems = cs_realloc(stems, stems_cap * sizeof *stems);
		}
		nstems += distinct_stems(&x->stems, stems + nstems);
		size_t want = used + x->words.n + x->chars.n + x->pairs.n;
		if (want > cap) {
			cap = want * 2;
			d->f = cs_realloc(d->f, cap * sizeof *d->f);
		}
		blocks[i].start = used;
		blocks[i].words = block_features(&m->vocab, &keys_cap, &x->words, d->f + used);
		used += blocks[i].words;
		blocks[i].chars = block_features(&m->vocab, &keys_cap, &x->chars, d->f + used);
		used += blocks[i].chars;
		blocks[i].pairs = block_features(&m->vocab, &keys_cap, &x->pairs, d->f + used);
		used += blocks[i].pairs;
	}
	uint32_t *df = cs_calloc(m->vocab.n + 1, sizeof *df);
	for (size_t a = 0; a < used; a++)
		df[d->f[a].index]++;
	used = drop_lone_pairs(d->f, blocks, n, &m->vocab, df);
	stems_at[n] = nstems;
	keep_pair_stems(m, stems, stems_at, n);
	free(stems);
	free(stems_at);
	m->idf = cs_malloc((m->vocab.n + 1) * sizeof *m->idf);
	for (size_t b = 0; b < m->vocab.n; b++)
		m->idf[b] = (float)(log((1.0 + (double)n) / (1.0 + df[b])) + 1);
	d->n = n;
	d->start = cs_malloc((n + 1) * sizeof *d->start);
	d->sqnorm = cs_malloc(n * sizeof *d->sqnorm);
	for (size_t i = 0; i < n; i++) {
		struct feature *f = d->f + blocks[i].start;
		weigh_block(f, blocks[i].words, m->idf);
		weigh_block(f + blocks[i].words, blocks[i].chars, m->idf);
		weigh_block(f + blocks[i].words + blocks[i].chars, blocks[i].pairs, m->idf);
		d->start[i] = blocks[i].start;
		double sq = 1;                   /* the bias feature, 1 */
		for (size_t a = 0; a < blocks[i].words + blocks[i].chars + blocks[i].pairs; a++)
			sq += (double)f[a].value * f[a].value;
		d->sqnorm[i] = (float)sq;
	}
	d->start[n] = used;
	free(df);
	free(blocks);
	cs_intent_scratch_free(x);
}

static uint64_t next_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

#define LANES 8                  /* labels trained together, in one pass over the examples */

struct label_job {
	const struct dataset *d;
	const struct cs_intent_example *ex;
	const struct cs_intent_params *p;
	size_t nfeat, nlabels;
	float *w;                        /* [blocks][nfeat + 1][LANES] while training, the biases in row nfeat */
	pthread_mutex_t lock;
	size_t next_block;
};

void cs_intent_shuffle(size_t *order, size_t n, uint64_t *rng)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(next_random(rng) % i), t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
}

/* A label of a block: the span of its projected gradients in this pass,
 * and whether it is done. */
struct lane {
	double pg_max, pg_min;
	int done;
};

/* w[f.index][0..LANES) . f for every lane of a block at once. */
static void lane_scores(const float *w, const struct feature *f, size_t k, const float *bias, float *out)
{
	float sum[LANES];
	memcpy(sum, bias, sizeof sum);
	for (size_t a = 0; a < k; a++) {
		const float *row = w + (size_t)f[a].index * LANES;
		float v = f[a].value;
		for (int l = 0; l < LANES; l++)
			sum[l] += row[l] * v;
	}
	memcpy(out, sum, sizeof sum);
}

static void lane_update(float *w, const struct feature *f, size_t k, float *bias, const float *step)
{
	for (size_t a = 0; a < k; a++) {
		float *row = w + (size_t)f[a].index * LANES;
		float v = f[a].value;
		for (int l = 0; l < LANES; l++)
			row[l] += step[l] * v;
	}
	for (int l = 0; l < LANES; l++)
		bias[l] += step[l];
}

/* Labels first .. first + LANES, each against the rest: dual coordinate
 * descent for the L2-loss SVM, the bias a feature of value 1 (LIBLINEAR's
 * -B 1). The labels of a block share each pass over the examples (one read
 * of the examples for eight labels: the passes were bound by memory) and
 * its order, drawn from the seed and the block, so the model does not
 * depend on the number of threads. A label is done when its projected
 * gradients span less than the tolerance. */
static void train_block(const struct label_job *j, size_t first, float *w, size_t *order, double *alpha)
{
	const struct dataset *d = j->d;
	double diag = 0.5 / j->p->c;
	uint64_t rng = j->p->seed * 0x9E3779B97F4A7C15ull + first / LANES + 1;
	float *bias = w + j->nfeat * LANES;
	struct lane lane[LANES];
	int left = 0;
	for (int l = 0; l < LANES; l++) {
		lane[l].done = first + (size_t)l >= j->nlabels;
		left += !lane[l].done;
	}
	memset(alpha, 0, d->n * LANES * sizeof *alpha);
	for (size_t i = 0; i < d->n; i++)
		order[i] = i;
	for (int epoch = 0; epoch < j->p->epochs && left > 0; epoch++) {
		cs_intent_shuffle(order, d->n, &rng);
		for (int l = 0; l < LANES; l++) {
			lane[l].pg_max = -INFINITY;
			lane[l].pg_min = INFINITY;
		}
		for (size_t s = 0; s < d->n; s++) {
			size_t i = order[s];
			const struct feature *f = d->f + d->start[i];
			size_t k = d->start[i + 1] - d->start[i];
			float wx[LANES], step[LANES] = {0};
			int moved = 0;
			lane_scores(w, f, k, bias, wx);
			for (int l = 0; l < LANES; l++) {
				if (lane[l].done)
					continue;
				double y = j->ex[i].label == first + (size_t)l ? 1 : -1, *al = &alpha[i * LANES + (size_t)l];
				double g = y * wx[l] - 1 + diag * *al;
				double pg = *al == 0 ? fmin(g, 0) : g;
				lane[l].pg_max = fmax(lane[l].pg_max, pg);
				lane[l].pg_min = fmin(lane[l].pg_min, pg);
				if (fabs(pg) < 1e-12)
					continue;
				double old = *al;
				*al = fmax(old - g / (d->sqnorm[i] + diag), 0);
				step[l] = (float)((*al - old) * y);
				moved = 1;
			}
			if (moved)
				lane_update(w, f, k, bias, step);
		}
		for (int l = 0; l < LANES; l++)
			if (!lane[l].done && lane[l].pg_max - lane[l].pg_min < j->p->tolerance) {
				lane[l].done = 1;
				left--;
			}
	}
}

static void *label_worker(void *arg)
{
	struct label_job *j = arg;
	size_t *order = cs_malloc((j->d->n + 1) * sizeof *order);
	double *alpha = cs_malloc((j->d->n + 1) * LANES * sizeof *alpha);
	for (;;) {
		pthread_mutex_lock(&j->lock);
		size_t block = j->next_block++;
		pthread_mutex_unlock(&j->lock);
		if (block * LANES >= j->nlabels)
			break;
		train_block(j, block * LANES, j->w + block * (j->nfeat + 1) * LANES, order, alpha);
	}
	free(order);
	free(alpha);
	return NULL;
}

static void train_labels(struct label_job *j)
{
	int threads = j->p->threads < 1 ? 1 : j->p->threads > 64 ? 64 : j->p->threads;
	pthread_t tid[64];
	int started = 0;
	pthread_mutex_init(&j->lock, NULL);
	for (int t = 1; t < threads; t++)
		if (pthread_create(&tid[started], NULL, label_worker, j) == 0)
			started++;
	label_worker(j);
	for (int t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	pthread_mutex_destroy(&j->lock);
}

/* Room for n weights and the slack after them (zero). */
static float *weights_new(size_t n)
{
	float *w = cs_malloc((n + WEIGHT_SLACK) * sizeof *w);
	memset(w + n, 0, WEIGHT_SLACK * sizeof *w);
	return w;
}

/* The blocks' weights to the model's feature-major layout and biases. */
static void store_weights(cs_intent_model *m, const float *w)
{
	size_t nf = m->vocab.n, nl = m->nlabels;
	m->w = weights_new(nf * nl);
	m->bias = cs_malloc(nl * sizeof *m->bias);
	for (size_t l = 0; l < nl; l++) {
		const float *block = w + l / LANES * (nf + 1) * LANES;
		for (size_t f = 0; f < nf; f++)
			m->w[f * nl + l] = block[f * LANES + l % LANES];
		m->bias[l] = block[nf * LANES + l % LANES];
	}
}

static cs_intent_model *model_new(const char *const *names, size_t nlabels, const struct cs_intent_params *p)
{
	cs_intent_model *m = cs_calloc(1, sizeof *m);
	m->nlabels = nlabels;
	m->labels = cs_malloc((nlabels + 1) * sizeof *m->labels);
	for (size_t l = 0; l < nlabels; l++)
		m->labels[l] = cs_strdup(names[l]);
	m->params = *p;
	m->temperature = 1;
	m->reading = CS_TEXT_READING;
	m->serial = ++models_made;
	return m;
}

cs_intent_model *cs_intent_train(const struct cs_intent_example *ex, size_t n, const char *const *names,
				 size_t nlabels, const struct cs_intent_params *p)
{
	cs_intent_model *m = model_new(names, nlabels, p);
	m->version = 3;
	struct dataset d;
	build_dataset(&d, ex, n, m);
	vocab_reserve(&m->vocab, m->vocab.n);
	struct label_job j = {.d = &d, .ex = ex, .p = p, .nfeat = m->vocab.n, .nlabels = nlabels};
	size_t blocks = (nlabels + LANES - 1) / LANES;
	size_t nw = blocks * (m->vocab.n + 1) * LANES;
	/* zeroed by writing, not calloc: pages first read as the shared zero page
	 * cost a fault and a TLB shootdown of every CPU at their first write */
	j.w = cs_malloc(nw * sizeof *j.w);
	memset(j.w, 0, nw * sizeof *j.w);
	train_labels(&j);
	store_weights(m, j.w);
	free(j.w);
	free(d.f);
	free(d.start);
	free(d.sqnorm);
	return m;
}

void cs_intent_free(cs_intent_model *m)
{
	if (!m)
		return;
	for (size_t l = 0; l < m->nlabels; l++)
		free(m->labels[l]);
	free(m->labels);
	vocab_free(&m->vocab);
	vocab_free(&m->pair_stems);
	free(m->idf);
	free(m->w);
	free(m->bias);
	free(m);
}

/* ---- prediction ---- */

/* The vocabulary slot of key: index + 1, 0 when unknown. */
static uint32_t known(const cs_intent_model *m, uint64_t key) { return m->vocab.slot[vocab_find(&m->vocab, key)]; }

static void add_known(const cs_intent_model *m, struct idxs *out, uint64_t key)
{
	uint32_t slot = known(m, key);
	if (slot)
		idxs_add(out, slot - 1);
}

static void word_cache_clear(cs_intent_scratch *x, uint64_t serial)
{
	if (!x->word_cache) {
		x->word_cache = cs_malloc(WORD_SLOTS * sizeof *x->word_cache);
		x->arena = cs_malloc(GRAM_ARENA * sizeof *x->arena);
	}
	for (size_t i = 0; i < WORD_SLOTS; i++)
		x->word_cache[i].len = 0;
	x->arena_used = 0;
	x->cache_serial = serial;
}

/* Work out the word's features into e, its known n-grams onto known_chars. */
static void word_fill(const cs_intent_model *m, cs_intent_scratch *x, struct word_slot *e, const char *w, size_t len,
		      uint64_t word_hash)
{
	e->unigram = known(m, word_hash);
	e->left = cs_hash64(w, len, PAIR_SEED) * 0x9E3779B97F4A7C15ull;
	e->right = cs_hash64(w, len, PAIR_SEED + 1);
	e->stem = m->version >= 2 ? stem_key(x, w, len, word_hash) : 0;
	x->grams.n = 0;
	grams_of(&x->grams, w, len, m->version);
	size_t before = x->known_chars.n;
	for (size_t i = 0; i < x->grams.n; i++)
		add_known(m, &x->known_chars, x->grams.k[i]);
	e->ngrams = (uint32_t)(x->known_chars.n - before);
}

/* The word's features, from the cache or worked out (and cached when it is
 * short enough); its known n-grams go onto known_chars either way. */
static const struct word_slot *known_word(const cs_intent_model *m, cs_intent_scratch *x, const char *w, size_t len)
{
	if (len > CACHED_WORD_BYTES) {
		word_fill(m, x, &x->long_word, w, len, cs_hash64(w, len, WORD_SEED));
		return &x->long_word;
	}
	/* the slot by a quicker hash: the model's keys (cs_hash64) only on a miss */
	uint64_t h = cs_hash_quick(w, len);
	struct word_slot *e = &x->word_cache[(h ^ h >> 32) & (WORD_SLOTS - 1)];
	if (e->len == len && memcmp(e->word, w, len) == 0) {
		if (x->known_chars.n + e->ngrams > x->known_chars.cap)
			idxs_grow(&x->known_chars, x->known_chars.n + e->ngrams);
		if (e->ngrams)
			memcpy(x->known_chars.i + x->known_chars.n, x->arena + e->grams, e->ngrams * sizeof *x->arena);
		x->known_chars.n += e->ngrams;
		return e;
	}
	if (x->arena_used + MAX_CACHED_GRAMS > GRAM_ARENA)
		word_cache_clear(x, x->cache_serial);
	word_fill(m, x, e, w, len, cs_hash64(w, len, WORD_SEED));
	memcpy(e->word, w, len);
	e->len = (uint32_t)len;
	e->grams = (uint32_t)x->arena_used;
	if (e->ngrams)
		memcpy(x->arena + x->arena_used, x->known_chars.i + x->known_chars.n - e->ngrams, e->ngrams * sizeof *x->arena);
	x->arena_used += e->ngrams;
	return e;
}

/* The stems of the model's pairs when its file has them, else no filter. */
static const struct vocab *pair_filter(const cs_intent_model *m) { return m->pair_stems.slot ? &m->pair_stems : NULL; }

/* What extract_normalized() finds, as the model's known feature indexes in
 * the same order, with the unknown left out: the three blocks into
 * known_words, known_chars and known_pairs. */
static void extract_known(const cs_intent_model *m, cs_intent_scratch *x, const char *s, size_t n)
{
	if (x->cache_serial != m->serial)
		word_cache_clear(x, m->serial);
	x->known_words.n = x->known_chars.n = x->known_pairs.n = x->stems.n = x->pairs.n = 0;
	size_t i = 0, start;
	uint64_t prev_left = 0;
	int have_prev = 0;
	while (next_word(s, n, &i, &start)) {
		const struct word_slot *e = known_word(m, x, s + start, i - start);
		if (e->unigram)
			idxs_add(&x->known_words, e->unigram - 1);
		if (m->version >= 2)
			keys_add(&x->stems, e->stem);
		if (have_prev)
			add_known(m, &x->known_words, prev_left ^ e->right);
		prev_left = e->left;
		have_prev = 1;
	}
	if (m->version < 2)
		return;
	stem_pairs(x, pair_filter(m));
	for (size_t p = 0; p < x->pairs.n; p++)
		add_known(m, &x->known_pairs, x->pairs.k[p]);
}

/* One block's features counted (in order of first appearance: no sort)
 * and weighed; returns how many. */
static size_t count_block(const cs_intent_model *m, cs_intent_scratch *s, const struct idxs *idx, struct feature *f)
{
	size_t k = 0;
	if (s->nfeat < m->vocab.n || ++s->text == 0) {   /* a larger model, or the stamps wrapped */
		free(s->seen);
		s->nfeat = m->vocab.n;
		s->seen = cs_calloc(s->nfeat + 1, sizeof *s->seen);   /* one line a feature, not two */
		s->text = 1;
	}
	for (size_t i = 0; i < idx->n; i++) {
		uint32_t at = idx->i[i];
		if (s->seen[at].stamp == s->text) {
			f[s->seen[at].pos].value += 1;
			continue;
		}
		s->seen[at] = (struct seen){s->text, (uint32_t)k};
		f[k++] = (struct feature){at, 1};
	}
	weigh_block(f, k, m->idf);
	return k;
}

typedef float v4f __attribute__((vector_size(16)));

/* y[0..n) += a * x[0..n), four at a time (the compiler does not, as y and
 * x might overlap). */
static void axpy(float *y, const float *x, float a, size_t n)
{
	size_t i = 0;
	v4f av = {a, a, a, a};
	for (; i + 4 <= n; i += 4) {
		v4f xv, yv;
		memcpy(&xv, x + i, sizeof xv);
		memcpy(&yv, y + i, sizeof yv);
		yv += av * xv;
		memcpy(y + i, &yv, sizeof yv);
	}
	for (; i < n; i++)
		y[i] += a * x[i];
}

/* What axpy() over every feature gives, for a model of FEW_LABELS labels or
 * fewer: the sums stay in two vectors instead of going to memory and back
 * for each feature, and each row is read eight floats at once (its lanes
 * past the labels, the next row's or the slack, are summed and dropped).
 * Each label's sum takes the same products in the same order. */
static void sum_few(const cs_intent_model *m, const struct feature *f, size_t k, float *sum)
{
	size_t nl = m->nlabels;
	float start[FEW_LABELS] = {0};
	memcpy(start, m->bias, nl * sizeof *start);
	v4f lo, hi;
	memcpy(&lo, start, sizeof lo);
	memcpy(&hi, start + 4, sizeof hi);
	for (size_t a = 0; a < k; a++) {
		const float *row = m->w + (size_t)f[a].index * nl;
		v4f r0, r1, av = {f[a].value, f[a].value, f[a].value, f[a].value};
		memcpy(&r0, row, sizeof r0);
		memcpy(&r1, row + 4, sizeof r1);
		lo += av * r0;
		hi += av * r1;
	}
	memcpy(start, &lo, sizeof lo);
	memcpy(start + 4, &hi, sizeof hi);
	memcpy(sum, start, nl * sizeof *sum);
}

/* The scores of the features extract_known() left in s. */
static uint32_t score_features(const cs_intent_model *m, cs_intent_scratch *s, double *scores)
{
	size_t want = s->known_words.n + s->known_chars.n + s->known_pairs.n + 1;
	if (want > s->fcap) {
		s->fcap = want * 2;
		s->f = cs_realloc(s->f, s->fcap * sizeof *s->f);
	}
	size_t k = count_block(m, s, &s->known_words, s->f);
	k += count_block(m, s, &s->known_chars, s->f + k);
	k += count_block(m, s, &s->known_pairs, s->f + k);
	size_t nl = m->nlabels;
	if (nl > s->sum_cap) {
		s->sum_cap = nl;
		s->sum = cs_realloc(s->sum, nl * sizeof *s->sum);
	}
	float *sum = s->sum;             /* float, so that the sums of a feature are one vector operation */
	if (nl <= FEW_LABELS)
		sum_few(m, s->f, k, sum);
	else {
		memcpy(sum, m->bias, nl * sizeof *sum);
		for (size_t a = 0; a < k; a++)
			axpy(sum, m->w + (size_t)s->f[a].index * nl, s->f[a].value, nl);
	}
	for (size_t l = 0; l < nl; l++)
		scores[l] = sum[l];
	uint32_t best = 0;
	for (size_t l = 1; l < nl; l++)
		if (scores[l] > scores[best])
			best = (uint32_t)l;
	return best;
}

uint32_t cs_intent_scores(const cs_intent_model *m, const char *text, size_t len, cs_intent_scratch *s,
			  double *scores)
{
	cs_norm_text(&s->norm, text, len);
	return cs_intent_scores_normalized(m, s->norm.text.p ? s->norm.text.p : "", s->norm.text.len, s, scores);
}

uint32_t cs_intent_scores_normalized(const cs_intent_model *m, const char *norm, size_t len, cs_intent_scratch *s,
				     double *scores)
{
	extract_known(m, s, norm, len);
	return score_features(m, s, scores);
}

void cs_intent_softmax(double *x, size_t n, double t)
{
	double top = -INFINITY, sum = 0;
	for (size_t i = 0; i < n; i++)
		top = fmax(top, x[i]);
	for (size_t i = 0; i < n; i++)
		sum += x[i] = exp(t * (x[i] - top));
	for (size_t i = 0; i < n; i++)
		x[i] /= sum;
}

void cs_intent_confidence(const cs_intent_model *m, double *scores)
{
	cs_intent_softmax(scores, m->nlabels, m->temperature);
}

/* The temperature search's data: each held-out row's scores less its top
 * (worked out once, not at each step), and each row's term of the
 * negative log-likelihood at temperature t, worked out by the pool. */
struct nll_job {
	double *gap;
	const uint32_t *truth;
	size_t n, nl;
	double t;
	double *term;
	atomic_size_t next;              /* the next chunk of rows */
};

#define NLL_CHUNK 256

static void nll_terms(void *ctx, int worker)
{
	struct nll_job *j = ctx;
	(void)worker;
	for (size_t c; (c = atomic_fetch_add(&j->next, 1) * NLL_CHUNK) < j->n;)
		for (size_t i = c; i < j->n && i < c + NLL_CHUNK; i++) {
			const double *row = j->gap + i * j->nl;
			double z = 0;
			for (size_t l = 0; l < j->nl; l++)
				z += exp(j->t * row[l]);
			j->term[i] = log(z) - j->t * row[j->truth[i]];
		}
}

/* The mean negative log-likelihood at t: the terms summed in row order, so
 * that it does not depend on the number of threads. */
static double nll(struct nll_job *j, cs_pool *pool, double t)
{
	j->t = t;
	atomic_store(&j->next, 0);
	cs_pool_run(pool);
	double sum = 0;
	for (size_t i = 0; i < j->n; i++)
		sum += j->term[i];
	return j->n ? sum / (double)j->n : 0;
}

static double *gaps_to_top(const double *scores, size_t n, size_t nl)
{
	double *gap = cs_malloc((n * nl + 1) * sizeof *gap);
	for (size_t i = 0; i < n; i++) {
		const double *row = scores + i * nl;
		double top = -INFINITY;
		for (size_t l = 0; l < nl; l++)
			top = fmax(top, row[l]);
		for (size_t l = 0; l < nl; l++)
			gap[i * nl + l] = row[l] - top;
	}
	return gap;
}

double cs_intent_fit_temperature(const double *scores, const uint32_t *truth, size_t n, size_t nlabels,
				 int threads)
{
	struct nll_job j = {.gap = gaps_to_top(scores, n, nlabels), .truth = truth, .n = n, .nl = nlabels};
	j.term = cs_malloc((n + 1) * sizeof *j.term);
	cs_pool *pool = cs_pool_new(threads < 1 ? 1 : threads, nll_terms, &j, NULL);
	/* NLL is convex in t: golden-section search over [0.01, 100] in log space. */
	double lo = log(0.01), hi = log(100), g = (sqrt(5) - 1) / 2;
	double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
	double fa = nll(&j, pool, exp(a)), fb = nll(&j, pool, exp(b));
	for (int it = 0; it < 60; it++) {
		if (fa < fb) {
			hi = b;
			b = a;
			fb = fa;
			a = hi - g * (hi - lo);
			fa = nll(&j, pool, exp(a));
		} else {
			lo = a;
			a = b;
			fa = fb;
			b = lo + g * (hi - lo);
			fb = nll(&j, pool, exp(b));
		}
	}
	cs_pool_free(pool);
	free(j.gap);
	free(j.term);
	return exp((lo + hi) / 2);
}

/* ---- the model file ---- */

static void put_u64(cs_buf *b, uint64_t v)
{
	unsigned char x[8];
	for (int i = 0; i < 8; i++)
		x[i] = (unsigned char)(v >> 8 * i);
	cs_buf_add(b, x, 8);
}

static void put_floats(cs_buf *b, const float *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t u;
		memcpy(&u, &v[i], 4);
		unsigned char x[4] = {(unsigned char)u, (unsigned char)(u >> 8), (unsigned char)(u >> 16),
				      (unsigned char)(u >> 24)};
		cs_buf_add(b, x, 4);
	}
}

static void model_header(const cs_intent_model *m, cs_buf *b)
{
	cs_jw w;
	cs_jw_init(&w, b);
	cs_jw_object(&w);
	cs_jw_key(&w, "labels");
	cs_jw_array(&w);
	for (size_t l = 0; l < m->nlabels; l++)
		cs_jw_cstr(&w, m->labels[l]);
	cs_jw_end_array(&w);
	cs_jw_key(&w, "features");
	cs_jw_uint(&w, m->vocab.n);
	if (m->pair_stems.slot) {
		cs_jw_key(&w, "pair_stems");
		cs_jw_uint(&w, m->pair_stems.n);
	}
	cs_jw_key(&w, "temperature");
	cs_jw_double(&w, m->temperature);
	cs_jw_key(&w, "c");
	cs_jw_double(&w, m->params.c);
	cs_jw_key(&w, "seed");
	cs_jw_uint(&w, m->params.seed);
	cs_jw_key(&w, "ngrams");
	cs_jw_cstr(&w, "word 1-2, char_wb 2-5, stemmed word pairs, sublinear tf-idf");
	cs_jw_key(&w, "reading");
	cs_jw_int(&w, m->reading);
	cs_jw_end_object(&w);
	cs_buf_addc(b, '\n');
}

void cs_intent_serialize(const cs_intent_model *m, cs_buf *out)
{
	cs_buf raw = CS_BUF_INIT;
	cs_buf_adds(&raw, MODEL_MAGIC);
	model_header(m, &raw);
	for (size_t i = 0; i < m->vocab.n; i++)
		put_u64(&raw, m->vocab.keys[i]);
	put_floats(&raw, m->idf, m->vocab.n);
	put_floats(&raw, m->w, m->vocab.n * m->nlabels);
	put_floats(&raw, m->bias, m->nlabels);
	if (m->pair_stems.slot)
		for (size_t i = 0; i < m->pair_stems.n; i++)
			put_u64(&raw, m->pair_stems.keys[i]);
	size_t bound = ZSTD_compressBound(raw.len);
	cs_buf_reserve(out, bound);
	size_t n = ZSTD_compress(out->p + out->len, bound, raw.p, raw.len, 3);
	if (!ZSTD_isError(n))
		out->len += n;
	cs_buf_free(&raw);
}

struct reader {
	const unsigned char *p;
	size_t n, at;
};

static int get_u64(struct reader *r, uint64_t *v)
{
	if (r->n - r->at < 8)
		return -1;
	*v = 0;
	for (int i = 7; i >= 0; i--)
		*v = *v << 8 | r->p[r->at + (size_t)i];
	r->at += 8;
	return 0;
}

/* n little-endian floats; -1 when cut short or one is not finite (all
 * exponent bits set: infinity or NaN). A model's weights are tens of
 * megabytes: copied as a block, then checked. */
static int get_floats(struct reader *r, float *v, size_t n)
{
	if ((r->n - r->at) / 4 < n)
		return -1;
	memcpy(v, r->p + r->at, n * 4);
	r->at += n * 4;
	uint32_t not_finite = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t u;
		memcpy(&u, &v[i], 4);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		u = __builtin_bswap32(u);
		memcpy(&v[i], &u, 4);
#endif
		not_finite |= (u & 0x7F800000u) == 0x7F800000u;
	}
	return not_finite ? -1 : 0;
}

struct label_list {
	char **names;
	size_t n;
};

static int add_label(cs_jval item, void *ctx)
{
	struct label_list *l = ctx;
	cs_buf b = CS_BUF_INIT;
	const char *s = cs_jtext(item, &b);
	if (!s || item.t != CS_J_STRING) {
		cs_buf_free(&b);
		return 1;
	}
	l->names = cs_realloc(l->names, (l->n + 1) * sizeof *l->names);
	l->names[l->n++] = cs_strdup(s);
	cs_buf_free(&b);
	return 0;
}

static cs_intent_model *load_fail(cs_intent_model *m, cs_buf *err, const char *name, const char *why)
{
	cs_buf_reset(err);
	cs_buf_printf(err, "%s: %s", name, why);
	cs_intent_free(m);
	return NULL;
}

/* Version 3's stems of pairs, when the header counts them (count < 0: none). */
static int read_pair_stems(cs_intent_model *m, struct reader *r, int64_t count)
{
	if (count < 0)
		return 0;
	if ((r->n - r->at) / 8 < (uint64_t)count)
		return -1;
	size_t cap = 0;
	vocab_reserve(&m->pair_stems, (size_t)count);
	for (int64_t i = 0; i < count; i++) {
		uint64_t stem = 0;
		get_u64(r, &stem);
		size_t before = m->pair_stems.n;
		vocab_add(&m->pair_stems, stem, &cap);
		if (m->pair_stems.n == before)
			return -1;
	}
	return 0;
}

cs_intent_model *cs_intent_load_mem(const char *data, size_t len, const char *name, cs_buf *err)
{
	size_t magic = strlen(MODEL_MAGIC);
	static const char *const magics[] = {MODEL_MAGIC_V1, MODEL_MAGIC_V2, MODEL_MAGIC};
	int version = 0;
	for (int v = 0; v < 3 && !version; v++)
		if (len >= magic && memcmp(data, magics[v], magic) == 0)
			version = v + 1;
	if (!version)
		return load_fail(NULL, err, name, "not a cs-route model (or a version this cs-route cannot read)");
	const char *head = data + magic, *nl = memchr(head, '\n', len - magic);
	if (!nl)
		return load_fail(NULL, err, name, "the model's header has no end");
	enum cs_jtype type;
	cs_jerr jerr;
	if (cs_json_value(head, (size_t)(nl - head), 8, &type, &jerr) != 0 || type != CS_J_OBJECT)
		return load_fail(NULL, err, name, "the model's header is not a JSON object");
	cs_jval h = cs_jval_of(head, (size_t)(nl - head));
	struct label_list labels = {0};
	cs_jval jl = cs_jget(h, "labels");
	int64_t features = cs_jint(cs_jget(h, "features"), -1);
	if (h.t != CS_J_OBJECT || jl.t != CS_J_ARRAY || cs_jeach(jl, add_label, &labels) || labels.n == 0 ||
	    features < 0 || features > (int64_t)1 << 31) {
		for (size_t l = 0; l < labels.n; l++)
			free(labels.names[l]);
		free(labels.names);
		return load_fail(NULL, err, name, "the model's header is damaged");
	}
	struct cs_intent_params p;
	cs_intent_params_init(&p);
	cs_intent_model *m = model_new((const char *const *)labels.names, labels.n, &p);
	m->version = version;
	for (size_t l = 0; l < labels.n; l++)
		free(labels.names[l]);
	free(labels.names);
	cs_jval t = cs_jget(h, "temperature");
	m->temperature = t.t == CS_J_NUMBER ? strtod(t.p, NULL) : 1;
	if (!(m->temperature > 0 && m->temperature < 1e6))
		return load_fail(m, err, name, "the model's temperature is not a positive number");
	m->reading = (int)cs_jint(cs_jget(h, "reading"), 1);
	struct reader r = {(const unsigned char *)nl + 1, len - (size_t)(nl + 1 - data), 0};
	size_t nf = (size_t)features, nlab = m->nlabels;
	if (r.n / 8 < nf || (r.n / 4) / (nlab + 1) < nf)
		return load_fail(m, err, name, "the model is cut short");
	m->vocab.keys = cs_malloc((nf + 1) * sizeof *m->vocab.keys);
	for (size_t i = 0; i < nf; i++)
		get_u64(&r, &m->vocab.keys[i]);
	m->vocab.n = nf;
	m->idf = cs_malloc((nf + 1) * sizeof *m->idf);
	m->w = weights_new(nf * nlab);
	m->bias = cs_malloc(nlab * sizeof *m->bias);
	if (get_floats(&r, m->idf, nf) || get_floats(&r, m->w, nf * nlab) || get_floats(&r, m->bias, nlab))
		return load_fail(m, err, name, "the model is cut short or holds a number that is not finite");
	if (version >= 3 && read_pair_stems(m, &r, cs_jint(cs_jget(h, "pair_stems"), -1)) < 0)
		return load_fail(m, err, name, "the model's stems of pairs are cut short or repeated");
	if (r.at != r.n)
		return load_fail(m, err, name, "the model has bytes after its end");
	vocab_reserve(&m->vocab, nf);
	for (size_t i = 0; i < nf; i++)
		if (m->vocab.slot[vocab_find(&m->vocab, m->vocab.keys[i])] != i + 1)
			return load_fail(m, err, name, "the model's vocabulary repeats an n-gram");
	return m;
}

#define MODEL_MAX_BYTES ((unsigned long long)4 << 30)

/* The file's bytes, unpacked when it is zstd (as cs_intent_serialize
 * writes it); 0, or -1 with err set. */
static int read_model(const char *path, cs_buf *out, cs_buf *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		cs_buf_printf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	cs_buf raw = CS_BUF_INIT;
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		cs_buf_add(&raw, chunk, got);
	int failed = ferror(f);
	fclose(f);
	int status = 0;
	unsigned long long size = raw.len >= 4 ? ZSTD_getFrameContentSize(raw.p, raw.len) : ZSTD_CONTENTSIZE_ERROR;
	if (failed) {
		cs_buf_printf(err, "%s: read error", path);
		status = -1;
	} else if (size == ZSTD_CONTENTSIZE_ERROR) {
		cs_buf_add(out, raw.p, raw.len);   /* not zstd: read as it is */
	} else if (size == ZSTD_CONTENTSIZE_UNKNOWN || size > MODEL_MAX_BYTES) {
		cs_buf_printf(err, "%s: not a cs-route model (a zstd frame without its size, or too large)", path);
		status = -1;
	} else {
		cs_buf_reserve(out, (size_t)size + 1);
		size_t n = ZSTD_decompress(out->p, (size_t)size, raw.p, raw.len);
		if (ZSTD_isError(n) || n != size) {
			cs_buf_printf(err, "%s: damaged: %s", path, ZSTD_isError(n) ? ZSTD_getErrorName(n) : "short");
			status = -1;
		} else
			out->len = n;
	}
	cs_buf_free(&raw);
	return status;
}

cs_intent_model *cs_intent_load(const char *path, cs_buf *err)
{
	cs_buf data = CS_BUF_INIT;
	cs_intent_model *m = NULL;
	if (read_model(path, &data, err) == 0)
		m = cs_intent_load_mem(data.p ? data.p : "", data.len, path, err);
	cs_buf_free(&data);
	if (m && m->reading != CS_TEXT_READING)
		cs_notice("%s: trained when cs read text differently (reading %d, this cs %d): train it again", path,
			  m->reading, CS_TEXT_READING);
	return m;
}
