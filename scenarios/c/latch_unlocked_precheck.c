// expect: race deadlock
//
// A countdown latch: workers decrement `remaining` under the lock and
// broadcast when it reaches zero; main waits for zero. Main first peeks
// at `remaining` without the lock ("fast path") and only then locks and
// waits -- with `if`, once. The peek races with the decrements, and if
// the last worker's broadcast lands between main's peek and its wait,
// main waits for a broadcast that already happened.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t zero = PTHREAD_COND_INITIALIZER;
static int remaining = 2;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    if (--remaining == 0)
        pthread_cond_broadcast(&zero);
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    if (remaining > 0) { /* BUG: unlocked peek, and no loop */
        pthread_mutex_lock(&m);
        pthread_cond_wait(&zero, &m);
        pthread_mutex_unlock(&m);
    }
    puts("all done");
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
