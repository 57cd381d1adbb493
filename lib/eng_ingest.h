/* eng_ingest: cs-ingest's engine. Messages (records of kind "message", or
 * of no kind, after --map) are checked, deduplicated and grouped into
 * conversations: by conversation_id, else by customer.id and channel with an
 * inactivity gap, in stream-time order. Other kinds pass through untouched.
 * Record sources, --where/--select, errors and stats are the run skeleton's
 * (kit_run); this module is the engine it runs. */
#ifndef CS_ENG_INGEST_H
#define CS_ENG_INGEST_H
#include <stddef.h>
#include <stdint.h>
#include "eng_ingest_map.h"
#include "eng_ingest_identity.h"
#include "eng_ingest_redact.h"
#include "kit_run.h"

#define CS_INGEST_DEFAULT_GAP_MS (30 * 60 * 1000LL)
#define CS_INGEST_DEFAULT_MAX_OPEN 100000
/* A duplicate is always caught when it arrives within the window (in stream
 * time) of the first copy, while the table holds at most dedup_max keys. */
#define CS_INGEST_DEFAULT_DEDUP_WINDOW_MS (7 * 24 * 3600 * 1000LL)
#define CS_INGEST_DEFAULT_DEDUP_MAX 4000000

struct cs_ingest_opts {
	cs_fieldmap map;
	int keep_mapped;             /* --keep-mapped: --map copies instead of moving */
	int64_t gap_ms;
	size_t max_open;
	int messages;            /* flat messages instead of conversations */
	int dedup;               /* drop repeated messages (default on) */
	int64_t dedup_window_ms; /* 0: the whole run */
	size_t dedup_max;        /* 0: no limit */
	unsigned redact;         /* --redact: the kinds of personal data to replace (svc_redact); 0: none */
	const char *identities;  /* --identities: a file of customers (eng_ingest_identity), or NULL */
};

void cs_ingest_opts_init(struct cs_ingest_opts *o);

typedef struct cs_ingest cs_ingest;
/* The engine for cs_run_main(); c must outlive it. */
cs_ingest *cs_ingest_new(const struct cs_common *c, const struct cs_ingest_opts *o, struct cs_engine *e);
void cs_ingest_free(cs_ingest *g);
#endif
