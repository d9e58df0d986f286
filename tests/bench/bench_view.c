/* bench_view.c: the viewer's time to its first screen on a generated
 * 1,000,000-event run (DESIGN.md: <= 300 ms), measured by `weft view
 * --first-screen-ms` (the whole command: open, load, render one 80x24
 * frame), median of 7 runs; then the same with --finding 1, whose step is
 * the last one, so the state there is rebuilt from every event (snapshots
 * built on the way). WEFT names the weft binary (default build/weft). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/bench/viewgen.h"

#define N_EVENTS 1000000
#define RUNS     7

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of RUNS timings of `weft view DB --first-screen-ms EXTRA`. */
static double median_ms(const char *weft, const char *db, const char *extra)
{
    double t[RUNS];
    char cmd[1024];
    for (int i = 0; i < RUNS; i++) {
        FILE *p;
        char line[256];
        t[i] = -1;
        snprintf(cmd, sizeof cmd, "%s view %s --first-screen-ms %s", weft, db,
                 extra);
        p = popen(cmd, "r");
        if (!p) return -1;
        while (fgets(line, sizeof line, p))
            sscanf(line, "first screen: %lf ms", &t[i]);
        if (pclose(p) != 0 || t[i] < 0) return -1;
    }
    qsort(t, RUNS, sizeof t[0], cmp_double);
    return t[RUNS / 2];
}

int main(void)
{
    const char *weft = getenv("WEFT") ? getenv("WEFT") : "build/weft";
    const char *db = "/tmp/weft-bench-view.db";
    char wal[300];
    double first, last;
    if (viewgen_write(db, N_EVENTS, 8) != 0) {
        fprintf(stderr, "bench_view: cannot write %s\n", db);
        return 1;
    }
    first = median_ms(weft, db, "");
    last = median_ms(weft, db, "--finding 1");
    if (first < 0 || last < 0) {
        fprintf(stderr, "bench_view: %s view failed\n", weft);
        return 1;
    }
    printf("view: first screen of a %d-event run: %.1f ms median of %d "
           "(target <= 300 ms)%s\n",
           N_EVENTS, first, RUNS, first <= 300 ? "" : "  OVER TARGET");
    printf("view: first screen at its last step (--finding 1, state "
           "rebuilt from all events): %.1f ms\n",
           last);
    remove(db);
    snprintf(wal, sizeof wal, "%s-wal", db);
    remove(wal);
    snprintf(wal, sizeof wal, "%s-shm", db);
    remove(wal);
    return 0;
}
