#include "kit_opt.h"
#include "kit_out.h"
#include "kit_buf.h"
#include "kit_in.h"
#include "kit_json.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_shard.h"
#include "kit_time.h"
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CS_VERSION
#define CS_VERSION "0.0.0"
#endif
#ifndef CS_SHAREDIR
#define CS_SHAREDIR "/usr/local/share/cs"
#endif

enum {
	OPT_SKIP_BAD = 1000, OPT_WHERE, OPT_WHERE_TIMEOUT, OPT_SHARE_DIR, OPT_MAX_RECORD,
	OPT_MAX_DEPTH, OPT_TZ, OPT_INVALID_UTF8, OPT_LIST_OPTIONS, OPT_SELECT, OPT_STATS, OPT_STATS_FILE, OPT_SHARD, OPT_SPLIT
};

static const struct cs_opt common_opts[] = {
	{"help", 'h', 0, NULL, "print this help and exit", NULL},
	{"version", 'V', 0, NULL, "print the version and the linked library versions, and exit", NULL},
	{"output", 'o', 1, "file", "write to file (atomically: temp file, then rename) instead of stdout", "file"},
	{"quiet", 'q', 0, NULL, "no progress and no notices; errors and rejections are still reported", NULL},
	{"skip-bad", OPT_SKIP_BAD, 0, NULL, "report, count and leave out bad records, go on, exit 1 at the end", NULL},
	{"where", OPT_WHERE, 1, "expr", "work only on records for which the jq expr is true; pass the rest through", NULL},
	{"select", OPT_SELECT, 1, "expr", "keep only records for which the jq expr is true; drop and count the rest", NULL},
	{"where-timeout", OPT_WHERE_TIMEOUT, 1, "seconds", "time limit for one batch of records in the jq worker (default 2)", NULL},
	{"shard", OPT_SHARD, 1, "K/N", "work on part K of N parts by customer (see cs(7)); count and leave out the rest", NULL},
	{"split", OPT_SPLIT, 1, "n", "write n files, one a part by customer: -o names them with %d for the part", NULL},
	{"stats", OPT_STATS, 2, "json", "print counts to stderr at the end; --stats=json as one JSON line", "json"},
	{"stats-file", OPT_STATS_FILE, 1, "file", "append the --stats line to file instead of stderr", "file"},
	{"share-dir", OPT_SHARE_DIR, 1, "dir", "directory of default rules and lexicons", "dir"},
	{"max-record", OPT_MAX_RECORD, 1, "size", "longest record in bytes, with K, M or G suffix (default 64M)", NULL},
	{"max-depth", OPT_MAX_DEPTH, 1, "n", "deepest JSON nesting accepted (default 256)", NULL},
	{"tz", OPT_TZ, 1, "zone", "time zone for timestamps without an offset (default UTC)", NULL},
	{"invalid-utf8", OPT_INVALID_UTF8, 1, "mode", "error (default) or replace: substitute U+FFFD and count", "error|replace"},
	{0}
};

static const char exit_text[] =
	"Exit status: 0 ok; 1 some records rejected; 2 usage error; 3 bad rules or config;\n"
	"4 I/O or system error; 5 store busy (retry); 6 internal error. The highest applies.\n";

static const char *share_dir_value;

/* The common options the program being parsed takes (cs_opt_parse_only),
 * by long name; NULL: all of them. --help and --version always. */
static const char *const *offered_common;

/* The program whose command line was parsed, for cs_opt_takes(). */
static const struct cs_prog_def *parsed_prog;

#define N_COMMON (sizeof common_opts / sizeof *common_opts)
/* Which common options the command line gave, for cs_opt_refuse_common(). */
static char common_given[N_COMMON];

static int is_common(const struct cs_opt *o)
{
	return o >= common_opts && o < common_opts + sizeof common_opts / sizeof *common_opts;
}

static int listed(const char *const *names, const char *name)
{
	for (const char *const *n = names; *n; n++)
		if (strcmp(*n, name) == 0)
			return 1;
	return 0;
}

static int offered(const struct cs_opt *o)
{
	if (!offered_common || !is_common(o) || o->key == 'h' || o->key == 'V')
		return 1;
	return listed(offered_common, o->name);
}

/* The common options the command being parsed takes only to refuse them
 * with its reason (CS_REFUSE_* bits, cs_opt_parse_refusing). */
static int refused_common;

static int refused(const struct cs_opt *o)
{
	if (!is_common(o))
		return 0;
	if (o->key == OPT_WHERE)
		return refused_common & CS_REFUSE_WHERE;
	return o->key == OPT_SPLIT && (refused_common & (CS_REFUSE_SPLIT | CS_REFUSE_SPLIT_TOTALS));
}

/* In --help, --list-options (the completions) and the hints for a misspelt name. */
static int shown(const struct cs_opt *o) { return offered(o) && !refused(o); }

const char *cs_share_dir(void) { return share_dir_value; }

int cs_opt_takes(const char *name)
{
	if (!parsed_prog)
		return 0;
	for (const struct cs_opt *o = parsed_prog->opts; o->name; o++)
		if (strcmp(o->name, name) == 0)
			return 1;
	for (const struct cs_opt *o = common_opts; o->name; o++)
		if (strcmp(o->name, name) == 0)
			return offered(o);
	return 0;
}

static size_t count_opts(const struct cs_opt *o)
{
	size_t n = 0;
	while (o[n].name)
		n++;
	return n;
}

static int is_flag(const struct cs_opt *o) { return o->key < 256 && !o->has_arg; }

/* The operands as shown, without CS_NOT_FILES. */
static const char *operands_text(const struct cs_prog_def *def)
{
	size_t marker = sizeof CS_NOT_FILES - 1;
	return strncmp(def->operands, CS_NOT_FILES, marker) == 0 ? def->operands + marker : def->operands;
}

/* The synopsis in mdoc's rendering: [-hqV] [-o file] [--skip-bad] ... [file ...] */
static void print_usage_line(FILE *f, const struct cs_prog_def *def)
{
	const struct cs_opt *tables[2] = {def->opts, common_opts};
	char flags[64] = "";
	size_t nf = 0;
	for (int c = 'A'; c <= 'z'; c++)
		for (int t = 0; t < 2; t++)
			for (const struct cs_opt *o = tables[t]; o->name; o++)
				if (o->key == c && is_flag(o) && shown(o) && nf + 1 < sizeof flags)
					flags[nf++] = (char)c;
	flags[nf] = '\0';
	fprintf(f, "Usage: %s", def->name);
	if (nf)
		fprintf(f, " [-%s]", flags);
	for (int c = 'A'; c <= 'z'; c++)
		for (int t = 0; t < 2; t++)
			for (const struct cs_opt *o = tables[t]; o->name; o++)
				if (o->key == c && o->has_arg && shown(o))
					fprintf(f, " [-%c %s]", c, o->arg);
	/* long-only options, sorted by name */
	size_t n0 = count_opts(def->opts), n1 = count_opts(common_opts);
	const struct cs_opt **lo = cs_malloc((n0 + n1) * sizeof *lo);
	size_t nl = 0;
	for (int t = 0; t < 2; t++)
		for (const struct cs_opt *o = tables[t]; o->name; o++)
			if (o->key >= 256 && shown(o))
				lo[nl++] = o;
	for (size_t i = 1; i < nl; i++)
		for (size_t j = i; j > 0 && strcmp(lo[j - 1]->name, lo[j]->name) > 0; j--) {
			const struct cs_opt *tmp = lo[j];
			lo[j] = lo[j - 1];
			lo[j - 1] = tmp;
		}
	for (size_t i = 0; i < nl; i++) {
		if (lo[i]->has_arg == 1)
			fprintf(f, " [--%s %s]", lo[i]->name, lo[i]->arg);
		else if (lo[i]->has_arg == 2)
			fprintf(f, " [--%s[=%s]]", lo[i]->name, lo[i]->arg);
		else
			fprintf(f, " [--%s]", lo[i]->name);
	}
	free(lo);
	if (def->operands)
		fprintf(f, " [%s]", operands_text(def));
	fputc('\n', f);
}

static void print_opt_table(FILE *f, const struct cs_opt *o)
{
	for (; o->name; o++) {
		if (!shown(o))
			continue;
		char left[64];
		const char *arg = o->arg ? o->arg : "";
		if (o->key < 256)
			snprintf(left, sizeof left, "-%c, --%s%s%s%s%s", o->key, o->name,
				 o->has_arg == 2 ? "[=" : o->has_arg ? " " : "", arg, o->has_arg == 2 ? "]" : "", "");
		else
			snprintf(left, sizeof left, "    --%s%s%s%s", o->name,
				 o->has_arg == 2 ? "[=" : o->has_arg ? " " : "", arg, o->has_arg == 2 ? "]" : "");
		if (strlen(left) <= 24)
			fprintf(f, "  %-24s %s\n", left, o->help);
		else
			fprintf(f, "  %s\n  %-24s %s\n", left, "", o->help);
	}
}

/* --help, --version and --list-options end as every output does: a write
 * error is "PROG: <stdout>: write error: REASON", status 4, and a reader that
 * went away (| head) ends them quietly with status 0. */
static void start_stdout(void) { signal(SIGPIPE, SIG_IGN); }

static _Noreturn void finish_stdout(void)
{
	cs_out_stdio_flush();
	exit(CS_EXIT_OK);
}

static _Noreturn void print_help(const struct cs_prog_def *def)
{
	start_stdout();
	print_usage_line(stdout, def);
	printf("%s\n\nOptions:\n", def->summary);
	print_opt_table(stdout, def->opts);
	printf("\nCommon options:\n");
	print_opt_table(stdout, common_opts);
	if (def->help_tail)
		printf("\n%s", def->help_tail);
	printf("\n%s", exit_text);
	printf("Environment: CS_SHARE_DIR (share directory), NO_COLOR (no colour; cs prints none).\n");
	/* A subcommand ("cs-route train") is documented in its program's page. */
	printf("See %.*s(1) and cs-schema(7). Report bugs to the cs issue tracker.\n", (int)strcspn(def->name, " "),
	       def->name);
	finish_stdout();
}

static _Noreturn void print_version(const struct cs_prog_def *def)
{
	start_stdout();
	printf("%s (cs) %s\n", def->name, CS_VERSION);
	if (def->libs && def->libs[0].name) {
		printf("libraries:");
		for (const struct cs_libver *l = def->libs; l->name; l++)
			printf("%s %s %s", l == def->libs ? "" : ",", l->name, l->version());
		printf("\n");
	}
	printf("License: MIT. There is NO WARRANTY, to the extent permitted by law.\n");
	finish_stdout();
}

static void list_table(const struct cs_opt *o)
{
	for (; o->name; o++) {
		if (!shown(o))
			continue;
		char s[2] = {o->key < 256 ? (char)o->key : '\0', '\0'};
		printf("%s\t%s\t%d\t%s\t%s\t%s\n", o->name, s, o->has_arg, o->arg ? o->arg : "",
		       o->complete ? o->complete : "", o->help);
	}
}

/* Hidden: the option tables as TSV (long, short, has_arg, arg, completion, help). */
static _Noreturn void list_options(const struct cs_prog_def *def)
{
	start_stdout();
	list_table(def->opts);
	list_table(common_opts);
	for (const struct cs_subcommand *sub = def->subcommands; sub && sub->name; sub++)
		printf("subcommand\t\t0\t\t%s\t%s\n", sub->name, sub->help);
	int files = def->operands && operands_text(def) == def->operands;
	printf("%s\t\t0\t\t%s\t%s\n", "operands", files ? "file" : "", def->operands ? operands_text(def) : "");
	finish_stdout();
}

long long cs_opt_int(const char *opt, const char *arg, long long min, long long max)
{
	char *end;
	errno = 0;
	long long v = strtoll(arg, &end, 10);
	if (errno || end == arg || *end || v < min || v > max)
		cs_usage_error("--%s: '%s' is not a whole number from %lld to %lld", opt, arg, min, max);
	return v;
}

size_t cs_opt_size(const char *opt, const char *arg)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(arg, &end, 10);
	unsigned shift = 0;
	static const char units[] = "KkMmGg";
	const char *unit = *end ? strchr(units, *end) : NULL;
	if (unit) {
		shift = 10 * (unsigned)(1 + (unit - units) / 2);
		end++;
	}
	if (errno || end == arg || *end || !isdigit((unsigned char)arg[0]) || v == 0 || v > (SIZE_MAX >> 1 >> shift))
		cs_usage_error("--%s: '%s' is not a size such as 4096, 64K, 64M or 1G", opt, arg);
	return (size_t)(v << shift);
}

int64_t cs_opt_duration_ms(const char *opt, const char *arg)
{
	int64_t ms;
	if (*arg && strspn(arg, "0123456789") == strlen(arg))
		cs_usage_error("--%s: '%s' needs a unit: ms, s, m, h, d or w (such as %sm or %ss)", opt, arg, arg, arg);
	if (cs_duration_parse(arg, &ms) < 0)
		cs_usage_error("--%s: '%s' is not a duration such as 90s, 30m, 2h or 1d", opt, arg);
	return ms;
}

void cs_opt_no_where(const struct cs_common *c)
{
	if (c && c->where)
		cs_usage_error("--where passes the other records through, and this command writes no records it "
			       "reads: use --select");
}

void cs_opt_no_split(const struct cs_common *c)
{
	if (c && c->split_n)
		cs_usage_error("--split cuts records apart by customer, and this command writes no records: "
			       "split its input instead");
}

void cs_opt_no_split_totals(const struct cs_common *c)
{
	if (c && c->split_n)
		cs_usage_error("--split cuts the records written apart by customer, and this command's are totals of its "
			       "whole input: run it on each part with --shard K/N instead");
}

double cs_opt_real(const char *opt, const char *arg, double lo, double hi)
{
	char *end;
	double v = strtod(arg, &end);
	if (end == arg || *end || !(v >= lo && v <= hi))
		cs_usage_error("--%s: '%s' is not a number from %g to %g", opt, arg, lo, hi);
	return v;
}

int64_t cs_opt_time_ms(const char *opt, const char *arg)
{
	cs_time t;
	if (cs_time_parse(arg, strlen(arg), &t) != 0)
		cs_usage_error("--%s: '%s' is not a time (%s)", opt, arg, cs_time_why(arg, strlen(arg)));
	return t.ms;
}

static double parse_seconds(const char *opt, const char *arg)
{
	char *end;
	errno = 0;
	double v = strtod(arg, &end);
	if (errno || end == arg || *end || !(v > 0) || v > 86400)
		cs_usage_error("--%s: '%s' is not a number of seconds above 0 and at most 86400", opt, arg);
	return v;
}

/* Next to the binary first (an uninstalled build), then the installed dir. */
static const char *default_share_dir(const char *argv0)
{
	static char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 16);
	(void)argv0;
	if (n > 0) {
		buf[n] = '\0';
		char *slash = strrchr(buf, '/');
		/* the build tree (bin/ beside share/), then an installed tree moved
		 * as a whole (bin/ beside share/cs/) */
		static const char *const beside[] = {"/../share", "/../share/cs"};
		for (size_t i = 0; slash && i < sizeof beside / sizeof *beside; i++) {
			memcpy(slash, beside[i], strlen(beside[i]) + 1);
			char probe[PATH_MAX + 16];
			snprintf(probe, sizeof probe, "%s/schema", buf);
			if (access(probe, R_OK) == 0)
				return buf;
		}
	}
	return CS_SHAREDIR;
}

static int handle_common(int key, const char *arg, struct cs_common *c)
{
	switch (key) {
	case 'o':
		if (!*arg)
			cs_usage_error("-o: empty file name");
		c->output = arg;
		return 1;
	case 'q': c->quiet = 1; return 1;
	case OPT_SKIP_BAD: c->skip_bad = 1; return 1;
	case OPT_WHERE: c->where = arg; return 1;
	case OPT_SELECT: c->select = arg; return 1;
	case OPT_STATS:
		if (!arg)
			c->stats = CS_STATS_TEXT;
		else if (strcmp(arg, "json") == 0)
			c->stats = CS_STATS_JSON;
		else
			cs_usage_error("--stats: '%s' is not json", arg);
		return 1;
	case OPT_STATS_FILE:
		if (!*arg)
			cs_usage_error("--stats-file: empty file name");
		c->stats_file = arg;
		if (!c->stats)
			c->stats = CS_STATS_TEXT;
		return 1;
	case OPT_SHARD: {
		const char *why;
		if (cs_shard_parse(arg, &c->shard_k, &c->shard_n, &why) < 0)
			cs_usage_error("--shard: '%s' %s", arg, why);
		return 1;
	}
	case OPT_SPLIT: c->split_n = (uint32_t)cs_opt_int("split", arg, 1, CS_SPLIT_MAX); return 1;
	case OPT_WHERE_TIMEOUT: c->where_timeout = parse_seconds("where-timeout", arg); return 1;
	case OPT_SHARE_DIR: c->share_dir = arg; return 1;
	case OPT_MAX_RECORD: c->max_record = cs_opt_size("max-record", arg); return 1;
	case OPT_MAX_DEPTH: c->max_depth = (int)cs_opt_int("max-depth", arg, 1, 100000); return 1;
	case OPT_TZ:
		if (cs_time_set_zone(arg) < 0) {
			const char *hint = cs_time_zone_hint(arg);
			if (hint)
				cs_usage_error("--tz: '%s' is an abbreviation, not a zone: use an IANA name such as %s, "
					       "or an offset such as +08:00", arg, hint);
			cs_usage_error("--tz: unknown time zone '%s' (an IANA name such as Asia/Shanghai, or an "
				       "offset such as +08:00)", arg);
		}
		c->tz = arg;
		return 1;
	case OPT_INVALID_UTF8:
		if (strcmp(arg, "error") == 0)
			c->replace_invalid = 0;
		else if (strcmp(arg, "replace") == 0)
			c->replace_invalid = 1;
		else
			cs_usage_error("--invalid-utf8: '%s' is not error or replace", arg);
		return 1;
	}
	return 0;
}

/* Edit distance between a[0..n) and b, for "did you mean"; names are short. */
static size_t edit_distance(const char *a, size_t n, const char *b)
{
	size_t m = strlen(b), row[64];
	if (n >= 64 || m >= 64)
		return SIZE_MAX;
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[m];
}

/* Call fn on every long option of the program and the common table. */
static const struct cs_opt *each_long(const struct cs_prog_def *def, int (*fn)(const struct cs_opt *o, void *ctx),
				      void *ctx)
{
	const struct cs_opt *tables[2] = {def->opts, common_opts};
	for (int t = 0; t < 2; t++)
		for (const struct cs_opt *o = tables[t]; o->name; o++)
			if (shown(o) && fn(o, ctx))
				return o;
	return NULL;
}

struct name_query {
	const char *name;
	size_t n;
	size_t best;             /* nearest: its distance */
	const struct cs_opt *nearest;
	size_t prefixed;         /* options the name is a prefix of */
	cs_buf *names;           /* their names, for a message */
};

static int is_named(const struct cs_opt *o, void *ctx)
{
	const struct name_query *q = ctx;
	return strlen(o->name) == q->n && strncmp(o->name, q->name, q->n) == 0;
}

static int is_prefixed(const struct cs_opt *o, void *ctx)
{
	const struct name_query *q = ctx;
	return strncmp(o->name, q->name, q->n) == 0;
}

static int weigh_name(const struct cs_opt *o, void *ctx)
{
	struct name_query *q = ctx;
	size_t d = edit_distance(q->name, q->n, o->name);
	if (d < q->best) {
		q->best = d;
		q->nearest = o;
	}
	q->prefixed += strncmp(o->name, q->name, q->n) == 0;
	return 0;
}

static int list_prefixed(const struct cs_opt *o, void *ctx)
{
	struct name_query *q = ctx;
	if (strncmp(o->name, q->name, q->n) == 0)
		cs_buf_printf(q->names, "%s--%s", q->names->len ? ", " : "", o->name);
	return 0;
}

static _Noreturn void ambiguous(const struct cs_prog_def *def, struct name_query *q)
{
	cs_buf names = CS_BUF_INIT;
	q->names = &names;
	each_long(def, list_prefixed, q);
	cs_usage_error("option '--%.*s' is ambiguous: %s", (int)q->n, q->name, names.p);
}

/* getopt_long refused argument arg: say why, as helpfully as we can. */
static _Noreturn void bad_option(const struct cs_prog_def *def, const char *arg, int opt)
{
	if (strncmp(arg, "--", 2) != 0) {
		if (opt && opt < 256)
			cs_usage_error("unknown option '-%c'", opt);
		cs_usage_error("unknown option '%s'", arg);
	}
	struct name_query q = {.name = arg + 2, .n = strcspn(arg + 2, "="), .best = SIZE_MAX};
	each_long(def, weigh_name, &q);
	const struct cs_opt *o = each_long(def, is_named, &q);
	if (!o && q.prefixed == 1)
		o = each_long(def, is_prefixed, &q);
	if (o && q.name[q.n] == '=' && !o->has_arg)
		cs_usage_error("option '--%s' takes no value", o->name);
	if (q.prefixed > 1)
		ambiguous(def, &q);
	if (q.nearest && q.best <= 2 && q.best < q.n)
		cs_usage_error("unknown option '--%.*s'; did you mean '--%s'?", (int)q.n, q.name, q.nearest->name);
	cs_usage_error("unknown option '--%.*s'", (int)q.n, q.name);
}

static void add_long(struct option *lo, size_t *n, const struct cs_opt *o)
{
	lo[*n].name = o->name;
	lo[*n].has_arg = o->has_arg;
	lo[*n].flag = NULL;
	lo[*n].val = o->key;
	(*n)++;
}

static void add_short(char *s, size_t *n, const struct cs_opt *o)
{
	if (o->key >= 256)
		return;
	s[(*n)++] = (char)o->key;
	if (o->has_arg == 1)
		s[(*n)++] = ':';
	else if (o->has_arg == 2) {
		s[(*n)++] = ':';
		s[(*n)++] = ':';
	}
}

/* A common option the program does not take: named, status 2. */
static _Noreturn void not_offered(int key)
{
	for (const struct cs_opt *o = common_opts; o->name; o++)
		if (o->key == key)
			cs_usage_error("this command takes no --%s", o->name);
	cs_usage_error("internal error: option %d", key);
}

static int offered_key(int key)
{
	for (const struct cs_opt *o = common_opts; o->name; o++)
		if (o->key == key)
			return offered(o);
	return 1;
}

static void note_given(int key)
{
	for (size_t i = 0; common_opts[i].name; i++)
		if (common_opts[i].key == key)
			common_given[i] = 1;
}

void cs_opt_refuse_common(const char *const *keep, const char *why)
{
	for (size_t i = 0; common_opts[i].name; i++)
		if (common_given[i] && !listed(keep, common_opts[i].name))
			cs_usage_error("%s, so it takes no --%s", why, common_opts[i].name);
}

/* 1 if the records go to the terminal standard error is: a progress line
 * drawn between them would be spliced into a record on the screen. */
static int records_on_stderr_terminal(const char *output)
{
	struct stat out, err;
	int to_stdout = !output || strcmp(output, "-") == 0;
	if (fstat(STDERR_FILENO, &err) != 0 || (to_stdout ? fstat(STDOUT_FILENO, &out) : stat(output, &out)) != 0)
		return 0;
	return out.st_dev == err.st_dev && out.st_ino == err.st_ino;
}

static int parse_options(const struct cs_prog_def *def, int argc, char **argv, struct cs_common *c,
			 int (*handle)(int key, const char *arg, void *ctx), void *ctx);

int cs_opt_parse_only(const struct cs_prog_def *def, const char *const *common, int argc, char **argv,
		      struct cs_common *c, int (*handle)(int key, const char *arg, void *ctx), void *ctx)
{
	offered_common = common;
	refused_common = 0;
	return parse_options(def, argc, argv, c, handle, ctx);
}

int cs_opt_parse(const struct cs_prog_def *def, int argc, char **argv, struct cs_common *c,
		 int (*handle)(int key, const char *arg, void *ctx), void *ctx)
{
	offered_common = NULL;
	refused_common = 0;
	return parse_options(def, argc, argv, c, handle, ctx);
}

int cs_opt_parse_refusing(const struct cs_prog_def *def, int refuse, int argc, char **argv, struct cs_common *c,
			  int (*handle)(int key, const char *arg, void *ctx), void *ctx)
{
	offered_common = NULL;
	refused_common = refuse;
	return parse_options(def, argc, argv, c, handle, ctx);
}

static void refuse_given(const struct cs_common *c)
{
	if (refused_common & CS_REFUSE_WHERE)
		cs_opt_no_where(c);
	if (refused_common & CS_REFUSE_SPLIT)
		cs_opt_no_split(c);
	if (refused_common & CS_REFUSE_SPLIT_TOTALS)
		cs_opt_no_split_totals(c);
}

static void check_parts(const struct cs_common *c)
{
	const char *why;
	if (c->split_n && c->shard_n)
		cs_usage_error("--split writes every part and --shard one of them: give one");
	if (!c->split_n)
		return;
	if (!c->output || strcmp(c->output, "-") == 0)
		cs_usage_error("--split writes files: name them with -o and %%d for the part (such as -o part-%%d.ndjson)");
	if (cs_split_pattern_check(c->output, &why) < 0)
		cs_usage_error("-o: '%s' %s", c->output, why);
}

static int parse_options(const struct cs_prog_def *def, int argc, char **argv, struct cs_common *c,
			 int (*handle)(int key, const char *arg, void *ctx), void *ctx)
{
	cs_out_hold_std_fds();   /* first: before any file is opened */
	size_t n0 = count_opts(def->opts), n1 = count_opts(common_opts), nl = 0, ns = 0;
	struct option *lo = cs_calloc(n0 + n1 + 2, sizeof *lo);
	char *shorts = cs_calloc(3 * (n0 + n1) + 2, 1);
	shorts[ns++] = ':';
	for (size_t i = 0; i < n0; i++) {
		add_long(lo, &nl, &def->opts[i]);
		add_short(shorts, &ns, &def->opts[i]);
	}
	for (size_t i = 0; i < n1; i++) {
		add_long(lo, &nl, &common_opts[i]);
		add_short(shorts, &ns, &common_opts[i]);
	}
	lo[nl++] = (struct option){"list-options", 0, NULL, OPT_LIST_OPTIONS};

	memset(c, 0, sizeof *c);
	memset(common_given, 0, sizeof common_given);
	parsed_prog = def;
	c->where_timeout = 2.0;
	c->max_record = CS_IN_DEFAULT_MAX_RECORD;
	c->max_depth = CS_JSON_DEFAULT_MAX_DEPTH;
	cs_msg_init(def->name);
	opterr = 0;
	int key, longi;
	while ((key = getopt_long(argc, argv, shorts, lo, &longi)) != -1) {
		const char *bad = argv[optind - 1];
		switch (key) {
		case 'h':
			free(lo);
			free(shorts);
			print_help(def);
		case 'V':
			free(lo);
			free(shorts);
			print_version(def);
		case OPT_LIST_OPTIONS:
			free(lo);
			free(shorts);
			list_options(def);
		case '?':
			bad_option(def, bad, optopt);
		case ':':
			if (optopt && optopt < 256)
				cs_usage_error("option '-%c' needs a value", optopt);
			cs_usage_error("option '%s' needs a value", bad);
		default:
			if (!offered_key(key))
				not_offered(key);
			note_given(key);
			if (!handle_common(key, optarg, c))
				handle(key, optarg, ctx);
		}
	}
	free(lo);
	free(shorts);
	refuse_given(c);
	check_parts(c);
	cs_out_check(c->output);
	cs_msg_set_quiet(c->quiet);
	const char *env = getenv("CS_SHARE_DIR");
	share_dir_value = c->share_dir ? c->share_dir : env && *env ? env : default_share_dir(argv[0]);
	c->share_dir = share_dir_value;
	c->progress = !c->quiet && isatty(STDERR_FILENO) && !records_on_stderr_terminal(c->output);
	return optind;
}
