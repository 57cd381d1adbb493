/* cs_rec: the record loop every filter runs. It reads lines from the inputs,
 * checks each is one JSON object (cs_json), applies --where, and hands the
 * record to the program's callback; bad records are reported with file and
 * line and either stop the run (default) or are counted and left out
 * (--skip-bad). Records are written back with their input bytes kept; a
 * program's own field is spliced in by cs_rec_write_field(). */
#ifndef CS_REC_H
#define CS_REC_H
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
	uint64_t line;         /* physical line, 1-based */
} cs_rec;

enum { CS_REC_OK = 0, CS_REC_BAD = 1, CS_REC_STOP = 2 };

/* The callback: CS_REC_OK, or CS_REC_BAD after cs_rec_bad() reported why. */
typedef int (*cs_rec_fn)(cs_rec *rec, void *ctx);

struct cs_loop_stats {
	uint64_t read;         /* lines read, good or bad */
	uint64_t rejected;     /* bad records (left out with --skip-bad) */
	uint64_t skipped;      /* passed through unprocessed because of --where */
	uint64_t replaced;     /* invalid UTF-8 sequences replaced */
	uint64_t bytes;        /* input bytes */
	int stopped;           /* the run stopped at a bad record or an input error */
};

/* Run fn over every record of files[0..nfiles) (none = stdin). Records for
 * which --where is false are written to out unchanged. Returns the stats;
 * the exit status is raised as records fail. */
void cs_rec_loop(const struct cs_common *c, char **files, int nfiles, cs_out *out,
		 cs_rec_fn fn, void *ctx, struct cs_loop_stats *stats);

/* Report a bad record: "PROG: FILE:LINE: reason". */
void cs_rec_bad(const cs_rec *rec, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Write the record as it came, one line. */
void cs_rec_write(cs_out *out, const cs_rec *rec);
/* Write the record with "key":value set: replaced in place when the key is
 * there (the rest byte for byte), else appended as the last key. value is raw JSON. */
void cs_rec_write_field(cs_out *out, const cs_rec *rec, const char *key, const char *value, size_t vlen);
/* Same for any object text that obj describes. */
void cs_write_field(cs_out *out, const char *text, size_t len, const cs_obj *obj,
		    const char *key, const char *value, size_t vlen);
#endif
