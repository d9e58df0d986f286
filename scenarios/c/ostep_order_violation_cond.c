// expect: ok
//
// OSTEP, Common Concurrency Problems, Figure 32.5: the order violation
// fixed with a condition variable and a state flag (mtInit): the new
// thread waits until the creator has stored mThread.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    pthread_t tid;
    int State;
} PRThread;

static PRThread *mThread;
static int mState, mtInit;
static pthread_mutex_t mtLock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t mtCond = PTHREAD_COND_INITIALIZER;

static void *mMain(void *arg)
{
    pthread_mutex_lock(&mtLock);
    while (mtInit == 0)
        pthread_cond_wait(&mtCond, &mtLock);
    pthread_mutex_unlock(&mtLock);
    mState = mThread->State;
    return arg;
}

static void Init(void)
{
    PRThread *t = calloc(1, sizeof *t);
    t->State = 1;
    pthread_create(&t->tid, NULL, mMain, NULL);
    mThread = t;
    pthread_mutex_lock(&mtLock);
    mtInit = 1;
    pthread_cond_signal(&mtCond);
    pthread_mutex_unlock(&mtLock);
}

int main(void)
{
    Init();
    pthread_join(mThread->tid, NULL);
    printf("state %d\n", mState);
    return 0;
}
