/* t_mine: the arithmetic of cs-qa mine (eng_qa_mine.c): Dunning's G². The
 * expected values are 2 * sum(O * ln(O / E)) over the four cells, worked out
 * apart from the code. */
#include "eng_qa_mine.h"
#include "tap.h"
#include <math.h>

static int near(double got, double want)
{
	if (fabs(got - want) < 1e-6)
		return 1;
	printf("#   got %.9f, want %.9f\n", got, want);
	return 0;
}

int main(void)
{
	ok(near(cs_mine_g2(3, 0, 3, 3), 12 * log(2)), "in all 3 of the set, none of 3 out of it: 12 ln 2");
	ok(near(cs_mine_g2(10, 5, 100, 200), 7.329812), "10 of 100 against 5 of 200");
	ok(near(cs_mine_g2(40, 60, 100, 900), 74.689565), "40 of 100 against 60 of 900");
	ok(near(cs_mine_g2(1, 2, 10, 20), 0), "the same share in and out: 0");
	ok(near(cs_mine_g2(60, 40, 900, 100), cs_mine_g2(40, 60, 100, 900)), "symmetric in the two sets");
	ok(near(cs_mine_g2(3, 0, 3, 0), 0) && near(cs_mine_g2(0, 0, 5, 5), 0) && near(cs_mine_g2(5, 5, 5, 5), 0),
	   "0 when a set is empty or the term in none or all");
	ok(cs_mine_g2(20, 10, 100, 100) < cs_mine_g2(40, 20, 200, 200), "more evidence for the same shares, a larger G²");
	return tap_done();
}
