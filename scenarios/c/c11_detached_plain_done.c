// expect: race
//
// The detached C11 scanner, with `done` a plain volatile int: main's
// polling loop ends when it sees the flag, but volatile gives no
// ordering or atomicity between threads. The flag and the report are
// both raced on.
#include <stdio.h>
#include <threads.h>

struct report {
    int files;
    long bytes;
};

static struct report rep;
static volatile int done; /* BUG: not atomic */

static int scanner(void *arg)
{
    (void)arg;
    rep.files = 3;
    rep.bytes = 120;
    done = 1;
    return 0;
}

int main(void)
{
    thrd_t t;
    if (thrd_create(&t, scanner, NULL) != thrd_success)
        return 1;
    thrd_detach(t);
    while (!done)
        thrd_yield();
    printf("report: %d files, %ld bytes\n", rep.files, rep.bytes);
    return 0;
}
