/* eng_ingest_redact: cs-ingest --redact. */
#include "eng_ingest_redact.h"
#include "kit_json.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include <stdlib.h>
#include <string.h>

#define MAX_NEST 2   /* a record's messages, and no deeper */

struct ingest_redact {
	unsigned mask;
	_Atomic uint64_t *counts;
	cs_obj members[MAX_NEST];
	cs_obj conversation;   /* the members of a message's "conversation" */
	cs_buf scratch, clean;
};

static const char *const free_text_keys[] = {"text", "subject", "quoted", "signature", NULL};

ingest_redact *ingest_redact_new(unsigned mask, _Atomic uint64_t *counts)
{
	ingest_redact *r = cs_calloc(1, sizeof *r);
	r->mask = mask;
	r->counts = counts;
	return r;
}

void ingest_redact_free(ingest_redact *r)
{
	if (!r)
		return;
	for (int d = 0; d < MAX_NEST; d++)
		cs_obj_free(&r->members[d]);
	cs_obj_free(&r->conversation);
	cs_buf_free(&r->scratch);
	cs_buf_free(&r->clean);
	free(r);
}

static int is_free_text(const cs_member *m)
{
	for (size_t k = 0; free_text_keys[k]; k++)
		if (cs_member_is(m, free_text_keys[k], strlen(free_text_keys[k])))
			return 1;
	return 0;
}

/* Where the copy of the original stands while values are replaced. */
struct rewrite {
	ingest_redact *r;
	cs_buf *out;
	const char *copied;
	uint64_t found[CS_PII_N];
};

static void replace_value(struct rewrite *w, cs_span val, const char *with, size_t n)
{
	cs_buf_add(w->out, w->copied, (size_t)(val.p - w->copied));
	cs_json_string(w->out, with, n);
	w->copied = val.p + val.n;
}

static size_t redact_message(struct rewrite *w, cs_span obj, int depth);

static int redact_item(cs_span item, enum cs_jtype type, void *ctx)
{
	if (type == CS_J_OBJECT)
		redact_message(ctx, item, 1);
	return 0;
}

/* Close the object whose last byte is end - 1 ('}') with what was found in it. */
static void add_redacted_field(struct rewrite *w, const char *end, const uint64_t *found)
{
	cs_buf_add(w->out, w->copied, (size_t)(end - 1 - w->copied));
	cs_buf_adds(w->out, ",\"redacted\":{");
	int first = 1;
	for (int k = 0; k < CS_PII_N; k++)
		if (found[k]) {
			cs_buf_printf(w->out, "%s\"%s\":%llu", first ? "" : ",", cs_pii_name((enum cs_pii)k),
				      (unsigned long long)found[k]);
			first = 0;
		}
	cs_buf_addc(w->out, '}');
	w->copied = end - 1;
}

/* The string member m with what it holds replaced, counted in found;
 * returns how many were replaced. */
static size_t redact_string(struct rewrite *w, const cs_member *m, uint64_t *found)
{
	const char *s;
	size_t n;
	if (m->type != CS_J_STRING || cs_member_str(m, &w->r->scratch, &s, &n) != 0)
		return 0;
	size_t k = cs_redact(s, n, w->r->mask, &w->r->clean, found);
	if (k)
		replace_value(w, m->val, w->r->clean.p, w->r->clean.len);
	return k;
}

/* The "subject" of a message's "conversation": the readers put the
 * thread's or ticket's subject there, and it becomes the conversation
 * record's, so it is the message's subject again. */
static size_t redact_conversation(struct rewrite *w, cs_span conv, uint64_t *found)
{
	cs_obj *ms = &w->r->conversation;
	size_t total = 0;
	if (cs_json_members(conv, ms) != 0)
		return 0;
	for (size_t i = 0; i < ms->n; i++)
		if (cs_member_is(&ms->m[i], "subject", 7))
			total += redact_string(w, &ms->m[i], found);
	return total;
}

/* The free text of one message object redacted; at depth 0 also the
 * messages of a conversation. Returns how many were replaced in it. */
static size_t redact_message(struct rewrite *w, cs_span obj, int depth)
{
	cs_obj *ms = &w->r->members[depth];
	if (cs_json_members(obj, ms) != 0)
		return 0;
	uint64_t found[CS_PII_N] = {0};
	size_t total = 0;
	for (size_t i = 0; i < ms->n; i++) {
		const cs_member *m = &ms->m[i];
		if (depth == 0 && m->type == CS_J_ARRAY && cs_member_is(m, "messages", 8)) {
			cs_span arr = m->val;   /* ms is reused below this depth only */
			cs_json_each(arr, redact_item, w);
		} else if (m->type == CS_J_OBJECT && cs_member_is(m, "conversation", 12)) {
			total += redact_conversation(w, m->val, found);
		} else if (is_free_text(m)) {
			total += redact_string(w, m, found);
		}
	}
	if (total)
		add_redacted_field(w, obj.p + obj.n, found);
	for (int k = 0; k < CS_PII_N; k++)
		if (found[k])
			atomic_fetch_add_explicit(&w->r->counts[k], found[k], memory_order_relaxed);
	return total;
}

int ingest_redact_record(ingest_redact *r, const char *text, size_t len, cs_buf *out)
{
	cs_buf_reset(out);
	struct rewrite w = {r, out, text, {0}};
	const char *open = memchr(text, '{', len), *close = text + len;
	while (close > text && close[-1] != '}')
		close--;
	if (!open || close <= open)
		return 0;
	redact_message(&w, (cs_span){open, (size_t)(close - open)}, 0);
	if (out->len == 0)   /* nothing replaced, at either depth */
		return 0;
	cs_buf_add(out, w.copied, (size_t)(text + len - w.copied));
	return 1;
}
