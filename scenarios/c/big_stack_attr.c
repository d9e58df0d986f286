// expect: outcomes "sum 2097152\n"
//
// A worker that needs a large stack (a 2 MiB scratch array) asks for an
// 8 MiB stack with pthread_attr_setstacksize, as the program is written
// for; the default would be glibc's 8 MiB anyway.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static void *work(void *arg)
{
    (void)arg;
    char scratch[2 << 20];
    memset(scratch, 1, sizeof scratch);
    long s = 0;
    for (size_t i = 0; i < sizeof scratch; i++)
        s += scratch[i];
    return (void *)s;
}

int main(void)
{
    pthread_attr_t at;
    pthread_t t;
    void *r;
    pthread_attr_init(&at);
    pthread_attr_setstacksize(&at, 8 << 20);
    pthread_create(&t, &at, work, NULL);
    pthread_attr_destroy(&at);
    pthread_join(t, &r);
    printf("sum %ld\n", (long)r);
    return 0;
}
