// expect: deadlock
//
// The same account code with the mutex created mtx_plain only: the
// nested mtx_lock in account_touch relocks a non-recursive mutex the
// thread already holds, which never returns (C11: undefined; glibc
// blocks forever).
#include <stdio.h>
#include <threads.h>

static mtx_t lock;
static int balance, touched;

static void account_touch(void)
{
    mtx_lock(&lock);
    touched++;
    mtx_unlock(&lock);
}

static void account_add(int v)
{
    mtx_lock(&lock);
    balance += v;
    account_touch();
    mtx_unlock(&lock);
}

static int worker(void *arg)
{
    (void)arg;
    account_add(1);
    return 0;
}

int main(void)
{
    thrd_t a;
    mtx_init(&lock, mtx_plain);
    thrd_create(&a, worker, NULL);
    thrd_join(a, NULL);
    printf("total %d touched %d\n", balance, touched);
    return 0;
}
