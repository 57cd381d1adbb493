/* kit_src: record sources. A source reads the inputs in turn and feeds
 * every record to the run (kit_run) in input order, as one JSON object with
 * the file and line it came from; what a source rejects it reports and feeds
 * as bad, blank lines as blank, an input it cannot read as failed. Every
 * shared option therefore behaves the same whatever the format.
 *  - ndjson: one JSON object a line, read and scanned ahead on a second
 *    thread (kit_ahead);
 *  - csv: RFC 4180 rows (kit_csv); the header row names the fields; each row
 *    becomes {"header":"cell",...} in column order, empty cells left out, all
 *    values strings, then "source":{"format":"csv","file":...,"line":N}
 *    (unless a column is named source); with no header, the fields are named
 *    "1", "2", ...
 *  - documents: formats read one whole input at a time (a JSON array or a
 *    pretty-printed document, mail, XML, subtitles, vendor exports): a
 *    struct cs_doc_format, given to the run in common->formats by the
 *    program (cs-ingest's are in fmt_*), turns the input into records with
 *    cs_doc_feed(). The format "json" (records in an array or one after
 *    another) is built in.
 * With the format "auto", each input is looked at and read as the format
 * that recognizes it best; one that none recognizes is an error with a hint
 * of what it looks like. With none named, the source is NDJSON: a program
 * that reads records reads NDJSON only, and a line that is not a JSON
 * object is a bad record, not a reason to read the file as something else. */

#ifndef CS_SRC_H
#define CS_SRC_H
#include <stdint.h>
#include "kit_buf.h"
#include "kit_json.h"
#include "kit_opt.h"
#include "kit_run.h"

typedef struct cs_doc cs_doc;   /* one input being read by a document format */

struct cs_doc_format {
	const char *name;       /* as in --format */
	const char *about;      /* one line: what it reads */
	/* How sure (0-100) the first bytes head[0..n) (up to 64 KiB, decoded)
	 * of the input named path (NULL: standard input) make it that this is
	 * the format; 0 when it is not. NDJSON scores 60, CSV 25-45, other
	 * JSON 50-55: a vendor format that recognizes its own fields scores
	 * more. */
	int (*sniff)(const char *head, size_t n, const char *path);
	/* Read one whole input data[0..n) (decoded and decompressed, a NUL
	 * after it, not checked for UTF-8) and feed its records. Returns 1
	 * when cs_doc_feed() or cs_doc_bad() said the run stops, else 0. */
	int (*read)(cs_doc *d, const char *data, size_t n);
};

/* ---- for document formats ---- */
const struct cs_common *cs_doc_common(const cs_doc *d);
const char *cs_doc_path(const cs_doc *d);     /* the input's name, "<stdin>" for - */
const char *cs_doc_format(const cs_doc *d);   /* the format's name */
/* 1 if the data was converted to UTF-8 (--encoding, a UTF-16 BOM): it is
 * UTF-8 but for CS_IN_UNCONVERTED, which cs_doc_feed() reports. */
int cs_doc_converted(const cs_doc *d);
/* The 1-based line of p, a pointer into the data (fast when p moves forward). */
uint64_t cs_doc_line(cs_doc *d, const char *p);
/* Feed one record, a JSON object (white space between tokens allowed),
 * from line. Invalid UTF-8 is rejected or replaced (--invalid-utf8).
 * Returns 1 when the run stops. */
int cs_doc_feed(cs_doc *d, const char *json, size_t n, uint64_t line);
/* Report a bad record ("FILE:LINE: reason", or "FILE: reason" for line 0),
 * raise exit 1 and count it. Returns 1 when the run stops (no --skip-bad). */
int cs_doc_bad(cs_doc *d, uint64_t line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Call fn for each JSON value in data[0..n), one after another (separated
 * by white space, pretty-printed or not); with unwrap_arrays, an array's
 * elements instead of the array. A value that does not parse ends the
 * input (reported). Returns 1 when fn or a report said stop. */
int cs_doc_each_value(cs_doc *d, const char *data, size_t n, int unwrap_arrays,
		      int (*fn)(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx), void *ctx);

/* For unit tests and fuzzing: run fmt over data[0..n) with no run around
 * it. Each record it feeds (checked as cs_doc_feed() checks it) goes to fn;
 * bad records are counted, not printed. Returns how many were bad. */
size_t cs_doc_read_mem(const struct cs_doc_format *fmt, const struct cs_common *c, const char *data, size_t n,
		       void (*fn)(const char *json, size_t n, void *ctx), void *ctx);

/* ---- for programs ---- */
/* Is name a source: ndjson, csv, tsv, json, auto, or one of formats? */
int cs_src_known(const struct cs_doc_format *const *formats, const char *name);
/* The source names, space-separated, into out. */
void cs_src_list(const struct cs_doc_format *const *formats, cs_buf *out);
/* Read files[0..nfiles) (none = stdin) with the source common->format names
 * (NULL: ndjson). */
void cs_src_read(const struct cs_common *c, cs_run *r, char **files, int nfiles);
/* The CSV delimiter the first lines of head[0..n) use: ',', ';', tab or '|'. */
char cs_csv_sniff_delimiter(const char *head, size_t n);
#endif
