// expect: race
//
// Deposits and withdrawals each take a lock, but not the same one: the
// teller's lock and the ATM's lock both guard "the account" in their
// author's mind. The balance field is written under two different locks,
// so the two updates race (and one can be lost).
#include <pthread.h>
#include <stdio.h>

struct account {
    pthread_mutex_t teller_mu;
    pthread_mutex_t atm_mu;
    long balance;
    int ops;
};

static struct account acct = {PTHREAD_MUTEX_INITIALIZER,
                              PTHREAD_MUTEX_INITIALIZER, 100, 0};

static void *teller(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&acct.teller_mu);
    acct.balance += 50;
    acct.ops++;
    pthread_mutex_unlock(&acct.teller_mu);
    return NULL;
}

static void *atm(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&acct.atm_mu);
    acct.balance -= 30;
    acct.ops++;
    pthread_mutex_unlock(&acct.atm_mu);
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
