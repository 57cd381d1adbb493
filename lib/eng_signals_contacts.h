/* eng_signals_contacts: each customer's contacts of the last repeat
 * windows, in the order seen, to find the one a new contact repeats
 * (cs-signals(1) repeat_contact). A customer with few contacts keeps them
 * in an array of exactly their size, as they are looked at one by one; one
 * with many (a bot, a shared "guest") also gets an index by issue, so that
 * each contact costs the same however many the customer has. */
#ifndef CS_ENG_SIGNALS_CONTACTS_H
#define CS_ENG_SIGNALS_CONTACTS_H
#include <stdint.h>

struct cs_sig_contact_seen {
	char *id, *issue;
	int64_t ts;
};

/* One customer's contacts, inside the caller's record of the customer
 * (zeroed at first). Each call names the customer by the same key. */
struct cs_sig_kept {
	struct cs_sig_contact_seen *c;   /* [first, n) kept, oldest first */
	uint32_t first, n;
};

/* What all customers' contacts share: the indexes. */
typedef struct cs_sig_contacts cs_sig_contacts;
cs_sig_contacts *cs_sig_contacts_new(void);
void cs_sig_contacts_free(cs_sig_contacts *cc);

/* The contact a new one (id, on issue, at ts) repeats: the newest seen on
 * the issue that is another conversation, at most window before it; or
 * NULL. Valid until the customer's contacts change. */
const struct cs_sig_contact_seen *cs_sig_contacts_find(cs_sig_contacts *cc, struct cs_sig_kept *k, const char *key,
						       const char *id, const char *issue, int64_t ts, int64_t window);
void cs_sig_contacts_add(cs_sig_contacts *cc, struct cs_sig_kept *k, const char *key, const char *id,
			 const char *issue, int64_t ts);
/* Forget contacts more than window before now, from the oldest seen on
 * (one that came late waits for those seen before it). */
void cs_sig_contacts_forget(cs_sig_contacts *cc, struct cs_sig_kept *k, const char *key, int64_t now,
			    int64_t window);
/* Forget them all. */
void cs_sig_contacts_clear(cs_sig_contacts *cc, struct cs_sig_kept *k, const char *key);
/* The contacts looked at so far: work, for tests that it follows the input. */
uint64_t cs_sig_contacts_work(const cs_sig_contacts *cc);
#endif
