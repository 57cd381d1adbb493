/* eng_answer_kb: cs-answer's knowledge base, one SQLite file (WAL, created
 * 0600). Every change runs in one transaction, so a build or feedback run
 * stopped at any point leaves the previous knowledge base whole.
 *
 * An entry is what a source gave (a passage of a document, an FAQ, a
 * knowledge record) with its id, title, source, section, version,
 * effective dates, tags, owner and content hash. Its text is indexed in
 * four fields (title: the title, section and tags; question: an FAQ's
 * questions and the phrasings learned from feedback; body; and the
 * character grams of the title's and questions' words) as postings
 * kept per term: the entries that hold it and how often in each field.
 * An entry that changes is removed and added again under a new number, so
 * postings are appended in order and never rewritten in the middle. */
#ifndef CS_ENG_ANSWER_KB_H
#define CS_ENG_ANSWER_KB_H
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "svc_analyze.h"

#define KB_FORMAT "cs-kb 2"

enum { KB_TITLE, KB_QUESTION, KB_BODY, KB_GRAMS, KB_NFIELDS };

/* The grams field: character 4-grams of the title's and questions' ASCII
 * terms, each padded ("^str", "stri", ..., "ike$"), and the characters of
 * Chinese bigrams, as terms "#stri", "#退", so a misspelt or run-together
 * word ("stikethrough", "git hub") or a Chinese word cut across still meets
 * the entry. The analyzer never makes a term with '#'. */
#define KB_GRAM_N 4
/* Call fn for each gram term of term[0..len) (none for other scripts). */
void kb_grams(const char *term, size_t len, void (*fn)(const char *gram, size_t n, void *ctx), void *ctx);

/* An entry as a source gives it; strings NUL-terminated, NULL when absent. */
struct kb_entry {
	const char *id, *kind, *title, *source, *section, *version, *valid_from, *valid_until, *owner;
	const char *tags;        /* a JSON array of strings, or NULL */
	const char *questions;   /* a JSON array of strings, or NULL */
	const char *body;
};

/* The content hash of an entry: 16 hex digits into out. */
void kb_entry_hash(const struct kb_entry *e, char out[17]);

/* Open path. write: create it (0600) when missing and take the write lock
 * in a transaction (kb_commit ends it). Returns NULL with err set; *status
 * is the exit code (5 when another run holds the lock). */
sqlite3 *kb_open(const char *path, int write, cs_buf *err, int *status);
int kb_commit(sqlite3 *db, cs_buf *err);
/* sqlite3_step on a statement of a knowledge base kb_open opened, for
 * reading: 1 a row, 0 done. Any other result (a damaged file, an I/O
 * error) ends the run with status 4 and SQLite's message, where taking it
 * for no row would answer every question from an empty knowledge base. */
int kb_step(sqlite3_stmt *st);
/* Close; a transaction still open is rolled back. */
void kb_close(sqlite3 *db);
/* A meta value as text into out (NULL when absent). */
const char *kb_meta(sqlite3 *db, const char *key, cs_buf *out);
void kb_set_meta(sqlite3 *db, const char *key, const char *value);
/* The reading (CS_TEXT_READING) the entries were indexed with: 1 when the
 * knowledge base predates recording it; kb_set_reading() records this cs's. */
int kb_reading(sqlite3 *db);
void kb_set_reading(sqlite3 *db);
/* A notice when the entries were indexed with another reading than this cs's. */
void kb_check_reading(sqlite3 *db, const char *path);

/* ---- changing the index (inside kb_open(write)'s transaction) ---- */
typedef struct kb_indexer kb_indexer;
kb_indexer *kb_indexer_new(sqlite3 *db);
void kb_indexer_free(kb_indexer *x);
/* Remove the entry numbered n (its row and, at kb_indexer_finish, its postings). */
int kb_indexer_remove(kb_indexer *x, int64_t n);
/* Add an entry (hash as kb_entry_hash) under a new number; the phrasings
 * learned for its id are indexed with its questions. Returns its number, or
 * -1 on a database error. */
int64_t kb_indexer_add(kb_indexer *x, const struct kb_entry *e, const char *hash);
/* An entry's terms found apart from an indexer, on another thread: the
 * analysis of kb_indexer_add() but for the learned phrasings (the indexer's
 * database holds them). */
typedef struct kb_analysis kb_analysis;
kb_analysis *kb_analysis_new(void);
void kb_analysis_free(kb_analysis *a);
/* Append e's terms to out (each once, in order of first appearance, with its
 * count in each field) and set len to its fields' lengths. */
void kb_analyze_into(kb_analysis *a, const struct kb_entry *e, cs_buf *out, uint32_t len[KB_NFIELDS]);
/* kb_indexer_add() for an entry kb_analyze_into() gave terms[0..nbytes) and
 * len for; one with learned phrasings is analyzed again here. */
int64_t kb_indexer_add_analyzed(kb_indexer *x, const struct kb_entry *e, const char *hash, const char *terms,
				size_t nbytes, const uint32_t len[KB_NFIELDS]);
/* Write the postings of every term touched and the collection's lengths. */
int kb_indexer_finish(kb_indexer *x, cs_buf *err);
/* Re-index the entry with this id (after its learned phrasings changed). */
int kb_indexer_refresh(kb_indexer *x, const char *id);

/* ---- postings ---- */
struct kb_posting {
	int64_t n;
	uint32_t tf[KB_NFIELDS];
};
/* Decode the next posting of blob[*at..len) after the one numbered prev;
 * 0 at the end, -1 when the blob is damaged. */
int kb_posting_next(const unsigned char *blob, size_t len, size_t *at, int64_t prev, struct kb_posting *p);
#endif
