#include "cs_msg.h"
#include <stdio.h>
#include <stdlib.h>

static const char *prog_name = "cs";
static int quiet;
static int exit_status;
static void (*die_hooks[4])(void);
static int n_die_hooks;
static _Thread_local const cs_msg_sink *sink;

void cs_msg_set_sink(const cs_msg_sink *s) { sink = s; }

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

/* The message as one line into a sink; long ones are cut (they are diagnostics). */
static void vmsg_to_sink(const char *file, uint64_t line, const char *fmt, va_list ap, int raise_code)
{
	char text[4096];
	int n;
	if (file && line)
		n = snprintf(text, sizeof text, "%s: %s:%llu: ", prog_name, file, (unsigned long long)line);
	else if (file)
		n = snprintf(text, sizeof text, "%s: %s: ", prog_name, file);
	else
		n = snprintf(text, sizeof text, "%s: ", prog_name);
	if (n < 0 || (size_t)n >= sizeof text - 2)
		n = 0;
	int m = vsnprintf(text + n, sizeof text - (size_t)n - 1, fmt, ap);
	size_t end = m < 0 ? (size_t)n : (size_t)n + (size_t)m;
	if (end > sizeof text - 2)
		end = sizeof text - 2;
	text[end] = '\n';
	text[end + 1] = '\0';
	sink->put(sink->ctx, text, raise_code);
}

static void vmsg(const char *file, uint64_t line, const char *fmt, va_list ap)
{
	if (sink) {
		vmsg_to_sink(file, line, fmt, ap, 0);
		return;
	}
	fprintf(stderr, "%s: ", prog_name);
	if (file && line)
		fprintf(stderr, "%s:%llu: ", file, (unsigned long long)line);
	else if (file)
		fprintf(stderr, "%s: ", file);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
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
	while (n_die_hooks > 0)
		die_hooks[--n_die_hooks]();
	fflush(stderr);
	exit(code);
}

/* cs_die on a thread with a sink: the message and code go to the sink, which ends the thread. */
static _Noreturn void die_to_sink(int code, const char *file, uint64_t line, const char *fmt, va_list ap)
{
	vmsg_to_sink(file, line, fmt, ap, code);
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
