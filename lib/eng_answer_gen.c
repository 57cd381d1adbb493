/* eng_answer_gen: the grounded prompt and the generator command (see eng_answer_gen.h). */
#include "eng_answer_gen.h"
#include "kit_out.h"
#include "kit_time.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_GENERATED (1u << 20)
#define KILL_GRACE_S 2.0     /* after SIGTERM, before SIGKILL */
#define MAX_NAP_S 0.05       /* the longest pause between two looks at the command */

void gen_prompt(const char *question, const struct gen_passage *passages, size_t n, cs_buf *out)
{
	cs_buf_reset(out);
	cs_buf_adds(out, "Answer the customer's question using only the numbered sources below.\n"
			 "Cite the sources you use as [1], [2]. If the sources do not contain the answer,\n"
			 "reply exactly: I don't know.\n\nQuestion: ");
	cs_buf_adds(out, question);
	cs_buf_adds(out, "\n\nSources:\n");
	for (size_t i = 0; i < n; i++) {
		cs_buf_printf(out, "[%zu] %s", i + 1, passages[i].title ? passages[i].title : "");
		cs_buf_printf(out, " (%s)\n%s\n\n", passages[i].id, passages[i].text ? passages[i].text : "");
	}
	cs_buf_adds(out, "Answer:\n");
}

static pid_t spawn(const char *cmd, int *to_child, int *from_child)
{
	int in[2], out[2];
	if (pipe2(in, O_CLOEXEC) != 0)
		return -1;
	if (pipe2(out, O_CLOEXEC) != 0) {
		close(in[0]);
		close(in[1]);
		return -1;
	}
	cs_out_hold_caught(1);   /* no signal between the fork and the child's registration */
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);   /* a group of its own: stop() and a signal end the command's children too */
		cs_out_in_child();
		dup2(in[0], STDIN_FILENO);
		dup2(out[1], STDOUT_FILENO);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	if (pid > 0) {
		setpgid(pid, pid);
		cs_out_child(pid, 1);
	}
	cs_out_hold_caught(0);
	close(in[0]);
	close(out[1]);
	if (pid < 0) {
		close(in[1]);
		close(out[0]);
		return -1;
	}
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	*to_child = in[1];
	*from_child = out[0];
	return pid;
}

/* Feed the prompt and gather the output until the command closes it. */
static int exchange(int to, int from, const char *prompt, size_t n, double deadline, cs_buf *out)
{
	size_t sent = 0;
	char chunk[8192];
	for (;;) {
		struct pollfd fds[2] = {{from, POLLIN, 0}, {to, POLLOUT, 0}};
		int nfds = to >= 0 ? 2 : 1;
		int wait_ms = (int)((deadline - cs_monotonic_s()) * 1000);
		if (wait_ms <= 0)
			return -2;
		int r = poll(fds, (nfds_t)nfds, wait_ms);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (to >= 0 && fds[1].revents) {
			ssize_t w = sent < n ? write(to, prompt + sent, n - sent) : 0;
			if (w > 0)
				sent += (size_t)w;
			if (w < 0 && errno != EAGAIN && errno != EINTR)
				sent = n;   /* the command stopped reading: what it wrote still counts */
			if (sent >= n) {
				close(to);
				to = -1;
			}
		}
		if (fds[0].revents) {
			ssize_t got = read(from, chunk, sizeof chunk);
			if (got == 0)
				break;
			if (got < 0 && errno != EINTR)
				return -1;
			if (got > 0 && out->len < MAX_GENERATED)
				cs_buf_add(out, chunk, (size_t)got);
		}
	}
	if (to >= 0)
		close(to);
	return 0;
}

static void trim(cs_buf *b)
{
	size_t start = 0;
	while (start < b->len && (b->p[start] == ' ' || b->p[start] == '\n' || b->p[start] == '\r' || b->p[start] == '\t'))
		start++;
	while (b->len > start && (b->p[b->len - 1] == ' ' || b->p[b->len - 1] == '\n' || b->p[b->len - 1] == '\r' ||
				  b->p[b->len - 1] == '\t'))
		b->len--;
	memmove(b->p, b->p + start, b->len - start);
	b->len -= start;
}

static void nap(double seconds)
{
	struct timespec ts = {(time_t)seconds, (long)((seconds - (double)(time_t)seconds) * 1e9)};
	nanosleep(&ts, NULL);
}

/* Wait for pid to exit until deadline: 0 once it has (status set), -2 at the
 * deadline, -1 on an error. The pauses grow from 1 ms, so a command that
 * exits as it closes its output is reaped at once. */
static int reap_by(pid_t pid, int *status, double deadline)
{
	double pause = 0.001;
	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);
		if (r == pid)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
		double left = deadline - cs_monotonic_s();
		if (left <= 0)
			return -2;
		nap(pause < left ? pause : left);
		pause = pause * 2 < MAX_NAP_S ? pause * 2 : MAX_NAP_S;
	}
}

/* SIGTERM to the command's group, then SIGKILL if it is still there after
 * the grace. */
static void stop(pid_t pid)
{
	int status;
	kill(-pid, SIGTERM);
	if (reap_by(pid, &status, cs_monotonic_s() + KILL_GRACE_S) == -2) {
		kill(-pid, SIGKILL);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	}
}

int gen_run(const char *cmd, const char *prompt, size_t n, double timeout_s, cs_buf *out, cs_buf *err)
{
	int to, from, status = 0;
	cs_buf_reset(out);
	cs_buf_reset(err);
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	pid_t pid = spawn(cmd, &to, &from);
	if (pid < 0) {
		cs_buf_printf(err, "cannot run: %s", strerror(errno));
		signal(SIGPIPE, old);
		return -1;
	}
	/* The deadline covers the command's whole run, its exit included. */
	double deadline = cs_monotonic_s() + timeout_s;
	int rc = exchange(to, from, prompt, n, deadline, out);
	int failure = errno;
	close(from);
	int reaped = 0;   /* or no longer ours to wait for */
	if (rc == 0) {
		rc = reap_by(pid, &status, deadline);
		failure = errno;
		reaped = rc != -2;
	}
	if (!reaped)
		stop(pid);
	cs_out_child(pid, 0);
	signal(SIGPIPE, old);
	if (rc == -2)
		cs_buf_printf(err, "timed out after %g s", timeout_s);
	else if (rc < 0)
		cs_buf_printf(err, "%s", strerror(failure));
	else if (WIFSIGNALED(status))
		cs_buf_printf(err, "killed by signal %d", WTERMSIG(status));
	else if (WEXITSTATUS(status) != 0)
		cs_buf_printf(err, "exited with status %d", WEXITSTATUS(status));
	if (err->len)
		return -1;
	trim(out);
	return 0;
}
