// expect: outcomes "requests 4\nbye\n"
//
// A module keeps a request counter, bumped by workers under a lock and
// reported by an atexit handler; the module's destructor
// (__attribute__((destructor))) says bye. exit, after main returns, runs
// the atexit handlers first, then the destructors. Main joins every
// worker before it returns, so the report's read is ordered after all
// the writes.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int requests;

__attribute__((destructor)) static void module_fini(void)
{
    puts("bye");
}

static void report(void)
{
    printf("requests %d\n", requests);
}

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2; i++) {
        pthread_mutex_lock(&mu);
        requests++;
        pthread_mutex_unlock(&mu);
    }
    return NULL;
}

int main(void)
{
    atexit(report);
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
