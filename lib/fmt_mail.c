/* fmt_mail: (being written) */
#include "fmt.h"
#include "fmt_readers.h"

static int not_yet(cs_doc *d, const char *data, size_t n)
{
	(void)data;
	(void)n;
	return cs_doc_bad(d, 0, "the %s format is not implemented yet", cs_doc_format(d));
}

const struct cs_doc_format cs_fmt_mbox = {"mbox", "(not yet)", NULL, not_yet};
const struct cs_doc_format cs_fmt_eml = {"eml", "(not yet)", NULL, not_yet};
