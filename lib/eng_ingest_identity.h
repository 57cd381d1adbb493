/* eng_ingest_identity: cs-ingest --identities, one customer across
 * channels. The file holds a team's customers, one a line, in the schema's
 * own words: {"id":"C-1001","email":"li.wei@example.com","phone":
 * "+86 138 0013 8000","ids":{"chat":"cust-42","zendesk":"20978392"},
 * "vip":true}. A message or conversation whose customer is one of them
 * (the same id on that channel or source format, or in its own "ids", the
 * same address or the same phone number) takes the line's id; the id it
 * came with is kept as "source_id", and what the line says of the customer
 * (name, vip, tier ...) fills in what the record does not say. Matching
 * is by exact keys only: addresses compare in lower case, phone numbers by
 * their digits (a Chinese mobile with or without +86). */
#ifndef CS_ENG_INGEST_IDENTITY_H
#define CS_ENG_INGEST_IDENTITY_H
#include <stddef.h>
#include "kit_buf.h"
#include "kit_json.h"
#include "kit_jval.h"

typedef struct ingest_identities ingest_identities;

ingest_identities *ingest_identities_new(void);
/* One line of the file: 0, or -1 with why set. */
int ingest_identities_add(ingest_identities *ids, cs_jval line, cs_buf *why);
/* The file at path: NULL with err set to "FILE:LINE: why". */
ingest_identities *ingest_identities_load(const char *path, cs_buf *err);
void ingest_identities_free(ingest_identities *ids);
size_t ingest_identities_count(const ingest_identities *ids);

/* What one thread needs to match records; ids is only read. */
typedef struct {
	cs_buf key, text, scratch;
	cs_obj customer, line;
} ingest_identity_scratch;
void ingest_identity_scratch_free(ingest_identity_scratch *sc);

enum { IDENTITY_NONE, IDENTITY_MATCHED, IDENTITY_CONFLICT };
/* The record text[0..len), whose top-level members are obj, with its
 * customer made the file's into out: IDENTITY_MATCHED (or
 * IDENTITY_CONFLICT when its keys name two customers of the file: the
 * first, by ids, then address, then phone, is taken), or IDENTITY_NONE
 * and out unset. */
int ingest_identity_apply(const ingest_identities *ids, const char *text, size_t len, const cs_obj *obj,
			  ingest_identity_scratch *sc, cs_buf *out);

#endif
