// expect: race
//
// Races on main's locals, handed to the threads by address, are named as
// the source names them (acct.balance, counter), from the frame they
// live in and its DWARF variables, not as a stack offset.
#include <pthread.h>

struct account {
    int id;
    long balance;
};

static void *deposit(void *arg)
{
    struct account *a = arg;
    a->balance += 10;
    return NULL;
}

static void *count(void *arg)
{
    int *c = arg;
    (*c)++;
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    struct account acct = {1, 0};
    int counter = 0;
    pthread_create(&t[0], NULL, deposit, &acct);
    pthread_create(&t[1], NULL, deposit, &acct);
    pthread_create(&t[2], NULL, count, &counter);
    pthread_create(&t[3], NULL, count, &counter);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return (int)acct.balance + counter > 100;
}
