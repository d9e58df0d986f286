// expect: assert race
//
// An atomic section whose assume reads a variable another thread writes
// (pthread-atomic's qrcu-2 in small): every execution that reads x there
// before x == 1 fails the assume, and only such executions read x. What
// the section read before its assume failed still reaches the race
// checker: the race on x is found, x's accesses become scheduling points
// and the state where the assume holds is reached. Before, a failed
// section's reads were dropped, x never became a scheduling point and the
// assertion was never reached. Each thread's first nondet values are all
// tried (0, 1, 2, -1), however many the other threads drew before.
extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int);
void reach_error(void)
{
}
#include <pthread.h>

static int x;

void __VERIFIER_atomic_check(int start)
{
    if (__VERIFIER_nondet_int()) {
        __VERIFIER_assume(start == 1 && x == 1);
        reach_error();
    }
}

static void *writer(void *arg)
{
    (void)arg;
    x = 1;
    x = 2;
    return 0;
}

static void *checker(void *arg)
{
    int start = __VERIFIER_nondet_int();
    (void)arg;
    __VERIFIER_atomic_check(start);
    return 0;
}

int main(void)
{
    pthread_t t, u;
    /* main draws nine values first: the checker's own are still its
     * first ones */
    for (int i = 0; i < 9; i++)
        if (__VERIFIER_nondet_int() == 5)
            return 0;
    pthread_create(&t, 0, writer, 0);
    pthread_create(&u, 0, checker, 0);
    pthread_join(t, 0);
    pthread_join(u, 0);
    return 0;
}
