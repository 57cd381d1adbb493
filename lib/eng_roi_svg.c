/* eng_roi_svg: inline SVG charts, number formats, escaping (see eng_roi_svg.h). */
#include "eng_roi_svg.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define WIDTH 640.0
#define CHAR_WIDTH 7.0        /* about, at the stylesheet's 12px; a wide (CJK) character takes two */
#define PLOT_HEIGHT 260.0
#define ROW_HEIGHT 24.0
#define LABEL_WIDTH 150.0     /* the row labels' column, at least */
#define LABEL_SHARE 0.4       /* and at most this share of the chart's width */
#define LABEL_GAP 12.0        /* the column's margins: 6 at the edge, 6 before the plot */
#define MAX_X_LABELS 8
#define MAX_X_LABEL_UNITS 19  /* 16 characters and "..." */
#define MAX_LEGEND_UNITS 24
#define MAX_MARKER_UNITS 40

/* ---- numbers ---- */

static double no_minus_zero(double v) { return v == 0 ? 0 : v; }

/* Whole v with thousands grouped. */
static void add_grouped(cs_buf *b, double v)
{
	char digits[64];
	double r = no_minus_zero(round(v));
	if (fabs(r) >= 1e15) {
		cs_buf_printf(b, "%.3g", r);
		return;
	}
	int len = snprintf(digits, sizeof digits, "%.0f", fabs(r));
	if (r < 0)
		cs_buf_addc(b, '-');
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			cs_buf_addc(b, ',');
		cs_buf_addc(b, digits[i]);
	}
}

/* v with at most decimals places, trailing zeros (and point) dropped. */
static void add_trimmed(cs_buf *b, double v, int decimals)
{
	char s[64];
	double scale = pow(10, decimals);
	int len = snprintf(s, sizeof s, "%.*f", decimals, no_minus_zero(round(v * scale) / scale));
	if (len <= 0 || (size_t)len >= sizeof s) {
		cs_buf_printf(b, "%.3g", v);
		return;
	}
	if (memchr(s, '.', (size_t)len)) {
		while (s[len - 1] == '0')
			len--;
		if (s[len - 1] == '.')
			len--;
	}
	cs_buf_add(b, s, (size_t)len);
}

void cs_roi_fmt(cs_buf *b, double v, enum cs_roi_unit unit)
{
	double scaled = unit == CS_U_PCT ? v * 1000 : v * 100;   /* what rounding works on */
	if (!isfinite(v) || !isfinite(scaled)) {
		cs_buf_adds(b, "n/a");
		return;
	}
	switch (unit) {
	case CS_U_NUM: add_trimmed(b, v, 2); break;
	case CS_U_COUNT:
		if (v == round(v))
			add_grouped(b, v);
		else
			cs_buf_printf(b, "%.1f", v);
		break;
	case CS_U_PCT: cs_buf_printf(b, "%.1f%%", no_minus_zero(round(v * 1000) / 10)); break;
	case CS_U_SEC: add_grouped(b, v); cs_buf_adds(b, " s"); break;
	case CS_U_MONEY: add_grouped(b, v); break;
	case CS_U_MONTHS:
	case CS_U_SCORE: cs_buf_printf(b, "%.1f", no_minus_zero(round(v * 10) / 10)); break;
	}
}

void cs_roi_fmt_tick(cs_buf *b, double v, enum cs_roi_unit unit)
{
	double a = fabs(v);
	if (!isfinite(v * 1000)) {
		cs_buf_adds(b, "n/a");
		return;
	}
	if (unit == CS_U_PCT) {
		add_trimmed(b, v * 100, 1);
		cs_buf_addc(b, '%');
	} else if ((unit == CS_U_MONEY || unit == CS_U_COUNT) && a >= 1e6) {
		add_trimmed(b, v / 1e6, 2);
		cs_buf_addc(b, 'M');
	} else if ((unit == CS_U_MONEY || unit == CS_U_COUNT) && a >= 1e4) {
		add_trimmed(b, v / 1e3, 1);
		cs_buf_addc(b, 'k');
	} else {
		add_trimmed(b, v, 2);
	}
}

/* ---- escaping ---- */

size_t cs_roi_control_at(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x20 || c == 0x7f)
		return 1;
	return c == 0xc2 && n > 1 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9f ? 2 : 0;
}

void cs_roi_html_escape(cs_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		size_t control = c == '\t' || c == '\n' ? 0 : cs_roi_control_at(s + i, n - i);
		if (control) {
			cs_buf_addc(b, ' ');
			i += control - 1;
			continue;
		}
		switch (c) {
		case '&': cs_buf_adds(b, "&amp;"); break;
		case '<': cs_buf_adds(b, "&lt;"); break;
		case '>': cs_buf_adds(b, "&gt;"); break;
		case '"': cs_buf_adds(b, "&quot;"); break;
		case '\'': cs_buf_adds(b, "&#39;"); break;
		default: cs_buf_addc(b, (char)c);
		}
	}
}

void cs_roi_html_escapes(cs_buf *b, const char *s) { cs_roi_html_escape(b, s, strlen(s)); }

void cs_roi_md_escape(cs_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		size_t control = cs_roi_control_at(s + i, n - i);
		if (control) {
			cs_buf_addc(b, ' ');
			i += control - 1;
		} else if (strchr("|\\`*_[]<>#&", c))
			cs_buf_add(b, (const char[]){'\\', (char)c}, 2);
		else
			cs_buf_addc(b, (char)c);
	}
}

/* ---- label widths ---- */

/* East Asian wide and full-width characters: CJK, kana, hangul, full-width
 * forms, emoji; drawn about twice as wide as a Latin letter. */
static int is_wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	       (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	       (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* The code point at s[*i], *i moved past it; a stray byte counts as one. */
static uint32_t next_char(const char *s, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	int extra = p[0] >= 0xF0 ? 3 : p[0] >= 0xE0 ? 2 : p[0] >= 0xC0 ? 1 : 0;
	uint32_t cp = extra ? p[0] & (0x3F >> extra) : p[0];
	size_t k = 1;
	for (; k <= (size_t)extra && (p[k] & 0xC0) == 0x80; k++)
		cp = cp << 6 | (p[k] & 0x3F);
	*i += k;
	return k == (size_t)extra + 1 ? cp : p[0];
}

/* The width of s in units of CHAR_WIDTH. */
static size_t label_units(const char *s)
{
	size_t units = 0;
	for (size_t i = 0; s[i];)
		units += is_wide(next_char(s, &i)) ? 2 : 1;
	return units;
}

/* s escaped, cut with "..." to at most max units in all. */
static void add_label(cs_buf *b, const char *s, size_t max)
{
	if (label_units(s) <= max) {
		cs_roi_html_escapes(b, s);
		return;
	}
	size_t i = 0, units = 0;
	while (s[i]) {
		size_t next = i, w = is_wide(next_char(s, &next)) ? 2 : 1;
		if (units + w + 3 > max)
			break;
		units += w;
		i = next;
	}
	cs_roi_html_escape(b, s, i);
	cs_buf_adds(b, "...");
}

/* How wide add_label draws s within max units. */
static double label_width(const char *s, size_t max)
{
	size_t units = label_units(s);
	return (double)(units <= max ? units : max) * CHAR_WIDTH;
}

/* ---- scales ---- */

double cs_svg_map(const struct cs_svg_scale *s, double v)
{
	if (s->d1 == s->d0)
		return (s->r0 + s->r1) / 2;
	return s->r0 + (v - s->d0) * (s->r1 - s->r0) / (s->d1 - s->d0);
}

double cs_svg_nice(double *lo, double *hi, int want)
{
	if (!(*hi > *lo)) {
		double pad = *lo == 0 ? 1 : fabs(*lo) * 0.1;
		*lo -= *lo == 0 ? 0 : pad;
		*hi += pad;
	}
	if (!isfinite(*hi - *lo)) {   /* beyond any chart: one of 0..1 */
		*lo = 0;
		*hi = 1;
	}
	double raw = (*hi - *lo) / (want > 0 ? want : 1), mag = pow(10, floor(log10(raw))), f = raw / mag;
	double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
	*lo = floor(*lo / step + 1e-9) * step;
	*hi = ceil(*hi / step - 1e-9) * step;
	return step;
}

/* ---- drawing ---- */

static double width_of(const struct cs_svg_chart *c) { return c->width > 0 ? c->width : WIDTH; }

/* A coordinate; one that overflowed is drawn at 0 rather than written as "nan",
 * which a browser rejects with a console error. */
static void num(cs_buf *b, double v)
{
	double r = round(v * 10) / 10;
	cs_buf_printf(b, "%.1f", isfinite(r) ? no_minus_zero(r) : 0.0);
}

static void open_svg(cs_buf *b, const struct cs_svg_chart *c, double height)
{
	cs_buf_adds(b, "<svg class=\"chart\" viewBox=\"0 0 ");
	num(b, width_of(c));
	cs_buf_addc(b, ' ');
	num(b, height);
	cs_buf_printf(b, "\" role=\"img\" aria-labelledby=\"%s-t %s-d\">\n<title id=\"%s-t\">", c->id, c->id, c->id);
	cs_roi_html_escapes(b, c->title);
	cs_buf_printf(b, "</title>\n<desc id=\"%s-d\">", c->id);
	cs_roi_html_escapes(b, c->desc);
	cs_buf_adds(b, "</desc>\n");
}

static void text_at(cs_buf *b, double x, double y, const char *anchor, const char *cls)
{
	cs_buf_adds(b, "<text x=\"");
	num(b, x);
	cs_buf_adds(b, "\" y=\"");
	num(b, y);
	cs_buf_printf(b, "\" text-anchor=\"%s\"", anchor);
	if (cls)
		cs_buf_printf(b, " class=\"%s\"", cls);
	cs_buf_addc(b, '>');
}

static void line(cs_buf *b, const char *cls, double x1, double y1, double x2, double y2)
{
	cs_buf_printf(b, "<line class=\"%s\" x1=\"", cls);
	num(b, x1);
	cs_buf_adds(b, "\" y1=\"");
	num(b, y1);
	cs_buf_adds(b, "\" x2=\"");
	num(b, x2);
	cs_buf_adds(b, "\" y2=\"");
	num(b, y2);
	cs_buf_adds(b, "\"/>\n");
}

/* A mark's tooltip: "SERIES, LABEL: VALUE" (the series when there are several). */
static void mark_title(cs_buf *b, const struct cs_svg_chart *c, size_t k, size_t i, double v)
{
	cs_buf_adds(b, "<title>");
	if (c->nseries > 1) {
		cs_roi_html_escapes(b, c->series[k].name);
		cs_buf_adds(b, ", ");
	}
	cs_roi_html_escapes(b, c->labels[i]);
	cs_buf_adds(b, ": ");
	cs_roi_fmt(b, v, c->unit);
	cs_buf_adds(b, "</title>");
}

static void rect_mark(cs_buf *b, const struct cs_svg_chart *c, size_t k, size_t i, double x0, double y0, double x1,
		      double y1)
{
	double v = c->series[k].v[i];
	cs_buf_printf(b, "<rect class=\"m s%zu%s\" x=\"", k % 4, v < 0 ? " neg" : "");
	num(b, fmin(x0, x1));
	cs_buf_adds(b, "\" y=\"");
	num(b, fmin(y0, y1));
	cs_buf_adds(b, "\" width=\"");
	num(b, fabs(x1 - x0));
	cs_buf_adds(b, "\" height=\"");
	num(b, fabs(y1 - y0));
	cs_buf_adds(b, "\">");
	mark_title(b, c, k, i, v);
	cs_buf_adds(b, "</rect>\n");
}

static void legend(cs_buf *b, const struct cs_svg_chart *c, double x0)
{
	for (size_t k = 0; k < c->nseries; k++) {
		double x = x0 + (double)k * 150;
		cs_buf_printf(b, "<rect class=\"key s%zu\" x=\"", k % 4);
		num(b, x);
		cs_buf_adds(b, "\" y=\"4\" width=\"10\" height=\"10\"/>");
		text_at(b, x + 14, 13, "start", NULL);
		add_label(b, c->series[k].name, MAX_LEGEND_UNITS);
		cs_buf_adds(b, "</text>\n");
	}
}

/* The value range of every series (and 0, base or the marker's needs). */
static void value_range(const struct cs_svg_chart *c, int with_zero, double *lo, double *hi)
{
	*lo = INFINITY;
	*hi = -INFINITY;
	for (size_t k = 0; k < c->nseries; k++)
		for (size_t i = 0; i < c->n; i++)
			if (isfinite(c->series[k].v[i])) {
				*lo = fmin(*lo, c->series[k].v[i]);
				*hi = fmax(*hi, c->series[k].v[i]);
			}
	if (!isfinite(*lo))
		*lo = *hi = 0;
	if (with_zero) {
		*lo = fmin(*lo, 0);
		*hi = fmax(*hi, 0);
	}
}

/* Every how many categories a label fits (at most MAX_X_LABELS, none overlapping). */
static size_t label_step(const struct cs_svg_chart *c, double plot_width)
{
	double longest = CHAR_WIDTH;
	for (size_t i = 0; i < c->n; i++)
		longest = fmax(longest, label_width(c->labels[i], MAX_X_LABEL_UNITS));
	double fit = plot_width / (longest + 12);
	size_t most = fit < 1 ? 1 : fit > MAX_X_LABELS ? MAX_X_LABELS : (size_t)fit;
	return (c->n + most - 1) / most ? (c->n + most - 1) / most : 1;
}

/* A category label centred under x, moved in from the chart's edges. */
static void x_label(cs_buf *b, const struct cs_svg_chart *c, const char *label, double x, double y)
{
	double half = label_width(label, MAX_X_LABEL_UNITS) / 2 + 2;
	text_at(b, fmax(half, fmin(x, width_of(c) - half)), y, "middle", NULL);
	add_label(b, label, MAX_X_LABEL_UNITS);
	cs_buf_adds(b, "</text>\n");
}

struct frame {
	double top, bottom, left, right, band;
	struct cs_svg_scale y;
};

/* The value axis on the left and the category labels below, for lines and bars. */
static void vertical_frame(cs_buf *b, const struct cs_svg_chart *c, int with_zero, struct frame *f)
{
	double lo, hi;
	value_range(c, with_zero, &lo, &hi);
	double step = cs_svg_nice(&lo, &hi, 5);
	f->top = c->nseries > 1 ? 28 : 12;
	f->bottom = PLOT_HEIGHT - 40;
	f->left = 56;
	f->right = width_of(c) - 16;
	f->band = (f->right - f->left) / (double)(c->n ? c->n : 1);
	f->y = (struct cs_svg_scale){lo, hi, f->bottom, f->top};
	long ticks = lround((hi - lo) / step);
	for (long t = 0; t <= ticks && t <= 20; t++) {
		double v = lo + (double)t * step, y = cs_svg_map(&f->y, v);
		line(b, v == 0 ? "axis" : "grid", f->left, y, f->right, y);
		text_at(b, f->left - 6, y + 4, "end", NULL);
		cs_roi_fmt_tick(b, v, c->unit);
		cs_buf_adds(b, "</text>\n");
	}
	for (size_t i = 0, every = label_step(c, f->right - f->left); i < c->n; i += every)
		x_label(b, c, c->labels[i], f->left + f->band * ((double)i + 0.5), f->bottom + 18);
	if (c->nseries > 1)
		legend(b, c, f->left);
}

static void marker(cs_buf *b, const struct cs_svg_chart *c, const struct frame *f)
{
	if (!isfinite(c->marker))
		return;
	double x = f->left + f->band * (c->marker + 0.5);
	line(b, "marker", x, f->top, x, f->bottom);
	int right_side = x > width_of(c) * 0.7;
	text_at(b, right_side ? x - 4 : x + 4, f->top + 12, right_side ? "end" : "start", "marker-label");
	add_label(b, c->marker_label ? c->marker_label : "", MAX_MARKER_UNITS);
	cs_buf_adds(b, "</text>\n");
}

void cs_svg_lines(cs_buf *b, const struct cs_svg_chart *c)
{
	struct frame f;
	open_svg(b, c, PLOT_HEIGHT);
	vertical_frame(b, c, c->zero_based, &f);
	for (size_t k = 0; k < c->nseries; k++) {
		const double *v = c->series[k].v;
		cs_buf_printf(b, "<path class=\"line s%zu\" d=\"", k % 4);
		int pen_down = 0;
		for (size_t i = 0; i < c->n; i++) {
			if (!isfinite(v[i])) {
				pen_down = 0;
				continue;
			}
			cs_buf_adds(b, pen_down ? " L" : " M");
			num(b, f.left + f.band * ((double)i + 0.5));
			cs_buf_addc(b, ' ');
			num(b, cs_svg_map(&f.y, v[i]));
			pen_down = 1;
		}
		cs_buf_adds(b, "\"/>\n");
		for (size_t i = 0; i < c->n; i++) {
			if (!isfinite(v[i]))
				continue;
			cs_buf_printf(b, "<circle class=\"m s%zu\" cx=\"", k % 4);
			num(b, f.left + f.band * ((double)i + 0.5));
			cs_buf_adds(b, "\" cy=\"");
			num(b, cs_svg_map(&f.y, v[i]));
			cs_buf_adds(b, "\" r=\"3\">");
			mark_title(b, c, k, i, v[i]);
			cs_buf_adds(b, "</circle>\n");
		}
	}
	marker(b, c, &f);
	cs_buf_adds(b, "</svg>\n");
}

void cs_svg_bars(cs_buf *b, const struct cs_svg_chart *c)
{
	struct frame f;
	open_svg(b, c, PLOT_HEIGHT);
	vertical_frame(b, c, 1, &f);
	double group = f.band * 0.8, width = group / (double)(c->nseries ? c->nseries : 1);
	double y0 = cs_svg_map(&f.y, 0);
	for (size_t i = 0; i < c->n; i++)
		for (size_t k = 0; k < c->nseries; k++) {
			double v = c->series[k].v[i];
			if (!isfinite(v))
				continue;
			double x = f.left + f.band * (double)i + f.band * 0.1 + width * (double)k;
			rect_mark(b, c, k, i, x, y0, x + width, cs_svg_map(&f.y, v));
		}
	marker(b, c, &f);
	cs_buf_adds(b, "</svg>\n");
}

/* The row labels' column: as wide as the longest label needs, from
 * LABEL_WIDTH to LABEL_SHARE of the chart; a label longer than that is cut. */
static double label_column(const struct cs_svg_chart *c, size_t *max_units)
{
	size_t longest = 0;
	for (size_t i = 0; i < c->n; i++) {
		size_t units = label_units(c->labels[i]);
		longest = units > longest ? units : longest;
	}
	double column = fmax(LABEL_WIDTH, fmin((double)longest * CHAR_WIDTH + LABEL_GAP, width_of(c) * LABEL_SHARE));
	*max_units = (size_t)((column - LABEL_GAP) / CHAR_WIDTH);
	return column;
}

/* Rows with labels on the left and the value axis below, for hbars and the tornado. */
static double horizontal_frame(cs_buf *b, const struct cs_svg_chart *c, double lo, double hi, double pad_left,
			       double pad_right, struct cs_svg_scale *x)
{
	double step = cs_svg_nice(&lo, &hi, 4), top = c->nseries > 1 ? 24 : 8;
	double bottom = top + ROW_HEIGHT * (double)c->n, height = bottom + (c->marker_label ? 46 : 28);
	size_t max_units;
	double column = label_column(c, &max_units);
	open_svg(b, c, height);
	*x = (struct cs_svg_scale){lo, hi, column + pad_left, width_of(c) - pad_right};
	long ticks = lround((hi - lo) / step);
	for (long t = 0; t <= ticks && t <= 20; t++) {
		double v = lo + (double)t * step, at = cs_svg_map(x, v);
		line(b, v == 0 ? "axis" : "grid", at, top, at, bottom);
		text_at(b, at, bottom + 18, "middle", NULL);
		cs_roi_fmt_tick(b, v, c->unit);
		cs_buf_adds(b, "</text>\n");
	}
	for (size_t i = 0; i < c->n; i++) {
		text_at(b, column - LABEL_GAP / 2, top + ROW_HEIGHT * ((double)i + 0.5) + 4, "end", NULL);
		add_label(b, c->labels[i], max_units);
		cs_buf_adds(b, "</text>\n");
	}
	if (c->nseries > 1)
		legend(b, c, column);
	return top;
}

static void value_text(cs_buf *b, double x, double y, const char *anchor, double v, enum cs_roi_unit unit)
{
	text_at(b, x, y, anchor, "value");
	cs_roi_fmt(b, v, unit);
	cs_buf_adds(b, "</text>\n");
}

void cs_svg_hbars(cs_buf *b, const struct cs_svg_chart *c)
{
	double lo, hi;
	struct cs_svg_scale x;
	value_range(c, 1, &lo, &hi);
	double top = horizontal_frame(b, c, lo, hi, 4, 72, &x);
	const double *v = c->series[0].v;
	for (size_t i = 0; i < c->n; i++) {
		if (!isfinite(v[i]))
			continue;
		double y = top + ROW_HEIGHT * (double)i + 4, end = cs_svg_map(&x, v[i]);
		rect_mark(b, c, 0, i, cs_svg_map(&x, 0), y, end, y + ROW_HEIGHT - 8);
		value_text(b, v[i] < 0 ? end - 4 : end + 4, y + ROW_HEIGHT / 2, v[i] < 0 ? "end" : "start", v[i], c->unit);
	}
	cs_buf_adds(b, "</svg>\n");
}

void cs_svg_tornado(cs_buf *b, const struct cs_svg_chart *c)
{
	double lo, hi;
	struct cs_svg_scale x;
	value_range(c, 0, &lo, &hi);
	lo = fmin(lo, c->base);
	hi = fmax(hi, c->base);
	double top = horizontal_frame(b, c, lo, hi, 56, 56, &x), at_base = cs_svg_map(&x, c->base);
	for (size_t i = 0; i < c->n; i++) {
		double y = top + ROW_HEIGHT * (double)i + 4, v0 = c->series[0].v[i], v1 = c->series[1].v[i];
		for (size_t k = 0; k < 2 && k < c->nseries; k++)
			if (isfinite(c->series[k].v[i]))
				rect_mark(b, c, k, i, at_base, y, cs_svg_map(&x, c->series[k].v[i]), y + ROW_HEIGHT - 8);
		double small = fmin(v0, v1), large = fmax(v0, v1);
		if (isfinite(small))
			value_text(b, cs_svg_map(&x, small) - 4, y + ROW_HEIGHT / 2, "end", small, c->unit);
		if (isfinite(large) && large != small)
			value_text(b, cs_svg_map(&x, large) + 4, y + ROW_HEIGHT / 2, "start", large, c->unit);
	}
	double bottom = top + ROW_HEIGHT * (double)c->n;
	line(b, "marker", at_base, top - 4, at_base, bottom);
	if (c->marker_label) {
		text_at(b, at_base, bottom + 38, "middle", "marker-label");
		add_label(b, c->marker_label, MAX_MARKER_UNITS);
		cs_buf_adds(b, "</text>\n");
	}
	cs_buf_adds(b, "</svg>\n");
}
