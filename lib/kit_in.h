/* cs_in: input streams. A stream reads one or more files in turn ("-" is
 * standard input), decodes zstd and gzip (detected by magic bytes, several
 * concatenated frames allowed, a truncated frame is an error), converts from
 * --encoding to UTF-8 through iconv (a UTF-16LE or UTF-16BE byte-order mark
 * selects that encoding by itself), strips a UTF-8 BOM at the start of each
 * file, and hands out lines. The stream owns every buffer it returns; a line
 * stays valid until the next call.
 *
 * Errors are reported through cs_msg with the file name (stdin is "<stdin>") and
 * line. Fatal errors (cannot open, read error, truncated or corrupt compressed
 * data) return CS_IN_FATAL and raise exit 4. After CS_IN_FATAL the current file
 * is abandoned and the next call goes on with the next file. Record errors (a
 * line over the limit, invalid UTF-8, text that cannot be converted from
 * --encoding) return CS_IN_BAD: the caller decides whether the run stops
 * (default) or goes on (--skip-bad); the error has already been printed and
 * exit 1 raised. An --encoding that iconv does not know ends the run in
 * cs_in_new() (exit 2). */
#ifndef CS_IN_H
#define CS_IN_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"

enum { CS_IN_FATAL = -2, CS_IN_BAD = -1, CS_IN_EOF = 0, CS_IN_LINE = 1 };

#define CS_IN_DEFAULT_MAX_RECORD ((size_t)64 << 20) /* 64 MiB */

/* In converted text, a byte sequence iconv refused comes out as this byte,
 * which UTF-8 never holds: the line or record holding it is invalid UTF-8
 * (bad, or with --invalid-utf8=replace a U+FFFD), and the rest is read on. */
#define CS_IN_UNCONVERTED 0xFF

struct cs_in_opts {
	size_t max_record;       /* longest line in bytes, without its newline; 0 = default */
	int replace_invalid;     /* replace invalid UTF-8 with U+FFFD instead of rejecting */
	int check_utf8;          /* validate UTF-8 (on for every text stream) */
	const char *encoding;    /* NULL or "UTF-8": no conversion */
};

typedef struct cs_in cs_in;

/* A stream over files[0..nfiles) in turn; nfiles 0 means standard input.
 * Files are opened lazily, one at a time. Never returns NULL. */
cs_in *cs_in_new(char **files, int nfiles, const struct cs_in_opts *opts);
void cs_in_free(cs_in *in);

/* Next line, without its "\n" and without a "\r" before it. The last line of a
 * file needs no newline. Returns CS_IN_LINE, CS_IN_EOF, CS_IN_BAD or CS_IN_FATAL.
 * A returned line is followed by a NUL (not counted in *len). On CS_IN_BAD for
 * invalid UTF-8, *line and *len give the offending line as read; on every other
 * result but CS_IN_LINE they are NULL and 0. */
int cs_in_getline(cs_in *in, const char **line, size_t *len);

/* Each line of the NDJSON file path (as a program reads a file an option
 * names), checked to be a JSON object, to fn(ctx, line, len). A file that
 * cannot be read ends the run ("OPT FILE: cannot read it", exit 4), and so
 * does a line that is not a JSON object ("OPT FILE:LINE: not a JSON object",
 * exit 1); opt is the option, such as "--previous". */
void cs_in_each_object(const char *opt, const char *path, void (*fn)(void *ctx, const char *line, size_t len),
		       void *ctx);

/* Raw decoded bytes (after decompression, conversion and BOM removal, before
 * line splitting and UTF-8 checks) of the current file, for parsers such as CSV
 * that do their own framing. Returns bytes read (> 0), 0 at the end of the
 * current file, CS_IN_FATAL on error. Does not advance to the next file: use
 * cs_in_next_file(). Do not mix with cs_in_getline() on the same stream. */
long cs_in_read(cs_in *in, char *dst, size_t n);
/* The first bytes of the current file (opened now if it was not), decoded
 * as cs_in_read() would return them, without consuming them: up to want
 * bytes (at most 64 KiB), fewer at the end of the file or, on a pipe or
 * terminal, what has come wait_ms after its first whole line that is not
 * blank (0: what has come by then), so that a live stream still flows. *p
 * stays valid until the next call on the stream. Returns 0, or CS_IN_FATAL (reported; the file is abandoned).
 * For choosing a format before reading. */
int cs_in_peek(cs_in *in, size_t want, int wait_ms, const char **p, size_t *n);
/* Move to the next file for cs_in_read(); returns 0 when there are no more files. */
int cs_in_next_file(cs_in *in);

/* Lines on loan, so a caller keeping many lines need not copy them: from
 * now on a line cs_in_getline() hands out in place (cs_in_line_lent() says
 * which) stays valid after later calls. The stream cuts lines from buffers of
 * cs_in_buffer_size() bytes; when it is done with one that has lines on loan,
 * it gives it to retire(ctx, buf) and takes fresh(ctx) (malloc'd, at least
 * that size) in its place. cs_in_free() retires the buffer it holds. Retired
 * buffers are the caller's, to free or to hand out again through fresh. */
void cs_in_lend(cs_in *in, char *(*fresh)(void *ctx), void (*retire)(void *ctx, char *buf), void *ctx);
size_t cs_in_buffer_size(const cs_in *in);
/* 1 if the line cs_in_getline() returned last is on loan (it lies in a
 * buffer that will be retired), 0 if it is valid only until the next call
 * (a line longer than a buffer, a line with invalid UTF-8 replaced). */
int cs_in_line_lent(const cs_in *in);

/* fn(ctx) is called before a read(2) that would wait for input to arrive (a
 * pipe, terminal or socket with nothing ready), so a caller can hand on what
 * it has before it waits. */
void cs_in_set_wait_hook(cs_in *in, void (*fn)(void *ctx), void *ctx);

/* Where the last line came from: file name as given ("<stdin>" for "-"),
 * 1-based physical line number. */
const char *cs_in_name(const cs_in *in);
uint64_t cs_in_lineno(const cs_in *in);
/* Counters: bytes of decoded input so far, invalid UTF-8 sequences replaced. */
uint64_t cs_in_bytes(const cs_in *in);
uint64_t cs_in_replaced(const cs_in *in);

/* 1 if the current (or last) file is converted to UTF-8 with iconv. */
int cs_in_converted(const cs_in *in);
/* For a reader that frames records itself (cs_in_read): a record starting at
 * line holds CS_IN_UNCONVERTED. In a converted file, report it
 * ("NAME:LINE: invalid GBK byte sequence (byte 0x81); is --encoding right?"),
 * raise exit 1 and return 1; else return 0 (the byte was in the input). */
int cs_in_report_unconverted(cs_in *in, uint64_t line);
/* Once a reader is done with the file: report the CS_IN_UNCONVERTED marks
 * after the last one reported, which no record it fed held (a reader that
 * cleans text up made them U+FFFD, or left them out), and raise exit 1. */
void cs_in_report_unconverted_rest(cs_in *in);
/* After invalid UTF-8 in the input name: a notice of what to do about a
 * file that is not UTF-8, with the options the program has (--encoding;
 * else iconv(1), or --invalid-utf8 replace). Lines give it once a run. */
void cs_in_hint_encoding(const char *name);

/* Validate UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above
 * U+10FFFF). Returns 1 if valid; else 0 and *bad_at = offset of the first bad byte. */
int cs_utf8_valid(const char *p, size_t n, size_t *bad_at);

/* Append s[0..n) to out with each maximal invalid UTF-8 subpart replaced by
 * U+FFFD (s[0..i) is known to be valid, 0 if unknown); returns how many. */
size_t cs_utf8_replace(const char *s, size_t n, size_t i, cs_buf *out);

/* Test hook: the environment variable CS_TEST_READ_SIZE (bytes, >= 1) shrinks
 * every read(2) and decode buffer so tests cross buffer boundaries. */
#endif
