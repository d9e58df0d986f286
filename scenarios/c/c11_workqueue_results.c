// expect: outcomes "jobs 2 sum 5 exit codes 1+1\n"
//
// A C11 <threads.h> work queue: main pushes jobs (malloc'd) onto a
// mtx_t-guarded list and cnd_signals; two workers cnd_wait while the
// list is empty and not closed, square each job into it and count what
// they did (one job each); each worker returns its count as its thrd exit code, which
// main collects with thrd_join.
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>

struct job {
    int value;
    struct job *next;
};

static mtx_t lock;
static cnd_t more;
static struct job *head, **tailp = &head;
static int closed;
static long sum;

static void push(int v)
{
    struct job *j = malloc(sizeof *j);
    if (j == NULL)
        abort();
    j->value = v;
    j->next = NULL;
    mtx_lock(&lock);
    *tailp = j;
    tailp = &j->next;
    cnd_signal(&more);
    mtx_unlock(&lock);
}

static int worker(void *arg)
{
    (void)arg;
    int done = 0;
    mtx_lock(&lock);
    for (;;) {
        while (head == NULL && !closed)
            cnd_wait(&more, &lock);
        if (head == NULL)
            break;
        struct job *j = head;
        head = j->next;
        if (head == NULL)
            tailp = &head;
        mtx_unlock(&lock);
        long sq = (long)j->value * j->value;
        free(j);
        done++;
        mtx_lock(&lock);
        sum += sq;
        if (done == 1)
            break; /* each worker takes one job, then leaves */
    }
    mtx_unlock(&lock);
    return done;
}

int main(void)
{
    if (mtx_init(&lock, mtx_plain) != thrd_success ||
        cnd_init(&more) != thrd_success)
        return 1;
    thrd_t t[2];
    for (int i = 0; i < 2; i++)
        if (thrd_create(&t[i], worker, NULL) != thrd_success)
            return 1;
    for (int v = 1; v <= 2; v++)
        push(v);
    mtx_lock(&lock);
    closed = 1;
    cnd_broadcast(&more);
    mtx_unlock(&lock);
    int r0, r1;
    thrd_join(t[0], &r0);
    thrd_join(t[1], &r1);
    printf("jobs %d sum %ld exit codes %d+%d\n", r0 + r1, sum, r0, r1);
    cnd_destroy(&more);
    mtx_destroy(&lock);
    return 0;
}
