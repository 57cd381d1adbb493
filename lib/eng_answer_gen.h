/* eng_answer_gen: cs-answer --generate. A grounded prompt (the question, the
 * cited passages numbered, the instruction to answer only from them and to
 * say so when they do not hold the answer) goes to an external command's
 * standard input (/bin/sh -c CMD: a local LLM runner, say); what it writes
 * on standard output is the generated text. The toolkit itself never calls
 * a network service. */
#ifndef CS_ENG_ANSWER_GEN_H
#define CS_ENG_ANSWER_GEN_H
#include <stddef.h>
#include "kit_buf.h"

struct gen_passage {
	const char *id, *title, *text;
};

/* The prompt for question and passages[0..n) into out. */
void gen_prompt(const char *question, const struct gen_passage *passages, size_t n, cs_buf *out);
/* Run cmd with prompt on its standard input, its standard output into out
 * (trimmed). Gives up timeout_s seconds after the start if the command has
 * not exited by then (it is sent SIGTERM, then SIGKILL).
 * Returns 0, or -1 with err set ("exited with status 3", "timed out"). */
int gen_run(const char *cmd, const char *prompt, size_t n, double timeout_s, cs_buf *out, cs_buf *err);
#endif
