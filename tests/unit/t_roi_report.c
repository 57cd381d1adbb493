/* cs-roi report: number formats, escaping, scales, row labels that fit their
 * chart, the tornado order, the cash flow by month, KPIs worked out again from
 * counts, absent sections, escaping of record text, and the same bytes for
 * the same input in any order. */
#include "eng_roi_report.h"
#include "eng_roi_svg.h"
#include "kit_buf.h"
#include "kit_msg.h"
#include "tap.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *fmt(double v, enum cs_roi_unit unit, int tick)
{
	static cs_buf b;
	cs_buf_reset(&b);
	if (tick)
		cs_roi_fmt_tick(&b, v, unit);
	else
		cs_roi_fmt(&b, v, unit);
	return b.p;
}

static void test_formats(void)
{
	is_str(fmt(12345, CS_U_COUNT, 0), "12,345", "count grouped");
	is_str(fmt(-1234567, CS_U_COUNT, 0), "-1,234,567", "negative count grouped");
	is_str(fmt(999, CS_U_COUNT, 0), "999", "three digits, no comma");
	is_str(fmt(0.8, CS_U_PCT, 0), "80.0%", "share as a percentage");
	is_str(fmt(0.12345, CS_U_PCT, 0), "12.3%", "percentage rounded to 1 decimal");
	is_str(fmt(-0.0001, CS_U_PCT, 0), "0.0%", "no minus zero");
	is_str(fmt(359.6, CS_U_SEC, 0), "360 s", "seconds whole");
	is_str(fmt(1960000, CS_U_MONEY, 0), "1,960,000", "money grouped");
	is_str(fmt(5.125, CS_U_NUM, 0), "5.13", "number to 2 decimals");
	is_str(fmt(14, CS_U_NUM, 0), "14", "trailing zeros dropped");
	is_str(fmt(82.123, CS_U_SCORE, 0), "82.1", "score to 1 decimal");
	is_str(fmt(NAN, CS_U_PCT, 0), "n/a", "NaN is n/a");
	is_str(fmt(0.8, CS_U_PCT, 1), "80%", "tick percentage");
	is_str(fmt(1500000, CS_U_MONEY, 1), "1.5M", "tick millions");
	is_str(fmt(250000, CS_U_MONEY, 1), "250k", "tick thousands");
	is_str(fmt(-2000000, CS_U_MONEY, 1), "-2M", "tick negative millions");
	is_str(fmt(360, CS_U_SEC, 1), "360", "tick seconds");
}

static void test_escaping(void)
{
	cs_buf b = CS_BUF_INIT;
	const char evil[] = "<a href=\"x\">&'\x01";
	cs_roi_html_escape(&b, evil, sizeof evil - 1);
	is_str(b.p, "&lt;a href=&quot;x&quot;&gt;&amp;&#39; ", "HTML: markup characters escaped, control to space");
	cs_buf_reset(&b);
	cs_roi_html_escapes(&b, "caf\xc3\xa9");
	is_str(b.p, "caf\xc3\xa9", "HTML: UTF-8 kept");
	cs_buf_reset(&b);
	const char md[] = "a|b_c*d\n<e>&f";
	cs_roi_md_escape(&b, md, sizeof md - 1);
	is_str(b.p, "a\\|b\\_c\\*d \\<e\\>\\&f", "Markdown: table, emphasis and entity characters escaped, newline to space");
	cs_buf_free(&b);
}

static void test_scales(void)
{
	double lo = 0, hi = 87, step = cs_svg_nice(&lo, &hi, 5);
	ok(step == 20 && lo == 0 && hi == 100, "0..87 in 5: step 20, to 100 (got %g %g..%g)", step, lo, hi);
	lo = 0.7, hi = 0.85;
	step = cs_svg_nice(&lo, &hi, 5);
	ok(fabs(step - 0.05) < 1e-12 && fabs(lo - 0.7) < 1e-12 && fabs(hi - 0.85) < 1e-12,
	   "0.7..0.85: step 0.05, ends kept (got %g %g..%g)", step, lo, hi);
	lo = -50000, hi = 5980000;
	step = cs_svg_nice(&lo, &hi, 5);
	ok(step == 2000000 && lo == -2000000 && hi == 6000000, "cash flow range: step 2M (got %g %g..%g)", step, lo, hi);
	lo = hi = 0;
	step = cs_svg_nice(&lo, &hi, 5);
	ok(hi > lo && step > 0, "an empty range is widened (got %g..%g)", lo, hi);
	lo = hi = 42;
	cs_svg_nice(&lo, &hi, 5);
	ok(lo <= 42 && hi >= 42 && hi > lo, "one value is widened around it (got %g..%g)", lo, hi);
	struct cs_svg_scale s = {0, 100, 200, 0};
	ok(cs_svg_map(&s, 50) == 100 && cs_svg_map(&s, 0) == 200 && cs_svg_map(&s, 100) == 0, "linear map, inverted range");
}

/* The drawn width of an SVG label at 12px: about 7 units a Latin letter,
 * 12 (a full em) a CJK character. */
static double drawn_width(const char *s, size_t n)
{
	double w = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0xE0) {
			w += 12;
			i += 2;
		} else if ((c & 0xC0) != 0x80) {
			w += 7;
		}
	}
	return w;
}

/* Each right-aligned row label of the chart ends where it starts inside the
 * chart: x minus its width is at least 0. The first that does not, or NULL. */
static const char *label_outside(const char *svg)
{
	static char bad[256];
	const char *anchor = "text-anchor=\"end\">";
	for (const char *p = strstr(svg, anchor); p; p = strstr(p + 1, anchor)) {
		const char *x = p;
		while (x > svg && strncmp(x, "<text x=\"", 9) != 0)
			x--;
		const char *text = p + strlen(anchor), *end = strchr(text, '<');
		if (atof(x + 9) - drawn_width(text, (size_t)(end - text)) < 0) {
			snprintf(bad, sizeof bad, "%.*s", (int)(end - text), text);
			return bad;
		}
	}
	return NULL;
}

static void test_labels_fit(void)
{
	const char *labels[] = {"Contacts the bot takes (60% of repetitive inquiries)", "AHT down 30%: hires avoided",
				"Enterprise priority hotline",
				"\xe5\xbe\xae\xe4\xbf\xa1\xe5\x85\xac\xe4\xbc\x97\xe5\x8f\xb7\xe5\xae\xa2\xe6\x9c\x8d"
				"\xe4\xb8\xad\xe5\xbf\x83\xe7\x9a\x84\xe5\x9c\xa8\xe7\xba\xbf\xe4\xba\xba\xe5\xb7\xa5"
				"\xe6\x99\xba\xe8\x83\xbd\xe5\xae\xa2\xe6\x9c\x8d\xe5\x8a\xa9\xe6\x89\x8b",
				"chat"};
	double low[] = {8, 9, 9.5, 9.2, 9.9}, high[] = {10, 9.5, 9.6, 9.8, 10};
	struct cs_svg_series two[] = {{"Driver 20% lower", low}, {"Driver 20% higher", high}};
	struct cs_svg_chart c = {.id = "c1", .title = "t", .desc = "d", .labels = labels, .n = 5, .series = two,
				 .nseries = 2, .unit = CS_U_PCT, .marker = NAN, .base = 9.3};
	cs_buf b = CS_BUF_INIT;
	cs_svg_tornado(&b, &c);
	const char *bad = label_outside(b.p);
	ok(!bad, "tornado: every row label starts inside the chart (%s)", bad ? bad : "all do");
	ok(strstr(b.p, ">AHT down 30%: hires avoided</text>") && strstr(b.p, ">Enterprise priority hotline</text>"),
	   "labels the column can hold are not cut");
	ok(strstr(b.p, ">Contacts the bot takes (60% of ...</text>") != NULL, "a longer one is cut with ...");
	cs_buf_reset(&b);
	c.nseries = 1;
	cs_svg_hbars(&b, &c);
	bad = label_outside(b.p);
	ok(!bad, "bars: every row label starts inside the chart (%s)", bad ? bad : "all do");
	ok(strstr(b.p, "\xe5\x8a\xa9\xe6\x89\x8b: ") != NULL, "the whole label stays in the tooltip");
	cs_buf_free(&b);
}

static void test_tornado_order(void)
{
	const char *names[] = {"small", "large", "tie-b", "tie-a", "unknown"};
	double low[] = {9.0, 8.0, 9.5, 9.5, NAN}, high[] = {9.2, 10.3, 10.5, 10.5, 9.0};
	size_t order[5];
	cs_roi_tornado_order(low, high, names, 5, order);
	is_int(order[0], 1, "largest swing first");
	is_int(order[1], 3, "equal swings by name: tie-a");
	is_int(order[2], 2, "then tie-b");
	is_int(order[3], 0, "then the smallest");
	is_int(order[4], 4, "a swing that cannot be worked out last");
}

static void test_cash_by_month(void)
{
	double cum[] = {1960000, 3970000}, out[25];
	cs_roi_cash_by_month(cum, 2, 50000, out);
	ok(out[0] == -50000, "month 0: the once-off costs");
	ok(out[12] == 1960000 && out[24] == 3970000, "each year ends at its cumulative net");
	ok(fabs(out[6] - 955000) < 1e-6, "mid-year 1 halfway from -50,000 to 1,960,000 (got %g)", out[6]);
	ok(fabs(out[18] - 2965000) < 1e-6, "mid-year 2 halfway between the years (got %g)", out[18]);
}

static const char *kpi_line(const char *day, const char *channel, int responses, int positive)
{
	static char line[512];
	snprintf(line, sizeof line,
		 "{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"%sT00:00:00Z\"},\"group\":{\"channel\":\"%s\"},"
		 "\"counts\":{\"contacts\":%d,\"csat_responses\":%d,\"csat_positive\":%d},\"kpi\":{\"csat\":%g}}",
		 day, channel, responses * 3, responses, positive, 100.0 * positive / responses);
	return line;
}

static char *render(const char *const *lines, size_t n, enum cs_roi_format format)
{
	struct cs_roi_report_opts o;
	cs_roi_report_opts_init(&o);
	o.format = format;
	cs_roi_report *r = cs_roi_report_new(&o, NULL);
	for (size_t i = 0; i < n; i++)
		if (cs_roi_report_take(r, lines[i], strlen(lines[i])))
			printf("# rejected: %s\n", lines[i]);
	cs_buf out = CS_BUF_INIT;
	cs_roi_report_render(r, &out);
	cs_roi_report_free(r);
	return out.p;
}

static size_t count_of(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

static void test_kpis_from_counts(void)
{
	char a[512], b[512];
	snprintf(a, sizeof a, "%s", kpi_line("2026-03-02", "chat", 40, 34));
	snprintf(b, sizeof b, "%s", kpi_line("2026-03-02", "email", 20, 10));
	const char *lines[] = {a, b};
	char *md = render(lines, 2, CS_ROI_MD);
	ok(strstr(md, "| 2026-03-02 | 180 | 73.3% |") != NULL, "a day's CSAT from the summed counts: 44 of 60");
	ok(strstr(md, "| chat | 120 | 66.7% | 85.0% |") != NULL, "the channel mix: chat's contacts, share and CSAT");
	ok(strstr(md, "No staffing records") && strstr(md, "No roi record") && strstr(md, "No alert records"),
	   "absent sections say so");
	free(md);
	char *html = render(lines, 2, CS_ROI_HTML);
	size_t svgs = count_of(html, "<svg ");
	ok(svgs >= 2, "charts drawn (%zu)", svgs);
	is_int(count_of(html, "role=\"img\""), svgs, "every chart has role=img");
	is_int(count_of(html, "<desc id="), svgs, "every chart has a desc");
	is_int(count_of(html, "<title id="), svgs, "every chart has a title");
	ok(strstr(html, "chat 120, email 60") != NULL, "the channel chart's text alternative lists its data");
	free(html);
}

/* A lone record's own kpi when its counts are absent; trust weighted by customers. */
static void test_lone_kpi_and_trust(void)
{
	const char *lines[] = {
		"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-03-02T00:00:00Z\"},"
		"\"kpi\":{\"csat\":85,\"fcr\":0.78,\"aht_s\":360}}",
		"{\"kind\":\"metrics\",\"type\":\"signals.trust\",\"window\":{\"from\":\"2026-03-02T00:00:00Z\"},"
		"\"group\":{\"channel\":\"chat\"},\"counts\":{\"customers\":10,\"sentiment_scored\":10,\"negative_sentiment\":1},"
		"\"kpi\":{\"trust\":80}}",
		"{\"kind\":\"metrics\",\"type\":\"signals.trust\",\"window\":{\"from\":\"2026-03-02T00:00:00Z\"},"
		"\"group\":{\"channel\":\"web\"},\"counts\":{\"customers\":30,\"sentiment_scored\":30,\"negative_sentiment\":9},"
		"\"kpi\":{\"trust\":60}}",
	};
	char *md = render(lines, 3, CS_ROI_MD);
	ok(strstr(md, "| 2026-03-02 | n/a | 85.0% | 78.0% | 360 s | n/a |") != NULL, "a lone record's kpi shown");
	ok(strstr(md, "| 2026-03-02 | n/a | n/a | 40 | 25.0% | 65.0 |") != NULL,
	   "negative rate from the summed counts (10 of 40), trust weighted by customers (65)");
	free(md);
}

static void test_empty(void)
{
	char *html = render(NULL, 0, CS_ROI_HTML);
	ok(strstr(html, "<!DOCTYPE html>") == html, "an empty input still makes a page");
	ok(!strstr(html, "<svg"), "and no empty chart");
	ok(strstr(html, "No roi.kpi metrics records") != NULL, "the KPI section says it has nothing");
	ok(strstr(html, "</html>\n") != NULL, "the page is closed");
	ok(!strstr(html, "<script") && !strstr(html, "http://") && !strstr(html, "https://"),
	   "no script and no URL in the page");
	free(html);
}

static void test_record_text_escaped(void)
{
	const char *lines[] = {
		"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-03-02T00:00:00Z\"},"
		"\"group\":{\"channel\":\"<script>alert(1)</script>\"},\"counts\":{\"contacts\":5}}",
		"{\"kind\":\"alert\",\"type\":\"x|<img src=y onerror=z>\"}",
	};
	char *html = render(lines, 2, CS_ROI_HTML);
	ok(!strstr(html, "<script") && !strstr(html, "<img"), "HTML: no markup from the records");
	ok(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL, "HTML: the channel shown escaped");
	free(html);
	char *md = render(lines, 2, CS_ROI_MD);
	ok(strstr(md, "\\<script\\>alert(1)\\</script\\>") != NULL, "Markdown: the channel escaped");
	ok(strstr(md, "| x\\|\\<img src=y onerror=z\\> | 1 | 0 |") != NULL, "Markdown: a pipe in a cell escaped");
	free(md);
}

static void test_bad_records(void)
{
	struct cs_roi_report_opts o;
	cs_roi_report_opts_init(&o);
	cs_roi_report *r = cs_roi_report_new(&o, NULL);
	const char roi[] = "{\"kind\":\"roi\",\"years\":[{\"year\":1,\"benefit\":10,\"cost\":5}]}";
	const char no_years[] = "{\"kind\":\"roi\",\"years\":[]}";
	const char no_window[] = "{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"counts\":{}}";
	const char no_agents[] = "{\"kind\":\"staffing\",\"window\":{\"from\":\"2026-03-02T09:00:00Z\"}}";
	const char other[] = "{\"kind\":\"metrics\",\"type\":\"cs-qa.daily\"}";
	ok(cs_roi_report_take(r, no_years, sizeof no_years - 1) != NULL, "a roi record without years is bad");
	ok(cs_roi_report_take(r, roi, sizeof roi - 1) == NULL, "a roi record is taken");
	ok(cs_roi_report_take(r, roi, sizeof roi - 1) != NULL, "a second roi record is bad");
	ok(cs_roi_report_take(r, no_window, sizeof no_window - 1) != NULL, "a roi.kpi record without a window is bad");
	ok(cs_roi_report_take(r, no_agents, sizeof no_agents - 1) != NULL, "a staffing record without agents is bad");
	ok(cs_roi_report_take(r, other, sizeof other - 1) == NULL, "metrics of another type are left out, not bad");
	cs_buf out = CS_BUF_INIT;
	cs_roi_report_render(r, &out);
	ok(strstr(out.p, "left out: 1 metrics of other types") != NULL, "and counted in the footer");
	ok(strstr(out.p, "Records read: 2 (") != NULL, "bad records are not counted as read");
	ok(strstr(out.p, "payback") || strstr(out.p, "Payback"), "the business case of years alone is shown");
	cs_buf_free(&out);
	cs_roi_report_free(r);
}

/* Figures a chart cannot hold: no empty chart, no "nan" in an attribute. */
static void test_odd_figures(void)
{
	const char *lines[] = {
		"{\"kind\":\"roi\",\"years\":[{\"year\":1}],\"sensitivity\":[{\"driver\":\"d\"}]}",
		"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-03-02T00:00:00Z\"},"
		"\"group\":{\"channel\":\"a\"},\"counts\":{\"contacts\":1e308,\"sla_targets\":1,\"sla_met\":-1e308}}",
		"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-03-02T00:00:00Z\"},"
		"\"group\":{\"channel\":\"b\"},\"counts\":{\"contacts\":-1e308}}",
	};
	char *html = render(lines, 3, CS_ROI_HTML);
	ok(!strstr(html, "nan") && !strstr(html, "inf"), "no nan or inf written");
	ok(!strstr(html, "Cumulative net by month"), "years without figures: no cash-flow chart");
	ok(!strstr(html, "largest swing first</title>"), "a sensitivity without figures: no tornado");
	ok(strstr(html, "ROI at -20%") != NULL, "but its table");
	free(html);
}

/* The fixture's lines, forwards and backwards: the same bytes. */
static void test_same_bytes(void)
{
	FILE *f = fopen("tests/data/roi/report.ndjson", "r");
	if (!f) {
		ok(1, "# SKIP tests/data/roi/report.ndjson not found (run from the repository root)");
		return;
	}
	char *lines[256], buf[16384];
	size_t n = 0;
	while (n < 256 && fgets(buf, sizeof buf, f)) {
		buf[strcspn(buf, "\n")] = '\0';
		lines[n++] = strdup(buf);
	}
	fclose(f);
	char *reversed[256];
	for (size_t i = 0; i < n; i++)
		reversed[i] = lines[n - 1 - i];
	for (int format = CS_ROI_HTML; format <= CS_ROI_MD; format++) {
		char *a = render((const char *const *)lines, n, format), *b = render((const char *const *)lines, n, format);
		char *c = render((const char *const *)reversed, n, format);
		ok(strcmp(a, b) == 0, "%s: the same input, the same bytes", format == CS_ROI_HTML ? "HTML" : "Markdown");
		ok(strcmp(a, c) == 0, "%s: the same records in another order, the same bytes",
		   format == CS_ROI_HTML ? "HTML" : "Markdown");
		free(a);
		free(b);
		free(c);
	}
	char *html = render((const char *const *)lines, n, CS_ROI_HTML);
	is_int(count_of(html, "<svg "), 13, "the fixture draws 13 charts");
	is_int(count_of(html, "<section id="), 9, "and has its 9 sections");
	ok(strstr(html, "payback: 0.3 months") != NULL, "the payback month is marked");
	free(html);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
}

int main(void)
{
	cs_msg_init("t_roi_report");
	test_formats();
	test_escaping();
	test_scales();
	test_labels_fit();
	test_tornado_order();
	test_cash_by_month();
	test_kpis_from_counts();
	test_lone_kpi_and_trust();
	test_empty();
	test_record_text_escaped();
	test_bad_records();
	test_odd_figures();
	test_same_bytes();
	return tap_done();
}
