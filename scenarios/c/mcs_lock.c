// expect: outcomes "3\n"
//
// An MCS queue lock with C11 atomics: a thread swaps its node into the
// tail, links itself behind its predecessor and spins on its own node's
// flag; unlock hands over to the successor (waiting for it to link if
// the tail CAS fails). Acquire/release orders carry the counter.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

struct qnode {
    _Atomic(struct qnode *) next;
    atomic_bool locked;
};

static _Atomic(struct qnode *) tail;
static int counter;

static void mcs_lock(struct qnode *me)
{
    atomic_store_explicit(&me->next, NULL, memory_order_relaxed);
    atomic_store_explicit(&me->locked, true, memory_order_relaxed);
    struct qnode *prev = atomic_exchange_explicit(&tail, me, memory_order_acq_rel);
    if (prev) {
        atomic_store_explicit(&prev->next, me, memory_order_release);
        while (atomic_load_explicit(&me->locked, memory_order_acquire))
            sched_yield();
    }
}

static void mcs_unlock(struct qnode *me)
{
    struct qnode *succ = atomic_load_explicit(&me->next, memory_order_acquire);
    if (!succ) {
        struct qnode *expected = me;
        if (atomic_compare_exchange_strong_explicit(&tail, &expected, NULL,
                                                    memory_order_acq_rel,
                                                    memory_order_acquire))
            return;
        while (!(succ = atomic_load_explicit(&me->next, memory_order_acquire)))
            sched_yield();
    }
    atomic_store_explicit(&succ->locked, false, memory_order_release);
}

static void *worker(void *arg)
{
    struct qnode me;
    (void)arg;
    mcs_lock(&me);
    counter++;
    mcs_unlock(&me);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    struct qnode me;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    mcs_lock(&me);
    counter++;
    mcs_unlock(&me);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", counter);
    return 0;
}
