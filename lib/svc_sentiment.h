/* svc_sentiment: sentiment of a message, English and Chinese, and the
 * emotion words a supervisor cares about.
 *
 * English follows VADER (Hutto and Gilbert 2014; vaderSentiment 3.3.2):
 * whitespace tokens with punctuation stripped, the lexicon on VADER's -4..4
 * scale, emoji read as their descriptions, boosters and dampeners with their
 * decay, capitals for emphasis, negation in the three tokens before a word,
 * "no", "least", "never so", "without doubt", the special idioms, "but",
 * exclamation and question marks, and compound = x / sqrt(x^2 + 15).
 *
 * A token with Han characters is read with the same arithmetic and Chinese
 * rules, by longest match (no segmentation): negators within the clause
 * (parity, so a double negation is positive), degree words, contrast words
 * (but-rule), lexicalized forms (不错, 没问题) and blocker words (出差) that
 * hide the sentiment word inside them. The token adds one value, as an
 * English token does.
 *
 * Emotion words (anger, frustration, anxiety, satisfaction) are found by
 * phrase in the normalized text; the negative ones count only in a message
 * that is negative, satisfaction only in one that is positive. */
#ifndef CS_SENTIMENT_H
#define CS_SENTIMENT_H
#include <stddef.h>
#include "kit_buf.h"
#include "svc_phrase.h"
#include "svc_text.h"

typedef struct cs_lexicon cs_lexicon;
cs_lexicon *cs_lexicon_new(void);
/* The shipped lexicons from dir (share/lexicons): returns 0, or -1 with err
 * set to "FILE:LINE: reason". */
int cs_lexicon_load_defaults(cs_lexicon *lx, const char *dir, cs_buf *err);
/* cs_lexicon_load_defaults on a thread of its own, so that a program loads
 * its other files meanwhile: start returns at once (or after loading, when
 * no thread can start); finish waits and returns the lexicon, or NULL with
 * err set as load_defaults sets it. The job is freed by finish. */
typedef struct cs_lexicon_job cs_lexicon_job;
cs_lexicon_job *cs_lexicon_defaults_start(const char *dir);
cs_lexicon *cs_lexicon_defaults_finish(cs_lexicon_job *j, cs_buf *err);
/* A user lexicon: "word TAB valence" lines (valence -4..4, VADER's scale;
 * '#' comments and blank lines skipped); a word with Han characters goes to
 * the Chinese lexicon, others to the English one; a later entry replaces an
 * earlier one. Returns 0, or -1 with err "FILE:LINE: reason". */
int cs_lexicon_load_file(cs_lexicon *lx, const char *path, cs_buf *err);
/* The same from memory (tests, the fuzz harness). */
int cs_lexicon_load_mem(cs_lexicon *lx, const char *name, const char *text, size_t len, cs_buf *err);
/* One of the shipped files from memory, read as load_defaults reads the file
 * of that name (vader_lexicon.txt, emoji_utf8_lexicon.txt, zh.tsv,
 * zh_rules.tsv, emotions.tsv): the fuzz harness. */
int cs_lexicon_load_shipped_mem(cs_lexicon *lx, const char *file, const char *text, size_t len, cs_buf *err);
/* A lexicon of its own with lx's words and rules, to change apart (with
 * cs_lexicon_load_file); without lx's emotion words. */
cs_lexicon *cs_lexicon_copy(const cs_lexicon *lx);
/* For other, a cs_lexicon_copy of base loaded into: the words whose entries
 * it holds otherwise (another value or kind, or new), for cs_senti_holds:
 * a text without any scores the same with both. NULL when they differ
 * where a search for words cannot tell (emoji, VADER's rule words, entries
 * of several words), or other is not such a copy of base. */
cs_phrases *cs_lexicon_changes(const cs_lexicon *base, const cs_lexicon *other);
void cs_lexicon_free(cs_lexicon *lx);

enum cs_emotion { CS_EMO_ANGER, CS_EMO_FRUSTRATION, CS_EMO_ANXIETY, CS_EMO_SATISFACTION, CS_EMO_N };
const char *cs_emotion_name(enum cs_emotion e);   /* "anger", ... */
/* The emotion of that name, or -1 when it is none of them. */
int cs_emotion_named(const char *name);

typedef struct {
	size_t start, end;        /* bytes of the scored text that showed it */
	enum cs_emotion emotion;
} cs_emo_hit;

typedef struct cs_senti_scratch cs_senti_scratch;

typedef struct {
	double compound;          /* VADER's normalized score in [-1, 1] */
	double pos, neu, neg;     /* VADER's proportions */
	int label;                /* 1 positive (>= 0.05), -1 negative (<= -0.05), 0 neutral */
	cs_emo_hit *hits;         /* emotion words, in text order (owned, reused) */
	size_t nhits, hits_cap;
	cs_senti_scratch *scratch;
} cs_senti;
#define CS_SENTI_INIT {0}

/* The emotion words, for a caller that finds them itself: a hit's list is
 * an enum cs_emotion, with CS_EMO_STRICT for a word that counts in a message
 * of its emotion's polarity only (一直 in a neutral message is no
 * frustration); cs_emotion_fits says whether it counts in a message of the
 * label. Anger, frustration and anxiety count in a message that is not
 * positive, satisfaction in a positive one. */
#define CS_EMO_STRICT 0x100u
/* A word that says its emotion whatever the message's score: VADER rates
 * "please" and "help" positive, and "Please hurry" is still anxious. */
#define CS_EMO_ALWAYS 0x200u
const cs_phrases *cs_lexicon_emotions(const cs_lexicon *lx);
static inline enum cs_emotion cs_emotion_of(uint32_t list) { return (enum cs_emotion)(list & 0xFF); }
int cs_emotion_fits(uint32_t list, int label);
/* Only the scores of a message: no emotion words looked for (nhits 0). */
void cs_senti_score_only(const cs_lexicon *lx, const char *text, size_t len, cs_senti *s);
/* Whether the text s scored last, as the scorer read it (emoji spelled
 * out, Traditional read as Simplified, in lower case), holds one of words
 * (cs_lexicon_changes): whole for English, anywhere for Chinese. */
int cs_senti_holds(cs_senti *s, const cs_phrases *words);

/* Score one message (UTF-8). One cs_senti per thread; the lexicon is read-only. */
void cs_senti_score(const cs_lexicon *lx, const char *text, size_t len, cs_senti *s);
/* The same when the caller has normalized the text already (svc_text.h),
 * and the caller's phrases `also` (or NULL) found in the normalized text in
 * the same pass as the emotion words (cs_phrases_scan2): fn gets their hits
 * as cs_phrases_scan would give them. */
void cs_senti_score_scanning(const cs_lexicon *lx, const char *text, size_t len, const cs_norm *norm, cs_senti *s,
			     const cs_phrases *also, int (*fn)(void *ctx, const cs_phrase_hit *h), void *ctx);
void cs_senti_free(cs_senti *s);
#endif
