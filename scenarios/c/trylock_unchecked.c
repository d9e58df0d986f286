// expect: race
//
// A flusher that "tries" the lock so as not to block, and ignores the
// result: when the trylock fails it goes on to touch the buffer anyway,
// racing with the writer that holds the lock.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static char buf[64];
static int len;

static void *writer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    buf[len++] = 'x';
    pthread_mutex_unlock(&mu);
    return NULL;
}

static void *flusher(void *arg)
{
    (void)arg;
    int locked = pthread_mutex_trylock(&mu) == 0;
    len = 0;
    if (locked)
        pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, writer, NULL);
    pthread_create(&b, NULL, flusher, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", len);
    return 0;
}
