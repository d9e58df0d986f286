// expect: outcomes "4\n"
//
// The CLH queue lock (Herlihy & Shavit 7.5): each thread swaps its own
// node into the tail and spins on its predecessor's node until that one
// is released, then recycles the predecessor's node as its own next time.
// The tail exchange is acq_rel and the release/acquire on the node's
// locked field orders the critical sections: the counter does not race.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct qnode { atomic_int locked; };

static struct qnode *_Atomic tail;
static int counter;

static void *worker(void *arg)
{
    (void)arg;
    struct qnode *mine = malloc(sizeof *mine);
    atomic_init(&mine->locked, 0);
    struct qnode *pred;
    for (int i = 0; i < 2; i++) {
        atomic_store_explicit(&mine->locked, 1, memory_order_relaxed);
        pred = atomic_exchange_explicit(&tail, mine, memory_order_acq_rel);
        while (atomic_load_explicit(&pred->locked, memory_order_acquire))
            ;
        counter++;
        atomic_store_explicit(&mine->locked, 0, memory_order_release);
        mine = pred;
    }
    return NULL;
}

int main(void)
{
    static struct qnode sentinel;
    atomic_store(&tail, &sentinel);
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", counter);
    return 0;
}
