/* eng_roi_text: a roi record as Markdown or HTML tables (see eng_roi_text.h). */
#include "eng_roi_text.h"
#include "eng_roi_svg.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLUMNS 40

/* Where the tables go: Markdown or HTML. */
typedef struct {
	cs_buf *out;
	int html;
	cs_buf scratch, cell;
} doc;

/* Control characters become spaces, in HTML (which forbids them in text;
 * tab and newline are kept) as in Markdown (where a newline ends the row). */
static void escaped(doc *d, const char *s)
{
	for (; *s; s++) {
		size_t control = d->html && (*s == '\t' || *s == '\n') ? 0 : cs_roi_control_at(s, 2);   /* s[1] is there: at worst the end */
		if (control) {
			cs_buf_addc(d->out, ' ');
			s += control - 1;
		} else if (d->html && (*s == '&' || *s == '<' || *s == '>' || *s == '"'))
			cs_buf_adds(d->out, *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : "&quot;");
		else if (!d->html && (*s == '|' || *s == '<'))   /* no HTML through Markdown */
			cs_buf_adds(d->out, *s == '|' ? "\\|" : "&lt;");
		else
			cs_buf_add(d->out, s, 1);
	}
}

static void heading(doc *d, int level, const char *text)
{
	if (d->html) {
		if (level > 1)
			cs_buf_adds(d->out, "<section>\n");
		cs_buf_printf(d->out, "<h%d>", level);
		escaped(d, text);
		cs_buf_printf(d->out, "</h%d>\n", level);
	} else {
		cs_buf_printf(d->out, "%.*s ", level, "######");
		escaped(d, text);
		cs_buf_adds(d->out, "\n\n");
	}
}

static void section_end(doc *d) { cs_buf_adds(d->out, d->html ? "</section>\n" : ""); }

static void paragraph(doc *d, const char *text)
{
	cs_buf_adds(d->out, d->html ? "<p>" : "");
	escaped(d, text);
	cs_buf_adds(d->out, d->html ? "</p>\n" : "\n\n");
}

/* An amount, a percentage or months: right-aligned in HTML. */
static int is_figure(const char *cell)
{
	size_t n = strspn(cell, "-0123456789,.%");
	return n > 0 && (cell[n] == '\0' || strcmp(cell + n, " months") == 0);
}

static void row(doc *d, const char *const *cells, size_t n, int head)
{
	cs_buf_adds(d->out, d->html ? "<tr>" : "|");
	for (size_t i = 0; i < n; i++) {
		if (d->html)
			cs_buf_adds(d->out, head ? "<th>" : is_figure(cells[i]) ? "<td class=n>" : "<td>");
		else
			cs_buf_adds(d->out, " ");
		escaped(d, cells[i]);
		cs_buf_adds(d->out, d->html ? (head ? "</th>" : "</td>") : " |");
	}
	cs_buf_adds(d->out, d->html ? "</tr>\n" : "\n");
	if (head && !d->html) {
		cs_buf_adds(d->out, "|");
		for (size_t i = 0; i < n; i++)
			cs_buf_adds(d->out, " --- |");
		cs_buf_adds(d->out, "\n");
	}
}

static void table_start(doc *d, const char *const *headers, size_t n)
{
	cs_buf_adds(d->out, d->html ? "<table>\n<thead>\n" : "");
	row(d, headers, n, 1);
	cs_buf_adds(d->out, d->html ? "</thead>\n<tbody>\n" : "");
}

static void table_end(doc *d) { cs_buf_adds(d->out, d->html ? "</tbody>\n</table>\n" : "\n"); }

/* ---- reading the record ---- */

static const char *text_of(doc *d, cs_jval obj, const char *key)
{
	const char *t = cs_jtext(cs_jget(obj, key), &d->scratch);
	return t ? t : "";
}

static int number_of(cs_jval v, double *out)
{
	char buf[64];
	if (v.t != CS_J_NUMBER || v.n >= sizeof buf)
		return 0;
	memcpy(buf, v.p, v.n);
	buf[v.n] = '\0';
	*out = strtod(buf, NULL);
	return 1;
}

void cs_roi_text_amount(double v, cs_buf *out)
{
	char digits[64];
	snprintf(digits, sizeof digits, "%.2f", fabs(v));
	char *dot = strchr(digits, '.');
	size_t whole = (size_t)(dot - digits);
	if (v < 0 && strcmp(digits, "0.00") != 0)
		cs_buf_adds(out, "-");
	for (size_t i = 0; i < whole; i++) {
		if (i && (whole - i) % 3 == 0)
			cs_buf_adds(out, ",");
		cs_buf_add(out, &digits[i], 1);
	}
	if (strcmp(dot, ".00") != 0)
		cs_buf_adds(out, dot);
}

/* obj.key as an amount into cell, or words when it is null. */
static const char *amount_of(doc *d, cs_jval obj, const char *key, const char *suffix, const char *if_null)
{
	double v;
	cs_buf_reset(&d->cell);
	if (!number_of(key ? cs_jget(obj, key) : obj, &v))
		return if_null;
	cs_roi_text_amount(v, &d->cell);
	cs_buf_adds(&d->cell, suffix);
	return d->cell.p;
}

/* ---- the sections ---- */

/* Cells kept while a row is built. */
typedef struct {
	cs_buf text[MAX_COLUMNS];
	const char *cells[MAX_COLUMNS];
	size_t n;
} cells;

static void cell_add(cells *c, const char *text)
{
	if (c->n == MAX_COLUMNS)
		return;
	cs_buf_reset(&c->text[c->n]);
	cs_buf_adds(&c->text[c->n], text);
	c->n++;
}

static void cells_row(doc *d, cells *c, int head)
{
	for (size_t i = 0; i < c->n; i++)
		c->cells[i] = c->text[i].p;
	if (head)
		table_start(d, c->cells, c->n);
	else
		row(d, c->cells, c->n, 0);
	for (size_t i = 0; i < MAX_COLUMNS; i++)
		cs_buf_free(&c->text[i]);
	c->n = 0;
}

static int take_first(cs_jval item, void *ctx)
{
	*(cs_jval *)ctx = item;
	return 1;
}

static void summary_table(doc *d, cs_jval roi, const char *npv_name)
{
	cs_jval formulas = cs_jget(roi, "formulas"), first_year = {0};
	cs_jeach(cs_jget(roi, "years"), take_first, &first_year);
	static const char *const headers[] = {"Figure", "Value", "Formula"};
	const struct {
		const char *name, *key, *suffix, *if_null;
		cs_jval from;
		const char *formula;
	} figures[] = {
		{"Yearly benefit at the full rate", "yearly_benefit", "", "-", formulas, "yearly_benefit"},
		{"First-year cost", "first_year_cost", "", "-", first_year, "cost_formula"},
		{"Benefit over the horizon", "benefit_total", "", "-", formulas, "benefit_total"},
		{"Cost over the horizon", "cost_total", "", "-", formulas, "cost_total"},
		{"Net benefit over the horizon", "net_total", "", "-", {0}, NULL},
		{"ROI over the horizon", "roi_pct", "%", "none (no cost)", formulas, "roi_pct"},
		{npv_name, "npv", "", "-", formulas, "npv"},
		{"Payback", "payback_months", " months", "not within the horizon", formulas, "payback_months"},
	};
	table_start(d, headers, 3);
	for (size_t i = 0; i < sizeof figures / sizeof *figures; i++) {
		cells c = {0};
		cell_add(&c, figures[i].name);
		cell_add(&c, amount_of(d, roi, figures[i].key, figures[i].suffix, figures[i].if_null));
		cell_add(&c, figures[i].formula ? text_of(d, figures[i].from, figures[i].formula)
						: "benefit over the horizon - cost over the horizon");
		cells_row(d, &c, 0);
	}
	table_end(d);
}

static void summary(doc *d, cs_jval roi)
{
	char npv_name[64], line[160];
	snprintf(npv_name, sizeof npv_name, "NPV at %s", text_of(d, roi, "discount_rate"));
	heading(d, 2, "Summary");
	int years = (int)cs_jint(cs_jget(roi, "horizon_years"), 0);
	snprintf(line, sizeof line, "Horizon %d year%s, amounts in %s.", years, years == 1 ? "" : "s",
		 cs_jget(roi, "currency").t == CS_J_STRING ? text_of(d, roi, "currency") : "the model's currency");
	paragraph(d, line);
	summary_table(d, roi, npv_name);
	section_end(d);
}

struct each_ctx {
	doc *d;
	cs_jval roi;
	void (*fn)(doc *d, cs_jval roi, cs_jval item);
};

static int each_one(cs_jval item, void *ctx)
{
	struct each_ctx *e = ctx;
	e->fn(e->d, e->roi, item);
	return 0;
}

static void each(doc *d, cs_jval roi, const char *key, void (*fn)(doc *d, cs_jval roi, cs_jval item))
{
	struct each_ctx e = {d, roi, fn};
	cs_jeach(cs_jget(roi, key), each_one, &e);
}

static int year_cell(cs_jval item, void *ctx)
{
	void **pair = ctx;
	cell_add(pair[1], amount_of(pair[0], item, NULL, "", "-"));
	return 0;
}

static void driver_row(doc *d, cs_jval roi, cs_jval driver)
{
	(void)roi;
	cells c = {0};
	cell_add(&c, text_of(d, driver, "name"));
	cell_add(&c, text_of(d, driver, "source"));
	void *pair[2] = {d, &c};
	cs_jeach(cs_jget(driver, "yearly"), year_cell, pair);
	cell_add(&c, text_of(d, driver, "formula"));
	cells_row(d, &c, 0);
}

static void drivers(doc *d, cs_jval roi)
{
	cells c = {0};
	cell_add(&c, "Driver");
	cell_add(&c, "Source");
	size_t years = cs_jlen(cs_jget(roi, "years"));
	for (size_t y = 1; y <= years && c.n + 1 < MAX_COLUMNS; y++) {
		char name[24];
		snprintf(name, sizeof name, "Year %zu", y);
		cell_add(&c, name);
	}
	cell_add(&c, "Formula (a year at the full rate)");
	heading(d, 2, "Benefit drivers");
	cells_row(d, &c, 1);
	each(d, roi, "drivers", driver_row);
	table_end(d);
	section_end(d);
}

static void cost_row(doc *d, cs_jval roi, cs_jval cost)
{
	(void)roi;
	cells c = {0};
	cell_add(&c, text_of(d, cost, "name"));
	cell_add(&c, amount_of(d, cost, "once", "", "-"));
	cell_add(&c, amount_of(d, cost, "yearly", "", "-"));
	cell_add(&c, text_of(d, cost, "formula"));
	cells_row(d, &c, 0);
}

/* A section of one table, a row for each element of roi.key. */
static void list_section(doc *d, cs_jval roi, const char *title, const char *const *headers, size_t n,
			 const char *key, void (*fn)(doc *d, cs_jval roi, cs_jval item))
{
	heading(d, 2, title);
	if (strcmp(key, "sensitivity") == 0)
		paragraph(d, text_of(d, cs_jget(roi, "conventions"), "sensitivity"));
	table_start(d, headers, n);
	each(d, roi, key, fn);
	table_end(d);
	section_end(d);
}

static void costs(doc *d, cs_jval roi)
{
	static const char *const headers[] = {"Cost", "Once", "A year", "Formula"};
	list_section(d, roi, "Costs", headers, 4, "costs", cost_row);
}

static void year_row(doc *d, cs_jval roi, cs_jval year)
{
	(void)roi;
	cells c = {0};
	cell_add(&c, text_of(d, year, "year"));
	static const char *const keys[] = {"benefit", "cost", "net", "cumulative_net"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		cell_add(&c, amount_of(d, year, keys[i], "", "-"));
	cell_add(&c, text_of(d, year, "benefit_formula"));
	cells_row(d, &c, 0);
}

static void years(doc *d, cs_jval roi)
{
	static const char *const headers[] = {"Year", "Benefit", "Cost", "Net", "Cumulative net", "Benefit formula"};
	list_section(d, roi, "Cash flow by year", headers, 6, "years", year_row);
}

static void sensitivity_row(doc *d, cs_jval roi, cs_jval s)
{
	(void)roi;
	cells c = {0};
	cell_add(&c, text_of(d, s, cs_jget(s, "name").t == CS_J_STRING ? "name" : "driver"));
	static const char *const keys[] = {"roi_pct", "npv", "payback_months"};
	static const char *const suffix[] = {"%", "", ""};
	for (size_t i = 0; i < 3; i++)
		for (int side = 0; side < 2; side++)
			cell_add(&c, amount_of(d, cs_jget(s, side ? "plus_20" : "minus_20"), keys[i], suffix[i],
					       i == 2 ? "not within the horizon" : "-"));
	cells_row(d, &c, 0);
}

static void sensitivity(doc *d, cs_jval roi)
{
	static const char *const headers[] = {"Driver", "ROI at -20%", "ROI at +20%", "NPV at -20%",
					      "NPV at +20%", "Payback at -20% (months)", "Payback at +20% (months)"};
	list_section(d, roi, "Sensitivity", headers, 7, "sensitivity", sensitivity_row);
}

static void conventions(doc *d, cs_jval roi)
{
	static const char *const keys[] = {"payback", "roi", "npv", "ramp", "measured", "rounding"};
	static const char *const names[] = {"Payback", "ROI", "NPV", "Ramp-up", "Measured inputs", "Rounding"};
	cs_jval conv = cs_jget(roi, "conventions");
	heading(d, 2, "Conventions");
	cs_buf_adds(d->out, d->html ? "<ul>\n" : "");
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		cs_buf_adds(d->out, d->html ? "<li><b>" : "- **");
		escaped(d, names[i]);
		cs_buf_adds(d->out, d->html ? "</b>: " : "**: ");
		escaped(d, text_of(d, conv, keys[i]));
		cs_buf_adds(d->out, d->html ? "</li>\n" : "\n");
	}
	cs_buf_adds(d->out, d->html ? "</ul>\n" : "\n");
	section_end(d);
}

static void sections(doc *d, cs_jval roi)
{
	summary(d, roi);
	drivers(d, roi);
	costs(d, roi);
	years(d, roi);
	sensitivity(d, roi);
	conventions(d, roi);
	cs_buf_free(&d->scratch);
	cs_buf_free(&d->cell);
}

void cs_roi_text_md(cs_jval roi, cs_buf *out)
{
	doc d = {.out = out};
	heading(&d, 1, "Business case");
	sections(&d, roi);
}

void cs_roi_text_html(cs_jval roi, cs_buf *out)
{
	doc d = {.out = out, .html = 1};
	sections(&d, roi);
}

void cs_roi_text_html_page(cs_jval roi, cs_buf *out)
{
	cs_buf_adds(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
			 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			 "<title>Business case</title>\n<style>\n"
			 ":root{color-scheme:light dark}\n"
			 "body{font:15px/1.45 system-ui,sans-serif;max-width:70em;margin:1em auto;padding:0 1em}\n"
			 "table{border-collapse:collapse;margin:.5em 0 1.5em;display:block;overflow-x:auto}\n"
			 "th,td{border:1px solid #8888;padding:.25em .5em;text-align:left;vertical-align:top}\n"
			 "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
			 "</style>\n</head>\n<body>\n<h1>Business case</h1>\n");
	cs_roi_text_html(roi, out);
	cs_buf_adds(out, "</body>\n</html>\n");
}
