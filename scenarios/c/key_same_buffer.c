// expect: race
//
// "Thread-local" formatting buffers through pthread_setspecific, except
// that every thread stores the same static buffer: the key makes it look
// per-thread, but both threads format into one array at once.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_key_t key;
static char shared_buf[32];

static const char *fmt_id(int id)
{
    char *b = pthread_getspecific(key);
    if (!b) {
        b = shared_buf; /* BUG: should be malloc'd per thread */
        pthread_setspecific(key, b);
    }
    snprintf(b, sizeof shared_buf, "id-%d", id);
    return b;
}

static void *worker(void *arg)
{
    return (void *)strlen(fmt_id((int)(long)arg));
}

int main(void)
{
    pthread_t a, b;
    pthread_key_create(&key, NULL);
    pthread_create(&a, NULL, worker, (void *)1L);
    pthread_create(&b, NULL, worker, (void *)2L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("done\n");
    return 0;
}
