// expect: race
//
// A scheduler thread sorts the run queue with qsort by priority, and
// the comparator reads the shared priority table; meanwhile an "aging"
// thread raises the priorities of waiting tasks in the same table under
// a mutex the sorter does not take. The comparator's reads race with
// the aging writes (and qsort may see an inconsistent order).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NTASK 5

static int priority[NTASK] = {3, 1, 4, 1, 5};
static pthread_mutex_t prio_mu = PTHREAD_MUTEX_INITIALIZER;

static int by_priority(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return priority[y] - priority[x]; /* highest first */
}

static void *scheduler(void *arg)
{
    int *runq = arg;
    for (int i = 0; i < NTASK; i++)
        runq[i] = i;
    qsort(runq, NTASK, sizeof runq[0], by_priority);
    return NULL;
}

static void *aging(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&prio_mu);
    for (int i = 0; i < NTASK; i++)
        if (priority[i] < 3)
            priority[i]++;
    pthread_mutex_unlock(&prio_mu);
    return NULL;
}

int main(void)
{
    pthread_t s, a;
    int runq[NTASK];
    pthread_create(&s, NULL, scheduler, runq);
    pthread_create(&a, NULL, aging, NULL);
    pthread_join(s, NULL);
    pthread_join(a, NULL);
    printf("first %d\n", runq[0]);
    return 0;
}
