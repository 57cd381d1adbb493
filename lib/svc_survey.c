/* svc_survey: the survey scales (see the header). */
#include "svc_survey.h"
#include <math.h>
#include <string.h>

int cs_survey_on_scale(const char *metric, double score)
{
	if (!metric)
		return -1;
	if (strcmp(metric, "csat") == 0)
		return score >= 1 && score <= 5;
	if (strcmp(metric, "nps") == 0)
		return score >= 0 && score <= 10;
	if (strcmp(metric, "ces") == 0)
		return score >= 1 && score <= 7 && score == floor(score);
	return -1;
}
