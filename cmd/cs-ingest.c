/* cs-ingest: omnichannel exports into cs conversation records. */
#include "eng_ingest.h"
#include "fmt.h"
#include "kit_libver.h"
#include "kit_msg.h"
#include "kit_opt.h"
#include "kit_run.h"
#include "kit_src.h"
#include <string.h>

enum {
	OPT_SET = 256, OPT_DROP_MAPPED, OPT_NO_HEADER, OPT_ENCODING, OPT_GAP, OPT_MAX_OPEN, OPT_NO_DEDUP,
	OPT_DEDUP_WINDOW, OPT_DEDUP_MAX
};

static const struct cs_opt options[] = {
	{"format", 'f', 1, "format", "input format: ndjson (default) or csv", "ndjson|csv"},
	{"map", 'M', 1, "to=from,...", "take field to from field from (dotted paths; :type string, number, bool, time, json)", NULL},
	{"set", OPT_SET, 1, "to=value", "set field to to the string value in every message (after --map)", NULL},
	{"drop-mapped", OPT_DROP_MAPPED, 0, NULL, "leave out the source fields of --map", NULL},
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
	{0}
};

static const struct cs_libver libs[] = {
	{"libjq", cs_libver_jq}, {"libcsv", cs_libver_csv}, {"zstd", cs_libver_zstd}, {"zlib", cs_libver_zlib},
	{"PCRE2", cs_libver_pcre2}, {0}
};

static const struct cs_prog_def prog = {
	"cs-ingest",
	"Read customer-service exports (NDJSON or CSV) and write cs records: messages\n"
	"grouped into conversations, one JSON object a line. Other kinds pass through.",
	"file ...",
	options,
	"Messages are grouped by conversation_id, else by customer.id and channel, a new\n"
	"conversation starting after --gap of silence. Input is expected in time order.\n",
	libs,
};

/* What the options set before the common options are known. */
struct args {
	struct cs_ingest_opts o;
	const char *format, *encoding;
	char delimiter;
	int no_header;
};

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
	case OPT_DROP_MAPPED: a->o.drop_mapped = 1; break;
	case OPT_NO_HEADER: a->no_header = 1; break;
	case 'd': a->delimiter = parse_delimiter(arg); break;
	case OPT_ENCODING: a->encoding = arg; break;
	case 'g': a->o.gap_ms = cs_opt_duration_ms("gap", arg); break;
	case OPT_MAX_OPEN: a->o.max_open = (size_t)cs_opt_int("max-open", arg, 1, 100000000); break;
	case 'm': a->o.messages = 1; break;
	case OPT_NO_DEDUP: a->o.dedup = 0; break;
	case OPT_DEDUP_WINDOW: a->o.dedup_window_ms = parse_window(arg); break;
	case OPT_DEDUP_MAX: a->o.dedup_max = parse_dedup_max(arg); break;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct cs_common common;
	struct args a = {.format = NULL};
	struct cs_engine engine;
	cs_ingest_opts_init(&a.o);
	int first = cs_opt_parse(&prog, argc, argv, &common, handle, &a);
	common.format = a.format;
	common.formats = cs_fmt_all;
	common.encoding = a.encoding;
	common.csv_delimiter = a.delimiter;
	common.csv_no_header = a.no_header;
	cs_ingest *g = cs_ingest_new(&common, &a.o, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_ingest_free(g);
	cs_fieldmap_free(&a.o.map);
	return status;
}
