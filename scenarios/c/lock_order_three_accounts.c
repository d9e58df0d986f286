// expect: deadlock
//
// Transfers between three accounts, each with its own mutex, lock the
// source account first and then the destination. Three tellers moving
// money around the ring a->b, b->c, c->a can each hold their source
// and wait for the next teller's: a lock order inversion across three
// locks (no two of them alone deadlock).
#include <pthread.h>
#include <stdio.h>

struct account {
    pthread_mutex_t lock;
    long balance;
    int id;
};

static struct account accts[3] = {
    {PTHREAD_MUTEX_INITIALIZER, 100, 0},
    {PTHREAD_MUTEX_INITIALIZER, 100, 1},
    {PTHREAD_MUTEX_INITIALIZER, 100, 2},
};

static int transfer(struct account *from, struct account *to, long amount)
{
    int rc = 0;
    pthread_mutex_lock(&from->lock);
    pthread_mutex_lock(&to->lock);
    if (from->balance >= amount) {
        from->balance -= amount;
        to->balance += amount;
    } else {
        rc = -1;
    }
    pthread_mutex_unlock(&to->lock);
    pthread_mutex_unlock(&from->lock);
    return rc;
}

struct order {
    int from, to;
    long amount;
};

static void *teller(void *arg)
{
    const struct order *o = arg;
    int failed = 0;
    for (int i = 0; i < 2; i++)
        if (transfer(&accts[o->from], &accts[o->to], o->amount) != 0)
            failed++;
    return (void *)(long)failed;
}

int main(void)
{
    static const struct order orders[3] = {{0, 1, 10}, {1, 2, 20}, {2, 0, 30}};
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, teller, (void *)&orders[i]);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    long total = 0;
    for (int i = 0; i < 3; i++)
        total += accts[i].balance;
    printf("total %ld\n", total);
    return total == 300 ? 0 : 1;
}
