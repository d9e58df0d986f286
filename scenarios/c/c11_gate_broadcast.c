// expect: outcomes "3\n"
//
// C11 threads: workers wait at a gate (mtx_t + cnd_t, while loop) until
// main opens it with cnd_broadcast; each then bumps a counter under the
// mutex; main joins with thrd_join.
#include <stdio.h>
#include <threads.h>

static mtx_t mu;
static cnd_t gate;
static int open_, passed;

static int worker(void *arg)
{
    (void)arg;
    mtx_lock(&mu);
    while (!open_)
        cnd_wait(&gate, &mu);
    passed++;
    mtx_unlock(&mu);
    return 0;
}

int main(void)
{
    thrd_t t[3];
    mtx_init(&mu, mtx_plain);
    cnd_init(&gate);
    for (int i = 0; i < 3; i++)
        thrd_create(&t[i], worker, NULL);
    mtx_lock(&mu);
    open_ = 1;
    cnd_broadcast(&gate);
    mtx_unlock(&mu);
    for (int i = 0; i < 3; i++)
        thrd_join(t[i], NULL);
    printf("%d\n", passed);
    cnd_destroy(&gate);
    mtx_destroy(&mu);
    return 0;
}
