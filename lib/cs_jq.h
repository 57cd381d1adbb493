/* cs_jq: user jq expressions (--where), evaluated safely with libjq 1.6,
 * which has no sandbox of its own.
 *  - Before compiling, the program text is scanned and rejected if it uses
 *    import, include, modulemeta, input, inputs, input_filename,
 *    input_line_number, $ENV, env, halt, halt_error, get_search_list,
 *    get_prog_origin, get_jq_origin (outside string literals; string
 *    interpolation \(...) is code and is scanned).
 *  - JQ_LIBRARY_PATH is empty; compile messages carry the program prefix.
 *  - Evaluation runs in a forked worker process with an empty environment and
 *    address-space and CPU limits; the parent waits at most the timeout per
 *    record, then kills and restarts the worker and reports the record as bad.
 *    A worker that dies (out of memory, crash) is reported the same way.
 * jv holds numbers as IEEE doubles: integers beyond 2^53 lose precision inside
 * the expression (the record itself is never rewritten by cs_jq). */
#ifndef CS_JQ_H
#define CS_JQ_H
#include <stddef.h>

typedef struct cs_jq cs_jq;

/* Check and compile expr. On failure returns NULL and puts a one-line reason
 * (no program prefix) in errbuf, e.g. "--where: 'import' is not allowed". */
cs_jq *cs_jq_new(const char *expr, double timeout_s, char *errbuf, size_t errlen);
void cs_jq_free(cs_jq *jq);

enum { CS_JQ_FALSE = 0, CS_JQ_TRUE = 1, CS_JQ_ERROR = -1 };
/* Evaluate on one JSON record (record[0..len), one object). The first output
 * decides: false, null or no output at all is CS_JQ_FALSE, anything else
 * CS_JQ_TRUE. On an error (jq error, timeout, worker death, invalid JSON) returns
 * CS_JQ_ERROR with a one-line reason in errbuf (e.g. "--where: timed out after 2s",
 * "--where: Cannot index number with \"a\""). */
int cs_jq_test(cs_jq *jq, const char *record, size_t len, char *errbuf, size_t errlen);
#endif
