/* fmt_text: text as exports hold it, made plain UTF-8 for messages. */
#ifndef CS_FMT_TEXT_H
#define CS_FMT_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"

/* Append the readable text of HTML s[0..n) to out: tags dropped (script,
 * style and head with their content), block ends (p, div, br, li, tr,
 * h1-h6, blockquote) as line breaks, entities decoded (named ones of HTML
 * 4 that text uses, and numeric ones), runs of white space made one space,
 * at most one blank line in a row, no white space at either end. */
void cs_html_to_text(const char *s, size_t n, cs_buf *out);
/* The character reference at s, just after a '&' (s < e): "amp;", "#38;",
 * "#x26;" and the named ones of HTML that text uses. Returns the bytes it
 * takes, ';' included, with its code point in *cp; 0 when it is none (the
 * '&' is then text). */
size_t cs_html_entity(const char *s, const char *e, uint32_t *cp);
/* 1 if s[0..n) looks like HTML (a tag such as <p>, <div>, <br> or <html>). */
int cs_looks_html(const char *s, size_t n);

/* Append s[0..n) in charset to out as UTF-8 (invalid sequences become
 * U+FFFD). Names are matched as iconv does, with the mislabellings real
 * mail has taken care of: GB2312 and GBK are read as GB18030, ISO-8859-1
 * and US-ASCII as windows-1252, Big5 as Big5-HKSCS, Shift_JIS as CP932,
 * EUC-KR as CP949, KS_C_5601-1987 as CP949. Returns 0, or -1 when iconv does
 * not know the charset (out gets the bytes as UTF-8 with invalid ones
 * replaced). NULL or "" is UTF-8. */
int cs_to_utf8(const char *charset, const char *s, size_t n, cs_buf *out);

/* Remove white space at both ends of out's text. */
void cs_text_trim(cs_buf *out);
#endif
