// expect: deadlock
//
// Three accounts, three transfers around a ring (a to b, b to c, c to a),
// each locking its source then its destination: when every transfer holds
// its source, each waits for the next one's, a cycle of three locks.
#include <pthread.h>
#include <stdio.h>

struct acct {
    pthread_mutex_t mu;
    int balance;
};

static struct acct accts[3] = {{PTHREAD_MUTEX_INITIALIZER, 10},
                               {PTHREAD_MUTEX_INITIALIZER, 10},
                               {PTHREAD_MUTEX_INITIALIZER, 10}};

static void *transfer(void *arg)
{
    int from = (int)(long)arg, to = (from + 1) % 3;
    pthread_mutex_lock(&accts[from].mu);
    pthread_mutex_lock(&accts[to].mu);
    accts[from].balance -= 1;
    accts[to].balance += 1;
    pthread_mutex_unlock(&accts[to].mu);
    pthread_mutex_unlock(&accts[from].mu);
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    for (long i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, transfer, (void *)i);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("%d %d %d\n", accts[0].balance, accts[1].balance,
           accts[2].balance);
    return 0;
}
