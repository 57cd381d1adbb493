/* eng_signals_out: cs-signals' own records on their way out (see the header). */
#include "eng_signals_out.h"
#include "kit_mem.h"
#include <stdlib.h>
#include <string.h>

struct sig_waiting {
	size_t off, len;        /* the line in lines */
	size_t id_off, id_len;  /* its id in ids */
	int written;            /* in the place of the one that came in */
};

int cs_sig_out_add(cs_sig_out *o, const char *line, size_t n, const char *id)
{
	size_t id_len = strlen(id);
	if (cs_recent_has(&o->came_in, id, id_len))
		return 0;
	if (o->nwaiting == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 16;
		o->waiting = cs_realloc(o->waiting, o->cap * sizeof *o->waiting);
	}
	o->waiting[o->nwaiting++] = (struct sig_waiting){o->lines.len, n, o->ids.len, id_len, 0};
	cs_buf_add(&o->lines, line, n);
	cs_buf_add(&o->ids, id, id_len);
	return 1;
}

static void write_waiting(cs_sig_out *o, cs_run *run, struct sig_waiting *w)
{
	cs_run_write_line(run, o->lines.p + w->off, w->len);
	cs_recent_add(&o->written, o->ids.p + w->id_off, w->id_len);
	w->written = 1;
}

void cs_sig_out_flush(cs_sig_out *o, cs_run *run)
{
	for (size_t i = 0; i < o->nwaiting; i++)
		if (!o->waiting[i].written)
			write_waiting(o, run, &o->waiting[i]);
	o->nwaiting = 0;
	cs_buf_reset(&o->lines);
	cs_buf_reset(&o->ids);
}

int cs_sig_out_came_in(cs_sig_out *o, cs_run *run, const char *id, size_t n)
{
	for (size_t i = 0; i < o->nwaiting; i++) {
		struct sig_waiting *w = &o->waiting[i];
		if (!w->written && w->id_len == n && memcmp(o->ids.p + w->id_off, id, n) == 0) {
			write_waiting(o, run, w);
			return 1;
		}
	}
	if (cs_recent_has(&o->written, id, n))
		return 1;
	cs_recent_add(&o->came_in, id, n);
	return 0;
}

void cs_sig_out_free(cs_sig_out *o)
{
	cs_buf_free(&o->lines);
	cs_buf_free(&o->ids);
	free(o->waiting);
	cs_recent_free(&o->written);
	cs_recent_free(&o->came_in);
}
