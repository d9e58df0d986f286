// expect: leak
//
// A C11 listener thread waits for an event that main never posts (the
// notify call was left out of an early-return path); main returns and the
// listener is left blocked in cnd_wait for good.
#include <stdio.h>
#include <threads.h>

static mtx_t mu;
static cnd_t ev;
static int fired;

static int listener(void *arg)
{
    (void)arg;
    mtx_lock(&mu);
    while (!fired)
        cnd_wait(&ev, &mu);
    mtx_unlock(&mu);
    return 0;
}

static int setup(int fail)
{
    if (fail)
        return -1;
    mtx_lock(&mu);
    fired = 1;
    cnd_signal(&ev);
    mtx_unlock(&mu);
    return 0;
}

int main(void)
{
    thrd_t t;
    mtx_init(&mu, mtx_plain);
    cnd_init(&ev);
    thrd_create(&t, listener, NULL);
    thrd_detach(t);
    if (setup(1) < 0)
        puts("setup failed");
    return 0;
}
