// expect: outcomes "reply 7\n"
//
// A client waits for a reply with an absolute deadline built from
// clock_gettime(CLOCK_REALTIME) plus 50 ms, in a while loop on the
// predicate (so spurious wakeups go back to waiting), and gives up on
// ETIMEDOUT. The server answers after a 10 ms sleep (100 ms with an
// argument): on weft's virtual clock the 10 ms sleep always ends before
// the 50 ms deadline, so the reply always arrives in time. The reply
// slot is always read under the mutex.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t replied = PTHREAD_COND_INITIALIZER;
static int have_reply, reply;

static void *server(void *arg)
{
    long delay_ms = (long)arg;
    usleep((useconds_t)(delay_ms * 1000));
    pthread_mutex_lock(&mu);
    reply = 7;
    have_reply = 1;
    pthread_cond_signal(&replied);
    pthread_mutex_unlock(&mu);
    return NULL;
}

static int wait_reply(int *out, long timeout_ms)
{
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_sec += timeout_ms / 1000;
    dl.tv_nsec += (timeout_ms % 1000) * 1000000L;
    if (dl.tv_nsec >= 1000000000L) {
        dl.tv_sec++;
        dl.tv_nsec -= 1000000000L;
    }
    int rc = 0;
    pthread_mutex_lock(&mu);
    while (!have_reply && rc == 0)
        rc = pthread_cond_timedwait(&replied, &mu, &dl);
    if (have_reply)
        *out = reply;
    int ok = have_reply;
    pthread_mutex_unlock(&mu);
    return ok ? 0 : ETIMEDOUT;
}

int main(int argc, char **argv)
{
    pthread_t s;
    long delay = argc > 1 ? 100 : 10;
    (void)argv;
    pthread_create(&s, NULL, server, (void *)delay);
    int v;
    if (wait_reply(&v, 50) == 0)
        printf("reply %d\n", v);
    else
        printf("timeout\n");
    pthread_join(s, NULL);
    return 0;
}
