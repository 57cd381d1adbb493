/* eng_ingest_redact: cs-ingest --redact, personal data taken out of the
 * free text of messages (svc_redact) before anything is written: "text",
 * "subject", "quoted" and "signature" of a message record, and of each
 * message of a conversation record, and the "subject" in a message's
 * "conversation" (which becomes the conversation record's). A message that had any gets
 * "redacted": {"card": 1, ...}, what was replaced, by kind. */
#ifndef CS_ENG_INGEST_REDACT_H
#define CS_ENG_INGEST_REDACT_H
#include <stdatomic.h>
#include <stddef.h>
#include "kit_buf.h"
#include "svc_redact.h"

typedef struct ingest_redact ingest_redact;

/* One a thread; counts (CS_PII_N of them) are shared by all. */
ingest_redact *ingest_redact_new(unsigned mask, _Atomic uint64_t *counts);
void ingest_redact_free(ingest_redact *r);

/* The record text[0..len) (one JSON object) with its messages' free text
 * redacted into out: 1, or 0 when there was nothing to replace (out unset). */
int ingest_redact_record(ingest_redact *r, const char *text, size_t len, cs_buf *out);

#endif
