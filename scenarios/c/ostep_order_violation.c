// expect: race panic
//
// OSTEP, Common Concurrency Problems, Figure 32.4 (from Mozilla): an order
// violation. The new thread reads mThread->State assuming the creator has
// already stored mThread; if it runs first, mThread is still NULL.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    pthread_t tid;
    int State;
} PRThread;

static PRThread *mThread;
static int mState;

static void *mMain(void *arg)
{
    mState = mThread->State; /* assumes Init ran */
    return arg;
}

static void Init(void)
{
    PRThread *t = calloc(1, sizeof *t);
    t->State = 1;
    pthread_create(&t->tid, NULL, mMain, NULL);
    mThread = t;
}

int main(void)
{
    Init();
    pthread_join(mThread->tid, NULL);
    printf("state %d\n", mState);
    return 0;
}
