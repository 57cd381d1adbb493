/* cs_out: buffered record output, to standard output or to -o FILE.
 * A regular FILE is written atomically: a temp file ".FILE.XXXXXX" in the same
 * directory, fsync, rename over FILE, fsync of the directory. The temp file is
 * removed on any error, on cs_die() and on SIGINT/SIGTERM/SIGHUP (one
 * ignored at start, as under nohup, stays ignored), so FILE is either the old
 * one or the complete new one. A new FILE gets mode 0600 (its records carry
 * customer data); an existing FILE keeps its mode. When FILE is
 * not a regular file (a FIFO, /dev/stdout, a terminal) it is written directly.
 * A write error ends the run with "PROG: NAME: write error: REASON" and exit 4;
 * EPIPE (the reader went away, as with `| head`) ends it quietly with the exit
 * status so far. A run may write several outputs at once (--split), each
 * atomically. */
#ifndef CS_OUT_H
#define CS_OUT_H
#include <stddef.h>
#include <sys/types.h>
#include "kit_buf.h"

typedef struct cs_out cs_out;

/* path NULL or "-" is standard output. Dies (exit 4) if the temp file cannot be made. */
cs_out *cs_out_open(const char *path);
/* Die (CS_EXIT_IO) as cs_out_open would, now, when path's temporary file
 * could not be made (no such directory, none writable) or path is a
 * directory: a program checks its -o before it makes a store or any other
 * file, rather than leave one behind when the output fails. */
void cs_out_check(const char *path);
/* The same with a buffer of bufsize bytes (the many parts of --split). */
cs_out *cs_out_open_sized(const char *path, size_t bufsize);
/* An output into memory that grows and is never written anywhere: the
 * caller takes what was written (cs_out_staged) and clears it. */
cs_out *cs_out_memory(void);
void cs_out_staged(const cs_out *o, const char **p, size_t *n);
void cs_out_clear(cs_out *o);
void cs_out_write(cs_out *o, const void *p, size_t n);
void cs_out_putc(cs_out *o, char c);
/* Write out what is buffered, when the input pauses (a live stream). Dies on error. */
void cs_out_flush(cs_out *o);
/* Write out what a report printed to standard output with stdio, and fail
 * as cs_out does: a write error dies with exit 4, EPIPE ends quietly. */
void cs_out_stdio_flush(void);
/* Keep descriptors 0, 1 and 2 taken for the whole run: one that is closed at
 * start (`<&-`, `2>&-`) gets /dev/null, opened the wrong way round (0 for
 * writing, 1 and 2 for reading) so that using it still fails with EBADF, but
 * no file the program opens later takes its number: a -o file on 2 would
 * receive the messages, a side file on 0 would be read as standard input. */
void cs_out_hold_std_fds(void);
/* A command the program runs as a process group of its own (pid, its
 * leader) while running is 1, until it is reaped (running 0): a caught
 * signal (SIGINT, SIGTERM, SIGHUP) sends the group SIGTERM as the program ends. */
void cs_out_child(pid_t pid, int running);
/* Hold the caught signals off this thread (1), or let them in again (0):
 * around a fork and cs_out_child, so that no signal ends the program
 * between them. */
void cs_out_hold_caught(int hold);
/* In a forked child, before it runs a command: the caught signals back to
 * what they do by default (the handler would remove the parent's temp
 * files), then let in. */
void cs_out_in_child(void);
/* Flush and sync, and close a file: every byte is written and on disk, but
 * a -o FILE is not in place yet. Dies on error. Several outputs that must
 * all be written or none (--split) are all finished before any is closed. */
void cs_out_finish(cs_out *o);
/* Finish (unless done), then move into place. Dies on error. Frees o. */
void cs_out_close(cs_out *o);
/* Finish them all, then move them into place as one: a caught signal that
 * comes meanwhile waits until every one is in place, so a run it stops leaves
 * all the old files or all the new ones (--split). Dies on error. Frees them. */
void cs_out_close_all(cs_out **outs, size_t n);
/* The run failed: standard output (or a FIFO) gets what was written so far;
 * a -o FILE is left as it was and the temp file removed. Frees o. */
void cs_out_abort(cs_out *o);
/* Create the file path readable by its owner only (mode 0600) unless it
 * exists, for a store the program then opens (SQLite's -wal and -shm files
 * take the database's mode): 0, or -1 with err set to "PATH: reason". */
int cs_create_private(const char *path, cs_buf *err);
#endif
