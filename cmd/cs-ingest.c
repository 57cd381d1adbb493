/* cs-ingest: omnichannel exports into cs conversation records. */
#include "eng_ingest.h"
#include "kit_msg.h"
#include "kit_opt.h"
#include <string.h>

enum {
	OPT_SET = 256, OPT_DROP_MAPPED, OPT_NO_HEADER, OPT_ENCODING, OPT_GAP, OPT_MAX_OPEN, OPT_STATS, OPT_NO_DEDUP
};

static const struct cs_opt options[] = {
	{"format", 'f', 1, "format", "input format: ndjson (default) or csv", "ndjson|csv"},
	{"map", 'M', 1, "to=from,...", "take field to from field from (dotted paths; :type string, number, bool, time, json)", NULL},
	{"set", OPT_SET, 1, "to=value", "set field to to the string value in every message (after --map)", NULL},
	{"drop-mapped", OPT_DROP_MAPPED, 0, NULL, "leave out the source fields of --map", NULL},
	{"no-header", OPT_NO_HEADER, 0, NULL, "CSV has no header row: --map from is a column number", NULL},
	{"delimiter", 'd', 1, "char", "CSV field delimiter (default ','; 'tab' or '\\t' for TSV)", NULL},
	{"encoding", OPT_ENCODING, 1, "name", "input encoding, such as GB18030, GBK or UTF-16LE (default UTF-8)",
	 "UTF-8|GB18030|GBK|BIG5|UTF-16LE|UTF-16BE|LATIN1"},
	{"gap", 'g', 1, "duration", "inactivity that ends a conversation (default 30m)", NULL},
	{"max-open", OPT_MAX_OPEN, 1, "n", "most conversations held open; the oldest is emitted early (default 100000)", NULL},
	{"messages", 'm', 0, NULL, "write flat messages (with conversation_id) instead of conversations", NULL},
	{"no-dedup", OPT_NO_DEDUP, 0, NULL, "keep messages whose channel, conversation id and id were already seen", NULL},
	{"stats", OPT_STATS, 2, "json", "print counts to stderr at the end; --stats=json as one JSON object", "json"},
	{0}
};

static const struct cs_prog_def prog = {
	"cs-ingest",
	"Read customer-service exports (NDJSON or CSV) and write cs records: messages\n"
	"grouped into conversations, one JSON object a line. Other kinds pass through.",
	"file ...",
	options,
	"Messages are grouped by conversation_id, else by customer.id and channel, a new\n"
	"conversation starting after --gap of silence. Input is expected in time order.\n",
};

static char parse_delimiter(const char *arg)
{
	if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
		return '\t';
	if (strlen(arg) != 1 || arg[0] == '"' || arg[0] == '\n' || arg[0] == '\r')
		cs_usage_error("--delimiter: '%s' is not one character (or tab)", arg);
	return arg[0];
}

static int handle(int key, const char *arg, void *ctx)
{
	struct cs_ingest_opts *o = ctx;
	char err[256];
	switch (key) {
	case 'f':
		if (strcmp(arg, "ndjson") == 0 || strcmp(arg, "jsonl") == 0)
			o->format = CS_FMT_NDJSON;
		else if (strcmp(arg, "csv") == 0)
			o->format = CS_FMT_CSV;
		else
			cs_usage_error("--format: '%s' is not ndjson or csv", arg);
		break;
	case 'M':
		if (cs_fieldmap_parse(&o->map, arg, err, sizeof err) < 0)
			cs_usage_error("--map: %s", err);
		break;
	case OPT_SET:
		if (cs_fieldmap_parse_set(&o->map, arg, err, sizeof err) < 0)
			cs_usage_error("--set: %s", err);
		break;
	case OPT_DROP_MAPPED: o->drop_mapped = 1; break;
	case OPT_NO_HEADER: o->no_header = 1; break;
	case 'd': o->delimiter = parse_delimiter(arg); break;
	case OPT_ENCODING: o->encoding = arg; break;
	case 'g': o->gap_ms = cs_opt_duration_ms("gap", arg); break;
	case OPT_MAX_OPEN: o->max_open = (size_t)cs_opt_int("max-open", arg, 1, 100000000); break;
	case 'm': o->messages = 1; break;
	case OPT_NO_DEDUP: o->dedup = 0; break;
	case OPT_STATS:
		if (!arg)
			o->stats = CS_STATS_TEXT;
		else if (strcmp(arg, "json") == 0)
			o->stats = CS_STATS_JSON;
		else
			cs_usage_error("--stats: '%s' is not json", arg);
		break;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct cs_common common;
	struct cs_ingest_opts opts;
	cs_ingest_opts_init(&opts);
	int first = cs_opt_parse(&prog, argc, argv, &common, handle, &opts);
	common.encoding = opts.encoding;
	int status = cs_ingest_run(&common, &opts, argv + first, argc - first);
	cs_fieldmap_free(&opts.map);
	return status;
}
