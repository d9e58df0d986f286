/* halt.c: see halt.h. */
#include "halt.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sim/engine.h"
#include "sim/util.h"

/* The globals a signal handler needs (STYLE 3 keeps them out of the
 * engine; ui/ holds these and the viewer's). */
#define HALT_WORDS 4096 /* more than weft test -j's workers can be */
static atomic_int words[HALT_WORDS];  /* HALT_* */
static atomic_bool taken[HALT_WORDS]; /* words[i] is in use */
static volatile sig_atomic_t signo;   /* the first stopping signal */
static atomic_int coop;               /* halt_cooperate depth */
static struct timespec launched;      /* when halt_install ran */

/* Write s on stderr from a signal handler (write(2) is safe there). */
static void say(const char *s)
{
    ssize_t r = write(2, s, strlen(s));
    (void)r;
}

static void on_watchdog(int sig)
{
    (void)sig;
    say("\nweft: interrupted (the program did not reach a point where "
        "weft could stop it cleanly)\n");
    _exit(128 + (signo ? signo : SIGINT));
}

/* Nanoseconds on the monotonic clock (clock_gettime is safe in a
 * handler). */
static long long mono_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* When the first stopping signal came (mono_ns). The same signal again
 * within DUP_NS is that one delivered twice, not a second request:
 * timeout(1) sends its signal to the command and then to its process
 * group, so `timeout 30 weft test` got SIGTERM twice and exited at once,
 * losing the findings it was printing. */
#define DUP_NS 50000000LL /* 50 ms: timeout(1) sends both at once */
static volatile long long first_ns;

static void on_stop(int sig)
{
    if (signo == sig && mono_ns() - first_ns < DUP_NS)
        return;
    if (!atomic_load(&coop) || signo) {
        /* said on stderr, as a cooperating command says it: a CI log
         * shows why a compile or an option parse stopped */
        say(signo ? "\nweft: interrupted again: exiting at once\n"
                  : "\nweft: interrupted\n");
        _exit(128 + (signo ? signo : sig));
    }
    first_ns = mono_ns();
    signo = sig;
    for (size_t i = 0; i < HALT_WORDS; i++) /* lock-free: handler-safe */
        atomic_store(&words[i], HALT_ALL);
    alarm(1); /* the watchdog: see halt.h */
}

void halt_install(void)
{
    struct sigaction sa;
    clock_gettime(CLOCK_MONOTONIC, &launched);
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGINT);
    sigaddset(&sa.sa_mask, SIGTERM);
    sigaddset(&sa.sa_mask, SIGALRM);
    /* SA_RESTART: a read or write interrupted by the first signal goes
     * on (SQLite, stdio); the command stops at its next check */
    sa.sa_flags = SA_RESTART;
    sa.sa_handler = on_stop;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sa.sa_handler = on_watchdog;
    sigaction(SIGALRM, &sa, NULL);
}

atomic_int *halt_word_new(void)
{
    for (size_t i = 0; i < HALT_WORDS; i++) {
        bool no = false;
        if (atomic_compare_exchange_strong(&taken[i], &no, true)) {
            atomic_store(&words[i], HALT_NONE);
            if (signo) /* a signal came before: stop at once */
                atomic_store(&words[i], HALT_ALL);
            return &words[i];
        }
    }
    wf_fatal("more than %d explorations at once", HALT_WORDS);
}

void halt_word_free(atomic_int *w)
{
    if (w >= words && w < words + HALT_WORDS)
        atomic_store(&taken[w - words], false);
}

void halt_cooperate(bool on)
{
    if (on)
        atomic_fetch_add(&coop, 1);
    else if (atomic_fetch_sub(&coop, 1) == 1 && signo)
        alarm(0); /* the command ended by itself: no watchdog */
}

void halt_reached(void)
{
    if (signo)
        alarm(0);
}

int halt_signal(void)
{
    return signo;
}

int halt_status(int status)
{
    return signo ? 128 + signo : status;
}

/* ---- time limits ---------------------------------------------------------
 * A thread per timer, sleeping on a condition variable until the deadline
 * (CLOCK_MONOTONIC) or until halt_timer_stop wakes it. */

struct halt_timer {
    pthread_t th;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool stop;        /* under mu */
    atomic_bool fired;
    atomic_int *w;
    struct timespec deadline, grace;
};

static struct timespec after(struct timespec t, double secs)
{
    long long ns = (long long)(secs * 1e9);
    t.tv_sec += (time_t)(ns / 1000000000LL);
    t.tv_nsec += (long)(ns % 1000000000LL);
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

/* Raise *w to at least level (it never goes down here). */
static void raise_to(atomic_int *w, int level)
{
    int cur = atomic_load(w);
    while (cur < level && !atomic_compare_exchange_weak(w, &cur, level))
        ;
}

/* Wait until t or stop; true when t came. Holds mu. */
static bool sleep_until(halt_timer *h, const struct timespec *t)
{
    while (!h->stop)
        if (pthread_cond_timedwait(&h->cv, &h->mu, t) == ETIMEDOUT)
            return !h->stop;
    return false;
}

static void *timer_main(void *arg)
{
    halt_timer *h = arg;
    pthread_mutex_lock(&h->mu);
    if (sleep_until(h, &h->deadline)) {
        atomic_store(&h->fired, true);
        raise_to(h->w, HALT_SEARCH);
        if (sleep_until(h, &h->grace))
            raise_to(h->w, HALT_ALL);
    }
    pthread_mutex_unlock(&h->mu);
    return NULL;
}

halt_timer *halt_timer_start(atomic_int *w, double secs)
{
    halt_timer *h;
    pthread_condattr_t ca;
    sigset_t all, old;
    struct timespec now;
    if (!(secs > 0))
        return NULL;
    h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->w = w;
    clock_gettime(CLOCK_MONOTONIC, &now);
    h->deadline = after(now, secs);
    h->grace = after(h->deadline, 0.03 * secs + 0.05);
    pthread_mutex_init(&h->mu, NULL);
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&h->cv, &ca);
    pthread_condattr_destroy(&ca);
    /* the signals go to the command's own thread, never to this one */
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    if (pthread_create(&h->th, NULL, timer_main, h) != 0) {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        pthread_cond_destroy(&h->cv);
        pthread_mutex_destroy(&h->mu);
        free(h);
        return NULL;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return h;
}

double halt_since_launch(void)
{
    struct timespec now;
    if (!launched.tv_sec && !launched.tv_nsec)
        return 0;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - launched.tv_sec) +
           (double)(now.tv_nsec - launched.tv_nsec) / 1e9;
}

bool halt_timer_fired(const halt_timer *h)
{
    return h && atomic_load(&h->fired);
}

void halt_timer_stop(halt_timer *h)
{
    if (!h)
        return;
    pthread_mutex_lock(&h->mu);
    h->stop = true;
    pthread_cond_signal(&h->cv);
    pthread_mutex_unlock(&h->mu);
    pthread_join(h->th, NULL);
    pthread_cond_destroy(&h->cv);
    pthread_mutex_destroy(&h->mu);
    free(h);
}
