/* cs_ingest: omnichannel exports into cs records. Reads NDJSON message or
 * conversation records (other kinds pass through untouched) or CSV rows,
 * maps foreign field names, drops duplicate messages (by channel and message
 * id) and groups messages into conversations: by conversation_id, else by
 * customer.id and channel with an inactivity gap, in stream-time order. */
#ifndef CS_INGEST_H
#define CS_INGEST_H
#include <stddef.h>
#include <stdint.h>
#include "eng_ingest_map.h"
#include "kit_opt.h"

enum cs_ingest_format { CS_FMT_NDJSON, CS_FMT_CSV };
enum cs_stats_mode { CS_STATS_NONE, CS_STATS_TEXT, CS_STATS_JSON };

#define CS_INGEST_DEFAULT_GAP_MS (30 * 60 * 1000LL)
#define CS_INGEST_DEFAULT_MAX_OPEN 100000

struct cs_ingest_opts {
	enum cs_ingest_format format;
	cs_fieldmap map;
	int drop_mapped;
	int no_header;
	char delimiter;
	const char *encoding;
	int64_t gap_ms;
	size_t max_open;
	int messages;            /* flat messages instead of conversations */
	int dedup;               /* drop repeated message ids (default on) */
	enum cs_stats_mode stats;
};

/* Counters; each is a plain sum, so counts from shards add up. */
struct cs_ingest_stats {
	uint64_t read, written, messages, conversations, duplicates, rejected, passed, skipped, closed_early, replaced;
};

void cs_ingest_opts_init(struct cs_ingest_opts *o);
/* Run over files (none = stdin), writing to c->output. Returns the exit status. */
int cs_ingest_run(const struct cs_common *c, const struct cs_ingest_opts *o, char **files, int nfiles);
#endif
