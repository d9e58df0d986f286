/* test_schedule.c: the schedule string (sim/schedule.c). */
#include "wft.h"

#include "sim/schedule.h"

static char *encode(const schedule *h, const choice *c, size_t n)
{
    buf b;
    char *s;
    buf_init(&b);
    schedule_encode(&b, h, c, n);
    s = wf_xstrdup(b.p);
    buf_fini(&b);
    return s;
}

START_TEST(encoding_is_compact_letters_for_small_choices_and_runs)
{
    schedule h;
    choice c[] = {{2, 0, 0, 0},  {2, 0, 0, 0}, {2, 1, 0, 0},
                  {3, 2, 0, 0},  {9, 8, 0, 0}, {10, 9, 0, 0},
                  {10, 9, 0, 0}, {10, 9, 0, 0}, {1000, 0, 0, 0}};
    char *s;
    memset(&h, 0, sizeof h);
    h.hash = 0xdeadbeef;
    h.seed = 7;
    h.cond_any = true;
    h.mutex_fifo = true;
    s = encode(&h, c, sizeof c / sizeof c[0]);
    /* (0 of 2) twice: A2; (1 of 2): B; (2 of 3): E; (8 of 9): r, the last
     * letter; (9 of 10) thrice: _9_10_3; (0 of 1000) */
    ck_assert_str_eq(s, "deadbeef.s7.c.f-A2BEr_9_10_3_0_1000_.6zz");
    free(s);
    memset(&h, 0, sizeof h);
    h.spurious = true;
    h.time_loose = true;
    s = encode(&h, NULL, 0);
    ck_assert_str_eq(s, "00000000.w.l-.gn1");
    free(s);
}
END_TEST

START_TEST(decoding_gives_back_what_was_encoded)
{
    choice c[3000];
    size_t n = 0;
    schedule h, d;
    wf_diag dg;
    char *s;
    uint64_t x = 12345;
    /* every letter code, big choices, and runs of every length */
    for (uint32_t k = 2; k <= 9; k++)
        for (uint32_t i = 0; i < k; i++)
            c[n++] = (choice){k, i, 0, 0};
    for (int i = 0; i < 40; i++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        uint32_t k = 2 + (uint32_t)(x >> 33) % (i < 20 ? 8 : 100000);
        uint32_t idx = (uint32_t)(x >> 13) % k;
        size_t rep = 1 + (size_t)(x >> 50) % 60;
        for (size_t r = 0; r < rep && n < 3000; r++)
            c[n++] = (choice){k, idx, 0, 0};
    }
    c[n++] = (choice){UINT32_MAX, UINT32_MAX - 1, 0, 0};
    memset(&h, 0, sizeof h);
    h.hash = 0x0badf00d;
    h.seed = 1234567890123456789ULL;
    h.cond_any = h.spurious = h.mutex_fifo = h.time_loose = true;
    h.time_early = true; /* the timing search's (".e") */
    s = encode(&h, c, n);
    ck_assert_int_eq(schedule_decode(&d, s, &dg), WF_OK);
    ck_assert_uint_eq(d.hash, h.hash);
    ck_assert(d.seed == 1234567890123456789ULL);
    ck_assert(d.cond_any && d.spurious && d.mutex_fifo && d.time_loose);
    ck_assert(d.time_early);
    ck_assert_uint_eq(d.choices.len, n);
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(d.choices.p[i].n, c[i].n);
        ck_assert_uint_eq(d.choices.p[i].idx, c[i].idx);
    }
    schedule_fini(&d);
    free(s);
}
END_TEST

START_TEST(a_long_run_is_one_code_and_a_count)
{
    choice *c = wf_xcalloc(100000, sizeof *c);
    schedule h, d;
    wf_diag dg;
    char *s;
    for (int i = 0; i < 100000; i++)
        c[i] = (choice){4, 3, 0, 0};
    memset(&h, 0, sizeof h);
    s = encode(&h, c, 100000);
    ck_assert_str_eq(s, "00000000-I100000.abf"); /* (3 of 4): 6 - 1 + 3 */
    ck_assert_int_eq(schedule_decode(&d, s, &dg), WF_OK);
    ck_assert_uint_eq(d.choices.len, 100000);
    ck_assert(d.choices.p[99999].n == 4 && d.choices.p[99999].idx == 3);
    schedule_fini(&d);
    free(s);
    free(c);
}
END_TEST

/* A bad string is refused with a message, never a crash. */
static const char *decode_error(const char *str)
{
    static char msg[1024];
    schedule d;
    wf_diag dg;
    wf_status st = schedule_decode(&d, str, &dg);
    schedule_fini(&d);
    if (st == WF_OK)
        return "(accepted)";
    ck_assert_int_eq(st, WF_ERR_INPUT);
    snprintf(msg, sizeof msg, "%s", dg.msg);
    return msg;
}

/* str with the check that makes it valid (found by trying them all: the
 * check is 15 bits), in a static buffer. */
static const char *checked(const char *str)
{
    static char out[256];
    static const char digits[] = "0123456789abcdefghjkmnpqrstvwxyz";
    for (int v = 0; v < 32768; v++) {
        schedule d;
        wf_diag dg;
        wf_status st;
        snprintf(out, sizeof out, "%s.%c%c%c", str, digits[v >> 10],
                 digits[(v >> 5) & 31], digits[v & 31]);
        st = schedule_decode(&d, out, &dg);
        schedule_fini(&d);
        if (st == WF_OK)
            return out;
    }
    return "(no check fits)";
}

START_TEST(bad_schedule_strings_give_clean_errors)
{
    const char *hash = "bad schedule: it must start with 8 hex digits "
                       "(the program's hash)";
    ck_assert_str_eq(decode_error(""), hash);
    ck_assert_str_eq(decode_error("1234567"), hash);
    ck_assert_str_eq(decode_error("1234567g-A"), hash);
    ck_assert_str_eq(decode_error("12345678"),
                     "bad schedule: expected '-' after the header");
    ck_assert_str_eq(decode_error("12345678A"),
                     "bad schedule: expected '-' after the header");
    ck_assert_str_eq(decode_error("12345678.q-A"),
                     "bad schedule: unknown flag 'q'");
    ck_assert_str_eq(decode_error("12345678."),
                     "bad schedule: unknown flag '?'");
    ck_assert_str_eq(decode_error("12345678.s-A"), "bad schedule: bad seed");
    ck_assert_str_eq(decode_error("12345678.s99999999999999999999-A"),
                     "bad schedule: bad seed");
    ck_assert_str_eq(decode_error("12345678-AB?"),
                     "bad schedule: unexpected '?' at offset 11");
    ck_assert_str_eq(decode_error("12345678-s"),
                     "bad schedule: unexpected 's' at offset 9");
    ck_assert_str_eq(decode_error("12345678-_3_"),
                     "bad schedule: bad choice near offset 12");
    ck_assert_str_eq(decode_error("12345678-_3_2_"),
                     "bad schedule: bad choice near offset 14");
    ck_assert_str_eq(decode_error("12345678-_x"),
                     "bad schedule: bad choice near offset 10");
    ck_assert_str_eq(decode_error("12345678-_1_99999999999_"),
                     "bad schedule: bad choice near offset 24");
    ck_assert_str_eq(decode_error("12345678-A0"),
                     "bad schedule: bad repeat count");
    ck_assert_str_eq(decode_error("12345678-A100000001"),
                     "bad schedule: bad repeat count");
    ck_assert_str_eq(decode_error(checked("12345678-")), "(accepted)");
    ck_assert_str_eq(decode_error(checked("ABCDEF01.s0.c.c-rA")),
                     "(accepted)");
}
END_TEST

/* A string garbled in a copy is refused at once, naming what looks
 * wrong, instead of replaying into a divergence that blames the program
 * (issue 16: 5c545874-ZZZ diverged at step 3). */
START_TEST(a_garbled_schedule_is_refused_naming_what_looks_wrong)
{
    const char *good = "9edf0dbe.s3-B3ABAEDCD3A2BAB3.648";
    ck_assert_str_eq(decode_error(good), "(accepted)");
    ck_assert_str_eq(decode_error("9EDF0DBE.s3-B3ABAEDCD3A2BAB3.648"),
                     "(accepted)"); /* the hash and check in any case */
    ck_assert_str_eq(decode_error("5c545874-ZZZ"),
                     "bad schedule: it has no check at its end (weft ends "
                     "every schedule with '.' and 3 characters): was it cut "
                     "short in a copy?");
    ck_assert_str_eq(decode_error("9edf0dbe.s3-B3ABAEDCD3A2"),
                     "bad schedule: it has no check at its end (weft ends "
                     "every schedule with '.' and 3 characters): was it cut "
                     "short in a copy?");
    ck_assert_str_eq(decode_error("9edf0dbe.s3-b3abaedcd3a2bab3.648"),
                     "bad schedule: it does not match its check: it looks "
                     "lower-cased ('b' at offset 12), and its choices are "
                     "case-sensitive; copy it as weft printed it");
    ck_assert_str_eq(decode_error("9edf0dbe.s3-B3ABAEDCD3A2BAB4.648"),
                     "bad schedule: it does not match its check '.648' (a "
                     "character was changed, added or lost in a copy); copy "
                     "it as weft printed it");
    ck_assert_str_eq(decode_error("9edf0dbe.s3-B3ABAEDCD3A2BAB3.6i8"),
                     "bad schedule: unexpected 'i' at offset 30 in its "
                     "check");
    ck_assert_str_eq(decode_error("9edf0dbe.s3-B3ABAEDCD3A2BAB3.64"),
                     "bad schedule: unexpected '?' at offset 31 in its "
                     "check");
    ck_assert_str_eq(decode_error("9edf0dbe.s3-B3ABAEDCD3A2BAB3.648x"),
                     "bad schedule: unexpected 'x' at offset 32 after its "
                     "check");
}
END_TEST

START_TEST(a_seed_up_to_uint64_max_round_trips)
{
    schedule h, d;
    wf_diag dg;
    char *s;
    memset(&h, 0, sizeof h);
    h.seed = UINT64_MAX; /* --seed 18446744073709551615 is a valid seed */
    s = encode(&h, NULL, 0);
    ck_assert_str_eq(s, "00000000.s18446744073709551615-.gpr");
    ck_assert_int_eq(schedule_decode(&d, s, &dg), WF_OK);
    ck_assert(d.seed == UINT64_MAX);
    schedule_fini(&d);
    free(s);
    ck_assert_str_eq(decode_error(checked("00000000.s18446744073709551610-")),
                     "(accepted)");
    ck_assert_str_eq(decode_error("00000000.s18446744073709551616-.000"),
                     "bad schedule: bad seed");
}
END_TEST

/* A C program's racy locations ride in the header (".x"), so a replay
 * makes the same accesses scheduling points. */
START_TEST(the_programs_extra_text_round_trips)
{
    schedule h, d;
    wf_diag dg;
    choice c[] = {{2, 1, 0, 0}};
    char *s;
    memset(&h, 0, sizeof h);
    h.hash = 0x12345678;
    h.extra = "g404040+4,h30+10,s1:40+8";
    s = encode(&h, c, 1);
    ck_assert_str_eq(s, "12345678.xg404040+4,h30+10,s1:40+8-B.je9");
    ck_assert_int_eq(schedule_decode(&d, s, &dg), WF_OK);
    ck_assert_str_eq(d.extra, "g404040+4,h30+10,s1:40+8");
    ck_assert_uint_eq(d.choices.len, 1);
    schedule_fini(&d);
    free(s);
    h.extra = ""; /* none: no field */
    s = encode(&h, NULL, 0);
    ck_assert_str_eq(s, "12345678-.2dg");
    free(s);
    ck_assert_int_eq(schedule_decode(&d, checked("12345678.s3.x.c-"), &dg),
                     WF_OK);
    ck_assert(d.extra && !*d.extra && d.seed == 3 && d.cond_any);
    schedule_fini(&d);
    ck_assert_str_eq(decode_error("12345678.xA-"),
                     "bad schedule: expected '-' after the header");
}
END_TEST

START_TEST(a_choice_among_fewer_than_two_is_refused)
{
    /* the encoder never writes one: choices with one alternative are not
     * recorded, so a replay could only stumble on it later */
    ck_assert_str_eq(decode_error("12345678-_0_1_"),
                     "bad schedule: bad choice near offset 14");
    ck_assert_str_eq(decode_error("12345678-_0_0_"),
                     "bad schedule: bad choice near offset 14");
}
END_TEST

START_TEST(runs_adding_up_to_more_than_the_choice_limit_are_refused)
{
    /* each run is within the limit; together they are not, and a string
     * of runs could ask for any number of gigabytes */
    ck_assert_str_eq(decode_error("12345678-A1B100000000"),
                     "bad schedule: more than 100000000 choices");
}
END_TEST

Suite *schedule_suite(void)
{
    Suite *s = suite_create("schedule");
    TCase *t = tcase_create("encoding");
    tcase_add_test(t, encoding_is_compact_letters_for_small_choices_and_runs);
    tcase_add_test(t, decoding_gives_back_what_was_encoded);
    tcase_add_test(t, a_long_run_is_one_code_and_a_count);
    suite_add_tcase(s, t);
    t = tcase_create("errors");
    tcase_add_test(t, bad_schedule_strings_give_clean_errors);
    tcase_add_test(t, a_garbled_schedule_is_refused_naming_what_looks_wrong);
    tcase_add_test(t, a_seed_up_to_uint64_max_round_trips);
    tcase_add_test(t, a_choice_among_fewer_than_two_is_refused);
    tcase_add_test(t, the_programs_extra_text_round_trips);
    tcase_add_test(t, runs_adding_up_to_more_than_the_choice_limit_are_refused);
    suite_add_tcase(s, t);
    return s;
}
