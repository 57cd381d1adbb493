/* eng_signals_read: what cs-signals reads of a record: an event as the
 * detector sees it, a conversation as a contact, a ticket's reopenings,
 * consent. Strings point into the reader's buffers, valid until its next
 * call; nothing else of the record is copied. */
#ifndef CS_ENG_SIGNALS_READ_H
#define CS_ENG_SIGNALS_READ_H
#include <stdint.h>
#include "eng_signals_detect.h"
#include "kit_json.h"
#include "kit_jval.h"

typedef struct cs_sig_reader cs_sig_reader;
cs_sig_reader *cs_sig_reader_new(void);
void cs_sig_reader_free(cs_sig_reader *r);

/* An event record: 0, or -1 with *why set (no valid ts). */
int cs_sig_read_event(cs_sig_reader *r, const cs_obj *obj, struct cs_sig_event *e, const char **why);
/* A conversation: 0, or -1 when it has no time to place it at. */
int cs_sig_read_contact(cs_sig_reader *r, const cs_obj *obj, struct cs_sig_contact *c);
/* The time a conversation happened at, as cs_sig_read_contact() reads it:
 * "started", else its first message's; 0, or -1 when it has none. */
int cs_sig_contact_time(const cs_obj *obj, int64_t *ts);
/* The customer's id (customer.id, or customer as a string), or NULL. */
const char *cs_sig_customer(cs_sig_reader *r, const cs_obj *obj);
/* Consent for purpose in a consent value (an array of purposes, or an
 * object purpose: true/false): 1 granted, 0 refused, -1 not said. */
int cs_sig_consent(cs_jval consent, const char *purpose);
/* Each reopening in a ticket record (its history: a status change from
 * solved or closed to another status; or follow_up_of): fn(ts, ctx). */
void cs_sig_ticket_reopens(const cs_obj *obj, void (*fn)(int64_t ts, const char *how, void *ctx), void *ctx);
/* A ticket_event record that reopens a ticket: 1 and *ts. */
int cs_sig_ticket_event_reopens(const cs_obj *obj, int64_t *ts);
/* The customer a ticket record or ticket_event links its ticket to: its
 * customer, else a created event's data.customer; NULL when none. */
const char *cs_sig_ticket_customer(cs_sig_reader *r, const cs_obj *obj, int is_event);
/* A ticket record, or a ticket_event that creates a ticket (its
 * data.customer): the customer's id and *ts the creation time; NULL when it
 * names no customer or time. */
const char *cs_sig_ticket_created(cs_sig_reader *r, const cs_obj *obj, int is_event, int64_t *ts);
#endif
