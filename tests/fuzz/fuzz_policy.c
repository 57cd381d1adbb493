/* fuzz_policy: cs-route's policy reader, and every filter's condition of a
 * policy that loads evaluated against a record and facts; also the same
 * bytes as an intent rules file, matched against a text, and as a file of
 * asks for a person (human-request.txt), matched against texts and itself. */
#include "eng_route_match.h"
#include "eng_route_policy.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char record[] = "{\"kind\":\"conversation\",\"id\":\"c1\",\"channel\":\"chat\",\"tags\":[\"a\"],"
			     "\"score\":7,\"customer\":{\"tier\":\"gold\",\"vip\":true},\"n\":null}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cs_buf err = CS_BUF_INIT, scratch = CS_BUF_INIT;
	route_policy *p = route_policy_load_mem("fuzz.json", (const char *)data, size, &err);
	if (p) {
		const char *emotions[] = {"anger", "anxiety"};
		cs_obj members = {0};
		cs_jerr je;
		cs_json_object(record, sizeof record - 1, 0, &members, &je);
		struct route_facts f = {.intent = "refund", .intent_source = "model", .tier = "human", .channel = "chat",
					.language = "zh", .customer_tier = "gold", .confidence = 0.5, .sentiment = -0.3,
					.vip = 1, .emotions = emotions, .nemotions = 2, .record = &members};
		for (size_t i = 0; i < p->nfilters; i++)
			route_cond_holds(&p->filters[i].when, &f, &scratch);
		route_in_hours(&p->hours, 1772413200000);
		route_in_hours(&p->hours, -86400000);
		route_policy_cost(p, "phone");
		route_bot_eligible(p, "refund");
		route_policy_free(p);
		cs_obj_free(&members);
	}
	route_rules *r = route_rules_load_mem("fuzz.json", (const char *)data, size, &err);
	if (r) {
		struct route_rule_hit hit;
		route_rules_find(r, "i want a refund, 我要退款 now", 32, &hit);
		route_rules_free(r);
	}
	route_asks *a = route_asks_load_mem("fuzz.txt", (const char *)data, size, &err);
	if (a) {
		static const char *const texts[] = {"talk to a real person please", "转人工，不要机器人", "人工智能"};
		size_t start, end;
		for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
			route_asks_find(a, texts[i], strlen(texts[i]), &start, &end);
		route_asks_find(a, (const char *)data, size, &start, &end);
		route_asks_free(a);
	}
	cs_buf_free(&err);
	cs_buf_free(&scratch);
	return 0;
}
