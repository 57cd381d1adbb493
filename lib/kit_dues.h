/* kit_dues: deadlines in the order they were set, each naming a key (a
 * customer, a device): a ring that grows as needed. For state that is
 * looked at again when its time comes, in input that comes in time order:
 * the earliest deadline is at the head. */
#ifndef CS_KIT_DUES_H
#define CS_KIT_DUES_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
	char *key;
	int64_t at;
} cs_due;

typedef struct {
	cs_due *ring;
	size_t n, head, cap;
} cs_dues;

/* Add a deadline (the key is copied). */
void cs_dues_push(cs_dues *q, const char *key, int64_t at);
/* Add a deadline that may be earlier than some already set: it goes in its
 * place by time, after those of the same time, so the head stays the
 * earliest. */
void cs_dues_insert(cs_dues *q, const char *key, int64_t at);
/* The earliest deadline if it is before now, else NULL. */
const cs_due *cs_dues_due(const cs_dues *q, int64_t now);
/* The i-th deadline from the head (i < q->n). */
const cs_due *cs_dues_at(const cs_dues *q, size_t i);
/* Drop the head. */
void cs_dues_pop(cs_dues *q);
void cs_dues_free(cs_dues *q);
#endif
