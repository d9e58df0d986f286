// expect: outcomes "reloads 1\n"
//
// The dedicated signal-handling thread: main blocks SIGUSR1 in every
// thread (the mask is inherited), a thread waits for it with sigwait and
// counts a "reload" under a mutex; main raises the signal at the process
// with kill(getpid()), then joins.
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int reloads;
static sigset_t set;

static void *sig_thread(void *arg)
{
    (void)arg;
    int sig;
    if (sigwait(&set, &sig) == 0 && sig == SIGUSR1) {
        pthread_mutex_lock(&mu);
        reloads++;
        pthread_mutex_unlock(&mu);
    }
    return NULL;
}

int main(void)
{
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    pthread_t t;
    pthread_create(&t, NULL, sig_thread, NULL);
    kill(getpid(), SIGUSR1);
    pthread_join(t, NULL);
    printf("reloads %d\n", reloads);
    return 0;
}
