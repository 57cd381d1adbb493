/* eng_answer_build: cs-answer build. Sources are read as records (kit_src):
 * Markdown and plain-text documents as passages (fmt_kbdoc), FAQ tables
 * (CSV with a header, NDJSON: id, question, alternates, answer, tags) and
 * knowledge records (NDJSON: id, title, body). Each becomes an entry; an
 * entry whose content hash is unchanged is left as it is, a changed one is
 * indexed again, one no source gives any more is removed, all in one
 * transaction. Writes one "kb_build" record: what was added, updated,
 * removed and kept. */
#ifndef CS_ENG_ANSWER_BUILD_H
#define CS_ENG_ANSWER_BUILD_H
#include "kit_opt.h"
#include "kit_run.h"

struct cs_build_opts {
	const char *kb;
	const char *synonyms;     /* a synonyms file, kept in the knowledge base */
	int clear_synonyms;
	int threads;              /* to read and analyze entries with; 0: one a processor */
};

typedef struct cs_build cs_build;
/* Opens the knowledge base for writing (dies with its exit code when it cannot). */
cs_build *cs_build_new(const struct cs_common *c, const struct cs_build_opts *o, struct cs_engine *engine);
void cs_build_free(cs_build *b);

/* The files under each directory of paths[0..n) (recursively, sorted, only
 * names a source reads: .md .markdown .txt .csv .tsv .ndjson .jsonl .json,
 * also with .zst or .gz); other paths as given. NULL-terminated, in *count. */
char **cs_build_expand(char **paths, int n, int *count);
void cs_build_expand_free(char **files);
#endif
