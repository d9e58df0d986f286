// expect: deadlock
//
// A worker returns on an error path with the table's mutex still locked
// (a normal mutex is not released when its owner ends): main's lock of
// it then waits forever.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t table_mu = PTHREAD_MUTEX_INITIALIZER;
static int table[4];

static void *loader(void *arg)
{
    int k = (int)(long)arg;
    pthread_mutex_lock(&table_mu);
    if (k >= 4)
        return NULL; /* BUG: still locked */
    table[k] = 1;
    pthread_mutex_unlock(&table_mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, loader, (void *)9L);
    pthread_join(t, NULL);
    pthread_mutex_lock(&table_mu);
    printf("%d\n", table[0]);
    pthread_mutex_unlock(&table_mu);
    return 0;
}
