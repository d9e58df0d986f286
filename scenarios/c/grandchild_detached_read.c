// expect: race
//
// The worker starts its helper detached and returns without waiting for
// it; main joins the worker and reads the helper's result, which is not
// ordered after the helper's write.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int partial;

static void *helper(void *arg)
{
    (void)arg;
    partial = 10;
    return NULL;
}

static void *worker(void *arg)
{
    pthread_t h;
    (void)arg;
    pthread_create(&h, NULL, helper, NULL);
    pthread_detach(h);
    return NULL;
}

int main(void)
{
    pthread_t w;
    pthread_create(&w, NULL, worker, NULL);
    pthread_join(w, NULL);
    usleep(1000);
    printf("partial %d\n", partial);
    return 0;
}
