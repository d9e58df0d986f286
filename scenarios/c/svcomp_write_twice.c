// expect: assert race
//
// A racy variable written twice in a row by one thread: the value between
// the two writes is seen by another thread that runs in between (once the
// race on x is found, every access to x is a scheduling point, the second
// write as much as the first). Before, the second write was no scheduling
// point (a repeated access of the same thread) and x == 1 was never seen:
// "complete, no assertion failure", a wrong answer.
extern void __VERIFIER_error(void);
#include <pthread.h>

static int x;

void __VERIFIER_atomic_check(void)
{
    if (x == 1)
        __VERIFIER_error();
}

static void *writer(void *arg)
{
    (void)arg;
    x = 1;
    x = 2;
    return 0;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, 0, writer, 0);
    __VERIFIER_atomic_check();
    pthread_join(t, 0);
    return 0;
}
