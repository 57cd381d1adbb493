/* eng_roi_svg: the charts of `cs-roi report` as inline SVG, and the
 * number formats and escaping its HTML and Markdown share.
 *
 * A chart is a role="img" <svg> with a <title> and a <desc> (its text
 * alternative, given by the caller), a viewBox so it scales to any width,
 * colours by CSS class only (s0..s3 the series, neg a value below zero,
 * grid, axis, marker), so the page's stylesheet restyles it for dark mode
 * and print. Every data mark carries class "m" and its own <title> (the
 * category and value), so a test can count the marks. Output is a pure
 * function of the chart: the same chart, the same bytes. */
#ifndef CS_ENG_ROI_SVG_H
#define CS_ENG_ROI_SVG_H
#include <stddef.h>
#include "kit_buf.h"

/* How a value is shown. */
enum cs_roi_unit {
	CS_U_NUM,      /* up to 2 decimals, trailing zeros dropped: 5.13, 14 */
	CS_U_COUNT,    /* whole, thousands grouped: 12,345 */
	CS_U_PCT,      /* a share 0..1 shown as a percentage, 1 decimal: 79.5% */
	CS_U_SEC,      /* seconds, whole: 360 s */
	CS_U_MONEY,    /* whole, thousands grouped, no currency: 1,960,000 */
	CS_U_MONTHS,   /* 1 decimal: 1.4 */
	CS_U_SCORE     /* a score 0..100, 1 decimal: 82.1 */
};

/* Append v as unit says; NaN appends "n/a". */
void cs_roi_fmt(cs_buf *b, double v, enum cs_roi_unit unit);
/* Shorter, for axis ticks: 1.5M, 250k, 80%, 360. */
void cs_roi_fmt_tick(cs_buf *b, double v, enum cs_roi_unit unit);
/* The bytes of the control character that starts s[0..n): 1 for a C0
 * one or DEL, 2 for a C1 one (U+0080 to U+009F, which HTML forbids in
 * text as it does C0 and a terminal may take for ESC or CSI); else 0. */
size_t cs_roi_control_at(const char *s, size_t n);
/* Append s[0..n) escaped for HTML and SVG text and attribute values
 * (& < > " '); control characters but tab and newline become spaces. */
void cs_roi_html_escape(cs_buf *b, const char *s, size_t n);
void cs_roi_html_escapes(cs_buf *b, const char *s);
/* Append s for a Markdown table cell: | \ ` * _ [ ] < > # & escaped with a
 * backslash, control characters (newlines and tabs too) as spaces. */
void cs_roi_md_escape(cs_buf *b, const char *s, size_t n);

/* A linear map from the domain [d0, d1] to the range [r0, r1]. */
struct cs_svg_scale {
	double d0, d1, r0, r1;
};
double cs_svg_map(const struct cs_svg_scale *s, double v);
/* Round [lo, hi] out to a step of 1, 2 or 5 times a power of ten giving
 * about want intervals; returns the step. lo == hi is widened first. */
double cs_svg_nice(double *lo, double *hi, int want);

struct cs_svg_series {
	const char *name;
	const double *v;        /* one per category; NaN: no value */
};

struct cs_svg_chart {
	const char *id;         /* unique in the page, for aria-labelledby: "c3" */
	const char *title, *desc;
	const char *const *labels;   /* the categories */
	size_t n;
	const struct cs_svg_series *series;
	size_t nseries;
	enum cs_roi_unit unit;
	int zero_based;         /* the value axis includes 0 */
	double marker;          /* lines, bars: a dashed line at this category
				 * position (0 = the first; fractions between), NaN none */
	const char *marker_label;    /* tornado: the base's, below the axis */
	double base;            /* tornado: the value the bars start from */
	double width;           /* in viewBox units; 0: 640 (a small multiple: 420) */
};

/* Lines over the categories, a point per value (NaN leaves a gap). */
void cs_svg_lines(cs_buf *b, const struct cs_svg_chart *c);
/* Vertical bars, one group per category, one bar per series. */
void cs_svg_bars(cs_buf *b, const struct cs_svg_chart *c);
/* Horizontal bars of series[0], one row per category. */
void cs_svg_hbars(cs_buf *b, const struct cs_svg_chart *c);
/* Tornado: one row per category, bars from base to series[0] (low case)
 * and to series[1] (high case); rows in the order given. */
void cs_svg_tornado(cs_buf *b, const struct cs_svg_chart *c);
#endif
