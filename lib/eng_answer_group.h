/* eng_answer_group: near-duplicate groups of term sets for cs-answer mine.
 * Set i joins the first group, in the order the groups were made, whose
 * first set is at least `similarity` like it (Jaccard: shared terms over
 * all terms), or makes the next group. The groups are those of comparing
 * each set with every group's first set, found through an index so that a
 * set meets only the groups it can join. */
#ifndef CS_ENG_ANSWER_GROUP_H
#define CS_ENG_ANSWER_GROUP_H
#include <stddef.h>
#include <stdint.h>

struct cs_termset {
	const uint64_t *terms;      /* ascending, no two the same */
	size_t n;
};

double cs_jaccard(const struct cs_termset *a, const struct cs_termset *b);

/* group[i] (n of them): set i's group, numbered from 0 in the order made.
 * Returns the number of groups. *compared, unless NULL, gains the number of
 * pairs whose similarity was worked out. */
size_t cs_simgroup(const struct cs_termset *sets, size_t n, double similarity, size_t *group, uint64_t *compared);
#endif
