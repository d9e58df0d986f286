// expect: race panic
//
// OSTEP, Common Concurrency Problems, Figure 32.2 (from MySQL): an
// atomicity violation. Thread 1 checks thd->proc_info, then uses it;
// thread 2 sets it to NULL between the check and the use: a data race,
// and on that interleaving a NULL dereference.
#include <pthread.h>
#include <stdio.h>

struct thd {
    const char *proc_info;
};

static struct thd t = {"running"};
static struct thd *thd = &t;
static char first;

static void *thread1(void *arg)
{
    if (thd->proc_info) {
        first = thd->proc_info[0]; /* fputs(thd->proc_info, ...) */
    }
    return arg;
}

static void *thread2(void *arg)
{
    thd->proc_info = NULL;
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, thread1, NULL);
    pthread_create(&b, NULL, thread2, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%c\n", first ? first : '-');
    return 0;
}
