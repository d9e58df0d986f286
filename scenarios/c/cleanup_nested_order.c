// expect: outcomes "handlers: inner outer, buffer freed, lock free\n"
//
// Two nested cleanup handlers (free the buffer, unlock the mutex) and a
// pthread_exit inside both: the handlers run innermost first, then the
// thread ends; main finds the buffer freed and the mutex free.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static char order[32];
static int freed;

static void unlock_outer(void *m)
{
    strcat(order, " outer");
    pthread_mutex_unlock(m);
}

static void free_inner(void *p)
{
    strcat(order, " inner");
    free(p);
    freed = 1;
}

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    pthread_cleanup_push(unlock_outer, &mu);
    char *buf = malloc(16);
    pthread_cleanup_push(free_inner, buf);
    strcpy(buf, "partial");
    pthread_exit(NULL);
    pthread_cleanup_pop(1);
    pthread_cleanup_pop(1);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    int free_now = pthread_mutex_trylock(&mu) == 0;
    printf("handlers:%s, buffer %s, lock %s\n", order,
           freed ? "freed" : "leaked", free_now ? "free" : "held");
    if (free_now)
        pthread_mutex_unlock(&mu);
    return 0;
}
