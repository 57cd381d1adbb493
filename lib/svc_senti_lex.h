/* svc_senti_lex: the lexicons behind svc_sentiment: word tables read from
 * "word TAB value" files, looked up by bytes. Internal to svc_sentiment*. */
#ifndef CS_SENTI_LEX_H
#define CS_SENTI_LEX_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "svc_phrase.h"

#define ZH_PAIR_BITS 17
/* The bit of the pair filter for two code points. */
static inline uint32_t zh_pair_bit(uint32_t a, uint32_t b)
{
	return (uint32_t)(((uint64_t)a * 0x9E3779B1u ^ (uint64_t)b * 0x85EBCA77u) >> 7) & ((1u << ZH_PAIR_BITS) - 1);
}
/* zh_pair_lengths: the bit of an entry of chars characters (two or more). */
#define ZH_LONG_BIT 0x80u        /* nine characters or more */
static inline unsigned zh_length_bit(size_t chars) { return chars >= 9 ? ZH_LONG_BIT : 1u << (chars - 2); }
#define BIT_SET(map, i) ((map)[(i) >> 3] |= (unsigned char)(1u << ((i) & 7)))
#define BIT_HAS(map, i) (((map)[(i) >> 3] >> ((i) & 7)) & 1)

/* What a Chinese entry is. A rhetorical negator negates but in a clause
 * that ends in 吗: 这不是骗人吗 asks what it asserts. */
enum zh_kind { ZH_SENT, ZH_NEGATOR, ZH_DEGREE, ZH_CONTRAST, ZH_BLOCKER, ZH_RHETORICAL };

struct lex_entry {
	uint32_t key_off, key_len;   /* in the table's keys */
	uint32_t str_off, str_len;   /* a string value (emoji descriptions), in keys */
	double value;
	unsigned char kind;
};

/* Open addressing over 8-byte slots (the high half of the key's hash above
 * the entry's number plus one, 0 empty) at most half full, the entries
 * apart in the order they came: a word not in the table, most of them,
 * costs a look at one small slot, and the slots of the largest lexicon
 * stay within the caches that the scoring works in. */
struct lex_table {
	uint64_t *slot;
	size_t cap, n, ecap;
	struct lex_entry *e;         /* n entries */
	cs_buf keys;
};

const struct lex_entry *lex_get(const struct lex_table *t, const char *key, size_t n);
/* The same, with key's lex_hash: one hash for a look-up in several tables. */
uint64_t lex_hash(const char *key, size_t n);
const struct lex_entry *lex_get_hashed(const struct lex_table *t, const char *key, size_t n, uint64_t h);
/* Start loading the slot a look-up of hash h reads first. */
static inline void lex_prefetch(const struct lex_table *t, uint64_t h)
{
	if (t->cap)
		__builtin_prefetch(&t->slot[h & (t->cap - 1)]);
}
struct lex_entry *lex_put(struct lex_table *t, const char *key, size_t n);
/* Room for n entries in all without growing. */
void lex_reserve(struct lex_table *t, size_t n);
void lex_table_free(struct lex_table *t);

#define EMOJI_LEADS_MANY (-1)

struct cs_lexicon {
	struct lex_table en, zh, emoji;
	struct lex_table boosters, negators, idioms;   /* VADER's rule words (value: booster or idiom valence) */
	struct lex_table gram_first;   /* the first words of the idioms and boosters of several words */
	/* By length (to 16) and first byte, whether a booster or negation word
	 * might be it: most words need neither look-up. */
	unsigned char rule_start[17][256 / 8];
	uint32_t zh_max_chars;       /* the longest Chinese entry, in characters */
	/* Filters that spare most lookups: BMP code points that start an entry
	 * or are one, and (hashed) the first two characters of every longer
	 * entry with the lengths of the entries they start. */
	unsigned char zh_first[65536 / 8], zh_single[65536 / 8];
	unsigned char zh_pair_lengths[1u << ZH_PAIR_BITS];   /* by pair: zh_length_bit of each entry, 0 for none */
	unsigned char emoji_bmp[65536 / 8];  /* BMP code points that are emoji of the lexicon */
	unsigned char emoji_lead[256 / 8];   /* the first bytes of the emoji */
	/* Those of 0x80 and above, for a search of 16 bytes at a time: how
	 * many (0 to 4; the service lexicon has four, all 0xC0 and above), the
	 * unused places repeating the first; EMOJI_LEADS_MANY when there are
	 * more, or one is a continuation byte, and the search is byte by byte. */
	unsigned char emoji_lead_bytes[4];
	int emoji_leads;
	cs_phrases *emotions;        /* list id = enum cs_emotion, | CS_EMO_STRICT */
	int emotions_built;
	uint64_t generation;         /* new at every change: a scratch's token cache tells by it */
};
/* A generation no lexicon had before (at creation and after each load). */
uint64_t lex_next_generation(void);
#endif
