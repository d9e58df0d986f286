// expect: panic
//
// A thread created detached (through its attributes) is later joined as
// if it were joinable: POSIX makes that undefined (glibc may return
// EINVAL or hang).
#include <pthread.h>
#include <stdio.h>

static void *worker(void *arg)
{
    (void)arg;
    return NULL;
}

int main(void)
{
    pthread_attr_t attr;
    pthread_t t;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_create(&t, &attr, worker, NULL);
    pthread_attr_destroy(&attr);
    pthread_join(t, NULL);
    puts("joined");
    return 0;
}
