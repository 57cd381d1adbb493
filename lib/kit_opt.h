/* cs_opt: the command line of every cs program. One table per program plus
 * the common options defined here once; getopt_long parsing, --help, --version
 * and the hidden --list-options (the table as TSV, from which the shell
 * completions are generated and checked) all come from the same tables. */
#ifndef CS_OPT_H
#define CS_OPT_H
#include <stddef.h>
#include <stdint.h>

struct cs_doc_format;

struct cs_opt {
	const char *name;      /* long name, without "--" */
	int key;               /* short letter, or a value >= 256 for long-only options */
	int has_arg;           /* 0 none, 1 required, 2 optional (--name=VALUE only) */
	const char *arg;       /* argument name as shown in help and man pages */
	const char *help;      /* one line */
	const char *complete;  /* NULL, "file", "dir", or "a|b|c" choices */
};

/* A library a program links, for --version: its name and a function (in a
 * module of its own, kit_libver_*.c, so a program links only what it lists). */
struct cs_libver {
	const char *name;
	const char *(*version)(void);
};

struct cs_subcommand;

/* Before a prog_def's operands: they are not files (a ticket id, a command),
 * so --list-options says so and the completions offer no file names. */
#define CS_NOT_FILES "\001"

struct cs_prog_def {
	const char *name;
	const char *summary;         /* one line for --help */
	const char *operands;        /* "file ..."; CS_NOT_FILES "ticket" for operands that name no file */
	const struct cs_opt *opts;   /* program options, ended by {0} */
	const char *help_tail;       /* paragraph printed after the options, or NULL */
	const struct cs_libver *libs;   /* ended by {0} */
	const struct cs_subcommand *subcommands;   /* PROG NAME ... (cs-qa mine), ended by {0}; or NULL */
};

/* A subcommand: its own options, listed by PROG NAME --list-options. */
struct cs_subcommand {
	const char *name;
	const char *help;            /* one line */
};

enum cs_stats_mode { CS_STATS_NONE, CS_STATS_TEXT, CS_STATS_JSON };

/* Values of the common options after parsing. */
struct cs_common {
	const char *output;      /* -o, NULL = stdout */
	int quiet;               /* -q */
	int skip_bad;            /* --skip-bad */
	const char *where;       /* --where EXPR */
	double where_timeout;    /* --where-timeout SECONDS (default 2) */
	const char *share_dir;   /* --share-dir, else CS_SHARE_DIR, else next to the binary, else installed */
	size_t max_record;       /* --max-record SIZE */
	int max_depth;           /* --max-depth N */
	const char *tz;          /* --tz ZONE */
	int replace_invalid;     /* --invalid-utf8=replace */
	int progress;            /* progress on stderr: on when stderr is a terminal, the records do not go to it, and not -q */
	const char *select;      /* --select EXPR */
	enum cs_stats_mode stats;   /* --stats[=json] */
	const char *stats_file;  /* --stats-file FILE: append the stats line there */
	uint32_t shard_k, shard_n;   /* --shard K/N: work on part K of N (kit_shard); shard_n 0 = all */
	uint32_t split_n;        /* --split N: write part k of N to -o's pattern with k for %d; 0 = one output */
	/* Set by programs that offer them (cs-ingest): */
	const char *encoding;    /* --encoding: input encoding */
	const char *format;      /* --format: record source, "auto" = look at each input, NULL = ndjson */
	const struct cs_doc_format *const *formats;   /* the document formats offered (kit_src) */
	char csv_delimiter;      /* --delimiter (CSV), 0 = ',' */
	int csv_no_header;       /* --no-header (CSV) */
	int csv_lenient_quotes;  /* --csv-quotes lenient: a stray quote in an unquoted cell is text */
	const char *const *mail_ours;   /* --our-address: the service's addresses or @domains, NULL-terminated (mail) */
	int has_call_start;      /* --call-start given: */
	int64_t call_start_ms;   /* when the calls of transcripts started (their turns' ts are it plus their offsets) */
};

/* Parse argv. Program options are passed to handle(key, arg, ctx), which
 * returns 0 or calls cs_usage_error(). --help and --version print and exit 0.
 * Returns the index of the first operand. */
int cs_opt_parse(const struct cs_prog_def *def, int argc, char **argv, struct cs_common *common,
		 int (*handle)(int key, const char *arg, void *ctx), void *ctx);

/* The same for a program that takes only some of the common options:
 * common lists their long names ("output", "quiet", ...), NULL-terminated
 * (--help and --version go without saying). --help, the usage line and
 * --list-options show only those; another common option is a usage error
 * naming it. */
int cs_opt_parse_only(const struct cs_prog_def *def, const char *const *common, int argc, char **argv,
		      struct cs_common *c, int (*handle)(int key, const char *arg, void *ctx), void *ctx);

/* cs_opt_parse for a command that takes some common options only to refuse
 * them with the reason below (refuse: CS_REFUSE_* bits): they are left out
 * of --help and --list-options, so the completions do not offer them, and
 * given, they are refused once the command line is read. */
enum { CS_REFUSE_WHERE = 1, CS_REFUSE_SPLIT = 2, CS_REFUSE_SPLIT_TOTALS = 4 };
int cs_opt_parse_refusing(const struct cs_prog_def *def, int refuse, int argc, char **argv, struct cs_common *c,
			  int (*handle)(int key, const char *arg, void *ctx), void *ctx);

/* For a command whose output is not the records it reads (an aggregate, a
 * model file, a report): --where would pass records through into it, so it
 * is a usage error pointing to --select. */
void cs_opt_no_where(const struct cs_common *c);
/* For a command whose output is not one record a line (a page, a model
 * file): --split would cut it apart, so it is a usage error. */
void cs_opt_no_split(const struct cs_common *c);
/* The same for a command whose records are totals of its whole input: a
 * part of them is no part's totals (--shard K/N gives those). */
void cs_opt_no_split_totals(const struct cs_common *c);

/* For a mode of a command that reads no records (cs-roi staff --volume),
 * after parsing: a common option given that is not in keep (long names,
 * NULL-terminated) is a usage error, "WHY, so it takes no --NAME". */
void cs_opt_refuse_common(const char *const *keep, const char *why);

/* Helpers for option values; each calls cs_usage_error() on a bad value. */
long long cs_opt_int(const char *opt, const char *arg, long long min, long long max);
size_t cs_opt_size(const char *opt, const char *arg);   /* 4096, 64K, 64M, 1G */
int64_t cs_opt_duration_ms(const char *opt, const char *arg);
/* A number from lo to hi; a time (kit_time's forms) as milliseconds. */
double cs_opt_real(const char *opt, const char *arg, double lo, double hi);
int64_t cs_opt_time_ms(const char *opt, const char *arg);

/* Does the program whose command line was parsed take --name (its own
 * option or a common one it offers)? For messages that suggest one. */
int cs_opt_takes(const char *name);

/* The share directory in effect (see struct cs_common). */
const char *cs_share_dir(void);
#endif
