/* test_dclock.c: the reduction's sparse vector clocks (sim/dclock.h)
 * against dense ones: every join path (one layout in one pass, a small
 * clock into a large one by search, a walk of both, the merge that
 * inserts) with retired tasks folded away must read as the entrywise max.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "sim/dclock.h"

#define NT 40 /* tids */

/* A clock storing tids [lo, hi) with stride st, values from seed, of
 * generation gen; the dense model reads it through g. */
static void make(dclock_reg *g, dclock *c, int lo, int hi, int st,
                 uint32_t seed, uint32_t gen)
{
    dclock_clear(c);
    for (int t = lo; t < hi; t += st) {
        if (dclock_retired(g, t, gen))
            dclock_set(g, c, t, g->ret.p[t].fin); /* invariant 2 */
        else
            dclock_set(g, c, t, 1 + (seed * 2654435761u + (uint32_t)t * 40503u) % 97);
    }
    c->gen = gen;
}

static void dense(const dclock_reg *g, const dclock *c, uint32_t *v)
{
    for (int t = 0; t < NT; t++)
        v[t] = dclock_get(g, c, t);
}

/* dst joined with src reads as the max of both, stays sorted. */
static void check_join(dclock_reg *g, dclock *dst, const dclock *src)
{
    uint32_t a[NT], b[NT], r[NT];
    dense(g, dst, a);
    dense(g, src, b);
    dclock_join(g, dst, src);
    dense(g, dst, r);
    for (int t = 0; t < NT; t++)
        ck_assert_uint_eq(r[t], a[t] > b[t] ? a[t] : b[t]);
    for (uint32_t i = 1; i < dst->n; i++)
        ck_assert_int_lt(dst->e[i - 1].tid, dst->e[i].tid);
}

START_TEST(joins_read_as_the_entrywise_max)
{
    /* layouts: {lo, hi, stride}; pairs of them cover one layout, a small
     * src in a large dst (search), comparable sizes (walk), and tids to
     * insert (merge), each with and without retired tasks */
    static const int L[][3] = {{0, NT, 1}, {0, NT, 2}, {1, NT, 2},
                               {5, 8, 1},  {0, 2, 1},  {10, 30, 1},
                               {0, NT, 3}, {38, NT, 1}, {0, 0, 1}};
    int nl = (int)(sizeof L / sizeof L[0]);
    for (int ret = 0; ret < 3; ret++)
        for (int x = 0; x < nl; x++)
            for (int y = 0; y < nl; y++)
                for (uint32_t sd = 0; sd < 2; sd++)
                    for (uint32_t gd = 0; gd < 2; gd++)
                        for (uint32_t gs = 0; gs < 2; gs++) {
                            dclock_reg g;
                            dclock d = {0}, s = {0};
                            if (!ret && (gd || gs))
                                continue; /* no generation but 0 */
                            memset(&g, 0, sizeof g);
                            dclock_reg_reset(&g);
                            if (ret) { /* tids 6 and 20 (and 39) retire */
                                dclock_retire(&g, 6, 200);
                                dclock_retire(&g, 20, 300);
                                if (ret == 2)
                                    dclock_retire(&g, 39, 400);
                                dclock_next_gen(&g);
                            }
                            make(&g, &d, L[x][0], L[x][1], L[x][2], sd, gd);
                            make(&g, &s, L[y][0], L[y][1], L[y][2],
                                 sd + 7, gs);
                            check_join(&g, &d, &s);
                            /* again: the joined layout against src */
                            check_join(&g, &d, &s);
                            dclock_release(&g, &d);
                            dclock_release(&g, &s);
                            ck_assert_uint_eq(g.ents, 0);
                            dclock_reg_free(&g);
                        }
}
END_TEST

/* Two clocks of one layout that part midway (a tid of src dst does not
 * store): the maxes before the parting stand, the tid is inserted. */
START_TEST(one_layout_parting_midway_merges)
{
    dclock_reg g;
    dclock d = {0}, s = {0};
    memset(&g, 0, sizeof g);
    for (int t = 0; t < 10; t++) {
        dclock_set(&g, &d, t == 5 ? 11 : t, 10);
        dclock_set(&g, &s, t, t < 5 ? 20 : 5);
    }
    check_join(&g, &d, &s);
    ck_assert_uint_eq(d.n, 11);
    ck_assert_uint_eq(dclock_get(&g, &d, 4), 20);
    ck_assert_uint_eq(dclock_get(&g, &d, 5), 5);
    ck_assert_uint_eq(dclock_get(&g, &d, 11), 10);
    dclock_release(&g, &d);
    dclock_release(&g, &s);
    dclock_reg_free(&g);
}
END_TEST

Suite *dclock_suite(void)
{
    Suite *s = suite_create("dclock");
    TCase *tc = tcase_create("join");
    tcase_set_timeout(tc, 60); /* 0.1 s of CPU; the machine may be loaded */
    tcase_add_test(tc, joins_read_as_the_entrywise_max);
    tcase_add_test(tc, one_layout_parting_midway_merges);
    suite_add_tcase(s, tc);
    return s;
}
