/* fault.so: a fault-injection shim for tests, loaded with LD_PRELOAD.
 * CS_FAULT=CALL:ERRNO:N makes the Nth call of CALL fail with ERRNO, where
 * CALL is write or pwrite (counting only writes to regular files; pwrite
 * covers pwrite64, as SQLite writes its pages), fsync (covering fdatasync)
 * or rename, and ERRNO one of ENOSPC, EIO, EXDEV, EDQUOT, EACCES, or KILL:
 * the process kills itself with SIGKILL at that call instead, as a crash
 * mid-write would. Every other call goes to the C library. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static struct {
	char call[16];
	int err;
	long nth, seen;
	int parsed;
} plan;

static int errno_named(const char *name)
{
	static const struct { const char *name; int err; } names[] = {
		{"ENOSPC", ENOSPC}, {"EIO", EIO}, {"EXDEV", EXDEV}, {"EDQUOT", EDQUOT}, {"EACCES", EACCES},
		{"KILL", -1}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i].name) == 0)
			return names[i].err;
	return 0;
}

static void read_plan(void)
{
	char errname[16];
	const char *spec = getenv("CS_FAULT");
	plan.parsed = 1;
	if (!spec || sscanf(spec, "%15[a-z]:%15[A-Z]:%ld", plan.call, errname, &plan.nth) != 3)
		plan.call[0] = '\0';
	else
		plan.err = errno_named(errname);
}

/* 1 if this call of name is the one to fail. */
static int fails(const char *name)
{
	if (!plan.parsed)
		read_plan();
	if (!plan.err || strcmp(plan.call, name) != 0)
		return 0;
	if (++plan.seen != plan.nth)
		return 0;
	if (plan.err < 0)
		raise(SIGKILL);
	return 1;
}

static void *next(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	struct stat st;
	if (!real)
		real = (ssize_t (*)(int, const void *, size_t))next("write");
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && fails("write")) {
		errno = plan.err;
		return -1;
	}
	return real(fd, buf, n);
}

int fsync(int fd)
{
	static int (*real)(int);
	if (!real)
		real = (int (*)(int))next("fsync");
	if (fails("fsync")) {
		errno = plan.err;
		return -1;
	}
	return real(fd);
}

int rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	if (!real)
		real = (int (*)(const char *, const char *))next("rename");
	if (fails("rename")) {
		errno = plan.err;
		return -1;
	}
	return real(from, to);
}

static int regular(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t at)
{
	static ssize_t (*real)(int, const void *, size_t, off_t);
	if (!real)
		real = (ssize_t (*)(int, const void *, size_t, off_t))next("pwrite");
	if (regular(fd) && fails("pwrite")) {
		errno = plan.err;
		return -1;
	}
	return real(fd, buf, n, at);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t at)
{
	static ssize_t (*real)(int, const void *, size_t, off64_t);
	if (!real)
		real = (ssize_t (*)(int, const void *, size_t, off64_t))next("pwrite64");
	if (regular(fd) && fails("pwrite")) {
		errno = plan.err;
		return -1;
	}
	return real(fd, buf, n, at);
}

int fdatasync(int fd)
{
	static int (*real)(int);
	if (!real)
		real = (int (*)(int))next("fdatasync");
	if (fails("fsync")) {
		errno = plan.err;
		return -1;
	}
	return real(fd);
}
