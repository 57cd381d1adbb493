/* eng_signals_state: alert cooldowns, one line per customer (or device)
 * and alert type, kept across runs in a small SQLite file (--state),
 * created 0600, with its format in a meta table. A run holds the file's write lock from start to end and
 * commits once, so two runs at once queue rather than both alerting, and a
 * run that fails records nothing. Without a file the cooldowns last the run. */
#ifndef CS_ENG_SIGNALS_STATE_H
#define CS_ENG_SIGNALS_STATE_H
#include <stdint.h>
#include "kit_buf.h"

typedef struct cs_sig_state cs_sig_state;
/* path NULL: in memory. 0; or with err set: -1 an I/O error (exit 4), -2
 * busy (exit 5), -3 a file that is not a cs-signals state, or is damaged
 * (exit 3): another program's file is left as it is. */
int cs_sig_state_open(const char *path, cs_sig_state **out, cs_buf *err);
/* 1 when an alert of type for who may be raised at ts (recorded then); 0
 * when one was raised less than cooldown_ms before (or later than ts). */
int cs_sig_state_allow(cs_sig_state *s, const char *who, const char *type, int64_t ts, int64_t cooldown_ms);
/* Make this run's alerts stick: 0, or -1 with err. */
int cs_sig_state_commit(cs_sig_state *s, cs_buf *err);
/* Close; what was not committed is rolled back. */
void cs_sig_state_close(cs_sig_state *s);
#endif
