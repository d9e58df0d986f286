// expect: race panic
//
// A launcher hands a sibling thread a pointer to a local array and goes
// on with its own work, then returns without waiting for the sibling:
// the sibling's read of the array is not ordered with the launcher's
// end (a race with the stack's death), and after it the read is a
// stack-use-after-return.
#include <pthread.h>
#include <stdio.h>
static pthread_t sibling;
static pthread_mutex_t logm = PTHREAD_MUTEX_INITIALIZER;
static int logged;
static void *consume(void *arg)
{
    int *cfg = arg;
    int v = cfg[1];
    pthread_mutex_lock(&logm);
    logged++;
    pthread_mutex_unlock(&logm);
    return (void *)(long)v;
}
static void *launcher(void *arg)
{
    (void)arg;
    int cfg[2] = {3, 4};
    pthread_create(&sibling, NULL, consume, cfg);
    pthread_mutex_lock(&logm);
    logged++;
    pthread_mutex_unlock(&logm);
    return NULL;
}
int main(void)
{
    pthread_t l;
    void *r;
    pthread_create(&l, NULL, launcher, NULL);
    pthread_join(l, NULL);
    pthread_join(sibling, &r);
    printf("%ld\n", (long)r);
    return 0;
}
