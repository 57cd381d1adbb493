/* cs_msg: the one message API and exit-code table of the suite.
 * Every diagnostic goes to stderr as "PROG: reason" or "PROG: FILE:LINE: reason";
 * the program name is set once by cs_msg_init(). Messages are lower-case, no full stop. */
#ifndef CS_MSG_H
#define CS_MSG_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Exit codes, fixed for the whole suite (documented in cs-schema(7)).
 * When several apply, the highest number wins. */
enum cs_exit {
	CS_EXIT_OK = 0,       /* everything done */
	CS_EXIT_DATA = 1,     /* some records rejected (bad input data) */
	CS_EXIT_USAGE = 2,    /* bad command line, including a bad --where expression */
	CS_EXIT_CONFIG = 3,   /* bad rules, config or share files */
	CS_EXIT_IO = 4,       /* I/O or system error: unreadable or truncated input, write error, out of memory */
	CS_EXIT_BUSY = 5,     /* a store is busy or locked: retry later */
	CS_EXIT_INTERNAL = 6  /* a bug in cs */
};

void cs_msg_init(const char *prog);
const char *cs_prog(void);
void cs_msg_set_quiet(int quiet);
int cs_msg_quiet(void);

/* Raise the run's exit status to at least code (highest wins). */
void cs_exit_raise(int code);
int cs_exit_status(void);

void cs_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "PROG: FILE:LINE: reason"; line 0 leaves the line out. */
void cs_error_at(const char *file, uint64_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Notices and warnings about the run; hidden by --quiet. */
void cs_notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cs_notice_at(const char *file, uint64_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Print the error, run the exit hooks (temp-file removal) and exit with code. */
_Noreturn void cs_die(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
_Noreturn void cs_die_at(int code, const char *file, uint64_t line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A usage error: the reason, then "Try 'PROG --help'.", exit 2. */
_Noreturn void cs_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Write p[0..n) to fd in one write(2) where the system allows (retried on
 * EINTR and short writes); for lines such as --stats that must not mix with
 * other processes' lines. Returns 0, or -1 with errno set. */
int cs_msg_write(int fd, const char *p, size_t n);
/* The progress line on stderr: "\rPROG: text", redrawn in place; callers
 * show it only when stderr is a terminal. cs_progress_end() erases it. */
void cs_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cs_progress_end(void);
/* Write a whole message line ("PROG: ...\n") to stderr in one piece; a
 * progress line shown is erased first, so the message starts at column 0
 * (the next cs_progress draws it again). */
void cs_msg_put_line(const char *line);

/* A thread that works ahead of the main one (cs_ahead) diverts its messages
 * to a sink, so they are printed in input order by the main thread. With a
 * sink set on the calling thread: messages go to put() as whole lines
 * ("PROG: ...\n"), cs_exit_raise() goes to put(NULL, code), and cs_die()
 * calls put(line, code) then die(), which must not return. */
typedef struct {
	void (*put)(void *ctx, const char *line, int raise_code);
	void (*die)(void *ctx);   /* must not return */
	void *ctx;
} cs_msg_sink;
/* Set (or with NULL clear) the sink of the calling thread; the one set now. */
void cs_msg_set_sink(const cs_msg_sink *sink);
const cs_msg_sink *cs_msg_get_sink(void);

/* A hook run by cs_die() before exiting (at most a few; the output layer removes its temp file). */
void cs_atdie(void (*fn)(void));
/* Exit with code after erasing a progress line that shows and running the
 * hooks; used by cs_die and signal paths. */
_Noreturn void cs_exit(int code);
#endif
