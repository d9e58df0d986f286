// expect: livelock
//
// Two threads each spin until the other has set its flag, and each sets
// its own only after its spin: both spin forever (natively the program
// hangs), and main waits in pthread_join.
#include <pthread.h>
#include <stdio.h>

static int a_ready, b_ready;

static void *a(void *arg)
{
    while (!b_ready) {
    }
    a_ready = 1;
    return arg;
}

static void *b(void *arg)
{
    while (!a_ready) {
    }
    b_ready = 1;
    return arg;
}

int main(void)
{
    pthread_t ta, tb;
    pthread_create(&ta, NULL, a, NULL);
    pthread_create(&tb, NULL, b, NULL);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    printf("done\n");
    return 0;
}
