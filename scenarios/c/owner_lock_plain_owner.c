// expect: race
//
// A hand-rolled recursive lock on top of a plain mutex: it remembers the
// owner in a pthread_t field and a depth, and lock() first compares the
// owner with pthread_self() to see whether the caller already holds it.
// That first check reads `owner` without the mutex while another thread,
// holding it, writes `owner`: a data race (the "it can only be equal if
// it is me" argument does not make it one).
#include <pthread.h>
#include <stdio.h>

struct rlock {
    pthread_mutex_t m;
    pthread_t owner;
    int has_owner;
    int depth;
};

static struct rlock rl = {PTHREAD_MUTEX_INITIALIZER, 0, 0, 0};
static int total;

static void rlock_lock(struct rlock *l)
{
    if (l->has_owner && pthread_equal(l->owner, pthread_self())) { /* BUG */
        l->depth++;
        return;
    }
    pthread_mutex_lock(&l->m);
    l->owner = pthread_self();
    l->has_owner = 1;
    l->depth = 1;
}

static void rlock_unlock(struct rlock *l)
{
    if (--l->depth == 0) {
        l->has_owner = 0;
        pthread_mutex_unlock(&l->m);
    }
}

static void add(int n)
{
    rlock_lock(&rl);
    total += n;
    rlock_unlock(&rl);
}

static void add_twice(int n)
{
    rlock_lock(&rl);
    add(n);
    add(n);
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
