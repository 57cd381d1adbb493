/* fmt_kbdoc: knowledge-base documents as the passages cs-answer build
 * indexes, one record a passage:
 *   {"id","title","section","source","body"} and, when the front matter
 *   gives them, "version", "effective_from", "effective_until",
 *   "tags" (an array of strings) and "owner".
 *  - markdown (.md, .markdown, .mdown): ATX and setext headings cut the
 *    text into sections (not inside fenced code); "section" is the heading
 *    path, "Returns > Refund window", without the H1 that gave the title.
 *    The body keeps the text: quote markers and HTML comments go, links
 *    read "text (url)", images their alt text.
 *  - text (.txt, .text): one section, ""; the title is a short first line
 *    followed by a blank line, when there is one.
 * Both read a front matter between two "---" lines first (id, title,
 * version, effective_from, effective_until, tags, owner), and take the
 * title from it, then from the text, then from the file name. A section
 * longer than the passage size is cut at a paragraph break, a sentence end,
 * a space or a character, in that order of preference, and the next passage
 * starts the overlap before the cut (at a sentence or word start).
 * id: the front matter's id or the input's name, "#" and the section's
 * slug (unique in the document: "-2", "-3" on repeats), "/2", "/3" for a
 * section's later passages. */
#ifndef CS_FMT_KBDOC_H
#define CS_FMT_KBDOC_H
#include <stddef.h>
#include "kit_src.h"

extern const struct cs_doc_format cs_fmt_markdown, cs_fmt_plaintext;   /* "markdown", "text" */

/* The passage size and overlap in bytes for both formats (defaults 1000
 * and 150). max_bytes 0 is the default, less than 16 is 16; the overlap is
 * at most half the size. Set it before a run: the run reads on a thread of
 * its own. */
void cs_fmt_kbdoc_set_passage(size_t max_bytes, size_t overlap_bytes);
#endif
