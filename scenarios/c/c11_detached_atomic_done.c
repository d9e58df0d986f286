// expect: outcomes "report: 3 files, 120 bytes\n"
//
// C11 threads: a detached scanner thread fills a report and then sets an
// atomic_bool `done` with release order; main polls it with acquire
// loads and thrd_yield, then reads the report. The release/acquire pair
// orders the report's plain writes before main's reads.
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <threads.h>

struct report {
    int files;
    long bytes;
};

static struct report rep;
static atomic_bool done;

static int scanner(void *arg)
{
    (void)arg;
    static const long sizes[] = {10, 50, 60};
    for (int i = 0; i < 3; i++) {
        rep.files++;
        rep.bytes += sizes[i];
    }
    atomic_store_explicit(&done, true, memory_order_release);
    return 0;
}

int main(void)
{
    thrd_t t;
    if (thrd_create(&t, scanner, NULL) != thrd_success)
        return 1;
    thrd_detach(t);
    while (!atomic_load_explicit(&done, memory_order_acquire))
        thrd_yield();
    printf("report: %d files, %ld bytes\n", rep.files, rep.bytes);
    return 0;
}
