// expect: outcomes "requests 6 errors 2\n"
//
// Per-thread request counters in pthread thread-specific data. The key
// is created once (pthread_once) by whichever thread asks first; its
// destructor runs as each thread exits, adds the thread's counters to
// the process totals under a mutex and frees the block.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct counters {
    int requests;
    int errors;
};

static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static pthread_key_t counters_key;
static pthread_mutex_t totals_mu = PTHREAD_MUTEX_INITIALIZER;
static struct counters totals;

static void counters_release(void *p)
{
    struct counters *c = p;
    pthread_mutex_lock(&totals_mu);
    totals.requests += c->requests;
    totals.errors += c->errors;
    pthread_mutex_unlock(&totals_mu);
    free(c);
}

static void make_key(void)
{
    if (pthread_key_create(&counters_key, counters_release) != 0)
        abort();
}

static struct counters *thread_counters(void)
{
    pthread_once(&key_once, make_key);
    struct counters *c = pthread_getspecific(counters_key);
    if (c == NULL) {
        c = calloc(1, sizeof *c);
        if (c == NULL || pthread_setspecific(counters_key, c) != 0)
            abort();
    }
    return c;
}

static int handle(int request)
{
    struct counters *c = thread_counters();
    c->requests++;
    if (request % 3 == 0) {
        c->errors++;
        return -1;
    }
    return 0;
}

static void *server(void *arg)
{
    int first = (int)(long)arg;
    for (int r = first; r < first + 3; r++)
        handle(r);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    pthread_create(&t[0], NULL, server, (void *)1L);
    pthread_create(&t[1], NULL, server, (void *)4L);
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    printf("requests %d errors %d\n", totals.requests, totals.errors);
    return 0;
}
