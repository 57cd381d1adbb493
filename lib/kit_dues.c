/* kit_dues: deadlines in the order they were set (see the header). */
#include "kit_dues.h"
#include "kit_mem.h"
#include <stdlib.h>

void cs_dues_push(cs_dues *q, const char *key, int64_t at)
{
	if (q->n == q->cap) {
		size_t cap = q->cap ? q->cap * 2 : 64;
		cs_due *grown = cs_malloc(cap * sizeof *grown);
		for (size_t i = 0; i < q->n; i++)
			grown[i] = q->ring[(q->head + i) % q->cap];
		free(q->ring);
		q->ring = grown;
		q->cap = cap;
		q->head = 0;
	}
	q->ring[(q->head + q->n++) % q->cap] = (cs_due){cs_strdup(key), at};
}

void cs_dues_insert(cs_dues *q, const char *key, int64_t at)
{
	cs_dues_push(q, key, at);
	for (size_t i = q->n - 1; i > 0; i--) {
		cs_due *later = &q->ring[(q->head + i) % q->cap];
		cs_due *earlier = &q->ring[(q->head + i - 1) % q->cap];
		if (earlier->at <= later->at)
			break;
		cs_due moved = *later;
		*later = *earlier;
		*earlier = moved;
	}
}

const cs_due *cs_dues_due(const cs_dues *q, int64_t now)
{
	return q->n && q->ring[q->head].at < now ? &q->ring[q->head] : NULL;
}

const cs_due *cs_dues_at(const cs_dues *q, size_t i)
{
	return &q->ring[(q->head + i) % q->cap];
}

void cs_dues_pop(cs_dues *q)
{
	free(q->ring[q->head].key);
	q->head = (q->head + 1) % q->cap;
	q->n--;
}

void cs_dues_free(cs_dues *q)
{
	while (q->n)
		cs_dues_pop(q);
	free(q->ring);
	*q = (cs_dues){0};
}
