/* fmt_helpdesk: (being written) */
#include "fmt.h"
#include "fmt_readers.h"

static int not_yet(cs_doc *d, const char *data, size_t n)
{
	(void)data;
	(void)n;
	return cs_doc_bad(d, 0, "the %s format is not implemented yet", cs_doc_format(d));
}

const struct cs_doc_format cs_fmt_zendesk = {"zendesk", "(not yet)", NULL, not_yet};
const struct cs_doc_format cs_fmt_zendesk_chat = {"zendesk-chat", "(not yet)", NULL, not_yet};
const struct cs_doc_format cs_fmt_freshdesk = {"freshdesk", "(not yet)", NULL, not_yet};
const struct cs_doc_format cs_fmt_intercom = {"intercom", "(not yet)", NULL, not_yet};
const struct cs_doc_format cs_fmt_chatwoot = {"chatwoot", "(not yet)", NULL, not_yet};
