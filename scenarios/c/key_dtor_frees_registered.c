// expect: panic
//
// Each worker keeps a scratch buffer in thread-specific data and also
// registers it in a global registry so main can print a summary. The
// key's destructor frees the buffer when the thread exits, before
// pthread_join returns; main then reads the registry's pointers to
// freed memory (a use after free, ordered by the join: no race).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORKERS 2

static pthread_key_t scratch_key;
static char *registry[WORKERS];
static pthread_mutex_t reg_mu = PTHREAD_MUTEX_INITIALIZER;

static char *scratch(int id)
{
    char *b = pthread_getspecific(scratch_key);
    if (b == NULL) {
        b = malloc(32);
        if (b == NULL)
            abort();
        pthread_setspecific(scratch_key, b);
        pthread_mutex_lock(&reg_mu);
        registry[id] = b;
        pthread_mutex_unlock(&reg_mu);
    }
    return b;
}

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    char *b = scratch(id);
    snprintf(b, 32, "worker %d done", id);
    return NULL;
}

int main(void)
{
    pthread_t t[WORKERS];
    pthread_key_create(&scratch_key, free);
    for (long i = 0; i < WORKERS; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(t[i], NULL);
    size_t total = 0;
    pthread_mutex_lock(&reg_mu);
    for (int i = 0; i < WORKERS; i++)
        total += strlen(registry[i]);
    pthread_mutex_unlock(&reg_mu);
    printf("summary %zu\n", total);
    pthread_key_delete(scratch_key);
    return 0;
}
