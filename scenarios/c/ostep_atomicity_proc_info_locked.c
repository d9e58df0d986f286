// expect: ok
//
// OSTEP, Common Concurrency Problems, Figure 32.3: the atomicity violation
// fixed with a lock around the check and the use, and around the update.
#include <pthread.h>
#include <stdio.h>

struct thd {
    const char *proc_info;
};

static struct thd t = {"running"};
static struct thd *thd = &t;
static char first;
static pthread_mutex_t proc_info_lock = PTHREAD_MUTEX_INITIALIZER;

static void *thread1(void *arg)
{
    pthread_mutex_lock(&proc_info_lock);
    if (thd->proc_info) {
        first = thd->proc_info[0];
    }
    pthread_mutex_unlock(&proc_info_lock);
    return arg;
}

static void *thread2(void *arg)
{
    pthread_mutex_lock(&proc_info_lock);
    thd->proc_info = NULL;
    pthread_mutex_unlock(&proc_info_lock);
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
