// expect: outcomes "total 200\n"
// weft: --preemptions 3
//
// Transfers between two accounts locking the source, then trying the
// destination; on failure both are released and the thread yields and
// retries. No lock order is needed and the total is conserved.
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

struct account {
    pthread_mutex_t mu;
    int balance;
};

static struct account acct[2] = {
    {PTHREAD_MUTEX_INITIALIZER, 100},
    {PTHREAD_MUTEX_INITIALIZER, 100},
};

static void transfer(struct account *from, struct account *to, int amount)
{
    for (;;) {
        pthread_mutex_lock(&from->mu);
        if (pthread_mutex_trylock(&to->mu) == 0)
            break;
        pthread_mutex_unlock(&from->mu);
        sched_yield();
    }
    from->balance -= amount;
    to->balance += amount;
    pthread_mutex_unlock(&to->mu);
    pthread_mutex_unlock(&from->mu);
}

static void *t0(void *arg)
{
    (void)arg;
    transfer(&acct[0], &acct[1], 10);
    return NULL;
}

static void *t1(void *arg)
{
    (void)arg;
    transfer(&acct[1], &acct[0], 20);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, t0, NULL);
    pthread_create(&b, NULL, t1, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("total %d\n", acct[0].balance + acct[1].balance);
    return 0;
}
