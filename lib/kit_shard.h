/* cs_shard: which part of N a record belongs to, the same on every machine
 * and in every release (cs(7), SCALING OUT).
 *
 * The shard key is the first of these the record has: customer.id (or
 * customer itself when it is a string or a number), conversation_id, device
 * (or anonymous_id: an anonymous visitor's events stay together), session,
 * ticket (a ticket_event's or a ticket_update's; a ticket_update's may be an
 * object, as cs-ticket writes it back, and counts by its id; without one, a
 * ticket_update's ticket_id), id. A string counts by its text (escapes
 * decoded), a number by its digits as written. A record with none of them
 * is keyed by its whole line. A device or session that some record of the
 * input names together with a customer.id (a login), and a ticket that a
 * record names so (a ticket record by its id, another by its ticket, a
 * string or an object's id, and its ticket_id: a conversation; a ticket's
 * history by the created event's data.customer), key by that customer
 * instead (the first one named), so a visitor's events before the login,
 * and a ticket's events and updates, stay with the customer
 * (cs_shard_learn). The hash is 64-bit FNV-1a of the
 * key's bytes, then SplitMix64's finalizer (so every bit of the key reaches
 * the low bits); the part is the hash modulo N, plus 1: parts are 1..N, as
 * in split(1) and Slurm arrays numbered from 1. */
#ifndef CS_SHARD_H
#define CS_SHARD_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_hash.h"
#include "kit_json.h"

#define CS_SPLIT_MAX 1024      /* files one --split run writes at most */
#define CS_SHARD_MAX 1000000   /* parts --shard K/N counts at most */

uint64_t cs_shard_hash(const void *key, size_t n);

/* What a splitting run knows: the customers of devices, sessions and
 * tickets (a map from a kind letter, a NUL and the id to a NUL-terminated
 * customer id), and scratch space. */
typedef struct {
	cs_map devices;
	char **ids;          /* the map's values, owned here */
	size_t nids, ids_cap;
	cs_buf scratch, alias;
	cs_obj obj;
} cs_shard_ctx;
/* Learn from one line (any text): a JSON object with a customer.id and a
 * device (or anonymous_id) or a session maps each to that customer, and so
 * does a ticket record its id and another record its ticket (or ticket.id)
 * and ticket_id (a created ticket_event's data.customer counts), unless
 * mapped already. */
void cs_shard_learn(cs_shard_ctx *s, const char *line, size_t len, int max_depth);
void cs_shard_ctx_free(cs_shard_ctx *s);

/* The key of a scanned record (obj its members, text..len its line): a
 * pointer to the key's bytes (into text, s->scratch or s->devices) and its
 * length. */
void cs_shard_key(cs_shard_ctx *s, const char *text, size_t len, const cs_obj *obj, const char **key, size_t *n);
/* The record's part, 1..nparts. */
uint32_t cs_shard_part(cs_shard_ctx *s, const char *text, size_t len, const cs_obj *obj, uint32_t nparts);
/* The same for a line not yet scanned (s->obj gets its members); a line that
 * is not a JSON object is keyed by its bytes. */
uint32_t cs_shard_part_line(cs_shard_ctx *s, const char *line, size_t len, int max_depth, uint32_t nparts);
/* "K/N" (1 <= K <= N <= CS_SHARD_MAX): 0, or -1 with why set. */
int cs_shard_parse(const char *arg, uint32_t *k, uint32_t *n, const char **why);
/* A --split output pattern: exactly one %d (or %0Wd, W up to 9), %% for a
 * percent sign. 0, or -1 with why set. */
int cs_split_pattern_check(const char *pattern, const char **why);
/* The file name of part (1..N) under a checked pattern, into out (reset). */
void cs_split_path(const char *pattern, uint32_t part, cs_buf *out);
#endif
