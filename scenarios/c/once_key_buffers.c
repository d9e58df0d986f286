// expect: outcomes "a:1 b:1 destructors 2\n"
//
// Per-thread scratch buffers: pthread_once creates the key (with a
// destructor) the first time any thread needs it, each thread allocates
// its buffer on first use and stores it with pthread_setspecific, and
// the destructor frees it when the thread exits.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_key_t key;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int destructors;

static void release(void *p)
{
    free(p);
    pthread_mutex_lock(&mu);
    destructors++;
    pthread_mutex_unlock(&mu);
}

static void make_key(void)
{
    pthread_key_create(&key, release);
}

static char *scratch(void)
{
    pthread_once(&once, make_key);
    char *b = pthread_getspecific(key);
    if (!b) {
        b = calloc(1, 32);
        pthread_setspecific(key, b);
    }
    return b;
}

static void *worker(void *arg)
{
    const char *name = arg;
    char *b = scratch();
    snprintf(b, 32, "%s:%d", name, 1);
    char *again = scratch();
    return (void *)(long)(strcmp(again, b) == 0 ? strlen(b) : 0);
}

int main(void)
{
    pthread_t a, b;
    void *ra, *rb;
    pthread_create(&a, NULL, worker, "a");
    pthread_create(&b, NULL, worker, "b");
    pthread_join(a, &ra);
    pthread_join(b, &rb);
    pthread_mutex_lock(&mu);
    printf("a:%d b:%d destructors %d\n", (long)ra == 3, (long)rb == 3, destructors);
    pthread_mutex_unlock(&mu);
    return 0;
}
