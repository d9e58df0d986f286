// expect: outcomes "sum 3\n"
//
// A reader that takes the read lock again while already holding it (a
// lookup helper called from inside a scan), while a writer may be
// waiting. glibc's default rwlock prefers readers
// (PTHREAD_RWLOCK_PREFER_READER_NP): a read lock is granted whenever no
// writer holds the lock, queued writers or not, so the nested read lock
// never waits and the program cannot deadlock.
#include <pthread.h>
#include <stdio.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int table[2] = {1, 2};

static int lookup(int i)
{
    pthread_rwlock_rdlock(&rw);
    int v = table[i];
    pthread_rwlock_unlock(&rw);
    return v;
}

static void *scan(void *arg)
{
    (void)arg;
    pthread_rwlock_rdlock(&rw);
    int s = lookup(0) + lookup(1);
    pthread_rwlock_unlock(&rw);
    return (void *)(long)s;
}

static void *writer(void *arg)
{
    (void)arg;
    pthread_rwlock_wrlock(&rw);
    table[0] = 1;
    pthread_rwlock_unlock(&rw);
    return NULL;
}

int main(void)
{
    pthread_t r, w;
    void *s;
    pthread_create(&r, NULL, scan, NULL);
    pthread_create(&w, NULL, writer, NULL);
    pthread_join(r, &s);
    pthread_join(w, NULL);
    printf("sum %ld\n", (long)s);
    return 0;
}
