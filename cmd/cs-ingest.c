/* cs-ingest: omnichannel exports into cs conversation records. */
#include "eng_ingest.h"
#include "fmt.h"
#include "kit_libver.h"
#include "kit_msg.h"
#include "kit_opt.h"
#include "kit_mem.h"
#include "kit_run.h"
#include "kit_src.h"
#include "kit_time.h"
#include <stdlib.h>
#include <string.h>

enum {
	OPT_SET = 256, OPT_KEEP_MAPPED, OPT_MAPPING, OPT_DATE_ORDER, OPT_TIME_FORMAT, OPT_CSV_QUOTES, OPT_NO_HEADER, OPT_ENCODING, OPT_GAP, OPT_MAX_OPEN, OPT_NO_DEDUP,
	OPT_DEDUP_WINDOW, OPT_DEDUP_MAX, OPT_REDACT, OPT_IDENTITIES, OPT_OUR_ADDRESS, OPT_CALL_START
};

static const struct cs_opt options[] = {
	{"format", 'f', 1, "format", "input format; by default each input is read as its content shows (see FORMATS)",
	 "auto|ndjson|csv|tsv|json|zendesk|zendesk-chat|freshdesk|intercom|chatwoot|mbox|eml|wechat-xml|wechat-kf|vtt|srt|"
	 "transcript-csv|transcribe|sgd|abcd"},
	{"map", 'M', 1, "to=from,...", "take field to from field from (dotted paths; :type string, number, bool, time, json)", NULL},
	{"set", OPT_SET, 1, "to=value", "set field to to the string value in every message (after --map)", NULL},
	{"keep-mapped", OPT_KEEP_MAPPED, 0, NULL, "keep the source fields of --map (by default they are moved)", NULL},
	{"mapping", OPT_MAPPING, 1, "file", "a JSON mapping file: fields, types, time formats, value maps (see FORMATS)", "file"},
	{"date-order", OPT_DATE_ORDER, 1, "order", "read dates like 03/01/2026 month first (mdy) or day first (dmy)", "mdy|dmy|ymd"},
	{"time-format", OPT_TIME_FORMAT, 1, "pattern", "read times with a strptime-like pattern such as '%d.%m.%Y %H:%M' (repeatable)", NULL},
	{"csv-quotes", OPT_CSV_QUOTES, 1, "mode", "strict (default) or lenient: a quote inside an unquoted CSV cell is text", "strict|lenient"},
	{"no-header", OPT_NO_HEADER, 0, NULL, "CSV has no header row: fields are named 1, 2, ...", NULL},
	{"delimiter", 'd', 1, "char", "CSV field delimiter (default ','; 'tab' or '\\t' for TSV)", NULL},
	{"encoding", OPT_ENCODING, 1, "name", "input encoding, such as GB18030, GBK or UTF-16LE (default UTF-8)",
	 "UTF-8|GB18030|GBK|BIG5|UTF-16LE|UTF-16BE|LATIN1"},
	{"gap", 'g', 1, "duration", "inactivity that ends a conversation (default 30m)", NULL},
	{"max-open", OPT_MAX_OPEN, 1, "n", "most conversations held open; the oldest is emitted early (default 100000)", NULL},
	{"messages", 'm', 0, NULL, "write flat messages (with conversation_id) instead of conversations", NULL},
	{"no-dedup", OPT_NO_DEDUP, 0, NULL, "keep messages whose channel, conversation id and id were already seen", NULL},
	{"dedup-window", OPT_DEDUP_WINDOW, 1, "duration", "stream time within which a copy is always caught (default 7d; all)", NULL},
	{"dedup-max", OPT_DEDUP_MAX, 1, "n", "most message keys remembered (default 4000000; all)", NULL},
	{"identities", OPT_IDENTITIES, 1, "file", "customers, one a line, whose ids, addresses and phone numbers make one customer across channels", "file"},
	{"our-address", OPT_OUR_ADDRESS, 1, "address", "mail from this address, or any address @domain, is the service's (repeatable)", NULL},
	{"call-start", OPT_CALL_START, 1, "time", "when the call of a transcript started: each turn's ts is it plus its offset", NULL},
	{"redact", OPT_REDACT, 1, "kinds", "replace personal data in message text: all, or card,id,iban,email,phone", "all|card|id|iban|email|phone"},
	{0}
};

static const struct cs_libver libs[] = {
	{"libjq", cs_libver_jq}, {"zstd", cs_libver_zstd}, {"zlib", cs_libver_zlib},
	{"PCRE2", cs_libver_pcre2}, {0}
};

static const struct cs_prog_def prog = {
	"cs-ingest",
	"Read customer-service exports (helpdesk JSON and CSV, mail, WeChat, call\n"
	"transcripts, NDJSON) and write cs records: messages grouped into\n"
	"conversations, one JSON object a line. Other kinds pass through.",
	"file ...",
	options,
	"Messages are grouped by conversation_id, else by customer.id and channel, a new\n"
	"conversation starting after --gap of silence. Input is expected in time order.\n",
	libs,
	NULL,
};

/* What the options set before the common options are known. */
struct args {
	struct cs_ingest_opts o;
	const char *format, *encoding;
	char delimiter;
	int no_header, lenient_quotes, date_order_given;
	const char *mapping;
	const char **time_formats;   /* NULL-terminated */
	size_t ntime_formats;
	const char **ours;           /* --our-address, NULL-terminated */
	size_t nours;
	const char *call_start;      /* read once --tz and --mapping have set the zone */
};

static void add_our_address(struct args *a, const char *addr)
{
	const char *at = strchr(addr, '@');
	if (!at || !at[1] || strchr(at + 1, '@') || strchr(addr, ' '))
		cs_usage_error("--our-address: '%s' is not an address or @domain", addr);
	a->ours = cs_realloc(a->ours, (a->nours + 2) * sizeof *a->ours);
	a->ours[a->nours++] = addr;
	a->ours[a->nours] = NULL;
}

static enum cs_date_order parse_date_order(const char *arg)
{
	if (strcmp(arg, "mdy") == 0)
		return CS_DATE_ORDER_MDY;
	if (strcmp(arg, "dmy") == 0)
		return CS_DATE_ORDER_DMY;
	if (strcmp(arg, "ymd") == 0)
		return CS_DATE_ORDER_YMD;
	cs_usage_error("--date-order: '%s' is not mdy, dmy or ymd", arg);
}

static void add_time_format(struct args *a, const char *pattern)
{
	if (!strchr(pattern, '%'))
		cs_usage_error("--time-format: '%s' has no %% directive (such as %%Y-%%m-%%d %%H:%%M)", pattern);
	a->time_formats = cs_realloc(a->time_formats, (a->ntime_formats + 2) * sizeof *a->time_formats);
	a->time_formats[a->ntime_formats++] = pattern;
	a->time_formats[a->ntime_formats] = NULL;
	cs_time_set_formats(a->time_formats);
}

static int parse_quotes(const char *arg)
{
	if (strcmp(arg, "strict") == 0)
		return 0;
	if (strcmp(arg, "lenient") == 0)
		return 1;
	cs_usage_error("--csv-quotes: '%s' is not strict or lenient", arg);
}

static char parse_delimiter(const char *arg)
{
	if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
		return '\t';
	if (strlen(arg) != 1 || arg[0] == '"' || arg[0] == '\n' || arg[0] == '\r')
		cs_usage_error("--delimiter: '%s' is not one character (or tab)", arg);
	return arg[0];
}

static const char *parse_format(const char *arg)
{
	static char lower[32];
	size_t n = strlen(arg);
	if (n < sizeof lower) {   /* -f CSV, -f NDJSON */
		for (size_t i = 0; i <= n; i++)
			lower[i] = (char)(arg[i] >= 'A' && arg[i] <= 'Z' ? arg[i] | 0x20 : arg[i]);
		arg = lower;
	}
	if (strcmp(arg, "jsonl") == 0)
		return "ndjson";
	if (!cs_src_known(cs_fmt_all, arg)) {
		cs_buf names = CS_BUF_INIT;
		cs_src_list(cs_fmt_all, &names);
		cs_usage_error("--format: '%s' is not one of: %s", arg, names.p);
	}
	return arg;
}

static int64_t parse_window(const char *arg)
{
	return strcmp(arg, "all") == 0 ? 0 : cs_opt_duration_ms("dedup-window", arg);
}

static unsigned parse_redact(const char *arg)
{
	unsigned mask;
	cs_buf err = CS_BUF_INIT;
	if (cs_pii_parse(arg, &mask, &err) != 0 || !mask)
		cs_usage_error("--redact: %s", err.len ? err.p : "name what to redact: all, or card,id,iban,email,phone");
	cs_buf_free(&err);
	return mask;
}

static size_t parse_dedup_max(const char *arg)
{
	return strcmp(arg, "all") == 0 ? 0 : (size_t)cs_opt_int("dedup-max", arg, 2, 1000000000000LL);
}

static int handle(int key, const char *arg, void *ctx)
{
	struct args *a = ctx;
	char err[256];
	switch (key) {
	case 'f': a->format = parse_format(arg); break;
	case 'M':
		if (cs_fieldmap_parse(&a->o.map, arg, err, sizeof err) < 0)
			cs_usage_error("--map: %s", err);
		break;
	case OPT_SET:
		if (cs_fieldmap_parse_set(&a->o.map, arg, err, sizeof err) < 0)
			cs_usage_error("--set: %s", err);
		break;
	case OPT_KEEP_MAPPED: a->o.keep_mapped = 1; break;
	case OPT_MAPPING: a->mapping = arg; break;
	case OPT_DATE_ORDER:
		cs_time_set_date_order(parse_date_order(arg));
		a->date_order_given = 1;
		break;
	case OPT_TIME_FORMAT: add_time_format(a, arg); break;
	case OPT_CSV_QUOTES: a->lenient_quotes = parse_quotes(arg); break;
	case OPT_NO_HEADER: a->no_header = 1; break;
	case 'd': a->delimiter = parse_delimiter(arg); break;
	case OPT_ENCODING: a->encoding = arg; break;
	case 'g': a->o.gap_ms = cs_opt_duration_ms("gap", arg); break;
	case OPT_MAX_OPEN: a->o.max_open = (size_t)cs_opt_int("max-open", arg, 1, 100000000); break;
	case 'm': a->o.messages = 1; break;
	case OPT_NO_DEDUP: a->o.dedup = 0; break;
	case OPT_DEDUP_WINDOW: a->o.dedup_window_ms = parse_window(arg); break;
	case OPT_DEDUP_MAX: a->o.dedup_max = parse_dedup_max(arg); break;
	case OPT_REDACT: a->o.redact = parse_redact(arg); break;
	case OPT_IDENTITIES: a->o.identities = arg; break;
	case OPT_OUR_ADDRESS: add_our_address(a, arg); break;
	case OPT_CALL_START: a->call_start = arg; break;
	}
	return 0;
}

/* --mapping: its fields join --map; its settings apply where the command
 * line said nothing. */
static void apply_mapping(struct args *a, struct cs_common *c, struct cs_mapping_settings *set)
{
	char err[600];
	if (cs_mapping_load(a->mapping, &a->o.map, set, err, sizeof err) < 0)
		cs_die(CS_EXIT_CONFIG, "--mapping %s", err);
	if (set->format && !c->format)
		c->format = parse_format(set->format);
	if (set->delimiter && !c->csv_delimiter)
		c->csv_delimiter = set->delimiter;
	if (set->tz && !c->tz) {
		if (cs_time_set_zone(set->tz) < 0)
			cs_die(CS_EXIT_CONFIG, "--mapping %s: unknown time zone '%s'", a->mapping, set->tz);
		c->tz = set->tz;
	}
	if (set->date_order && !a->date_order_given)
		cs_time_set_date_order(parse_date_order(set->date_order));
	if (set->time_formats && !a->time_formats)
		cs_time_set_formats((const char *const *)set->time_formats);
	if (set->keep_mapped >= 0 && !a->o.keep_mapped)
		a->o.keep_mapped = set->keep_mapped;
}

int main(int argc, char **argv)
{
	struct cs_common common;
	struct args a = {.format = NULL};
	struct cs_engine engine;
	cs_mem_use_huge_pages(argv);
	cs_ingest_opts_init(&a.o);
	int first = cs_opt_parse(&prog, argc, argv, &common, handle, &a);
	common.format = a.format;
	common.formats = cs_fmt_all;
	common.encoding = a.encoding;
	common.csv_delimiter = a.delimiter;
	common.csv_no_header = a.no_header;
	common.csv_lenient_quotes = a.lenient_quotes;
	common.mail_ours = a.ours;
	struct cs_mapping_settings mapping = {0};
	if (a.mapping)
		apply_mapping(&a, &common, &mapping);
	if (!common.format)
		common.format = "auto";
	if (a.call_start) {
		common.call_start_ms = cs_opt_time_ms("call-start", a.call_start);
		common.has_call_start = 1;
	}
	cs_ingest *g = cs_ingest_new(&common, &a.o, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_ingest_free(g);
	cs_fieldmap_free(&a.o.map);
	free(a.time_formats);
	free(a.ours);
	cs_mapping_settings_free(&mapping);
	return status;
}
