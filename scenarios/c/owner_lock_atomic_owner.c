// expect: outcomes "total 6\n"
//
// The hand-rolled recursive lock done right: the owner is an atomic
// (a thread id from an atomic counter in a thread-local, since pthread_t
// is not guaranteed to fit an atomic), written only by the holder and
// read by anyone; a thread compares it with its own id, which only it
// can have stored, so the unlocked check is both race free and correct.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int next_id = 1;
static _Thread_local int my_id;

static int self_id(void)
{
    if (my_id == 0)
        my_id = atomic_fetch_add(&next_id, 1);
    return my_id;
}

struct rlock {
    pthread_mutex_t m;
    atomic_int owner; /* 0: none */
    int depth;        /* touched by the owner only */
};

static struct rlock rl = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
static int total;

static void rlock_lock(struct rlock *l)
{
    int me = self_id();
    if (atomic_load_explicit(&l->owner, memory_order_relaxed) == me) {
        l->depth++;
        return;
    }
    pthread_mutex_lock(&l->m);
    atomic_store_explicit(&l->owner, me, memory_order_relaxed);
    l->depth = 1;
}

static void rlock_unlock(struct rlock *l)
{
    if (--l->depth == 0) {
        atomic_store_explicit(&l->owner, 0, memory_order_relaxed);
        pthread_mutex_unlock(&l->m);
    }
}

static void add_twice(int n)
{
    rlock_lock(&rl);
    rlock_lock(&rl);
    total += n;
    rlock_unlock(&rl);
    total += n;
    rlock_unlock(&rl);
}

static void *worker(void *arg)
{
    add_twice((int)(long)arg);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)1L);
    pthread_create(&b, NULL, worker, (void *)2L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("total %d\n", total);
    return 0;
}
