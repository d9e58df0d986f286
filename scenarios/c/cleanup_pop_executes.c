// expect: outcomes "freed 2 sum 7\n"
//
// pthread_cleanup_push/pop(1) as a scoped free: the handler runs at the
// pop (execute non-zero) on the normal path.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int freed, sum;

static void release(void *p)
{
    free(p);
    pthread_mutex_lock(&mu);
    freed++;
    pthread_mutex_unlock(&mu);
}

static void *worker(void *arg)
{
    int *buf = malloc(4 * sizeof *buf);
    pthread_cleanup_push(release, buf);
    buf[0] = (int)(long)arg;
    pthread_mutex_lock(&mu);
    sum += buf[0];
    pthread_mutex_unlock(&mu);
    pthread_cleanup_pop(1);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)3L);
    pthread_create(&b, NULL, worker, (void *)4L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("freed %d sum %d\n", freed, sum);
    return 0;
}
