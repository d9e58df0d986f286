// expect: outcomes "10 10 10\n"
//
// The same ring of transfers, each taking the two locks in index order
// (the lower-numbered account first): no cycle can form.
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
    int lo = from < to ? from : to, hi = from < to ? to : from;
    pthread_mutex_lock(&accts[lo].mu);
    pthread_mutex_lock(&accts[hi].mu);
    accts[from].balance -= 1;
    accts[to].balance += 1;
    pthread_mutex_unlock(&accts[hi].mu);
    pthread_mutex_unlock(&accts[lo].mu);
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
