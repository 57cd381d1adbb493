#include "kit_msg.h"
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

static const char *prog_name = "cs";
static int quiet;
static int exit_status;
static void (*die_hooks[4])(void);
static int n_die_hooks;
static _Thread_local const cs_msg_sink *sink;
static atomic_int progress_showing;   /* a progress line is on the terminal, not yet erased */

#define ERASE_LINE "\r\033[K"

void cs_msg_set_sink(const cs_msg_sink *s) { sink = s; }
const cs_msg_sink *cs_msg_get_sink(void) { return sink; }

void cs_msg_init(const char *prog) { prog_name = prog; }
const char *cs_prog(void) { return prog_name; }
void cs_msg_set_quiet(int q) { quiet = q; }
int cs_msg_quiet(void) { return quiet; }

void cs_exit_raise(int code)
{
	if (sink) {
		sink->put(sink->ctx, NULL, code);
		return;
	}
	if (code > exit_status)
		exit_status = code;
}

int cs_exit_status(void) { return exit_status; }

#define MSG_MAX 8192

/* How many bytes at s[0..left) make a control character: 1 for C0 and
 * DEL, 2 for a C1 control in UTF-8 (U+0080..U+009F); 0 for anything else. */
static size_t control_len(const unsigned char *s, size_t left)
{
	if (*s < 0x20 || *s == 0x7f)
		return 1;
	return left >= 2 && s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f ? 2 : 0;
}

/* Byte c as GNU tools escape it (ls -b): \n and its kin, else three octal
 * digits; into out (5 bytes), its length. */
static size_t escape_byte(unsigned char c, char *out)
{
	static const char named[] = "\a\b\t\n\v\f\r", letters[] = "abtnvfr";
	const char *at = c ? memchr(named, c, sizeof named - 1) : NULL;
	if (at) {
		out[0] = '\\';
		out[1] = letters[at - named];
		return 2;
	}
	snprintf(out, 5, "\\%03o", c);
	return 4;
}

/* raw[0..n) into text, at most room bytes, each control character escaped
 * (a file name "a\nb" would split the line, an escape sequence would act on
 * the terminal). What does not fit, or was cut already, ends in "...". */
static size_t escape_controls(const char *raw, size_t n, int cut, char *text, size_t room)
{
	size_t i = 0, out = 0, fits = 0;   /* fits: the last end "..." still fits after */
	while (i < n) {
		const unsigned char *s = (const unsigned char *)raw + i;
		size_t k = control_len(s, n - i), e = 0;
		char esc[10];
		for (size_t j = 0; j < k; j++)
			e += escape_byte(s[j], esc + e);
		if (!k) {
			esc[0] = raw[i];
			e = k = 1;
		}
		if (out + e > room)
			break;
		memcpy(text + out, esc, e);
		out += e;
		i += k;
		if (out + 3 <= room)
			fits = out;
	}
	if (i == n && !cut)
		return out;
	memcpy(text + fits, "...", 3);
	return fits + 3;
}

/* "PROG: [FILE:[LINE:] ]reason\n" into text[MSG_MAX], control characters
 * escaped; a longer one (they are diagnostics) is cut and ends in "...". */
static void format_line(char *text, const char *file, uint64_t line, const char *fmt, va_list ap)
{
	char raw[MSG_MAX];
	int n;
	if (file && line)
		n = snprintf(raw, MSG_MAX, "%s: %s:%llu: ", prog_name, file, (unsigned long long)line);
	else if (file)
		n = snprintf(raw, MSG_MAX, "%s: %s: ", prog_name, file);
	else
		n = snprintf(raw, MSG_MAX, "%s: ", prog_name);
	if (n < 0 || n >= MSG_MAX - 2)
		n = 0;
	int m = vsnprintf(raw + n, (size_t)(MSG_MAX - n), fmt, ap);
	size_t len = m < 0 ? (size_t)n : (size_t)n + (size_t)m;
	int cut = len > MSG_MAX - 1;
	size_t end = escape_controls(raw, cut ? MSG_MAX - 1 : len, cut, text, MSG_MAX - 2);
	text[end] = '\n';
	text[end + 1] = '\0';
}

/* One write per message, so lines from two processes on one stderr do not mix. */
static void vmsg_code(const char *file, uint64_t line, const char *fmt, va_list ap, int raise_code)
{
	char text[MSG_MAX];
	format_line(text, file, line, fmt, ap);
	if (sink)
		sink->put(sink->ctx, text, raise_code);
	else
		cs_msg_put_line(text);
}

void cs_msg_put_line(const char *line)
{
	size_t n = strlen(line), erase = sizeof ERASE_LINE - 1;
	if (!atomic_exchange(&progress_showing, 0) || n > MSG_MAX) {
		cs_msg_write(STDERR_FILENO, line, n);
		return;
	}
	char text[sizeof ERASE_LINE + MSG_MAX];
	memcpy(text, ERASE_LINE, erase);
	memcpy(text + erase, line, n);
	cs_msg_write(STDERR_FILENO, text, erase + n);
}

static void vmsg(const char *file, uint64_t line, const char *fmt, va_list ap)
{
	vmsg_code(file, line, fmt, ap, 0);
}

void cs_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
}

void cs_error_at(const char *file, uint64_t line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(file, line, fmt, ap);
	va_end(ap);
}

void cs_notice(const char *fmt, ...)
{
	va_list ap;
	if (quiet)
		return;
	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
}

void cs_notice_at(const char *file, uint64_t line, const char *fmt, ...)
{
	va_list ap;
	if (quiet)
		return;
	va_start(ap, fmt);
	vmsg(file, line, fmt, ap);
	va_end(ap);
}

void cs_atdie(void (*fn)(void))
{
	if (n_die_hooks < (int)(sizeof die_hooks / sizeof die_hooks[0]))
		die_hooks[n_die_hooks++] = fn;
}

_Noreturn void cs_exit(int code)
{
	if (atomic_exchange(&progress_showing, 0))   /* a quiet exit, as when the reader went away */
		cs_msg_write(STDERR_FILENO, ERASE_LINE, sizeof ERASE_LINE - 1);
	while (n_die_hooks > 0)
		die_hooks[--n_die_hooks]();
	fflush(stderr);
	exit(code);
}

/* cs_die on a thread with a sink: the message and code go to the sink, which ends the thread. */
static _Noreturn void die_to_sink(int code, const char *file, uint64_t line, const char *fmt, va_list ap)
{
	vmsg_code(file, line, fmt, ap, code);
	sink->die(sink->ctx);
	abort();   /* a sink's die() never returns */
}

_Noreturn void cs_die(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (sink)
		die_to_sink(code, NULL, 0, fmt, ap);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
	cs_exit_raise(code);
	cs_exit(exit_status);
}

_Noreturn void cs_die_at(int code, const char *file, uint64_t line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (sink)
		die_to_sink(code, file, line, fmt, ap);
	vmsg(file, line, fmt, ap);
	va_end(ap);
	cs_exit_raise(code);
	cs_exit(exit_status);
}

_Noreturn void cs_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", prog_name);
	cs_exit(CS_EXIT_USAGE);
}

int cs_msg_write(int fd, const char *p, size_t n)
{
	if (fd == STDERR_FILENO)
		fflush(stderr);   /* what went through stdio comes first */
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

void cs_progress(const char *fmt, ...)
{
	char text[256];
	int n = snprintf(text, sizeof text, "\r%s: ", prog_name);
	va_list ap;
	va_start(ap, fmt);
	int m = vsnprintf(text + n, sizeof text - (size_t)n, fmt, ap);
	va_end(ap);
	size_t len = m < 0 ? (size_t)n : (size_t)n + (size_t)m;
	cs_msg_write(STDERR_FILENO, text, len < sizeof text ? len : sizeof text - 1);
	atomic_store(&progress_showing, 1);
}

void cs_progress_end(void)
{
	atomic_store(&progress_showing, 0);
	cs_msg_write(STDERR_FILENO, ERASE_LINE, sizeof ERASE_LINE - 1);
}
