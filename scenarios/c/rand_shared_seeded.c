// expect: outcomes "first draw same: yes\n"
//
// srand(42) then rand() in main before any thread: the sequence is the
// same in every run (and every execution).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static int a_draw;

static void *worker(void *arg)
{
    (void)arg;
    a_draw = 1;
    return NULL;
}

int main(void)
{
    srand(42);
    int r1 = rand();
    srand(42);
    int r2 = rand();
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    printf("first draw same: %s\n", r1 == r2 && a_draw ? "yes" : "no");
    return 0;
}
