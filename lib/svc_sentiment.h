#ifndef CS_SENTIMENT_H
#define CS_SENTIMENT_H
#include <stddef.h>
#include "kit_buf.h"

/* svc_sentiment: VADER sentiment for English, the same rules for Chinese, and emotion words. */
typedef struct cs_lexicon cs_lexicon;
cs_lexicon *cs_lexicon_new(void);
/* The shipped lexicons from DIR (share/lexicons): returns 0, or -1 with err set to "FILE:LINE: reason". */
int cs_lexicon_load_defaults(cs_lexicon *lx, const char *dir, cs_buf *err);
/* A user lexicon: "word TAB valence" lines (valence -4..4, VADER's scale; '#' comments, blank lines);
 * a word with Han characters goes to the Chinese lexicon, others to the English one; a later entry
 * replaces an earlier one. Returns 0, or -1 with err "FILE:LINE: reason" (bad number, no tab, ...). */
int cs_lexicon_load_file(cs_lexicon *lx, const char *path, cs_buf *err);
/* The same from memory (for tests and the fuzz harness). */
int cs_lexicon_load_mem(cs_lexicon *lx, const char *name, const char *text, size_t len, cs_buf *err);
void cs_lexicon_free(cs_lexicon *lx);

enum cs_emotion { CS_EMO_ANGER, CS_EMO_FRUSTRATION, CS_EMO_ANXIETY, CS_EMO_SATISFACTION, CS_EMO_N };
const char *cs_emotion_name(enum cs_emotion e);   /* "anger", ... */
typedef struct {
	size_t start, end;        /* bytes of the scored text that triggered it */
	enum cs_emotion emotion;
} cs_emo_hit;
typedef struct {
	double compound;          /* VADER's normalized score in [-1, 1] */
	double pos, neu, neg;     /* VADER's proportions */
	int label;                /* 1 positive (>= 0.05), -1 negative (<= -0.05), 0 neutral */
	cs_emo_hit *hits;         /* emotion words found, in text order (owned, reused across calls) */
	size_t nhits, hits_cap;
	void *scratch;            /* the scorer's reusable memory */
} cs_senti;
#define CS_SENTI_INIT {0}
/* Score one message (UTF-8). Thread-compatible: one cs_senti per thread; the lexicon is read-only. */
void cs_senti_score(const cs_lexicon *lx, const char *text, size_t len, cs_senti *s);
void cs_senti_free(cs_senti *s);
#endif
