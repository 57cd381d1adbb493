/* cs_jq: see kit_jq.h.
 *
 * Parent and worker talk over a socket pair rather than two pipes: one fd
 * each, and sends use MSG_NOSIGNAL, so the caller's SIGPIPE disposition is
 * never touched and a dead worker shows up as EPIPE or end of file.
 *   request: u32 count, then count times u32 length and a record (host order)
 *   reply:   count times status byte, u32 length, text
 * Status 'T' true, 'F' false, 'E' error text, 'R' compiled and ready,
 * 'C' compile error text. A batch is one exchange: the worker reads the
 * whole request before it answers, so the parent may block on sending it
 * without either side waiting for the other (no deadlock), and the parent
 * then reads every reply within one time limit. */
#include "kit_jq.h"
#include "kit_mem.h"
#include "kit_time.h"
#include <errno.h>
#include <fcntl.h>
#include <jq.h>
#include <jv.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define CS_JQ_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CS_JQ_ASAN 1
#endif
#endif

enum {
	CS_JQ_MSG_MAX = 1024,   /* longest text carried in a reply */
	CS_JQ_HDR = 5,          /* reply header: status + u32 length */
	CS_JQ_DEPTH_MAX = 256,  /* bracket and string nesting the check follows */
	CS_JQ_W_FD = 3,         /* the worker's end of the socket pair */
	CS_JQ_W_NOMEM = 97,     /* worker exit codes */
	CS_JQ_W_CPU = 98,
	CS_JQ_W_SETUP = 99
};
/* Compiling takes milliseconds; this only bounds a worker that never answers. */
static const double cs_jq_start_timeout = 30.0;
#ifndef CS_JQ_ASAN
/* Address space a worker may add to what it inherits (no limit under ASan,
 * whose shadow memory reserves terabytes). */
static const rlim_t cs_jq_as_headroom = (rlim_t)1 << 30;
#endif

struct cs_jq {
	char *expr;
	double timeout_s;
	pid_t pid;  /* 0: no worker; started on demand */
	int fd;     /* parent end of the socket pair, -1 without a worker */
	size_t rlen;
	unsigned char rbuf[CS_JQ_HDR + CS_JQ_MSG_MAX];
};

__attribute__((format(printf, 3, 4)))
static void cs_jq_err(char *errbuf, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	if (!errbuf || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(errbuf, errlen, fmt, ap);
	va_end(ap);
}

/* ---- static check -------------------------------------------------------
 * A model of jq 1.6's lexer (src/lexer.l): the same start states for
 * brackets, strings and \( ... ) interpolation, the same token shapes for
 * fields, identifiers, variables and numbers. A bracket that does not match
 * is not popped, as in jq; the program then fails to compile anyway. */

static const char *const cs_jq_banned[] = {
	"import", "include", "modulemeta", "input", "inputs", "input_filename",
	"input_line_number", "env", "halt", "halt_error", "get_search_list",
	"get_prog_origin", "get_jq_origin", NULL
};

typedef struct {
	const char *p;
	int depth;
	int in_string;
	int tokens;
	char open[CS_JQ_DEPTH_MAX];         /* '(' '[' '{', or 'I' for \( */
	unsigned char key[CS_JQ_DEPTH_MAX]; /* '{' level: next token is a key */
	char *errbuf;
	size_t errlen;
} cs_jq_lex;

static int cs_jq_is_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int cs_jq_is_word(char c)
{
	return cs_jq_is_start(c) || (c >= '0' && c <= '9');
}

static int cs_jq_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static const char *cs_jq_skip_space(const char *p)
{
	for (;;) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
			p++;
		else if (*p == '#') /* jq 1.6 ends a comment at \r too */
			while (*p && *p != '\n' && *p != '\r')
				p++;
		else
			return p;
	}
}

static const char *cs_jq_skip_word(const char *p)
{
	while (cs_jq_is_word(*p))
		p++;
	return p;
}

static int cs_jq_reject(cs_jq_lex *lx, const char *what, const char *s, size_t n)
{
	cs_jq_err(lx->errbuf, lx->errlen, "--where: '%s%.*s' is not allowed",
		what, n > 64 ? 64 : (int)n, s);
	return -1;
}

static int cs_jq_push(cs_jq_lex *lx, char c)
{
	if (lx->depth == CS_JQ_DEPTH_MAX) {
		cs_jq_err(lx->errbuf, lx->errlen, "--where: expression nested too deeply");
		return -1;
	}
	lx->open[lx->depth] = c;
	lx->key[lx->depth] = c == '{';
	lx->depth++;
	return 0;
}

static void cs_jq_close(cs_jq_lex *lx, char c)
{
	char top = lx->depth ? lx->open[lx->depth - 1] : 0;
	if ((c == ')' && (top == '(' || top == 'I')) || (c == ']' && top == '[') ||
	    (c == '}' && top == '{')) {
		lx->depth--;
		lx->in_string = top == 'I';
	}
}

/* An identifier, module-qualified parts (a::b) included. */
static const char *cs_jq_skip_ident(const char *p)
{
	p = cs_jq_skip_word(p);
	while (p[0] == ':' && p[1] == ':' && cs_jq_is_start(p[2]))
		p = cs_jq_skip_word(p + 2);
	return p;
}

/* $name: jq 1.6 allows blanks and comments between '$' and the name. */
static int cs_jq_lex_var(cs_jq_lex *lx)
{
	const char *s = cs_jq_skip_space(lx->p + 1);
	const char *e = cs_jq_is_start(*s) ? cs_jq_skip_ident(s) : s;
	lx->p = e;
	if ((e - s == 3 && !memcmp(s, "ENV", 3)) || (e - s >= 2 && s[0] == '_' && s[1] == '_'))
		return cs_jq_reject(lx, "$", s, (size_t)(e - s));
	return 0;
}

static int cs_jq_is_banned(const char *s, size_t n)
{
	for (int i = 0; cs_jq_banned[i]; i++)
		if (strlen(cs_jq_banned[i]) == n && !memcmp(cs_jq_banned[i], s, n))
			return 1;
	return 0;
}

/* Every part of a module-qualified name is checked. An object key
 * ({env: 1}) is allowed; the shorthand {env} is not, as a comma cannot
 * always be told from a pair separator (jq 1.7 allows if-then-else there). */
static int cs_jq_lex_ident(cs_jq_lex *lx, int at_key)
{
	const char *s = lx->p, *e = cs_jq_skip_ident(s);
	lx->p = e;
	if (at_key && *cs_jq_skip_space(e) == ':')
		return 0;
	for (const char *w = s;;) {
		const char *we = cs_jq_skip_word(w);
		if (cs_jq_is_banned(w, (size_t)(we - w)))
			return cs_jq_reject(lx, "", w, (size_t)(we - w));
		if (we == e)
			return 0;
		w = we + 2;
	}
}

/* jq 1.6 numbers: [0-9.]+([eE][+-]?[0-9]+)? (so "1.env" is 1. then env). */
static const char *cs_jq_skip_number(const char *p)
{
	while (cs_jq_is_digit(*p) || *p == '.')
		p++;
	if (*p == 'e' || *p == 'E') {
		const char *q = p + 1;
		if (*q == '+' || *q == '-')
			q++;
		if (cs_jq_is_digit(*q))
			for (p = q; cs_jq_is_digit(*p); p++)
				;
	}
	return p;
}

/* One step inside a string literal: text is skipped, \( opens code. */
static int cs_jq_lex_string(cs_jq_lex *lx)
{
	const char *p = lx->p;
	if (*p == '"') {
		lx->in_string = 0;
		lx->p = p + 1;
	} else if (*p == '\\' && p[1] == '(') {
		lx->in_string = 0;
		lx->p = p + 2;
		return cs_jq_push(lx, 'I');
	} else {
		lx->p = p + (*p == '\\' && p[1] ? 2 : 1);
	}
	return 0;
}

/* At '.', flex takes the longest of "..", ".", a number (".5", "...")
 * and a field (".name", no blank between), ties going to the rule listed
 * first in that order: ".e5" is a number, ".5.env" a number and then env. */
static void cs_jq_lex_dot(cs_jq_lex *lx)
{
	const char *p = lx->p;
	const char *num = cs_jq_skip_number(p);
	const char *field = cs_jq_is_start(p[1]) ? cs_jq_skip_word(p + 1) : p;
	const char *rec = p + (p[1] == '.' ? 2 : 1);
	if (field > num)
		lx->p = field;
	else
		lx->p = num > rec ? num : rec;
}

static int cs_jq_lex_token(cs_jq_lex *lx)
{
	char c = *lx->p;
	int at_key = 0;
	if (lx->depth && lx->open[lx->depth - 1] == '{') {
		at_key = lx->key[lx->depth - 1];
		lx->key[lx->depth - 1] = c == ',';
	}
	lx->tokens++;
	if (c == '"') {
		lx->in_string = 1;
		lx->p++;
	} else if (c == '$') {
		return cs_jq_lex_var(lx);
	} else if (c == '.') {
		cs_jq_lex_dot(lx);
	} else if (cs_jq_is_digit(c)) {
		lx->p = cs_jq_skip_number(lx->p);
	} else if (cs_jq_is_start(c)) {
		return cs_jq_lex_ident(lx, at_key);
	} else if (c == '@') {
		lx->p = cs_jq_skip_word(lx->p + 1); /* a format name, not a call */
	} else {
		lx->p++;
		if (c == '(' || c == '[' || c == '{')
			return cs_jq_push(lx, c);
		if (c == ')' || c == ']' || c == '}')
			cs_jq_close(lx, c);
	}
	return 0;
}

static int cs_jq_check(const char *expr, char *errbuf, size_t errlen)
{
	cs_jq_lex lx = { .p = expr, .errbuf = errbuf, .errlen = errlen };
	while (*lx.p) {
		if (lx.in_string) {
			if (cs_jq_lex_string(&lx) < 0)
				return -1;
			continue;
		}
		lx.p = cs_jq_skip_space(lx.p);
		if (*lx.p && cs_jq_lex_token(&lx) < 0)
			return -1;
	}
	if (!lx.tokens) {
		cs_jq_err(errbuf, errlen, "--where: empty expression");
		return -1;
	}
	return 0;
}

/* ---- compiling (parent and worker) ------------------------------------- */

typedef struct {
	char text[CS_JQ_MSG_MAX];
	int have;
} cs_jq_msgs;

/* A jq message on one line: "jq: error: " and a trailing ':' removed, and
 * either only the first line kept (compile messages go on with the program
 * text) or line breaks made blanks. */
static void cs_jq_oneline(char *dst, size_t n, const char *src, size_t srclen, int first)
{
	static const char pre[] = "jq: error: ";
	size_t len = 0;
	if (srclen >= sizeof pre - 1 && !memcmp(src, pre, sizeof pre - 1)) {
		src += sizeof pre - 1;
		srclen -= sizeof pre - 1;
	}
	for (size_t i = 0; i < srclen && !(first && src[i] == '\n') && len + 1 < n; i++)
		dst[len++] = (unsigned char)src[i] < ' ' ? ' ' : src[i];
	while (len && (dst[len - 1] == ':' || dst[len - 1] == ' '))
		len--;
	if (n)
		dst[len] = '\0';
}

/* Put the text of msg (a string, or anything else dumped as JSON) in dst;
 * consumes msg. */
static void cs_jq_msg_text(char *dst, size_t n, jv msg, int first)
{
	if (jv_get_kind(msg) == JV_KIND_STRING) {
		cs_jq_oneline(dst, n, jv_string_value(msg), (size_t)jv_string_length_bytes(jv_copy(msg)),
			first);
		jv_free(msg);
		return;
	}
	jv s = jv_dump_string(msg, 0);
	char tmp[CS_JQ_MSG_MAX - 64]; /* room for the suffix */
	cs_jq_oneline(tmp, sizeof tmp, jv_string_value(s), (size_t)jv_string_length_bytes(jv_copy(s)),
		first);
	jv_free(s);
	snprintf(dst, n, "%s (not a string)", tmp);
}

static void cs_jq_on_error(void *data, jv msg)
{
	cs_jq_msgs *m = data;
	if (!m->have) {
		m->have = 1;
		cs_jq_msg_text(m->text, sizeof m->text, msg, 1);
	} else {
		jv_free(msg);
	}
}

/* Compile expr into a fresh jq state with no library path; on failure m holds
 * the first message. */
static jq_state *cs_jq_compile(const char *expr, cs_jq_msgs *m)
{
	jq_state *jq = jq_init();
	m->have = 0;
	if (!jq) {
		snprintf(m->text, sizeof m->text, "out of memory");
		return NULL;
	}
	jq_set_error_cb(jq, cs_jq_on_error, m);
	/* jq 1.6's jq_init leaves the debug callback unset: debug would call garbage */
	jq_set_debug_cb(jq, NULL, NULL);
	jq_set_attr(jq, jv_string("JQ_LIBRARY_PATH"), jv_array());
	if (!jq_compile(jq, expr)) {
		if (!m->have)
			snprintf(m->text, sizeof m->text, "compile error");
		jq_teardown(&jq);
		return NULL;
	}
	return jq;
}

/* ---- the worker ---------------------------------------------------------
 * Only _exit() leaves it: exit() would run the parent's atexit hooks and
 * flush stdio buffers it shares with the parent. */

static volatile sig_atomic_t cs_jq_w_seq;  /* records started */
static volatile sig_atomic_t cs_jq_w_seen = -1;
static rlim_t cs_jq_w_cpu_step;

static void cs_jq_w_nomem(void *data)
{
	(void)data;
	_exit(CS_JQ_W_NOMEM);
}

/* RLIMIT_CPU counts the worker's whole life, so the soft limit is moved on
 * at each SIGXCPU; only a record still running at two ticks in a row (more
 * than cs_jq_w_cpu_step seconds, beyond the parent's timeout) ends the
 * worker. It guards against a parent that stopped waiting. */
static void cs_jq_w_on_xcpu(int sig)
{
	struct rlimit rl;
	(void)sig;
	if (cs_jq_w_seq == cs_jq_w_seen)
		_exit(CS_JQ_W_CPU);
	cs_jq_w_seen = cs_jq_w_seq;
	/* getrlimit and setrlimit are plain system calls in glibc. */
	if (getrlimit(RLIMIT_CPU, &rl) == 0) {
		rl.rlim_cur += cs_jq_w_cpu_step;
		if (rl.rlim_max != RLIM_INFINITY && rl.rlim_cur > rl.rlim_max)
			rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_CPU, &rl);
	}
}

/* Keep only the socket (moved to CS_JQ_W_FD); 0-2 become /dev/null so
 * nothing jq prints (the stderr builtin) reaches the caller's streams. */
static void cs_jq_w_fds(int sock)
{
	int s = fcntl(sock, F_DUPFD, CS_JQ_W_FD);
	int null = open("/dev/null", O_RDWR);
	if (s < 0)
		_exit(CS_JQ_W_SETUP);
	for (int fd = 0; fd < CS_JQ_W_FD; fd++) {
		if (null < 0)
			close(fd);
		else if (null != fd)
			dup2(null, fd);
	}
	if (s != CS_JQ_W_FD && dup2(s, CS_JQ_W_FD) < 0)
		_exit(CS_JQ_W_SETUP);
	if (close_range(CS_JQ_W_FD + 1, ~0U, 0) < 0) {
		long max = sysconf(_SC_OPEN_MAX);
		for (long fd = CS_JQ_W_FD + 1; fd < (max > 0 && max < 65536 ? max : 65536); fd++)
			close((int)fd);
	}
}

/* The caller's handlers (say, one removing its temporary file) must not run
 * in the worker; as across exec, handlers go back to the default and
 * ignored signals stay ignored. */
static void cs_jq_w_signals(void)
{
	struct sigaction sa, old;
	sigset_t none;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	for (int sig = 1; sig < NSIG; sig++)
		if (sigaction(sig, NULL, &old) == 0 && old.sa_handler != SIG_DFL &&
		    old.sa_handler != SIG_IGN)
			sigaction(sig, &sa, NULL);
	sa.sa_handler = cs_jq_w_on_xcpu;
	sigaction(SIGXCPU, &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

#ifndef CS_JQ_ASAN
/* Current address-space size, 0 if unknown. */
static rlim_t cs_jq_w_vm_size(void)
{
	char buf[64];
	unsigned long long pages = 0;
	int fd = open("/proc/self/statm", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	if (sscanf(buf, "%llu", &pages) != 1)
		return 0;
	return (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE);
}
#endif

static void cs_jq_w_limit(int res, rlim_t cur)
{
	struct rlimit rl;
	if (getrlimit(res, &rl) < 0 || (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur <= cur))
		return;
	rl.rlim_cur = rl.rlim_max != RLIM_INFINITY && cur > rl.rlim_max ? rl.rlim_max : cur;
	setrlimit(res, &rl);
}

static void cs_jq_w_limits(double timeout_s)
{
	cs_jq_w_cpu_step = (rlim_t)timeout_s + 11;
	cs_jq_w_limit(RLIMIT_CPU, cs_jq_w_cpu_step);
#ifndef CS_JQ_ASAN
	/* Relative to the inherited size, so a big caller does not starve it. */
	cs_jq_w_limit(RLIMIT_AS, cs_jq_w_vm_size() + cs_jq_as_headroom);
#endif
}

/* clearenv() only forgets the strings; they would still be readable (by jq's
 * own memory, by /proc/PID/environ). Overwrite them first. */
static void cs_jq_w_wipe_env(void)
{
	for (char **e = environ; e && *e; e++)
		memset(*e, 0, strlen(*e));
	clearenv();
}

static void cs_jq_w_setup(int sock, pid_t parent, double timeout_s)
{
	/* Die with the parent instead of spinning on as an orphan. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != parent)
		_exit(CS_JQ_W_SETUP);
	cs_jq_w_fds(sock);
	cs_jq_w_signals();
	cs_jq_w_wipe_env();
	cs_jq_w_limits(timeout_s);
	jv_nomem_handler(cs_jq_w_nomem, NULL);
}

/* Replies of a batch, sent together. */
typedef struct {
	unsigned char *buf;
	size_t len, cap;
} cs_jq_w_out;

static void cs_jq_w_add(cs_jq_w_out *out, char status, const char *text)
{
	size_t n = text ? strlen(text) : 0;
	uint32_t len32;
	if (n > CS_JQ_MSG_MAX)
		n = CS_JQ_MSG_MAX;
	if (out->len + CS_JQ_HDR + n > out->cap) {
		size_t cap = (out->cap + CS_JQ_HDR + n) * 2;
		unsigned char *p = realloc(out->buf, cap);
		if (!p)
			_exit(CS_JQ_W_NOMEM);
		out->buf = p;
		out->cap = cap;
	}
	len32 = (uint32_t)n;
	out->buf[out->len] = (unsigned char)status;
	memcpy(out->buf + out->len + 1, &len32, 4);
	if (n)
		memcpy(out->buf + out->len + CS_JQ_HDR, text, n);
	out->len += CS_JQ_HDR + n;
}

static void cs_jq_w_send(cs_jq_w_out *out)
{
	for (size_t off = 0; off < out->len;) {
		ssize_t w = send(CS_JQ_W_FD, out->buf + off, out->len - off, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			_exit(0); /* the parent is gone */
		off += (size_t)w;
	}
	out->len = 0;
}

static void cs_jq_w_reply(char status, const char *text)
{
	cs_jq_w_out out = {0};
	cs_jq_w_add(&out, status, text);
	cs_jq_w_send(&out);
	free(out.buf);
}

/* The worker's input: bytes read ahead from the socket. */
typedef struct {
	char *buf;
	size_t cap, start, end;
} cs_jq_w_in;

/* Make n bytes available at in->buf + in->start. */
static void cs_jq_w_need(cs_jq_w_in *in, size_t n)
{
	if (in->end - in->start >= n)
		return;
	memmove(in->buf, in->buf + in->start, in->end - in->start);
	in->end -= in->start;
	in->start = 0;
	if (n > in->cap) {
		char *p = realloc(in->buf, n);
		if (!p)
			_exit(CS_JQ_W_NOMEM);
		in->buf = p;
		in->cap = n;
	}
	while (in->end < n) {
		ssize_t r = read(CS_JQ_W_FD, in->buf + in->end, in->cap - in->end);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			_exit(0); /* the parent closed its end */
		in->end += (size_t)r;
	}
}

static uint32_t cs_jq_w_u32(cs_jq_w_in *in)
{
	uint32_t v;
	cs_jq_w_need(in, 4);
	memcpy(&v, in->buf + in->start, 4);
	in->start += 4;
	return v;
}

/* The next record of the batch, copied NUL-terminated into *rec (jq 1.6's
 * parse error message prints the text with %s); returns its length. */
static size_t cs_jq_w_record(cs_jq_w_in *in, char **rec, size_t *cap)
{
	size_t len = cs_jq_w_u32(in);
	cs_jq_w_need(in, len);
	if (len + 1 > *cap) {
		char *p = realloc(*rec, len + 1);
		if (!p)
			_exit(CS_JQ_W_NOMEM);
		*rec = p;
		*cap = len + 1;
	}
	memcpy(*rec, in->buf + in->start, len);
	(*rec)[len] = '\0';
	in->start += len;
	return len;
}

/* jq 1.6 appends " (while parsing '<the whole record>')" to parse errors. */
static void cs_jq_w_parse_error(char *msg, size_t n, jv in)
{
	char text[CS_JQ_MSG_MAX - 64]; /* room for the prefix */
	char *cut;
	cs_jq_msg_text(text, sizeof text, jv_invalid_get_msg(in), 0);
	if ((cut = strstr(text, " (while parsing '")))
		*cut = '\0';
	snprintf(msg, n, "invalid JSON: %s", text);
}

static char cs_jq_w_eval(jq_state *jq, const char *rec, size_t len, char *msg, size_t n)
{
	jv in = jv_parse_sized(rec, (int)len);
	jv out;
	if (!jv_is_valid(in)) {
		cs_jq_w_parse_error(msg, n, in);
		return 'E';
	}
	jq_start(jq, in, 0);
	out = jq_next(jq);
	if (jv_is_valid(out)) {
		jv_kind k = jv_get_kind(out);
		jv_free(out);
		return k == JV_KIND_FALSE || k == JV_KIND_NULL ? 'F' : 'T';
	}
	if (jv_invalid_has_msg(jv_copy(out))) {
		cs_jq_msg_text(msg, n, jv_invalid_get_msg(out), 0);
		return 'E';
	}
	jv_free(out);
	if (jq_halted(jq)) {
		snprintf(msg, n, "halted");
		return 'E';
	}
	return 'F';
}

static _Noreturn void cs_jq_worker(int sock, pid_t parent, const char *expr, double timeout_s)
{
	cs_jq_msgs m;
	jq_state *jq;
	cs_jq_w_in in = {0};
	cs_jq_w_out out = {0};
	char *rec = NULL;
	size_t rec_cap = 0;
	cs_jq_w_setup(sock, parent, timeout_s);
	jq = cs_jq_compile(expr, &m);
	if (!jq) {
		cs_jq_w_reply('C', m.text);
		_exit(0);
	}
	jq_set_nomem_handler(jq, cs_jq_w_nomem, NULL);
	in.cap = 1 << 20;
	if (!(in.buf = malloc(in.cap)))
		_exit(CS_JQ_W_NOMEM);
	cs_jq_w_reply('R', NULL);
	for (;;) {
		uint32_t count = cs_jq_w_u32(&in);
		for (uint32_t i = 0; i < count; i++) {
			size_t len = cs_jq_w_record(&in, &rec, &rec_cap);
			cs_jq_w_seq++;
			char status = cs_jq_w_eval(jq, rec, len, m.text, sizeof m.text);
			cs_jq_w_add(&out, status, status == 'E' ? m.text : NULL);
		}
		cs_jq_w_send(&out);
	}
}

/* ---- the parent side ---------------------------------------------------- */

/* Kill (a no-op if it already exited) and reap the worker; describe how it
 * ended in errbuf. */
static void cs_jq_reap(cs_jq *jq, char *errbuf, size_t errlen)
{
	int st = 0;
	pid_t r;
	kill(jq->pid, SIGKILL);
	close(jq->fd);
	while ((r = waitpid(jq->pid, &st, 0)) < 0 && errno == EINTR)
		;
	jq->pid = 0;
	jq->fd = -1;
	if (r < 0)
		cs_jq_err(errbuf, errlen, "--where: evaluation failed (worker lost)");
	else if (WIFEXITED(st) && WEXITSTATUS(st) == CS_JQ_W_NOMEM)
		cs_jq_err(errbuf, errlen, "--where: evaluation failed (out of memory)");
	else if (WIFEXITED(st) && WEXITSTATUS(st) == CS_JQ_W_CPU)
		cs_jq_err(errbuf, errlen, "--where: evaluation failed (CPU time limit)");
	else if (WIFEXITED(st))
		cs_jq_err(errbuf, errlen, "--where: evaluation failed (worker exited with status %d)",
			WEXITSTATUS(st));
	else
		cs_jq_err(errbuf, errlen, "--where: evaluation failed (worker killed by signal %d)",
			WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

/* Wait for one reply; 1 when jq->rbuf holds it, 0 on timeout, -1 when the
 * worker is gone. Only one request is ever outstanding, so a read never
 * takes bytes of a later reply. */
static int cs_jq_recv(cs_jq *jq, double timeout_s)
{
	double deadline = cs_monotonic_s() + timeout_s;
	uint32_t len32;
	jq->rlen = 0;
	for (;;) {
		struct pollfd pfd = { .fd = jq->fd, .events = POLLIN };
		double left = deadline - cs_monotonic_s();
		struct timespec ts;
		int pr;
		ssize_t r;
		if (left <= 0)
			return 0;
		ts.tv_sec = (time_t)left;
		ts.tv_nsec = (long)((left - (double)ts.tv_sec) * 1e9);
		pr = ppoll(&pfd, 1, &ts, NULL);
		if (pr < 0 && errno == EINTR)
			continue;
		if (pr < 0)
			return -1;
		if (pr == 0)
			return 0;
		r = read(jq->fd, jq->rbuf + jq->rlen, sizeof jq->rbuf - jq->rlen);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		jq->rlen += (size_t)r;
		if (jq->rlen < CS_JQ_HDR)
			continue;
		memcpy(&len32, jq->rbuf + 1, 4);
		if (len32 > CS_JQ_MSG_MAX)
			return -1;
		if (jq->rlen >= CS_JQ_HDR + len32)
			return 1;
	}
}

static void cs_jq_reply_text(const cs_jq *jq, char *errbuf, size_t errlen)
{
	uint32_t len32;
	memcpy(&len32, jq->rbuf + 1, 4);
	cs_jq_err(errbuf, errlen, "--where: %.*s", (int)len32, (const char *)jq->rbuf + CS_JQ_HDR);
}

/* Fork a worker and wait until it has compiled the program. */
static int cs_jq_start(cs_jq *jq, char *errbuf, size_t errlen)
{
	int sv[2];
	pid_t parent = getpid();
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
		cs_jq_err(errbuf, errlen, "--where: cannot start worker: %s", strerror(errno));
		return -1;
	}
	fflush(NULL);
	jq->pid = fork();
	if (jq->pid == 0)
		cs_jq_worker(sv[1], parent, jq->expr, jq->timeout_s);
	close(sv[1]);
	if (jq->pid < 0) {
		cs_jq_err(errbuf, errlen, "--where: cannot start worker: %s", strerror(errno));
		close(sv[0]);
		jq->pid = 0;
		return -1;
	}
	jq->fd = sv[0];
	int r = cs_jq_recv(jq, cs_jq_start_timeout);
	if (r == 1 && jq->rbuf[0] == 'R')
		return 0;
	if (r == 1 && jq->rbuf[0] == 'C') {
		cs_jq_reply_text(jq, errbuf, errlen);
		cs_jq_reap(jq, NULL, 0);
	} else if (r == 0) {
		cs_jq_reap(jq, NULL, 0);
		cs_jq_err(errbuf, errlen, "--where: worker did not start");
	} else {
		cs_jq_reap(jq, errbuf, errlen);
	}
	return -1;
}

cs_jq *cs_jq_new(const char *expr, double timeout_s, char *errbuf, size_t errlen)
{
	cs_jq_msgs m;
	jq_state *state;
	cs_jq *jq;
	if (cs_jq_check(expr, errbuf, errlen) < 0)
		return NULL;
	if (!(state = cs_jq_compile(expr, &m))) {
		cs_jq_err(errbuf, errlen, "--where: %s", m.text);
		return NULL;
	}
	jq_teardown(&state);
	jq = cs_calloc(1, sizeof *jq);
	jq->expr = cs_strdup(expr);
	jq->timeout_s = timeout_s > 0 ? (timeout_s < 1e6 ? timeout_s : 1e6) : 2.0;
	jq->fd = -1;   /* the worker starts when the first record needs it */
	return jq;
}

void cs_jq_free(cs_jq *jq)
{
	if (!jq)
		return;
	if (jq->pid > 0)
		cs_jq_reap(jq, NULL, 0);
	free(jq->expr);
	free(jq);
}

/* Send all of iov[0..n), continuing after partial sends. */
static int cs_jq_sendv(cs_jq *jq, struct iovec *iov, size_t n)
{
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = n };
	while (mh.msg_iovlen) {
		struct msghdr part = mh;
		if (part.msg_iovlen > IOV_MAX)
			part.msg_iovlen = IOV_MAX;
		ssize_t w = sendmsg(jq->fd, &part, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		while (mh.msg_iovlen && (size_t)w >= mh.msg_iov->iov_len) {
			w -= (ssize_t)mh.msg_iov->iov_len;
			mh.msg_iov++;
			mh.msg_iovlen--;
		}
		if (mh.msg_iovlen) {
			mh.msg_iov->iov_base = (char *)mh.msg_iov->iov_base + w;
			mh.msg_iov->iov_len -= (size_t)w;
		}
	}
	return 0;
}

/* One request: the count, then each record with its length. */
static int cs_jq_send_batch(cs_jq *jq, const char *const *rec, const size_t *len, size_t n)
{
	uint32_t count = (uint32_t)n, *lens = cs_malloc((n ? n : 1) * sizeof *lens);
	struct iovec *iov = cs_malloc((2 * n + 1) * sizeof *iov);
	iov[0] = (struct iovec){ .iov_base = &count, .iov_len = 4 };
	for (size_t i = 0; i < n; i++) {
		lens[i] = (uint32_t)len[i];
		iov[1 + 2 * i] = (struct iovec){ .iov_base = &lens[i], .iov_len = 4 };
		iov[2 + 2 * i] = (struct iovec){ .iov_base = (void *)rec[i], .iov_len = len[i] };
	}
	int r = cs_jq_sendv(jq, iov, 2 * n + 1);
	free(iov);
	free(lens);
	return r;
}

/* One reply at p (have bytes) into v; returns its size, 0 if incomplete, -1 if malformed. */
static long cs_jq_take_reply(const unsigned char *p, size_t have, struct cs_jq_verdict *v)
{
	uint32_t len32;
	if (have < CS_JQ_HDR)
		return 0;
	memcpy(&len32, p + 1, 4);
	if (len32 > CS_JQ_MSG_MAX)
		return -1;
	if (have < CS_JQ_HDR + len32)
		return 0;
	v->err[0] = '\0';
	switch (p[0]) {
	case 'T': v->result = CS_JQ_TRUE; break;
	case 'F': v->result = CS_JQ_FALSE; break;
	case 'E':
		v->result = CS_JQ_ERROR;
		cs_jq_err(v->err, sizeof v->err, "--where: %.*s", (int)len32, (const char *)p + CS_JQ_HDR);
		break;
	default: return -1;
	}
	return (long)(CS_JQ_HDR + len32);
}

/* Wait for n replies within timeout_s: 1 when out holds them all, 0 on a
 * timeout, -1 when the worker is gone or garbled. */
static int cs_jq_recv_batch(cs_jq *jq, size_t n, struct cs_jq_verdict *out, double timeout_s)
{
	double deadline = cs_monotonic_s() + timeout_s;
	size_t got = 0, have = 0, cap = 1 << 16;
	unsigned char *buf = cs_malloc(cap);
	int r = 1;
	while (got < n) {
		struct pollfd pfd = { .fd = jq->fd, .events = POLLIN };
		double left = deadline - cs_monotonic_s();
		struct timespec ts;
		if (left <= 0) {
			r = 0;
			break;
		}
		ts.tv_sec = (time_t)left;
		ts.tv_nsec = (long)((left - (double)ts.tv_sec) * 1e9);
		int pr = ppoll(&pfd, 1, &ts, NULL);
		if (pr < 0 && errno == EINTR)
			continue;
		if (pr == 0) {
			r = 0;
			break;
		}
		ssize_t k = pr < 0 ? -1 : read(jq->fd, buf + have, cap - have);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			r = -1;
			break;
		}
		have += (size_t)k;
		size_t used = 0;
		long one;
		while (got < n && (one = cs_jq_take_reply(buf + used, have - used, &out[got])) > 0) {
			used += (size_t)one;
			got++;
		}
		if (got < n && one < 0) {
			r = -1;
			break;
		}
		memmove(buf, buf + used, have - used);
		have -= used;
	}
	free(buf);
	return r;
}

static void cs_jq_fail_all(struct cs_jq_verdict *out, size_t n, const char *why)
{
	for (size_t i = 0; i < n; i++) {
		out[i].result = CS_JQ_ERROR;
		snprintf(out[i].err, sizeof out[i].err, "%s", why);
	}
}

/* One exchange for the batch: 1 if every verdict came, else 0 (the worker
 * has been stopped; why says how). */
static int cs_jq_exchange(cs_jq *jq, const char *const *rec, const size_t *len, size_t n,
			  struct cs_jq_verdict *out, char *why, size_t whylen)
{
	if (!jq->pid && cs_jq_start(jq, why, whylen) < 0)
		return 0;
	if (cs_jq_send_batch(jq, rec, len, n) < 0) {
		cs_jq_reap(jq, why, whylen);
		return 0;
	}
	int r = cs_jq_recv_batch(jq, n, out, jq->timeout_s);
	if (r == 1)
		return 1;
	if (r == 0) {
		cs_jq_reap(jq, NULL, 0);
		cs_jq_err(why, whylen, "--where: timed out after %gs", jq->timeout_s);
	} else {
		cs_jq_reap(jq, why, whylen);
	}
	return 0;
}

void cs_jq_test_batch(cs_jq *jq, const char *const *rec, const size_t *len, size_t n,
		      struct cs_jq_verdict *out)
{
	char why[256];
	for (size_t i = 0; i < n; i++)
		if (len[i] > INT_MAX) {
			/* jq 1.6 parses at most INT_MAX bytes: decide each alone */
			for (size_t k = 0; k < n; k++)
				out[k].result = cs_jq_test(jq, rec[k], len[k], out[k].err, sizeof out[k].err);
			return;
		}
	if (!n || cs_jq_exchange(jq, rec, len, n, out, why, sizeof why))
		return;
	if (n == 1) {
		cs_jq_fail_all(out, 1, why);
		return;
	}
	/* A record timed out or killed the worker: each alone names it. */
	for (size_t i = 0; i < n; i++)
		if (!cs_jq_exchange(jq, &rec[i], &len[i], 1, &out[i], why, sizeof why))
			cs_jq_fail_all(&out[i], 1, why);
}

int cs_jq_test(cs_jq *jq, const char *record, size_t len, char *errbuf, size_t errlen)
{
	struct cs_jq_verdict v;
	if (len > INT_MAX) {
		cs_jq_err(errbuf, errlen, "--where: record too large for jq");
		return CS_JQ_ERROR;
	}
	cs_jq_test_batch(jq, &record, &len, 1, &v);
	if (v.result == CS_JQ_ERROR)
		cs_jq_err(errbuf, errlen, "%s", v.err);
	return v.result;
}

long cs_jq_worker_pid(const cs_jq *jq) { return jq->pid; }
