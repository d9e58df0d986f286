/* schedule.h: the schedule string, which reproduces an execution.
 *
 *   HASH[.sSEED][.c][.w][.f][.l][.xEXTRA]-BODY.CHECK
 *
 * HASH: 8 hex digits of the program's identity (a replay of another
 * program is caught). SEED: the program's random stream (math/rand), when
 * not 0. c, w, f, l: the semantics switches --cond-order any,
 * --spurious-wakeups, --mutex fifo, --time loose, applied by the replay.
 * EXTRA: what the program needs to replay it (program.extra_get: a C
 * program's racy locations), of the characters 0-9 a-z + , :
 * BODY: the choices with two or more alternatives, in order, each as
 * (index chosen, number of alternatives): one letter when the number is 2
 * to 9 (A..Z a..r: (n-1)n/2 - 1 + index), else "_INDEX_N_"; a decimal
 * count after a choice repeats it that many times in all. Recording n lets
 * a replay name the first step where the program no longer matches.
 * CHECK: 3 characters of base 32 (0-9 a-z without i l o u, any case), 15
 * bits of a hash of everything before the '.': a string cut short,
 * lower-cased or mistyped in a copy is refused as garbled, naming what
 * looks wrong, instead of replaying into a divergence that would blame
 * the program.
 * Owns: nothing; decode fills a caller's vector. */
#ifndef WF_SCHEDULE_H
#define WF_SCHEDULE_H

#include "engine.h"

typedef struct schedule {
    uint32_t hash;
    uint64_t seed;
    bool cond_any, spurious, mutex_fifo, time_loose;
    bool time_early; /* the timing search's execution (".e") */
    char *extra; /* decode: heap-owned, NULL when absent; encode: borrowed */
    VEC(choice) choices; /* n and idx set; step and kind unknown (0) */
} schedule;

/* Append the schedule string for (header fields, choices) to out. */
void schedule_encode(buf *out, const schedule *s, const choice *c, size_t n);
/* Parse str into s (s->choices grown; free with schedule_fini). */
wf_status schedule_decode(schedule *s, const char *str, wf_diag *d);
void schedule_fini(schedule *s);

#endif
