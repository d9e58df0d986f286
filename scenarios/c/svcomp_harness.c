// expect: assert
//
// SV-COMP's harness: __VERIFIER_nondet_int is a recorded choice,
// __VERIFIER_assume prunes a path, a __VERIFIER_atomic_ function runs as
// one step and reach_error is the property. The acquire below is atomic,
// so the two threads never both hold the lock; the bug is elsewhere: a
// thread that finds the lock taken does not wait (the assume prunes that
// path), and a nondet choice lets main skip the join.
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int);
void reach_error(void)
{
}
#include <pthread.h>

static int lock, inside, done;

void __VERIFIER_atomic_acquire(void)
{
    __VERIFIER_assume(lock == 0);
    lock = 1;
}

void __VERIFIER_atomic_release(void)
{
    lock = 0;
}

static void *work(void *arg)
{
    __VERIFIER_atomic_acquire();
    inside++;
    if (inside != 1)
        reach_error(); /* never: the lock works */
    inside--;
    __VERIFIER_atomic_release();
    __VERIFIER_atomic_acquire();
    done++;
    __VERIFIER_atomic_release();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    int join = __VERIFIER_nondet_int();
    pthread_create(&a, 0, work, 0);
    pthread_create(&b, 0, work, 0);
    if (join) {
        pthread_join(a, 0);
        pthread_join(b, 0);
    }
    __VERIFIER_atomic_acquire();
    if (done != 2 && join)
        reach_error(); /* never: both joined */
    if (done == 1 && !join)
        reach_error(); /* reachable: main read done between the two */
    __VERIFIER_atomic_release();
    return 0;
}
