/* fixture.h: a scratch directory for unit tests that read files. The test
 * runs inside a fresh mkdtemp directory (so file names in messages stay
 * short) with stderr sent to a file there, so messages can be checked. */
#ifndef FIXTURE_H
#define FIXTURE_H
#include "kit_buf.h"
#include "kit_msg.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fixture_dir[64];

/* Enter a new scratch directory and name the program prog in messages. */
static inline void fixture_enter(const char *prog)
{
	snprintf(fixture_dir, sizeof fixture_dir, "/tmp/%s.XXXXXX", prog);
	if (!mkdtemp(fixture_dir) || chdir(fixture_dir) != 0) {
		printf("Bail out! cannot make a temporary directory\n");
		exit(1);
	}
	if (!freopen("stderr.txt", "a", stderr)) {
		printf("Bail out! cannot redirect stderr\n");
		exit(1);
	}
	cs_msg_init(prog);
	unsetenv("CS_TEST_READ_SIZE");
}

static inline void fixture_leave(void)
{
	char cmd[96];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fixture_dir);
	if (chdir("/") != 0 || system(cmd) != 0)
		printf("# could not remove %s\n", fixture_dir);
}

static inline void write_file(const char *name, const void *data, size_t n)
{
	FILE *f = fopen(name, "wb");
	if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0) {
		printf("Bail out! cannot write %s\n", name);
		exit(99);
	}
}

static inline void write_str(const char *name, const char *s) { write_file(name, s, strlen(s)); }

/* A whole file, NUL-terminated (empty if unreadable); free() it. */
static inline char *read_all(const char *name, size_t *n)
{
	cs_buf b = CS_BUF_INIT;
	char chunk[4096];
	size_t k;
	FILE *f = fopen(name, "rb");
	if (f) {
		while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
			cs_buf_add(&b, chunk, k);
		fclose(f);
	}
	cs_buf_add(&b, "", 0);
	*n = b.len;
	return b.p;
}

/* What went to stderr since the last call; valid until the next. */
static inline const char *errtext(void)
{
	static char *last;
	size_t n;
	fflush(stderr);
	free(last);
	last = read_all("stderr.txt", &n);
	if (ftruncate(fileno(stderr), 0) != 0)
		printf("# cannot truncate stderr.txt\n");
	return last;
}
#endif
