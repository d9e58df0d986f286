// expect: panic
//
// A cleanup helper unlocks the table's rwlock "just in case" on every
// error path, including the one reached before the lock was taken:
// pthread_rwlock_unlock of a lock the thread does not hold is undefined.
#include <pthread.h>
#include <stdio.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int table[4];

static int fail(void)
{
    pthread_rwlock_unlock(&rw); /* BUG: not held on the first path */
    return -1;
}

static int put(int k, int v)
{
    if (k < 0 || k >= 4)
        return fail();
    pthread_rwlock_wrlock(&rw);
    if (table[k] != 0)
        return fail();
    table[k] = v;
    pthread_rwlock_unlock(&rw);
    return 0;
}

static void *client(void *arg)
{
    put((int)(long)arg, 5);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, client, (void *)1L);
    put(7, 1);
    pthread_join(t, NULL);
    printf("%d\n", table[1]);
    return 0;
}
