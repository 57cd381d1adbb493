/* kit_src: record sources. A source reads the inputs in turn and feeds
 * every record to the run (kit_run) in input order, as one JSON object with
 * the file and line it came from; what a source rejects it reports and feeds
 * as bad, blank lines as blank, an input it cannot read as failed. Every
 * shared option therefore behaves the same whatever the format.
 *  - ndjson: one JSON object a line, read and scanned ahead on a second
 *    thread (kit_ahead);
 *  - csv: RFC 4180 rows (kit_csv); the header row names the fields; each row
 *    becomes {"header":"cell",...} in column order, empty cells left out, all
 *    values strings; with no header, the fields are named "1", "2", ...
 * Later formats (mail, XML, subtitles, vendor JSON) plug in here. */
#ifndef CS_SRC_H
#define CS_SRC_H
#include "kit_opt.h"
#include "kit_run.h"

/* Source names accepted in common->format. */
int cs_src_known(const char *format);
/* Read files[0..nfiles) (none = stdin) with the source common->format names. */
void cs_src_read(const struct cs_common *c, cs_run *r, char **files, int nfiles);
#endif
