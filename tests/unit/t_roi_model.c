/* t_roi_model: the business case of cs-roi model (eng_roi_model): the
 * example of examples/roi/ecommerce.json worked out by hand (yearly
 * benefit, costs, ROI, NPV at 8%, payback, sensitivity), a ramp-up, a
 * payback that dips below zero and turns, one never reached, the model
 * file's errors, inputs measured from metrics records, the record's
 * formulas and its Markdown and HTML tables, and cs-roi model run whole
 * (exit statuses 0, 1 and 3). */
#include "eng_roi_model.h"
#include "eng_roi_text.h"
#include "fixture.h"
#include "tap.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int near(double got, double want, double tol)
{
	if (fabs(got - want) <= tol)
		return 1;
	printf("#   got %.9f, want %.9f\n", got, want);
	return 0;
}

static const char ecommerce[] =
	"{\"version\":1,\"currency\":\"CNY\",\"horizon_years\":3,\"discount_rate\":0.08,\"staff_cost_per_fte\":100000,\n"
	"\"costs\":[{\"id\":\"licence\",\"yearly\":200000},{\"id\":\"implementation\",\"once\":50000}],\n"
	"\"drivers\":[{\"id\":\"bot_deflection\",\"basis\":\"fte\",\"fte\":4},\n"
	"{\"id\":\"aht_reduction\",\"basis\":\"fte\",\"fte\":1.5},\n"
	"{\"id\":\"conversion_uplift\",\"basis\":\"conversion\",\"extra_inquiries_per_month\":2000,\"conversion\":0.05,"
	"\"order_value\":300},\n"
	"{\"id\":\"churn_reduction\",\"basis\":\"churn\",\"customers_kept_per_month\":50,\"lifetime_value\":2000},\n"
	"{\"id\":\"management_savings\",\"basis\":\"amount\",\"yearly\":100000}]}\n";

static cs_roi_model *parse(const char *text)
{
	cs_buf err = CS_BUF_INIT;
	cs_roi_model *m = cs_roi_model_parse("m.json", text, strlen(text), &err);
	if (!m)
		printf("# %s\n", err.p);
	cs_buf_free(&err);
	return m;
}

static void figures(const cs_roi_model *m, double scale_driver, size_t which, cs_roi_figures *f)
{
	double yearly[16];
	for (size_t i = 0; i < m->ndrivers && i < 16; i++)
		yearly[i] = cs_roi_driver_yearly(&m->drivers[i]) * (i == which ? scale_driver : 1);
	cs_roi_figures_of(m, yearly, f);
}

/* 2,210,000 a year; 250,000 the first year (50,000 once + 200,000), then
 * 200,000; a month brings 184,166.67 - 16,666.67 = 167,500 net. */
static void test_example(void)
{
	cs_roi_model *m = parse(ecommerce);
	ok(m != NULL, "the example model reads");
	double want[] = {400000, 150000, 360000, 1200000, 100000};
	for (size_t i = 0; i < 5; i++)
		ok(near(cs_roi_driver_yearly(&m->drivers[i]), want[i], 1e-6), "driver %s: %.0f a year",
		   m->drivers[i].id, want[i]);
	cs_roi_figures f;
	figures(m, 1, SIZE_MAX, &f);
	ok(near(f.benefit[0], 2210000, 1e-6) && near(f.benefit[2], 2210000, 1e-6), "2,210,000 benefit each year");
	ok(near(f.cost[0], 250000, 1e-9) && near(f.cost[1], 200000, 1e-9), "first-year cost 250,000, then 200,000");
	ok(near(f.net[0], 1960000, 1e-6) && near(f.cumulative[2], 5980000, 1e-6), "net 1,960,000 in year 1, 5,980,000 over three");
	ok(near(f.roi_pct, 920, 1e-9), "ROI (6,630,000 - 650,000) / 650,000 = 920%%");
	/* 2,010,000 x (1/1.08 + 1/1.08^2 + 1/1.08^3) = 2,010,000 x 2.5770969...
	 * = 5,179,964.94; less 50,000 at time 0 */
	ok(near(f.npv, 5129964.94, 0.01), "NPV at 8%% = 5,129,964.94");
	ok(near(f.payback_months, 50000.0 / 167500, 1e-9), "payback 50,000 / 167,500 = 0.2985 months");
	ok(f.payback_after_month == 0, "the cash turns within month 1");
	cs_roi_model_free(m);
}

/* churn_reduction x 0.8: 1,970,000 a year; x 1.2: 2,450,000. */
static void test_sensitivity(void)
{
	cs_roi_model *m = parse(ecommerce);
	cs_roi_figures lo, hi;
	figures(m, 0.8, 3, &lo);
	figures(m, 1.2, 3, &hi);
	ok(near(lo.roi_pct, (5910000.0 - 650000) / 650000 * 100, 1e-9), "churn -20%%: ROI 809.23%%");
	ok(near(hi.roi_pct, (7350000.0 - 650000) / 650000 * 100, 1e-9), "churn +20%%: ROI 1,030.77%%");
	ok(near(lo.npv, -50000 + 1770000 * (1 / 1.08 + 1 / 1.1664 + 1 / 1.259712), 1e-6), "churn -20%%: NPV 4,511,461.67");
	ok(near(lo.payback_months, 50000.0 / 147500, 1e-9), "churn -20%%: payback 50,000 / 147,500 months");
	ok(near(hi.payback_months, 50000.0 / 187500, 1e-9), "churn +20%%: payback 50,000 / 187,500 months");
	cs_roi_model_free(m);
}

/* ramp_months 3: months 1 and 2 bring 1/3 and 2/3, so year 1 brings
 * 11/12 of 2,210,000 = 2,025,833.33. */
static void test_ramp(void)
{
	cs_buf text = CS_BUF_INIT;
	cs_buf_adds(&text, "{\"ramp_months\":3,");
	cs_buf_adds(&text, ecommerce + 1);
	cs_roi_model *m = parse(text.p);
	ok(near(cs_roi_ramp_share(m, 1), 11.0 / 12, 1e-12) && cs_roi_ramp_share(m, 2) == 1, "ramp: 11/12 in year 1, then all");
	cs_roi_figures f;
	figures(m, 1, SIZE_MAX, &f);
	ok(near(f.benefit[0], 2025833.333333, 1e-5), "year 1 benefit 2,025,833.33");
	ok(near(f.roi_pct, (6445833.333333 - 650000) / 650000 * 100, 1e-6), "ROI 891.67%%");
	ok(near(f.npv, -50000 + 1825833.333333 / 1.08 + 2010000 / 1.1664 + 2010000 / 1.259712, 1e-5), "NPV 4,959,440.26");
	/* month 1: -50,000 + 61,388.89 - 16,666.67 = -5,277.78; month 2 adds
	 * 122,777.78 - 16,666.67 = 106,111.11 */
	ok(near(f.payback_months, 1 + (50000 - (2210000.0 / 36 - 200000.0 / 12)) / (2210000.0 / 18 - 200000.0 / 12), 1e-9),
	   "payback 1 + 5,277.78 / 106,111.11 = 1.0497 months");
	cs_roi_model_free(m);
	cs_buf_free(&text);
}

/* No one-off cost, 10,000 a month of cost, 20,000 a month of benefit at the
 * full rate reached over 4 months: -5,000, 0, +5,000, ... the cumulative
 * dips below zero and is back at zero at the end of month 3. */
static void test_payback_dip(void)
{
	cs_roi_model *m = parse("{\"version\":1,\"ramp_months\":4,\"horizon_years\":1,"
				"\"costs\":[{\"id\":\"run\",\"yearly\":120000}],"
				"\"drivers\":[{\"id\":\"x\",\"basis\":\"amount\",\"yearly\":240000}]}");
	cs_roi_figures f;
	figures(m, 1, SIZE_MAX, &f);
	ok(near(f.payback_months, 3, 1e-9), "payback 3 months: below zero after month 2, back to zero in month 3");
	m->drivers[0].in[0].value = 100000;
	figures(m, 1, SIZE_MAX, &f);
	ok(isnan(f.payback_months), "never back above zero: no payback");
	m->costs[0].yearly = 0;
	figures(m, 1, SIZE_MAX, &f);
	ok(f.payback_months == 0 && isnan(f.roi_pct), "no cost: payback 0, no ROI");
	cs_roi_model_free(m);
}

static void refused(const char *text, const char *want, const char *what)
{
	cs_buf err = CS_BUF_INIT;
	cs_roi_model *m = cs_roi_model_parse("m.json", text, strlen(text), &err);
	ok(!m && err.p && strstr(err.p, want), "%s", what);
	if (m || !err.p || !strstr(err.p, want))
		printf("#   got '%s', want '%s'\n", err.p ? err.p : "", want);
	cs_roi_model_free(m);
	cs_buf_free(&err);
}

static void test_errors(void)
{
	refused("{\"version\":1,\"costs\":[],\n\"drivers\":[],\"colour\":1}", "m.json:2: unknown key \"colour\"",
		"an unknown key, with its line");
	refused("{\"version\":1,\"costs\":[],\"drivers\":[\n{\"id\":\"a\",\"basis\":\"fte\",\"fte\":2,\"ftes\":1}]}",
		"m.json:2: unknown key \"ftes\" in a driver", "a key the basis does not take");
	refused("{\"version\":1,\"costs\":[],\"drivers\":[{\"id\":\"a\",\"basis\":\"fte\",\"fte\":2}]}",
		"\"cost_per_fte\" is needed", "an FTE without a cost");
	refused("{\"version\":1,\"costs\":[],\"drivers\":[{\"id\":\"a\",\"basis\":\"magic\"}]}",
		"\"basis\": \"magic\" is not", "an unknown basis");
	refused("{\"version\":1,\"costs\":[],\"drivers\":[{\"id\":\"a\",\"basis\":\"amount\",\"yearly\":1},"
		"{\"id\":\"a\",\"basis\":\"amount\",\"yearly\":2}]}",
		"the id \"a\" is given twice", "an id twice");
	refused("{\"version\":1,\"costs\":[],\"drivers\":[{\"id\":\"a\",\"basis\":\"churn\",\"lifetime_value\":1,"
		"\"customers_kept_per_month\":{\"metric\":\"contacts\",\"before\":\"2026-02-01/2026-01-01\","
		"\"after\":\"2026-02-01/2026-03-01\"}}]}",
		"ends before it starts", "a period backwards");
	refused("{\"version\":1,\"costs\":[],\"drivers\":[{\"id\":\"a\",\"basis\":\"churn\",\"lifetime_value\":1,"
		"\"customers_kept_per_month\":{\"metric\":\"contacts\",\"before\":\"2026-01-01/2026-02-01\"}}]}",
		"needs \"before\" and \"after\", or one \"period\"", "a measurement with one period of two");
	refused("{\"version\":1,\"costs\":[],\"drivers\":[{\"id\":\"a\",\"basis\":\"contacts\",\"contacts_per_month\":1,"
		"\"cost_per_contact\":1,\"share\":1.5}]}",
		"\"share\" must be a number from 0 to 1", "a share over 1");
	refused("{\"version\":1,\"costs\":[{\"id\":\"x\"}],\"drivers\":[]}", "needs \"once\", \"yearly\" or both",
		"a cost of nothing");
	refused("{\"version\":1,\"costs\":[],\"drivers\":[]}", "\"drivers\" is empty", "no driver");
	refused("{\"costs\":[],\"drivers\":[]}", "no \"version\"", "no version");
	refused("{\"version\":1,\"costs\":[],\"drivers\":[{\"id\":\"a\",\"basis\":\"amount\",\"yearly\":1}],"
		"\"horizon_years\":31}", "\"horizon_years\" must be a whole number from 1 to 30", "a horizon over 30 years");
}

/* January: AHT 38,000 s / 100 = 380 s, containment 30 / 100; February: AHT
 * 35,500 / 100 = 355 s, containment 45 / 100, 3,000 contacts in 28 days. */
static const char *const metrics[] = {
	"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-16T00:00:00Z\"},"
	"\"group\":{\"channel\":\"chat\"},\"counts\":{\"handled\":60,\"bot_sessions\":50,\"bot_contained\":10},\"sums\":{\"handle_s\":24000}}",
	"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-01-16T00:00:00Z\",\"to\":\"2026-02-01T00:00:00Z\"},"
	"\"group\":{\"channel\":\"chat\"},\"counts\":{\"handled\":40,\"bot_sessions\":50,\"bot_contained\":20},\"sums\":{\"handle_s\":14000}}",
	"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-02-01T00:00:00Z\",\"to\":\"2026-03-01T00:00:00Z\"},"
	"\"group\":{\"channel\":\"chat\"},\"counts\":{\"contacts\":3000,\"handled\":100,\"bot_sessions\":100,\"bot_contained\":45},"
	"\"sums\":{\"handle_s\":35500}}",
	/* another channel, a window across both periods, another kind: left out */
	"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-02-01T00:00:00Z\",\"to\":\"2026-03-01T00:00:00Z\"},"
	"\"group\":{\"channel\":\"email\"},\"counts\":{\"handled\":100},\"sums\":{\"handle_s\":99999}}",
	"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-01-20T00:00:00Z\",\"to\":\"2026-02-10T00:00:00Z\"},"
	"\"group\":{\"channel\":\"chat\"},\"counts\":{\"handled\":100},\"sums\":{\"handle_s\":99999}}",
	"{\"kind\":\"conversation\",\"id\":\"c1\"}",
};

static const char measured_model[] =
	"{\"version\":1,\"staff_cost_per_fte\":100000,\"productive_hours_per_fte\":1600,\"horizon_years\":1,"
	"\"costs\":[{\"id\":\"licence\",\"yearly\":100000}],\"drivers\":["
	"{\"id\":\"aht_reduction\",\"basis\":\"seconds\",\"contacts_per_month\":100000,\"seconds_saved\":"
	"{\"metric\":\"aht_s\",\"before\":\"2026-01-01/2026-02-01\",\"after\":\"2026-02-01/2026-03-01\",\"group\":{\"channel\":\"chat\"}}},"
	"{\"id\":\"bot\",\"basis\":\"contacts\",\"cost_per_contact\":5,"
	"\"contacts_per_month\":{\"metric\":\"contacts\",\"period\":\"2026-02-01/2026-03-01\",\"group\":{\"channel\":\"chat\"}},"
	"\"share\":{\"metric\":\"containment\",\"before\":\"2026-01-01T00:00:00Z/2026-02-01T00:00:00Z\",\"after\":\"2026-02-01/2026-03-01\"}}]}";

static void test_measured(void)
{
	cs_roi_model *m = parse(measured_model);
	ok(m && cs_roi_model_measured(m) == 3, "three measured inputs");
	size_t taken[6];
	for (size_t i = 0; i < 6; i++)
		taken[i] = cs_roi_model_add_metrics(m, cs_jval_of(metrics[i], strlen(metrics[i])));
	ok(taken[0] == 2 && taken[1] == 2 && taken[2] == 3, "January records feed two periods, February three");
	ok(taken[3] == 1 && taken[4] == 0 && taken[5] == 0,
	   "another channel only where no group is asked; a window across periods and other kinds left out");
	cs_buf why = CS_BUF_INIT;
	ok(cs_roi_model_measure(m, &why) == 0, "measured");
	const cs_roi_driver *aht = &m->drivers[0], *bot = &m->drivers[1];
	ok(near(aht->in[1].value, 25, 1e-12), "seconds saved: 380 before - 355 after = 25");
	ok(near(aht->in[2].value, 100000.0 / (1600 * 3600), 1e-15), "cost per second: 100,000 / (1,600 h x 3,600 s)");
	ok(near(cs_roi_driver_yearly(aht), 100000.0 * 25 * 12 * 100000 / 5760000, 1e-6), "AHT driver: 520,833.33 a year");
	ok(near(bot->in[0].value, 3261.1607, 1e-12), "contacts a month: 3,000 in 28 days x 30.4375 = 3,261.1607");
	/* the share has no group: 45 + 0 of 100 + 0 in February */
	ok(near(bot->in[1].value, 0.15, 1e-12), "share taken: containment 0.45 after - 0.30 before");
	cs_buf text = CS_BUF_INIT;
	cs_roi_driver_formula(aht, &text);
	is_str(text.p, "100000 contacts a month x 25 s saved per contact (measured: aht_s 380 before, 355 after) x "
		       "0.017361111 per second x 12 months", "the formula says what was measured");
	cs_buf_reset(&text);
	cs_roi_record(m, &text);
	cs_jval rec = cs_jval_of(text.p, text.len);
	ok(strstr(text.p, "\"source\":\"measured\"") && strstr(text.p, "\"change\":\"before - after\""),
	   "the record says the driver is measured and how");
	if (!ok(strstr(text.p, "\"before\":{\"period\":\"2026-01-01/2026-02-01\",\"value\":380,\"records\":2}") != NULL,
	   "and the before period's KPI and records"))
		printf("# %s\n", text.p);
	ok(cs_jget(rec, "payback_months").t == CS_J_NUMBER, "a payback");
	cs_roi_model_free(m);
	m = parse(measured_model);
	cs_buf_reset(&why);
	ok(cs_roi_model_measure(m, &why) != 0 && strstr(why.p, "driver aht_reduction: seconds_saved: no metrics records"),
	   "no records: the measurement fails, naming the driver and input");
	cs_roi_model_free(m);
	cs_buf_free(&text);
	cs_buf_free(&why);
}

static void test_record(void)
{
	cs_roi_model *m = parse(ecommerce);
	cs_buf rec = CS_BUF_INIT, md = CS_BUF_INIT, html = CS_BUF_INIT;
	cs_roi_record(m, &rec);
	cs_jval v = cs_jval_of(rec.p, rec.len);
	cs_buf scratch = CS_BUF_INIT;
	is_str(cs_jtext(cs_jget(v, "kind"), &scratch), "roi", "kind roi");
	is_str(cs_jtext(cs_jget(v, "roi_pct"), &scratch), "920", "roi_pct 920");
	is_str(cs_jtext(cs_jget(v, "npv"), &scratch), "5129964.94", "npv 5129964.94");
	is_str(cs_jtext(cs_jget(v, "payback_months"), &scratch), "0.3", "payback_months 0.3");
	is_str(cs_jtext(cs_jget(v, "benefit_total"), &scratch), "6630000", "whole amounts as integers");
	is_str(cs_jtext(cs_jpath(v, "formulas.npv"), &scratch),
	       "-50000 + 2010000 / 1.08^1 + 2010000 / 1.08^2 + 2010000 / 1.08^3", "the NPV formula");
	is_str(cs_jtext(cs_jpath(v, "formulas.payback_months"), &scratch),
	       "0 + 50000 / 167500: cash short by 50000 after month 0, 167500 net in month 1", "the payback formula");
	ok(strstr(rec.p, "\"formula\":\"2000 extra inquiries a month x 0.05 conversion x 300 per order x 12 months\""),
	   "a driver's formula in its natural inputs");
	ok(strstr(rec.p, "\"formula\":\"50 customers kept a month x 2000 lifetime value x 12 months\""), "churn too");
	ok(cs_jlen(cs_jget(v, "sensitivity")) == 5, "a sensitivity row per driver");
	cs_roi_text_md(v, &md);
	ok(strstr(md.p, "| ROI over the horizon | 920% | (6630000 - 650000) / 650000 x 100 |") != NULL,
	   "Markdown: ROI with its formula");
	ok(strstr(md.p, "| NPV at 0.08 | 5,129,964.94 |") && strstr(md.p, "| Payback | 0.30 months |"),
	   "Markdown: NPV and payback");
	cs_roi_text_html_page(v, &html);
	ok(strstr(html.p, "<td class=n>2,210,000</td>") && !strstr(html.p, "<script"), "HTML: figures, no scripts");
	ok(strstr(html.p, "Conversion") == NULL && strstr(html.p, "conversion_uplift"), "HTML: the sensitivity names drivers");
	cs_buf_free(&rec);
	cs_buf_free(&md);
	cs_buf_free(&html);
	cs_buf_free(&scratch);
	cs_roi_model_free(m);
}

/* ---- cs-roi model, whole ---- */

static const struct cs_opt no_opts[] = {{0}};
static const struct cs_prog_def prog = {"t_roi_model", "test", "file ...", no_opts, NULL, NULL, NULL};

static int no_handle(int key, const char *arg, void *ctx)
{
	(void)key;
	(void)arg;
	(void)ctx;
	return 0;
}

/* cs_roi_model_main -o out.txt MODEL [metrics]: the exit status. */
static int run_model(const char *model, const char *metrics_file, enum cs_roi_format format)
{
	char *argv[] = {"t_roi_model", "-o", "out.txt", (char *)metrics_file, NULL};
	int argc = metrics_file ? 4 : 3;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid == 0) {
		struct cs_common c;
		optind = 0;
		int first = cs_opt_parse(&prog, argc, argv, &c, no_handle, NULL);
		struct cs_roi_model_opts o = {.model = model, .format = format};
		int status = cs_roi_model_main(&c, &o, argv + first, argc - first);
		fflush(stderr);
		exit(status);
	}
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void test_whole(void)
{
	write_str("ecommerce.json", ecommerce);
	write_str("measured.json", measured_model);
	cs_buf lines = CS_BUF_INIT;
	for (size_t i = 0; i < sizeof metrics / sizeof *metrics; i++)
		cs_buf_printf(&lines, "%s\n", metrics[i]);
	write_str("metrics.ndjson", lines.p);
	size_t n;
	char *out;
	is_int(run_model("ecommerce.json", NULL, CS_ROI_JSON), 0, "a given case needs no metrics and reads no input");
	out = read_all("out.txt", &n);
	ok(strncmp(out, "{\"kind\":\"roi\",", 14) == 0 && strchr(out, '\n') == out + n - 1, "one roi record, one line");
	free(out);
	is_int(run_model("measured.json", "metrics.ndjson", CS_ROI_MD), 0, "a measured case reads the metrics");
	out = read_all("out.txt", &n);
	ok(strstr(out, "# Business case") && strstr(out, "| measured |"), "Markdown, drivers measured");
	free(out);
	errtext();
	write_str("events.ndjson", "{\"kind\":\"event\",\"id\":\"e1\"}\n");
	is_int(run_model("measured.json", "events.ndjson", CS_ROI_JSON), 1, "no metrics in the periods: exit 1");
	ok(strstr(errtext(), "measured.json: driver aht_reduction: seconds_saved: no metrics records") != NULL,
	   "saying which driver and input");
	write_str("bad.json", "{\"version\":1,\n\"costs\":[],\"drivers\":[],\"colour\":1}");
	is_int(run_model("bad.json", NULL, CS_ROI_HTML), 3, "a bad model: exit 3");
	ok(strstr(errtext(), "bad.json:2: unknown key \"colour\" in the model") != NULL, "with FILE:LINE");
	cs_buf_free(&lines);
}

int main(void)
{
	fixture_enter("t_roi_model");
	test_example();
	test_sensitivity();
	test_ramp();
	test_payback_dip();
	test_errors();
	test_measured();
	test_record();
	test_whole();
	fixture_leave();
	return tap_done();
}
