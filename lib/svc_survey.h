/* svc_survey: the survey scales of cs-schema(7): csat 1 to 5, nps 0 to 10,
 * ces a whole number from 1 to 7. One reading for every program, so that
 * cs-roi kpi, cs-signals and its trust score count the same answers. */
#ifndef CS_SVC_SURVEY_H
#define CS_SVC_SURVEY_H

/* 1: score is on the scale of metric; 0: it is not; -1: metric is none of
 * csat, nps, ces (or NULL). */
int cs_survey_on_scale(const char *metric, double score);
#endif
