// expect: panic
//
// A worker detaches itself with pthread_detach(pthread_self()) ("nobody
// needs my result"), but main still joins it, as the code did before the
// change. Joining a detached thread is undefined (glibc may return EINVAL
// or wait on a thread whose resources are gone).
#include <pthread.h>
#include <stdio.h>

static void *worker(void *arg)
{
    (void)arg;
    pthread_detach(pthread_self());
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    int rc = pthread_join(t, NULL);
    printf("join: %d\n", rc);
    return 0;
}
