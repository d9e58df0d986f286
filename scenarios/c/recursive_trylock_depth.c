// expect: outcomes "owner depth 3, other busy 3 times, then got it\n"
//
// A recursive mutex: its owner's trylock succeeds at any depth, another
// thread's trylock returns EBUSY until the owner has unlocked as many
// times as it locked. The other thread polls under a handshake so the
// count of EBUSY answers is fixed.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t rec;
static pthread_mutex_t hs = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hs_cv = PTHREAD_COND_INITIALIZER;
static int stage, busy;

static void wait_stage(int s)
{
    pthread_mutex_lock(&hs);
    while (stage != s)
        pthread_cond_wait(&hs_cv, &hs);
    pthread_mutex_unlock(&hs);
}

static void set_stage(int s)
{
    pthread_mutex_lock(&hs);
    stage = s;
    pthread_cond_broadcast(&hs_cv);
    pthread_mutex_unlock(&hs);
}

static void *other(void *arg)
{
    (void)arg;
    for (int s = 1; s <= 3; s++) {
        wait_stage(s);
        if (pthread_mutex_trylock(&rec) == EBUSY)
            busy++;
        else
            pthread_mutex_unlock(&rec);
        set_stage(s + 10);
    }
    wait_stage(4);
    pthread_mutex_lock(&rec);
    pthread_mutex_unlock(&rec);
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_t t;
    int depth = 0;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&rec, &a);
    pthread_mutexattr_destroy(&a);
    pthread_create(&t, NULL, other, NULL);
    for (int i = 0; i < 3; i++)
        if (pthread_mutex_trylock(&rec) == 0)
            depth++;
    for (int s = 1; s <= 3; s++) {
        set_stage(s);
        wait_stage(s + 10);
        pthread_mutex_unlock(&rec);
    }
    set_stage(4);
    pthread_join(t, NULL);
    printf("owner depth %d, other busy %d times, then got it\n", depth, busy);
    return 0;
}
