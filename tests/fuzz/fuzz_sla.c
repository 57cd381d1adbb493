/* fuzz_sla: cs-ticket's SLA policy files (sla_policies_parse, calendars
 * inline), then one ticket's metrics evaluated with every priority and the
 * alerts they call for. */
#include "eng_ticket_sla.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cs_buf err = CS_BUF_INIT;
	sla_policies *p = sla_policies_parse("fuzz.json", (const char *)data, size, NULL, &err);
	if (p) {
		static const char *const priorities[] = {"low", "normal", "high", "urgent", "other"};
		int64_t t0 = 1772442000000;   /* 2026-03-02T09:00:00Z */
		struct sla_event e[] = {{t0, SE_CREATED, "new", 1, 0, NULL}, {t0 + 600000, SE_AGENT, NULL, 1, 0, NULL},
					{t0 + 3600000, SE_CUSTOMER, NULL, 1, 0, NULL}, {t0 + 7200000, SE_STATUS, "pending", 1, 0, NULL},
					{t0 + 86400000, SE_STATUS, "open", 1, 0, NULL}, {t0 + 90000000, SE_STATUS, "solved", 1, 0, NULL}};
		for (size_t i = 0; i < 5; i++) {
			struct sla_ticket t = {.priority = priorities[i], .tier = "gold", .channel = "chat"};
			struct sla_result r;
			struct sla_alert a[SLA_ALERTS_MAX];
			sla_evaluate(p, &t, e, sizeof e / sizeof *e, t0 + 80000000, &r);
			sla_alerts(p, &r, t0 + 80000000, a);
		}
		sla_policies_free(p);
	}
	cs_buf_free(&err);
	return 0;
}
