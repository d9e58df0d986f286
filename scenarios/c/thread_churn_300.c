// expect: outcomes "ran 300\n"
//
// 300 short-lived threads, created and joined one at a time (never more
// than one alive besides main): natively nothing limits this.
#include <pthread.h>
#include <stdio.h>

static int ran;

static void *worker(void *arg)
{
    (void)arg;
    ran++;
    return NULL;
}

int main(void)
{
    for (int i = 0; i < 300; i++) {
        pthread_t t;
        if (pthread_create(&t, NULL, worker, NULL) != 0)
            break;
        pthread_join(t, NULL);
    }
    printf("ran %d\n", ran);
    return 0;
}
