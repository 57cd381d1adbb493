#include "kit_out.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define OUT_BUF_SIZE (256 * 1024)

struct cs_out {
	int fd;
	const char *name;      /* for messages */
	char *final_path;      /* rename target, NULL when writing directly */
	char *buf;
	size_t len;
};

/* The temp file is global so the signal handler and cs_die hook can remove it. */
static char *volatile temp_path;

static void remove_temp(void)
{
	char *p = temp_path;
	if (p) {
		temp_path = NULL;
		unlink(p);
		free(p);
	}
}

static void on_signal(int sig)
{
	char *p = temp_path;
	if (p)
		unlink(p);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void catch_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

static _Noreturn void write_failed(cs_out *o, int err)
{
	if (err == EPIPE) {
		remove_temp();
		cs_exit(cs_exit_status());
	}
	cs_die(CS_EXIT_IO, "%s: write error: %s", o->name, strerror(err));
}

static void flush_buf(cs_out *o)
{
	size_t off = 0;
	while (off < o->len) {
		ssize_t w = write(o->fd, o->buf + off, o->len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			write_failed(o, errno);
		}
		off += (size_t)w;
	}
	o->len = 0;
}

void cs_out_flush(cs_out *o)
{
	if (o->len)
		flush_buf(o);
}

static void open_temp(cs_out *o, const char *path, const struct stat *old)
{
	char *copy = cs_strdup(path);
	char *base = cs_strdup(basename(copy));
	strcpy(copy, path);
	const char *dir = dirname(copy);
	size_t n = strlen(dir) + strlen(base) + 16;
	char *tmp = cs_malloc(n);
	snprintf(tmp, n, "%s/.%s.XXXXXX", dir, base);
	int fd = mkstemp(tmp);
	if (fd < 0)
		cs_die(CS_EXIT_IO, "%s: cannot create a temporary file: %s", path, strerror(errno));
	temp_path = tmp;
	if (old && fchmod(fd, old->st_mode & 07777) < 0)
		cs_die(CS_EXIT_IO, "%s: %s", tmp, strerror(errno));
	o->fd = fd;
	o->final_path = cs_strdup(path);
	free(copy);
	free(base);
}

/* A bigger pipe buffer halves the context switches between us and the next
 * program of a pipeline (the default 64 KiB is the bottleneck of `| cat`).
 * Best effort: the limit is /proc/sys/fs/pipe-max-size for unprivileged users. */
static void grow_pipe(int fd)
{
#ifdef F_SETPIPE_SZ
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISFIFO(st.st_mode))
		return;
	long want = 1L << 20, max = 0;
	FILE *f = fopen("/proc/sys/fs/pipe-max-size", "re");
	if (f) {
		if (fscanf(f, "%ld", &max) != 1)
			max = 0;
		fclose(f);
	}
	if (max > 0 && max < want)
		want = max;
	if (fcntl(fd, F_GETPIPE_SZ) < want)
		(void)fcntl(fd, F_SETPIPE_SZ, (int)want);
#else
	(void)fd;
#endif
}

cs_out *cs_out_open(const char *path)
{
	cs_out *o = cs_calloc(1, sizeof *o);
	o->buf = cs_malloc(OUT_BUF_SIZE);
	signal(SIGPIPE, SIG_IGN);
	if (!path || strcmp(path, "-") == 0) {
		o->fd = STDOUT_FILENO;
		o->name = "<stdout>";
		grow_pipe(o->fd);
		return o;
	}
	o->name = path;
	struct stat st;
	int exists = stat(path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		o->fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
		if (o->fd < 0)
			cs_die(CS_EXIT_IO, "%s: %s", path, strerror(errno));
		return o;
	}
	catch_signals();
	cs_atdie(remove_temp);
	open_temp(o, path, exists ? &st : NULL);
	return o;
}

void cs_out_write(cs_out *o, const void *p, size_t n)
{
	if (o->len + n > OUT_BUF_SIZE) {
		flush_buf(o);
		if (n >= OUT_BUF_SIZE) {
			size_t off = 0;
			while (off < n) {
				ssize_t w = write(o->fd, (const char *)p + off, n - off);
				if (w < 0) {
					if (errno == EINTR)
						continue;
					write_failed(o, errno);
				}
				off += (size_t)w;
			}
			return;
		}
	}
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

void cs_out_putc(cs_out *o, char c)
{
	if (o->len == OUT_BUF_SIZE)
		flush_buf(o);
	o->buf[o->len++] = c;
}

static void sync_dir(const char *path)
{
	char *copy = cs_strdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);   /* best effort: some file systems refuse fsync on a directory */
		close(fd);
	}
	free(copy);
}

void cs_out_close(cs_out *o)
{
	flush_buf(o);
	if (o->final_path) {
		if (fsync(o->fd) < 0)
			write_failed(o, errno);
		if (close(o->fd) < 0)
			write_failed(o, errno);
		if (rename(temp_path, o->final_path) < 0)
			cs_die(CS_EXIT_IO, "%s: cannot rename into place: %s", o->final_path, strerror(errno));
		free(temp_path);
		temp_path = NULL;
		sync_dir(o->final_path);
		free(o->final_path);
	} else if (o->fd != STDOUT_FILENO) {
		if (close(o->fd) < 0)
			write_failed(o, errno);
	}
	free(o->buf);
	free(o);
}

void cs_out_abort(cs_out *o)
{
	if (o->final_path) {
		close(o->fd);
		remove_temp();
		free(o->final_path);
	} else {
		flush_buf(o);
		if (o->fd != STDOUT_FILENO)
			close(o->fd);
	}
	free(o->buf);
	free(o);
}
