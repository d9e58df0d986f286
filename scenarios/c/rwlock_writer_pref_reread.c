// expect: deadlock
//
// A read-write lock made writer-preferring with
// pthread_rwlockattr_setkind_np(PREFER_WRITER_NONRECURSIVE): a reader
// that takes the read lock again (a helper called inside its scan) while
// a writer waits is refused (the writer goes first), and the writer
// waits for that reader: a deadlock glibc's documentation warns of.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

static pthread_rwlock_t lock;
static int table[2];

static int lookup(int i)
{
    pthread_rwlock_rdlock(&lock);
    int v = table[i];
    pthread_rwlock_unlock(&lock);
    return v;
}

static void *scanner(void *arg)
{
    int *sum = arg;
    pthread_rwlock_rdlock(&lock);
    for (int i = 0; i < 2; i++)
        *sum += lookup(i);
    pthread_rwlock_unlock(&lock);
    return NULL;
}

static void *writer(void *arg)
{
    (void)arg;
    pthread_rwlock_wrlock(&lock);
    table[0] = 1;
    pthread_rwlock_unlock(&lock);
    return NULL;
}

int main(void)
{
    pthread_rwlockattr_t a;
    pthread_t r, w;
    int sum = 0;
    pthread_rwlockattr_init(&a);
    pthread_rwlockattr_setkind_np(&a, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    pthread_rwlock_init(&lock, &a);
    pthread_create(&r, NULL, scanner, &sum);
    pthread_create(&w, NULL, writer, NULL);
    pthread_join(r, NULL);
    pthread_join(w, NULL);
    printf("sum %d\n", sum);
    return 0;
}
