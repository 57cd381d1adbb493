/* cs_ahead: records read and checked ahead on a second thread.
 *
 * Each thread tells kit_time which record it reads times for
 * (cs_time_at_record): the main thread the record cs_ahead_next() gave, a
 * producer the record its next put will be.
 *
 * A worker thread reads lines with cs_in into batches (lines on loan from
 * cs_in's buffers, not copied: cs_in_lend) and checks each is one JSON object
 * (cs_json), while the main thread works on the batch before. Reading,
 * decompression, UTF-8 checks and the JSON scan are about half the work of a
 * filter, and they leave the main thread.
 *
 * Nothing changes for the user: records come out of cs_ahead_next() in input
 * order, and everything the worker would have printed (cs_in's errors and
 * notices, exit-status raises, a fatal error) is held with the batch and
 * replayed on the main thread just before the record it preceded, so stderr,
 * stdout and the exit status are the same as reading on one thread.
 *
 * The two threads share the JSON scan: the main thread scans the last
 * sixteenths of each batch, more of them whenever it has had to wait for the
 * worker, fewer whenever the worker has had to wait for it.
 *
 * Test hook: CS_TEST_AHEAD_SHARE (0 to 16) fixes the main thread's share. */
#ifndef CS_AHEAD_H
#define CS_AHEAD_H
#include <stddef.h>
#include <stdint.h>
#include "kit_in.h"
#include "kit_json.h"

enum cs_ahead_status {
	CS_AHEAD_OK,      /* text is one JSON object; obj holds its members */
	CS_AHEAD_BAD,     /* cs_in rejected the line (already reported) */
	CS_AHEAD_JSON,    /* not valid JSON: err says where and why (not reported) */
	CS_AHEAD_FATAL    /* an input could not be read on (already reported); the next follows */
};

struct cs_ahead_rec {
	enum cs_ahead_status status;
	const char *file;      /* input name ("<stdin>" for -) */
	uint64_t line;         /* physical line, 1-based */
	const char *text;      /* the line, NUL-terminated */
	size_t len;
	cs_obj obj;            /* CS_AHEAD_OK: its top-level members */
	cs_jerr err;           /* CS_AHEAD_JSON */
	uint64_t in_bytes;     /* input bytes up to this record (a producer's, as it reported them) */
	int prepared;          /* the producer prepared it, members and all (cs_ahead_put_prepared) */
	int given;             /* the producer gave its members (cs_ahead_put_object, or prepared) */
	int columns;           /* its keys are CSV column names (cs_rec's columns) */
	uint64_t ordinal;      /* its place in the input, from 1 (bad records count) */
	const void *early;     /* what the early function made of it on the reading thread, or NULL */
};

typedef struct cs_ahead cs_ahead;

/* Read files[0..nfiles) (none = stdin) as cs_in_new() would; max_depth is
 * the JSON nesting limit. The reading thread starts with the first
 * cs_ahead_next(). */
cs_ahead *cs_ahead_start(char **files, int nfiles, const struct cs_in_opts *opts, int max_depth);
/* The same over a stream already made (and perhaps peeked at); the reader
 * owns it from now on. Its options must include check_utf8. */
cs_ahead *cs_ahead_start_in(cs_in *in, int max_depth);
/* The same with a producer instead of reading lines: on the worker thread,
 * produce(a, ctx) reads its input its own way and hands each record over
 * with cs_ahead_put() (JSON object text, scanned as lines are), reporting
 * as it goes through cs_msg as the line reader does (its messages come out
 * on the main thread in order). produce_free(ctx), if given, is called once
 * the worker has ended: a producer still reading a slow input when the run
 * stops is left running, so ctx must be the producer's own. */
cs_ahead *cs_ahead_start_producer(int (*produce)(cs_ahead *a, void *ctx), void (*produce_free)(void *ctx), void *ctx,
				  int max_depth);
/* A record, or (status CS_AHEAD_BAD, CS_AHEAD_FATAL; text NULL) a place
 * where one was rejected or an input failed, already reported. Returns 1
 * when the main thread has stopped: the producer should stop too. */
int cs_ahead_put(cs_ahead *a, enum cs_ahead_status status, const char *file, uint64_t line, const char *text,
		 size_t len);
/* The same for a record the producer has prepared as the engine would
 * (struct cs_engine's prepare_fork), with its members, valid JSON by
 * construction: it is not scanned, and the main thread does not prepare
 * it again. */
int cs_ahead_put_prepared(cs_ahead *a, const char *file, uint64_t line, const char *text, size_t len,
			  const cs_obj *obj);
/* The same for an object the producer built with its members (valid JSON
 * by construction, not scanned) but left for the main thread to prepare;
 * columns as cs_rec's. */
int cs_ahead_put_object(cs_ahead *a, const char *file, uint64_t line, const char *text, size_t len,
			const cs_obj *obj, int columns);
/* On the producer: the sixteenths of the batch it fills that the main
 * thread is to take on (0 to 8, more while the producer is the slower
 * thread; CS_TEST_AHEAD_SHARE fixes it).
 * A producer that prepares records leaves that share of them unprepared
 * (cs_ahead_put_object), so the work of preparing is shared too. */
int cs_ahead_main_share(const cs_ahead *a);
/* The producer's input bytes and replaced UTF-8 sequences so far, for the meter. */
void cs_ahead_progress(cs_ahead *a, uint64_t bytes_in, uint64_t replaced);
/* For a producer's cs_in wait hook: hand on what is done before input waits. */
void cs_ahead_input_waits(void *a);
/* The next line in input order, valid until the next call; NULL at the end.
 * Messages the worker gave before this line are printed first; a fatal
 * error of the worker (cs_die) ends the process here, as it would have there. */
const struct cs_ahead_rec *cs_ahead_next(cs_ahead *a);
/* fn(ctx) is called on the main thread before it waits for the worker (the
 * input has nothing ready): the place to flush output, so a live stream
 * flows through a pipeline instead of waiting for a full buffer. The worker
 * likewise hands on a part batch when its input has nothing more ready. */
void cs_ahead_set_idle(cs_ahead *a, void (*fn)(void *ctx), void *ctx);
/* Before the first cs_ahead_next(): the reading thread is to call
 * fn(ctx, rec, out) on the records of status CS_AHEAD_OK it scans, out being
 * size bytes (in a 64-byte aligned array) that rec->early then points to. It
 * does so only while it is the faster thread (when the main thread scans no
 * part of a batch); other records have early NULL. fn must depend on nothing
 * but rec and ctx, which the reading thread owns: free_ctx(ctx) once it has
 * ended. */
void cs_ahead_set_early(cs_ahead *a, size_t size, void (*fn)(void *ctx, const struct cs_ahead_rec *rec, void *out),
			void *ctx, void (*free_ctx)(void *ctx));
/* Input bytes and replaced UTF-8 sequences up to the last line handed out. */
uint64_t cs_ahead_bytes(const cs_ahead *a);
uint64_t cs_ahead_replaced(const cs_ahead *a);
/* Stop and free. Safe before the end of input: a worker still blocked on a
 * slow input (a terminal, a pipe that stays open) is left to the process exit. */
void cs_ahead_stop(cs_ahead *a);
#endif
