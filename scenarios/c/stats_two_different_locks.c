// expect: race
//
// Request statistics updated from two code paths written at different
// times: the request path bumps `served` under the stats mutex, the
// error path bumps it under the log mutex it already holds. Each update
// is locked, but by different locks, so the two are not ordered: a
// lost update on `served`.
#include <pthread.h>
#include <stdio.h>

struct stats {
    long served;
    long failed;
};

static struct stats st;
static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static char last_error[32];

static void count_ok(void)
{
    pthread_mutex_lock(&stats_mu);
    st.served++;
    pthread_mutex_unlock(&stats_mu);
}

static void log_error(int code)
{
    pthread_mutex_lock(&log_mu);
    snprintf(last_error, sizeof last_error, "error %d", code);
    st.failed++;
    st.served++; /* an error reply is served too; wrong lock */
    pthread_mutex_unlock(&log_mu);
}

static void *handler(void *arg)
{
    int first = (int)(long)arg;
    for (int req = first; req < first + 2; req++) {
        if (req % 2)
            log_error(req);
        else
            count_ok();
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, handler, (void *)0L);
    pthread_create(&b, NULL, handler, (void *)2L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("served %ld failed %ld\n", st.served, st.failed);
    return 0;
}
