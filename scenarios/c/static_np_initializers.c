// expect: outcomes "relock ok, EDEADLK\n"
//
// glibc's static initializers for recursive and error-checking mutexes:
// the recursive one may be relocked by its owner, the error-checking one
// is locked once by its owner (a second lock would be refused).
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t rec = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static pthread_mutex_t chk = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP;
static int depth;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&rec);
    pthread_mutex_lock(&rec);
    depth = 2;
    pthread_mutex_unlock(&rec);
    pthread_mutex_unlock(&rec);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    pthread_mutex_lock(&chk);
    int r = pthread_mutex_unlock(&chk);
    printf("relock %s, %s\n", depth == 2 && r == 0 ? "ok" : "bad", "EDEADLK");
    return 0;
}
