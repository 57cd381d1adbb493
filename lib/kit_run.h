/* kit_run: the run skeleton every cs program stands on.
 *
 * A program is an option table (kit_opt) plus an engine: a few callbacks
 * that work on one record at a time. The skeleton owns everything around
 * them, the same way for every program and every input format:
 *  - the output (kit_out: atomic -o, aborted when a run stops);
 *  - the record source (kit_src: NDJSON lines, CSV rows, later formats),
 *    which feeds records in input order;
 *  - --select (drop non-matching records) and --where (work on matching
 *    records, pass the rest through unchanged), both on the record as the
 *    program would write it, natively for the common jq subset (kit_where)
 *    and in batches through the sandboxed jq worker (kit_jq) otherwise;
 *  - bad records: reported with file and line; the run stops at the first
 *    (output aborted) or, with --skip-bad, goes on and ends with
 *    "N bad records left out"; nothing is ever dropped without a count;
 *  - blank lines (skipped, counted), inputs that cannot be read (reported,
 *    the run goes on with the next, exit 4 at the end);
 *  - progress on a terminal, --stats and --stats-file (one write each, also
 *    when a run stops early), and the exit status. */
#ifndef CS_RUN_H
#define CS_RUN_H
#include <stddef.h>
#include <stdint.h>
#include "kit_jedit.h"
#include "kit_json.h"
#include "kit_opt.h"
#include "kit_out.h"

typedef struct {
	const char *text;      /* the object, from '{' to '}' */
	size_t len;
	cs_obj obj;            /* its top-level members */
	const char *file;      /* input name ("<stdin>" for -) */
	uint64_t line;         /* physical line where the record starts, 1-based */
	int prepared;          /* the engine's prepare() has made it what it writes already */
	int columns;           /* a CSV row: its keys are column names, whole (dots are no steps) */
	const void *early;     /* the engine's early() output for it, or NULL (see struct cs_engine) */
} cs_rec;

enum { CS_REC_OK = 0, CS_REC_BAD = 1 };

typedef struct cs_run cs_run;

/* Counters for --stats, in the order they are printed. Every counter is a
 * plain sum, so the lines of shards merge by adding. */
#define CS_STATS_MAX 40
typedef struct {
	const char *name[CS_STATS_MAX];
	uint64_t val[CS_STATS_MAX];
	size_t n;
} cs_stats;
void cs_stats_add(cs_stats *s, const char *name, uint64_t val);
/* Write the counters as one --stats line (text or JSON, with "kind" and
 * "program") to stderr or --stats-file, in one write; exit 4 raised when the
 * file cannot be written. For programs that print stats without a run. */
void cs_stats_write(const struct cs_common *c, const cs_stats *st);

/* What a program does; every callback but record is optional. */
struct cs_engine {
	void *ctx;
	/* Turn the record as read into the record as the program would write
	 * it (cs-ingest: --map, "kind"); --select and --where see the result.
	 * May point rec at the engine's own memory, valid until the next call.
	 * Returns CS_REC_OK, or CS_REC_BAD after cs_rec_bad(). */
	int (*prepare)(void *ctx, cs_rec *rec);
	/* Optional: a context for prepare() of its own, so that a source's
	 * reading thread can prepare records there while record() runs on the
	 * main thread; prepare_fork_free() frees it. */
	void *(*prepare_fork)(void *ctx);
	void (*prepare_fork_free)(void *forked);
	/* Work on one selected record and write what comes of it. */
	int (*record)(void *ctx, cs_run *run, const cs_rec *rec);
	/* Optional, with prepare_fork: work on a record as read that depends on
	 * nothing before it, done on the reading thread (with a context of
	 * prepare_fork's) while the main thread works on the records before:
	 * out is early_size bytes, which prepare() and record() then find in
	 * rec->early. Not every record has it (rec->early NULL), and prepare()
	 * may have changed the record since: early() must note which record it
	 * looked at. */
	size_t early_size;
	void (*early)(void *forked, const cs_rec *rec, void *out);
	/* The input has ended (not called when the run stopped): write what is held. */
	void (*finish)(void *ctx, cs_run *run);
	/* Optional: keep the run's changes to a store (commit), called after
	 * finish once every output is written and in place, and not when the
	 * run stopped. The output comes first: a write error ends the run
	 * before anything is kept, and a commit that fails (exit 4) leaves
	 * output that a retry writes again, never changes kept twice. */
	void (*commit)(void *ctx, cs_run *run);
	/* Write what is held now: the skeleton is about to write a record of its
	 * own (one --where passes through) or the input pauses. For an engine
	 * that works on records in batches; output order stays input order. */
	void (*flush)(void *ctx, cs_run *run);
	/* Add the program's own counters after the common ones. */
	void (*counters)(void *ctx, cs_stats *st);
	/* Closing notices, before the common summary. */
	void (*summary)(void *ctx, const struct cs_common *c);
	/* A CSV source read a header row (names[0..n), as given). */
	void (*header)(void *ctx, const char *file, uint64_t line, char *const *names, size_t n);
	/* --shard chooses among the records the engine writes, not those it
	 * reads (cs-ingest: messages become conversations, keyed by the
	 * conversation's customer). */
	int shard_output;
	/* Optional: a record --shard leaves out, another part's. An engine that
	 * decides when time has passed sees its time here, as the one engine of
	 * --split does, so that part K is what --split writes to K. */
	void (*other_shard)(void *ctx, cs_run *run, const cs_rec *rec);
};

/* --stats (when given) for a command that wrote written records without
 * reading any (cs-roi model with nothing to measure): the common counters,
 * read 0, then e's own, as a run would print them. */
void cs_stats_write_unread(const struct cs_common *c, const struct cs_engine *e, uint64_t written);

/* The whole run: open the output, read files[0..nfiles) (none = stdin)
 * through the source common->format names, feed every record through the
 * engine, close or abort the output (then commit), print the summary and
 * --stats.
 * Returns the exit status. */
int cs_run_main(const struct cs_common *c, const struct cs_engine *e, char **files, int nfiles);

/* ---- for engines ---- */
const struct cs_common *cs_run_common(const cs_run *r);
/* Write one whole line (a record) and count it. */
void cs_run_write_line(cs_run *r, const char *p, size_t n);
/* Write rec with "key":value set (replaced in place, else appended last). */
void cs_run_write_field(cs_run *r, const cs_rec *rec, const char *key, const char *value, size_t vlen);
/* A record written in pieces: the output to write to, then end the line. */
cs_out *cs_run_out(cs_run *r);
void cs_run_end_line(cs_run *r);

/* Report a bad record: "PROG: FILE:LINE: reason", exit status 1 raised. */
void cs_rec_bad(const cs_rec *rec, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The ids the engine keys on (paths as cs_jids_nul reads them): when one
 * holds U+0000, rec is reported bad and CS_REC_BAD returned; else CS_REC_OK. */
int cs_rec_ids_check(const cs_rec *rec, const char *const *paths);
/* A record record() took and found bad later, when its batch was worked
 * on (reported with cs_rec_bad()): counted as rejected, the run stopped
 * without --skip-bad. It was counted as read when it was fed, so not again
 * (cs_run_feed_bad is the source's, for records never fed). */
void cs_run_record_bad(cs_run *r);

/* ---- for record sources (kit_src) ---- */
/* A record read and checked. Returns 1 when the run must stop reading. */
int cs_run_feed(cs_run *r, cs_rec *rec);
/* A record the source rejected and already reported. Returns 1 to stop. */
int cs_run_feed_bad(cs_run *r);
/* A blank (white space only) line: skipped and counted. */
void cs_run_feed_blank(cs_run *r);
/* An input could not be opened or read to its end (already reported,
 * exit 4 raised); the source goes on with the next one. */
void cs_run_input_failed(cs_run *r);
/* The input pauses: hand on what is done (pending --where batch, output). */
void cs_run_idle(cs_run *r);
/* How far the source has read, for progress and stats. */
void cs_run_set_meter(cs_run *r, uint64_t (*bytes)(void *ctx), uint64_t (*replaced)(void *ctx), void *ctx);
/* Invalid UTF-8 sequences the source replaced outside its meter. */
void cs_run_add_replaced(cs_run *r, uint64_t n);
const struct cs_engine *cs_run_engine(const cs_run *r);
int cs_run_stopped(const cs_run *r);
/* So far: bad records left out, inputs that could not be read to the end. */
uint64_t cs_run_rejected(const cs_run *r);
uint64_t cs_run_inputs_failed(const cs_run *r);
#endif
