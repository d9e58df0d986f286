// expect: outcomes "fired a b, cancelled 1\n"
//
// A timer thread: timers (absolute CLOCK_MONOTONIC deadlines) sit in a
// list sorted by deadline under a mutex; the timer thread sleeps with
// pthread_cond_timedwait on a cond whose clock is CLOCK_MONOTONIC
// (pthread_condattr_setclock) until the earliest deadline, or until a
// new earlier timer or shutdown signals it, and runs due callbacks
// outside the lock. Main arms three timers, cancels one, and shuts the
// thread down after the others fired.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

struct timer {
    struct timespec when;
    void (*fn)(const char *);
    const char *name;
    struct timer *next;
    int armed;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed;
static struct timer *pending;
static int shutting_down;
static char fired[32];
static pthread_mutex_t fired_lock = PTHREAD_MUTEX_INITIALIZER;
static int nfired;

static int before(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec ||
           (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static void record(const char *name)
{
    pthread_mutex_lock(&fired_lock);
    if (fired[0] != '\0')
        strcat(fired, " ");
    strcat(fired, name);
    nfired++;
    pthread_mutex_unlock(&fired_lock);
}

static void timer_arm(struct timer *t, long ms)
{
    clock_gettime(CLOCK_MONOTONIC, &t->when);
    t->when.tv_sec += ms / 1000;
    t->when.tv_nsec += (ms % 1000) * 1000000L;
    if (t->when.tv_nsec >= 1000000000L) {
        t->when.tv_sec++;
        t->when.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&lock);
    struct timer **p = &pending;
    while (*p != NULL && !before(&t->when, &(*p)->when))
        p = &(*p)->next;
    t->next = *p;
    *p = t;
    t->armed = 1;
    if (pending == t)
        pthread_cond_signal(&changed);
    pthread_mutex_unlock(&lock);
}

static int timer_cancel(struct timer *t)
{
    int was = 0;
    pthread_mutex_lock(&lock);
    for (struct timer **p = &pending; *p != NULL; p = &(*p)->next)
        if (*p == t) {
            *p = t->next;
            t->armed = 0;
            was = 1;
            break;
        }
    pthread_mutex_unlock(&lock);
    return was;
}

static void *timer_thread(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    while (!shutting_down) {
        if (pending == NULL) {
            pthread_cond_wait(&changed, &lock);
            continue;
        }
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (before(&now, &pending->when)) {
            int rc = pthread_cond_timedwait(&changed, &lock, &pending->when);
            if (rc != 0 && rc != ETIMEDOUT)
                break;
            continue;
        }
        struct timer *t = pending;
        pending = t->next;
        t->armed = 0;
        pthread_mutex_unlock(&lock);
        t->fn(t->name);
        pthread_mutex_lock(&lock);
    }
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(void)
{
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&changed, &ca);
    pthread_condattr_destroy(&ca);

    static struct timer a = {.fn = record, .name = "a"};
    static struct timer b = {.fn = record, .name = "b"};
    static struct timer c = {.fn = record, .name = "c"};
    pthread_t th;
    pthread_create(&th, NULL, timer_thread, NULL);
    timer_arm(&b, 200);
    timer_arm(&a, 100);
    timer_arm(&c, 5000);
    int cancelled = timer_cancel(&c);

    struct timespec nap = {0, 50 * 1000000L};
    for (;;) {
        pthread_mutex_lock(&fired_lock);
        int n = nfired;
        pthread_mutex_unlock(&fired_lock);
        if (n == 2)
            break;
        nanosleep(&nap, NULL);
    }
    pthread_mutex_lock(&lock);
    shutting_down = 1;
    pthread_cond_signal(&changed);
    pthread_mutex_unlock(&lock);
    pthread_join(th, NULL);
    printf("fired %s, cancelled %d\n", fired, cancelled);
    return 0;
}
