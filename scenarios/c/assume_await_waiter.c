// expect: ok
//
// SV-COMP's harness: a worker awaits its go signal written as an assume
// (__VERIFIER_assume(go): the executions where go is not set yet are no
// executions), then publishes its result; a collector spins until it is
// published. Where the worker's assume fails, the worker is out of that
// (infeasible) execution, and the collector, left waiting for a write
// only the worker would make, is no livelock of the program.
#include <pthread.h>
#include <stdatomic.h>

void __VERIFIER_assume(int cond);

static atomic_int go, done;
static int result;

static void *worker(void *arg)
{
    __VERIFIER_assume(atomic_load(&go));
    result = 42;
    atomic_store(&done, 1);
    return arg;
}

static void *collector(void *arg)
{
    while (!atomic_load(&done))
        ;
    return (void *)(long)(result == 42);
}

int main(void)
{
    pthread_t w, c;
    pthread_create(&w, NULL, worker, NULL);
    pthread_create(&c, NULL, collector, NULL);
    atomic_store(&go, 1);
    pthread_join(c, NULL);
    pthread_join(w, NULL);
    return 0;
}
