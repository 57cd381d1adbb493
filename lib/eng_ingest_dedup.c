#include "eng_ingest_dedup.h"
#include "kit_msg.h"
#include <inttypes.h>

void cs_dedup_init(cs_dedup *d, int64_t window_ms, size_t max)
{
	*d = (cs_dedup){.window_ms = window_ms, .max = max};
}

void cs_dedup_free(cs_dedup *d)
{
	cs_fpset_free(&d->cur);
	cs_fpset_free(&d->old);
}

static void rotate(cs_dedup *d)
{
	cs_fpset_free(&d->old);
	d->old = d->cur;
	d->cur = (cs_fpset){0};
}

void cs_dedup_advance(cs_dedup *d, int64_t now)
{
	if (!d->window_ms)
		return;
	if (!d->have_start) {
		d->have_start = 1;
		d->cur_start = now;
		return;
	}
	/* times lie within years 0001-9999 (kit_time), so this cannot overflow */
	if (now - d->cur_start >= d->window_ms) {
		rotate(d);
		d->cur_start = now;
	}
}

void cs_dedup_prefetch(const cs_dedup *d, cs_fp fp)
{
	cs_fpset_prefetch(&d->cur, fp);
	if (d->old.n)
		cs_fpset_prefetch(&d->old, fp);
}

int cs_dedup_seen(cs_dedup *d, cs_fp fp)
{
	if (d->old.n && cs_fpset_has_fp(&d->old, fp))
		return 1;
	if (!cs_fpset_add_fp(&d->cur, fp))
		return 1;
	if (d->max && d->cur.n >= (d->max + 1) / 2) {
		d->forgotten += d->old.n;
		if (d->old.n && !d->rotated_early++)
			cs_notice("the duplicate table is full (--dedup-max %zu): older message keys are "
				  "forgotten early; --stats counts them", d->max);
		rotate(d);
	}
	return 0;
}
