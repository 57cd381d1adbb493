/* cs_csv: RFC 4180 CSV/TSV, strict by default (cell bytes are kept
 * exactly; a stray quote is an error) or lenient as Python's csv module.
 * Rows are handed to a callback with the physical line where the row starts
 * (quoted newlines make rows and lines differ). The reader owns the cell memory; it is valid during the callback. */
#ifndef CS_CSV_H
#define CS_CSV_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
	char **cell;         /* NUL-terminated cell texts (callback may modify them in place) */
	const size_t *len;   /* their lengths in bytes */
	size_t n;            /* number of cells */
	uint64_t line;       /* physical line (1-based) where the row starts */
} cs_csv_row;

/* Called for each row; return 0 to go on, non-zero to stop (the value is
 * passed back from cs_csv_read). */
typedef int (*cs_csv_row_fn)(const cs_csv_row *row, void *ctx);
/* Reads up to n bytes into dst: > 0 bytes read, 0 at end of input, < 0 error
 * (already reported by the reader). */
typedef long (*cs_csv_read_fn)(void *rctx, char *dst, size_t n);

enum { CS_CSV_END = 0, CS_CSV_SYNTAX = -1, CS_CSV_READ_ERROR = -2 };

/* Read one input to its end, calling fn per row. name is the file name used
 * in messages. delim is ',' or '\t' or any single byte other than '"', CR, LF.
 * Blank lines between rows are skipped (not rows). Invalid UTF-8 in a cell is
 * a syntax error "NAME:LINE:COL: invalid UTF-8 (byte 0xNN)", where LINE is the
 * physical line holding the bad byte and COL its 1-based byte column.
 * Returns CS_CSV_END at the end, the callback's non-zero value if it stopped,
 * CS_CSV_SYNTAX on a CSV error (already reported through cs_msg as
 * "NAME:LINE: reason", e.g. "unterminated quoted field (opened at line 85)"
 * or "stray quote in unquoted field", with exit status 1 raised), or
 * CS_CSV_READ_ERROR when the read function failed. A row longer than max_row
 * bytes (line ends not counted; 0 for no limit) is a syntax error
 * "NAME:LINE: row longer than N bytes (--max-record)" at the line it starts. */
int cs_csv_read(cs_csv_read_fn rd, void *rctx, const char *name, char delim, size_t max_row,
		cs_csv_row_fn fn, void *ctx);
/* The same; check_utf8 0 leaves invalid UTF-8 in the cells (for a caller that
 * replaces it, --invalid-utf8=replace). */
int cs_csv_read_utf8(cs_csv_read_fn rd, void *rctx, const char *name, char delim, size_t max_row,
		     int check_utf8, cs_csv_row_fn fn, void *ctx);

struct cs_csv_opts {
	char delim;
	size_t max_row;
	int check_utf8;
	int lenient_quotes;       /* a quote inside an unquoted cell, or after a closing quote, is text */
	uint64_t *unread_lines;   /* set after CS_CSV_SYNTAX: lines after the one at fault, not read */
	char *err;                /* if set, a syntax error is not printed: its reason goes here */
	size_t errlen;
	uint64_t *err_line;       /* and its line here */
	int pass_unconverted;     /* CS_IN_UNCONVERTED passes the UTF-8 check: the caller rejects its row */
	/* If set, a row longer than max_row or with invalid UTF-8 is one bad
	 * row, not the end of the input: once it is reported, bad_row(line
	 * where it starts, ctx) is called; on 0 the row is skipped to its end
	 * (its quotes read leniently) and reading goes on, else reading stops
	 * and the value is passed back. Not with err. */
	int (*bad_row)(uint64_t line, void *ctx);
};
/* The same with every option. */
int cs_csv_read_opts(cs_csv_read_fn rd, void *rctx, const char *name, const struct cs_csv_opts *o, cs_csv_row_fn fn,
		     void *ctx);
#endif
