// expect: deadlock
//
// A list's public add() takes the (default, non-recursive) mutex and calls
// the public size() to check capacity, which takes the same mutex: the
// thread blocks on a mutex it already holds.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int items[4], n;

static int size(void)
{
    int s;
    pthread_mutex_lock(&mu);
    s = n;
    pthread_mutex_unlock(&mu);
    return s;
}

static int add(int v)
{
    int ok = 0;
    pthread_mutex_lock(&mu);
    if (size() < 4) {
        items[n++] = v;
        ok = 1;
    }
    pthread_mutex_unlock(&mu);
    return ok;
}

static void *worker(void *arg)
{
    add((int)(long)arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, (void *)7L);
    pthread_join(t, NULL);
    printf("%d\n", n);
    return 0;
}
