// expect: outcomes "balance 120 ops 2\n"
//
// The teller and the ATM update the account's fields under the account's
// one lock: the updates never overlap, whatever the order.
#include <pthread.h>
#include <stdio.h>

struct account {
    pthread_mutex_t mu;
    long balance;
    int ops;
};

static struct account acct = {PTHREAD_MUTEX_INITIALIZER, 100, 0};

static void change(long by)
{
    pthread_mutex_lock(&acct.mu);
    acct.balance += by;
    acct.ops++;
    pthread_mutex_unlock(&acct.mu);
}

static void *teller(void *arg)
{
    (void)arg;
    change(50);
    return NULL;
}

static void *atm(void *arg)
{
    (void)arg;
    change(-30);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, teller, NULL);
    pthread_create(&b, NULL, atm, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("balance %ld ops %d\n", acct.balance, acct.ops);
    return 0;
}
