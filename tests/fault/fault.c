/* fault.so: a fault-injection shim for tests, loaded with LD_PRELOAD.
 * CS_FAULT=CALL:ERRNO:N makes the Nth call of CALL fail with ERRNO, where
 * CALL is write (counting only writes to regular files), fsync or rename,
 * and ERRNO one of ENOSPC, EIO, EXDEV, EDQUOT, EACCES. Every other call goes
 * to the C library. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
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
		{"ENOSPC", ENOSPC}, {"EIO", EIO}, {"EXDEV", EXDEV}, {"EDQUOT", EDQUOT}, {"EACCES", EACCES}};
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
	return ++plan.seen == plan.nth;
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
