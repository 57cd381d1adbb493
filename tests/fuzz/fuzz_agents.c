/* fuzz_agents: cs-route's agent records (an --agents file's lines, agent
 * records in the stream), then every selection mode and the queue. Lines
 * of the input are records; a line that is not JSON is skipped as cs-route
 * reports it. */
#include "eng_route_agents.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	route_roster *r = route_roster_new();
	cs_buf err = CS_BUF_INIT;
	const char *p = (const char *)data, *end = p + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		enum cs_jtype type;
		cs_jerr jerr;
		if (cs_json_value(p, n, 64, &type, &jerr) == 0)
			route_roster_apply(r, cs_jval_of(p, n), &err);
		cs_buf_reset(&err);
		p += n + 1;
	}
	struct route_skill need = {"billing", 2};
	struct route_target t = {.queue = "general", .skills = &need, .nskills = 1, .select = -1};
	for (int mode = 0; mode < RS_N; mode++) {
		long a = route_roster_pick(r, &t, (enum route_select)mode, "chat", 2, &err);
		char id[8] = {'c', (char)('0' + mode), 0};
		if (a >= 0) {
			route_roster_assign(r, (size_t)a, t.queue, "chat", 2, 1000 * mode);
			route_roster_hold(r, id, (size_t)a, "chat", 2, mode % 2 ? 1500 : INT64_MAX);
		}
		cs_buf_reset(&err);
	}
	struct route_wait w = {.conversation_id = "c", .filter = "", .channel = "chat", .widen_at = INT64_MAX,
			       .ends_at = INT64_MAX};
	route_roster_enqueue(r, &w);
	route_roster_next_widen(r);
	route_roster_release_due(r, 2000);
	route_roster_release(r, "c0");
	route_roster_release(r, "c3");
	route_roster_abandon(r, "c");
	route_roster_free(r);
	cs_buf_free(&err);
	return 0;
}
