/* eng_ticket_slarun: the SLA clock over the ticket store. A ticket's events
 * become the clock's (eng_ticket_sla), in time order; `cs-ticket sla --now`
 * evaluates every open ticket, writes one alert record a warning or breach
 * (each raised once a ticket, metric and cycle: kept as an "alert" event, so
 * two runs never raise it twice), and applies the policy's escalations as
 * changes by the actor "sla". */
#ifndef CS_ENG_TICKET_SLARUN_H
#define CS_ENG_TICKET_SLARUN_H
#include <stdint.h>
#include "eng_ticket_sla.h"
#include "eng_ticket_store.h"
#include "kit_jw.h"
#include "kit_out.h"

/* The SLA result of ticket t at now. */
void tk_sla_of(tk_store *s, const sla_policies *p, const struct tk_ticket *t, int64_t now, struct sla_result *out);
/* Write "sla":{...} of ticket t at now into w (in an object). */
void tk_sla_member(tk_store *s, const sla_policies *p, const struct tk_ticket *t, int64_t now, cs_jw *w);

struct tk_sla_counts {
	uint64_t tickets, warnings, breaches, escalations;
};
/* Evaluate the open tickets at now inside the caller's write transaction;
 * alert records to out. */
void tk_sla_run(tk_store *s, const sla_policies *p, int64_t now, cs_out *out, struct tk_sla_counts *counts);
#endif
