/* cs_jq: user jq expressions (--where), evaluated safely with libjq 1.6,
 * which has no sandbox of its own.
 *  - Before compiling, the program text is scanned and rejected if it uses
 *    import, include, modulemeta, input, inputs, input_filename,
 *    input_line_number, $ENV (or any $__name), env, halt, halt_error,
 *    get_search_list, get_prog_origin, get_jq_origin (outside string
 *    literals and comments; string interpolation \(...) is code and is
 *    scanned). The scan follows jq 1.6's lexer, so .env (a field) and
 *    {env: 1} (an object key) are allowed; the shorthand {env} is not.
 *  - JQ_LIBRARY_PATH is empty; compile messages carry the program prefix.
 *  - Evaluation runs in a forked worker process, started when the first
 *    record needs it, with an empty (and wiped) environment, its own signal
 *    handlers reset, only its socket open, an address-space limit of 1 GiB
 *    beyond what it inherits (none under ASan) and a CPU-time backstop; it
 *    dies with the caller. Records go to it in batches, one request and one
 *    reply a batch over a socket pair. The parent waits at most the timeout
 *    for a batch, then kills the worker and runs the batch again record by
 *    record, so only a record that times out alone is reported as bad; a
 *    fresh worker is started as needed. A worker that dies (out of memory,
 *    crash) is handled the same way.
 *  - SIGPIPE: writes to the worker use MSG_NOSIGNAL, so the caller's SIGPIPE
 *    disposition is neither needed nor touched. stdio buffers are flushed
 *    before each fork and the worker leaves only through _exit().
 *  - Not thread-safe; one evaluator per thread of control.
 * jv holds numbers as IEEE doubles: integers beyond 2^53 lose precision inside
 * the expression (the record itself is never rewritten by cs_jq). */
#ifndef CS_JQ_H
#define CS_JQ_H
#include <stddef.h>

typedef struct cs_jq cs_jq;

/* Check and compile expr (in this process, then in the first worker, which
 * is started here). timeout_s is the per-record limit (callers pass 2.0);
 * 0 or less means 2. On failure returns NULL and puts a one-line reason (no
 * program prefix) in errbuf, e.g. "--where: 'import' is not allowed". */
cs_jq *cs_jq_new(const char *expr, double timeout_s, char *errbuf, size_t errlen);
/* Kills and reaps the worker; NULL is fine. */
void cs_jq_free(cs_jq *jq);

enum { CS_JQ_FALSE = 0, CS_JQ_TRUE = 1, CS_JQ_ERROR = -1 };
/* Evaluate on one JSON record (record[0..len), one object; a trailing
 * newline is fine). The first output decides: false, null or no output at
 * all is CS_JQ_FALSE, anything else CS_JQ_TRUE. On an error (jq error,
 * timeout, worker death, invalid JSON) returns CS_JQ_ERROR with a one-line
 * reason in errbuf (e.g. "--where: timed out after 2s", "--where: Cannot
 * index number with string \"a\"", "--where: evaluation failed (out of
 * memory)"). */
int cs_jq_test(cs_jq *jq, const char *record, size_t len, char *errbuf, size_t errlen);
struct cs_jq_verdict {
	int result;          /* CS_JQ_TRUE, CS_JQ_FALSE or CS_JQ_ERROR */
	char err[256];       /* on CS_JQ_ERROR: the one-line reason */
};
/* Evaluate n records (rec[i][0..len[i]), each one JSON object) in one
 * exchange with the worker; out[i] gets each verdict. The time limit
 * (cs_jq_new's timeout_s) applies to the whole batch; on a timeout, or when
 * the worker dies, the batch is run again one record at a time, each with
 * the same limit, so only the culprit gets "--where: timed out after Ns"
 * (or how the worker died). */
void cs_jq_test_batch(cs_jq *jq, const char *const *rec, const size_t *len, size_t n,
		      struct cs_jq_verdict *out);
/* For tests: the worker's process id (0 when none is running). */
long cs_jq_worker_pid(const cs_jq *jq);
#endif
