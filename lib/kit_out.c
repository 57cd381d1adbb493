#include "kit_out.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_shard.h"
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define OUT_BUF_SIZE (256 * 1024)
#define MAX_TEMPS (CS_SPLIT_MAX + 1)
#define MEMORY_FD (-2)

struct cs_out {
	int fd;                /* MEMORY_FD: a memory buffer that grows; -1 once finished */
	char *name;            /* for messages: the path as given */
	char *final_path;      /* rename target, NULL when writing directly */
	int slot;              /* the temp file's slot */
	char *buf;
	size_t len, cap;
};

/* The temp files' names are set while the caught signals are blocked and
 * stay valid while live, so the signal handler (which may run at any point of
 * the main program) only ever reads valid strings. The handler uses only
 * async-signal-safe calls: unlink, signal, raise, and lock-free atomics. */
static char *temp_paths[MAX_TEMPS];
static volatile sig_atomic_t temp_live[MAX_TEMPS];
static int temp_slots;

/* Blocking the signals holds them off the thread that changes the temp files
 * only: the kernel hands them to any other thread (a reading thread, a pool),
 * whose handler would then remove the files marked live while this one makes
 * a new one. So a change is also counted in temps_changing, and a handler
 * waits for the changes under way to end (temps_dying tells the thread about
 * to start one that the process is ending: it waits for that instead). */
static atomic_int temps_changing, temps_dying;

static void catch_signals(void);

static void remove_temps(void)
{
	for (int i = 0; i < temp_slots; i++)
		if (temp_live[i]) {
			temp_live[i] = 0;
			unlink(temp_paths[i]);
		}
}

/* Commands a program runs (cs-answer --generate), each its own process
 * group: a caught signal ends them with the program (a supervisor's SIGTERM
 * to the program must not leave a command running on its own). */
#define MAX_CHILDREN 8
static _Atomic pid_t children[MAX_CHILDREN];

static void end_children(void)
{
	for (int i = 0; i < MAX_CHILDREN; i++) {
		pid_t pid = atomic_load(&children[i]);
		if (pid > 0)
			kill(-pid, SIGTERM);
	}
}

void cs_out_child(pid_t pid, int running)
{
	for (int i = 0; i < MAX_CHILDREN; i++) {
		pid_t want = running ? 0 : pid;
		if (atomic_compare_exchange_strong(&children[i], &want, running ? pid : 0))
			break;
	}
	if (running)
		catch_signals();
}

static void on_signal(int sig)
{
	end_children();
	atomic_store(&temps_dying, 1);
	while (atomic_load(&temps_changing) > 0)
		;   /* never this thread's change: it holds the signals off meanwhile */
	for (int i = 0; i < temp_slots; i++)
		if (temp_live[i])
			unlink(temp_paths[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int caught_signals[] = {SIGINT, SIGTERM, SIGHUP};

/* Block (or unblock) the signals the handler catches in this thread. */
static void hold_signals(int how)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof caught_signals / sizeof caught_signals[0]; i++)
		sigaddset(&set, caught_signals[i]);
	pthread_sigmask(how, &set, NULL);
}

void cs_out_hold_caught(int hold) { hold_signals(hold ? SIG_BLOCK : SIG_UNBLOCK); }

void cs_out_in_child(void)
{
	struct sigaction was;
	for (size_t i = 0; i < sizeof caught_signals / sizeof caught_signals[0]; i++)
		if (sigaction(caught_signals[i], NULL, &was) == 0 && was.sa_handler == on_signal)
			signal(caught_signals[i], SIG_DFL);
	hold_signals(SIG_UNBLOCK);
}

/* Around a change to the temp files: no handler runs meanwhile, on any thread. */
static void temps_change_begin(void)
{
	hold_signals(SIG_BLOCK);
	atomic_fetch_add(&temps_changing, 1);
	if (atomic_load(&temps_dying)) {   /* another thread's handler is ending the process */
		atomic_fetch_sub(&temps_changing, 1);
		for (;;)
			pause();
	}
}

static void temps_change_end(void)
{
	atomic_fetch_sub(&temps_changing, 1);
	hold_signals(SIG_UNBLOCK);
}

/* A signal ignored at start stays ignored: nohup ignores SIGHUP, and a
 * shell ignores SIGINT for a command it runs in the background. */
static void catch_signals(void)
{
	struct sigaction sa, was;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof caught_signals / sizeof caught_signals[0]; i++)
		if (sigaction(caught_signals[i], NULL, &was) == 0 && was.sa_handler != SIG_IGN)
			sigaction(caught_signals[i], &sa, NULL);
}

static _Noreturn void write_failed(const char *name, int err)
{
	if (err == EPIPE) {
		remove_temps();
		cs_exit(cs_exit_status());
	}
	cs_die(CS_EXIT_IO, "%s: write error: %s", name, strerror(err));
}

void cs_out_stdio_flush(void)
{
	if (fflush(stdout) != 0)
		write_failed("<stdout>", errno);
	if (ferror(stdout))   /* an earlier write failed; its errno is gone */
		write_failed("<stdout>", EIO);
}

void cs_out_hold_std_fds(void)
{
	for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF)
			open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);   /* the lowest free number: fd */
}

static void flush_buf(cs_out *o)
{
	if (o->fd == MEMORY_FD)
		return;
	size_t off = 0;
	while (off < o->len) {
		ssize_t w = write(o->fd, o->buf + off, o->len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			write_failed(o->name, errno);
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
	free(copy);
	copy = cs_strdup(path);
	const char *dir = dirname(copy);
	char temp[PATH_MAX + 32];
	if ((size_t)snprintf(temp, sizeof temp, "%s/.%s.XXXXXX", dir, base) >= sizeof temp)
		cs_die(CS_EXIT_IO, "%s: file name too long", path);
	if (temp_slots == MAX_TEMPS)
		cs_die(CS_EXIT_INTERNAL, "internal error: more than %d output files", MAX_TEMPS);
	char *name = cs_strdup(temp);
	temps_change_begin();
	o->slot = temp_slots;
	temp_paths[o->slot] = name;
	temp_slots++;
	int fd = mkstemp(name);
	if (fd >= 0)
		temp_live[o->slot] = 1;
	temps_change_end();
	if (fd < 0)
		cs_die(CS_EXIT_IO, "%s: cannot create a temporary file: %s", path, strerror(errno));
	if (old && fchmod(fd, old->st_mode & 07777) < 0)
		cs_die(CS_EXIT_IO, "%s: %s", name, strerror(errno));
	o->fd = fd;
	o->final_path = cs_strdup(path);
	free(copy);
	free(base);
}

/* Where -o PATH really goes: the file a symbolic link (or a chain of them)
 * names, so the link stays a link; a dangling link's target is created. A
 * relative link is read from the link's own directory. Returns a new string. */
static char *link_target(const char *path)
{
	char *cur = cs_strdup(path);
	for (int hops = 0; hops < 40; hops++) {
		struct stat st;
		char target[PATH_MAX];
		if (lstat(cur, &st) < 0 || !S_ISLNK(st.st_mode))
			return cur;
		ssize_t n = readlink(cur, target, sizeof target - 1);
		if (n < 0)
			return cur;
		target[n] = '\0';
		char *next;
		if (target[0] == '/') {
			next = cs_strdup(target);
		} else {
			char *dircopy = cs_strdup(cur);
			const char *dir = dirname(dircopy);
			size_t len = strlen(dir) + strlen(target) + 2;
			next = cs_malloc(len);
			snprintf(next, len, "%s/%s", dir, target);
			free(dircopy);
		}
		free(cur);
		cur = next;
	}
	cs_die(CS_EXIT_IO, "%s: too many levels of symbolic links", path);
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

cs_out *cs_out_open(const char *path) { return cs_out_open_sized(path, OUT_BUF_SIZE); }

cs_out *cs_out_memory(void)
{
	cs_out *o = cs_calloc(1, sizeof *o);
	o->fd = MEMORY_FD;
	o->name = cs_strdup("<memory>");
	o->cap = 4096;
	o->buf = cs_malloc(o->cap);
	return o;
}

void cs_out_staged(const cs_out *o, const char **p, size_t *n)
{
	*p = o->buf;
	*n = o->len;
}

void cs_out_clear(cs_out *o) { o->len = 0; }

static void remove_temp(cs_out *o)
{
	temps_change_begin();
	if (temp_live[o->slot]) {
		temp_live[o->slot] = 0;
		unlink(temp_paths[o->slot]);
	}
	temps_change_end();
}

void cs_out_check(const char *path)
{
	struct stat st;
	if (!path || strcmp(path, "-") == 0)
		return;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			cs_die(CS_EXIT_IO, "%s: %s", path, strerror(EISDIR));
		return;   /* a device or a pipe: opened when written */
	}
	char *target = link_target(path), *copy = cs_strdup(target);
	const char *dir = dirname(copy);
	int denied = !strchr(dir, '%') && access(dir, W_OK | X_OK) != 0;   /* a --split pattern's is made later */
	int why = errno;
	free(copy);
	if (denied)
		cs_die(CS_EXIT_IO, "%s: cannot create a temporary file: %s", target, strerror(why));
	free(target);
}

cs_out *cs_out_open_sized(const char *path, size_t bufsize)
{
	static int hooked;
	cs_out *o = cs_calloc(1, sizeof *o);
	o->cap = bufsize;
	o->buf = cs_malloc(o->cap);
	signal(SIGPIPE, SIG_IGN);
	if (!path || strcmp(path, "-") == 0) {
		o->fd = STDOUT_FILENO;
		o->name = cs_strdup("<stdout>");
		grow_pipe(o->fd);
		return o;
	}
	o->name = cs_strdup(path);
	struct stat st;
	int exists = stat(path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		o->fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
		if (o->fd < 0)
			cs_die(CS_EXIT_IO, "%s: %s", path, strerror(errno));
		return o;
	}
	catch_signals();
	if (!hooked++)
		cs_atdie(remove_temps);
	char *target = link_target(path);
	open_temp(o, target, exists ? &st : NULL);
	free(target);
	return o;
}

static void grow_memory(cs_out *o, size_t n)
{
	while (o->cap - o->len < n)
		o->cap *= 2;
	o->buf = cs_realloc(o->buf, o->cap);
}

void cs_out_write(cs_out *o, const void *p, size_t n)
{
	if (o->fd == MEMORY_FD && o->len + n > o->cap)
		grow_memory(o, n);
	if (o->len + n > o->cap) {
		flush_buf(o);
		if (n >= o->cap) {
			size_t off = 0;
			while (off < n) {
				ssize_t w = write(o->fd, (const char *)p + off, n - off);
				if (w < 0) {
					if (errno == EINTR)
						continue;
					write_failed(o->name, errno);
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
	if (o->len == o->cap && o->fd == MEMORY_FD)
		grow_memory(o, 1);
	if (o->len == o->cap)
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

static void out_free(cs_out *o)
{
	free(o->final_path);
	free(o->name);
	free(o->buf);
	free(o);
}

void cs_out_finish(cs_out *o)
{
	if (o->fd == -1)
		return;
	flush_buf(o);
	if (o->final_path) {
		if (fsync(o->fd) < 0)
			write_failed(o->name, errno);
		if (close(o->fd) < 0)
			write_failed(o->name, errno);
		o->fd = -1;
	} else if (o->fd != STDOUT_FILENO && o->fd != MEMORY_FD) {
		if (close(o->fd) < 0)
			write_failed(o->name, errno);
		o->fd = -1;
	}
}

/* Rename o's temp file over its path: 0, or the errno. */
static int put_in_place(cs_out *o)
{
	if (rename(temp_paths[o->slot], o->final_path) < 0)
		return errno;
	temp_live[o->slot] = 0;
	return 0;
}

void cs_out_close_all(cs_out **outs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cs_out_finish(outs[i]);
	temps_change_begin();   /* a signal that comes now waits until every one is in place */
	for (size_t i = 0; i < n; i++) {
		int err = outs[i]->final_path ? put_in_place(outs[i]) : 0;
		if (err) {
			temps_change_end();
			cs_die(CS_EXIT_IO, "%s: cannot rename into place: %s", outs[i]->name, strerror(err));
		}
	}
	temps_change_end();
	for (size_t i = 0; i < n; i++) {
		if (outs[i]->final_path)
			sync_dir(outs[i]->final_path);
		out_free(outs[i]);
	}
}

void cs_out_close(cs_out *o) { cs_out_close_all(&o, 1); }

void cs_out_abort(cs_out *o)
{
	if (o->final_path) {
		if (o->fd >= 0)
			close(o->fd);
		remove_temp(o);
	} else if (o->fd != -1) {
		flush_buf(o);
		if (o->fd != STDOUT_FILENO && o->fd != MEMORY_FD)
			close(o->fd);
	}
	out_free(o);
}

int cs_create_private(const char *path, cs_buf *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST) {
		cs_buf_printf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fd >= 0)
		close(fd);
	return 0;
}
