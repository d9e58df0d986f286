// expect: outcomes "3\n"
//
// C11 <threads.h>: threads, a mutex, a condition variable and call_once.
#include <stdio.h>
#include <threads.h>

static mtx_t mu;
static cnd_t cv;
static once_flag once = ONCE_FLAG_INIT;
static int n, inits;

static void init(void)
{
    inits++;
}

static int work(void *arg)
{
    call_once(&once, init);
    mtx_lock(&mu);
    n++;
    cnd_signal(&cv);
    mtx_unlock(&mu);
    return arg ? 1 : 0;
}

int main(void)
{
    thrd_t a, b;
    int ra = 0, rb = 0;
    mtx_init(&mu, mtx_plain);
    cnd_init(&cv);
    thrd_create(&a, work, &n);
    thrd_create(&b, work, NULL);
    mtx_lock(&mu);
    while (n < 2)
        cnd_wait(&cv, &mu);
    mtx_unlock(&mu);
    thrd_join(a, &ra);
    thrd_join(b, &rb);
    printf("%d\n", n + ra + rb + inits - 1);
    return 0;
}
