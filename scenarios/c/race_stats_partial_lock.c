// expect: race
//
// The hit counter is updated under the mutex, the byte counter after the
// unlock: a data race on st.bytes.
// (issue 15: a program written outside the suite.)
#include <pthread.h>
#include <stdio.h>

struct stats {
    pthread_mutex_t mu;
    long hits;
    long bytes;
};

static struct stats st = {PTHREAD_MUTEX_INITIALIZER, 0, 0};

static void *serve(void *arg)
{
    long n = (long)arg;
    pthread_mutex_lock(&st.mu);
    st.hits++;
    pthread_mutex_unlock(&st.mu);
    st.bytes += n; /* BUG: outside the lock */
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, serve, (void *)(100 * (i + 1)));
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%ld hits %ld bytes\n", st.hits, st.bytes);
    return 0;
}
