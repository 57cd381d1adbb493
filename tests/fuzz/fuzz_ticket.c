/* fuzz_ticket: cs-ticket's readers of outside data. Each line of the input
 * that is JSON is read as a ticket_update record, a conversation record and
 * an agent (--agents lines), then as a created event's data, a tags value
 * and a message event's data as a damaged store would hold them; the agents
 * read are then asked for in both modes. */
#include "eng_ticket_agents.h"
#include "eng_ticket_change.h"
#include "eng_ticket_store.h"
#include "kit_mem.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int64_t load_of(void *ctx, const char *agent)
{
	(void)ctx;
	return (int64_t)strlen(agent) % 3;
}

/* The line as the store's text: a created event's data, a tags change, a message. */
static void as_stored(const char *line)
{
	struct tk_ticket t = {0};
	struct tk_event created = {.ticket = "T-1", .ts = 1, .actor = "x", .action = "created", .data = line};
	struct tk_event tags = {.ticket = "T-1", .ts = 2, .action = "tags", .field = "tags", .new_ = line};
	struct tk_event message = {.ticket = "T-1", .ts = 3, .action = "message", .data = line};
	struct tk_message m;
	cs_buf id = CS_BUF_INIT, conv = CS_BUF_INIT;
	tk_ticket_clear(&t);
	tk_fold(&t, &created);
	tk_fold(&t, &tags);
	tk_event_message(&message, &m, &id, &conv);
	tk_ticket_clear(&t);
	cs_buf_free(&id);
	cs_buf_free(&conv);
}

static void one_line(tk_roster *r, const char *p, size_t n, cs_buf *err)
{
	enum cs_jtype type;
	cs_jerr jerr;
	char *line = cs_strndup(p, n);
	as_stored(line);
	free(line);
	if (cs_json_value(p, n, 64, &type, &jerr) != 0)
		return;
	cs_jval v = cs_jval_of(p, n);
	struct tk_update u;
	struct tk_conversation c;
	if (tk_update_read(v, 7, &u, err) == 0)
		tk_update_free(&u);
	cs_buf_reset(err);
	if (tk_conversation_read(v, 7, &c, err) == 0)
		tk_conversation_free(&c);
	cs_buf_reset(err);
	tk_roster_apply(r, v, err);
	cs_buf_reset(err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tk_roster *r = tk_roster_new();
	cs_buf err = CS_BUF_INIT;
	const char *p = (const char *)data, *end = p + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		one_line(r, p, n, &err);
		p += n + 1;
	}
	const char *last = NULL;
	for (int i = 0; i < 4; i++) {
		long a = tk_roster_pick(r, i % 2 ? "billing" : "orders", TK_ROUND_ROBIN, last, load_of, NULL);
		last = a >= 0 ? tk_roster_agent(r, (size_t)a)->id : NULL;
		tk_roster_pick(r, "billing", TK_LEAST_LOADED, NULL, load_of, NULL);
	}
	tk_roster_free(r);
	cs_buf_free(&err);
	return 0;
}
