/* fmt_transcript_call: what the transcript readers (fmt_transcript*.c)
 * share. A transcript is one phone call: its turns are gathered first, then
 * roles are given (see tr_call_flush) and one message a turn is fed. */
#ifndef CS_FMT_TRANSCRIPT_CALL_H
#define CS_FMT_TRANSCRIPT_CALL_H
#include "fmt.h"
#include <stdint.h>

enum tr_role { TR_ROLE_NONE, TR_ROLE_AGENT, TR_ROLE_CUSTOMER };

/* One turn; its texts are offsets into the call's arena (length 0: none). */
typedef struct {
	size_t spk, spkn;    /* the raw speaker label */
	size_t text, textn;
	size_t sid, sidn;    /* the source's own id of the turn */
	size_t sent, sentn;  /* sentiment, lower case */
	int64_t start_ms, end_ms;
	uint64_t line;
	uint64_t ordinal;    /* the N of the id CONVERSATION#N */
	enum tr_role role;   /* explicit in the source, or NONE until flushed */
} tr_turn;

typedef struct {
	cs_doc *d;
	cs_buf conv;         /* the call's id */
	cs_buf meta;         /* the first message's "conversation" object, or empty */
	cs_buf arena;
	tr_turn *turn;
	size_t n, cap;
	uint64_t next_ordinal;
	cs_fmt_msg m;
} tr_call;

void tr_call_init(tr_call *c, cs_doc *d);
void tr_call_free(tr_call *c);
/* The call's id from the input's name: its base name without compression
 * suffix and extension; for standard input, a hash of data[0..n). */
void tr_call_id_from_path(tr_call *c, const char *data, size_t n);
/* Add a turn (its ordinal the next one); the role from words in the label
 * (tr_role_of_label). Texts are copied. Returns the turn, valid until the
 * next add. */
tr_turn *tr_call_add(tr_call *c, const char *spk, size_t spkn, int64_t start_ms, int64_t end_ms, const char *text,
		     size_t textn, uint64_t line);
/* Copy s[0..n) into the arena; *off and *len say where. */
void tr_call_keep(tr_call *c, const char *s, size_t n, size_t *off, size_t *len);
/* Give the turns their roles, feed them as messages and forget them (the
 * ordinals go on). Returns 1 when the run stops. */
int tr_call_flush(tr_call *c);

/* The role a speaker label names: agent for agent, representative, rep,
 * support, 客服, 坐席 (and AGENT); customer for customer, caller, client,
 * user, 客户, 用户; NONE otherwise. ASCII words match case-insensitively as
 * whole words anywhere in the label, the Chinese words anywhere. */
enum tr_role tr_role_of_label(const char *s, size_t n);

/* Offsets, exact to the millisecond without floating point; digits past
 * the millisecond are rounded half up. */
/* "12.345" seconds (no sign, white space around allowed): 0, or -1. */
int tr_seconds_ms(const char *s, size_t n, int64_t *ms);
/* An integer of milliseconds: 0, or -1. */
int tr_int_ms(const char *s, size_t n, int64_t *ms);
/* A clock time at p (before e): [h+:]mm:ss[.,]fff. Returns NULL and sets
 * *ms and *end past it, or the reason it is not one. */
const char *tr_clock_ms(const char *p, const char *e, int64_t *ms, const char **end);
/* Any of the three: a clock when it has ':', else seconds. */
const char *tr_time_ms(const char *s, size_t n, int64_t *ms);
/* "hh:mm:ss.ttt" of ms into out (at least 32 bytes), for messages. */
const char *tr_clock_text(int64_t ms, char *out);

/* Text in whatever encoding a transcript comes in, as UTF-8: data itself
 * when it is valid UTF-8 (a UTF-8 BOM skipped) or d's input was converted
 * already; converted from UTF-16 with a BOM; otherwise read as GB18030, or
 * windows-1252 when GB18030 does not read it. *out is data or tmp's bytes. */
void tr_decode(const cs_doc *d, const char *data, size_t n, cs_buf *tmp, const char **out, size_t *outn);
#endif
