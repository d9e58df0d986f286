// expect: outcomes "total 6 depth-max 2\n"
//
// C11 <threads.h> with a recursive mutex (mtx_plain | mtx_recursive):
// account_add takes the lock and calls account_touch, which takes it
// again; two threads each add three times. Correct: a recursive mutex
// may be relocked by its owner.
#include <stdio.h>
#include <threads.h>

static mtx_t lock;
static int balance, depth, depth_max;

static void account_touch(void)
{
    mtx_lock(&lock);
    depth++;
    if (depth > depth_max)
        depth_max = depth;
    depth--;
    mtx_unlock(&lock);
}

static void account_add(int v)
{
    mtx_lock(&lock);
    depth++;
    balance += v;
    account_touch();
    depth--;
    mtx_unlock(&lock);
}

static int worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 3; i++)
        account_add(1);
    return 0;
}

int main(void)
{
    thrd_t a, b;
    if (mtx_init(&lock, mtx_plain | mtx_recursive) != thrd_success)
        return 1;
    thrd_create(&a, worker, NULL);
    thrd_create(&b, worker, NULL);
    thrd_join(a, NULL);
    thrd_join(b, NULL);
    printf("total %d depth-max %d\n", balance, depth_max);
    mtx_destroy(&lock);
    return 0;
}
