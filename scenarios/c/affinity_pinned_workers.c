// expect: outcomes "sum 10 named w0 w1\n"
//
// Workers pinned to CPU 0 with pthread_attr_setaffinity_np and named
// with pthread_setname_np, blocking signals with pthread_sigmask, as
// servers set up their threads; the work itself is a locked sum. None of
// this setup changes the synchronisation.
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int sum;
static char names[2][16];

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    sigset_t set;
    sigfillset(&set);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    char name[16];
    snprintf(name, sizeof name, "w%d", id);
    pthread_setname_np(pthread_self(), name);
    pthread_getname_np(pthread_self(), names[id], sizeof names[id]);
    pthread_mutex_lock(&mu);
    sum += 5;
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_attr_t attr;
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    CPU_SET(0, &cpus);
    pthread_attr_init(&attr);
    pthread_attr_setaffinity_np(&attr, sizeof cpus, &cpus);
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        if (pthread_create(&t[i], &attr, worker, (void *)i) != 0)
            return 1;
    pthread_attr_destroy(&attr);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("sum %d named %s %s\n", sum, names[0], names[1]);
    return 0;
}
