/* eng_roi_text: a roi record (eng_roi_model, cs-roi-model(5)) for people:
 * the summary with every figure's formula, the drivers, the costs, the years,
 * the sensitivity table and the conventions, as Markdown tables or as HTML
 * tables. They read the record itself, so a report that reads roi records
 * from its input shows the same tables. Amounts are shown with thousands
 * separators and at most 2 decimals; a figure that is null ("payback not
 * within the horizon") is said in words. */
#ifndef CS_ENG_ROI_TEXT_H
#define CS_ENG_ROI_TEXT_H
#include "kit_buf.h"
#include "kit_jval.h"

/* Markdown: a "# Business case" heading, then ## sections with tables. */
void cs_roi_text_md(cs_jval roi, cs_buf *out);
/* HTML sections (<section><h2>...<table>...), no page around them, for a
 * page that has its own; text is escaped, no scripts, no styles. */
void cs_roi_text_html(cs_jval roi, cs_buf *out);
/* A whole self-contained page: the sections with a small inline style
 * (light and dark), no scripts, nothing fetched. */
void cs_roi_text_html_page(cs_jval roi, cs_buf *out);
/* An amount for people: 2210000 -> "2,210,000", 184166.666 -> "184,166.67". */
void cs_roi_text_amount(double v, cs_buf *out);
#endif
