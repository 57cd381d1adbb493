#include "cs_msg.h"
#include <stdio.h>
#include <stdlib.h>

static const char *prog_name = "cs";
static int quiet;
static int exit_status;
static void (*die_hooks[4])(void);
static int n_die_hooks;

void cs_msg_init(const char *prog) { prog_name = prog; }
const char *cs_prog(void) { return prog_name; }
void cs_msg_set_quiet(int q) { quiet = q; }
int cs_msg_quiet(void) { return quiet; }

void cs_exit_raise(int code)
{
	if (code > exit_status)
		exit_status = code;
}

int cs_exit_status(void) { return exit_status; }

static void vmsg(const char *file, uint64_t line, const char *fmt, va_list ap)
{
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

_Noreturn void cs_die(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
	cs_exit_raise(code);
	cs_exit(exit_status);
}

_Noreturn void cs_die_at(int code, const char *file, uint64_t line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
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
