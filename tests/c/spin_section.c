/* A thread computing forever inside an SV-COMP atomic section (no
 * scheduling point can be offered there): --time-limit must still hold
 * (tests/e2e/cc.sh). */
#include <pthread.h>

extern void __VERIFIER_atomic_begin(void);
extern void __VERIFIER_atomic_end(void);

static volatile unsigned long x;

static void *spin(void *arg)
{
    __VERIFIER_atomic_begin();
    for (;;)
        x++;
    __VERIFIER_atomic_end();
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, 0, spin, 0);
    pthread_join(t, 0);
    return 0;
}
