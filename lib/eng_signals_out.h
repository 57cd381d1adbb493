/* eng_signals_out: cs-signals' own records on their way out. A signal or
 * alert found while reading a record waits, and is written after it, when
 * the next record comes (or the input pauses or ends). Each goes out once
 * on a stream cs-signals has been over, where its records come in again:
 * one that comes in while its twin waits is written in the twin's place,
 * one that comes in after its twin went out is left out, and one found
 * after its twin came in (those of the input's end come in before this run
 * finds them again) is not written: the twin passed on stands for it. The
 * ids written and come in are remembered lately (cs_recent), not all. */
#ifndef CS_ENG_SIGNALS_OUT_H
#define CS_ENG_SIGNALS_OUT_H
#include <stddef.h>
#include "kit_buf.h"
#include "kit_hash.h"
#include "kit_run.h"

struct sig_waiting;

typedef struct {
	cs_buf lines, ids;             /* the waiting records, their ids */
	struct sig_waiting *waiting;
	size_t nwaiting, cap;
	cs_recent written, came_in;
} cs_sig_out;

/* A record found, line (no newline) with id: 1 if it waits to be written,
 * 0 if it came in already, and is not written again. */
int cs_sig_out_add(cs_sig_out *o, const char *line, size_t n, const char *id);
/* Write the records waiting, in the order found. */
void cs_sig_out_flush(cs_sig_out *o, cs_run *run);
/* A record of ours with id that came in: 1 if this run found it (the one
 * waiting is written now, in its place, or it went out before), so the
 * record is left out; 0 if not, and the caller passes it on. */
int cs_sig_out_came_in(cs_sig_out *o, cs_run *run, const char *id, size_t n);
void cs_sig_out_free(cs_sig_out *o);
#endif
