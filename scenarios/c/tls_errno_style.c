// expect: outcomes "worker errors 3 main errors 1\n"
//
// An errno-style per-thread error counter in __thread storage: each
// thread bumps its own copy with no lock, and reports it through its
// return value; main's copy is separate.
#include <pthread.h>
#include <stdio.h>

static __thread int last_error;
static __thread int nerrors;

static int parse(const char *s)
{
    if (s[0] < '0' || s[0] > '9') {
        last_error = 22;
        nerrors++;
        return -1;
    }
    return s[0] - '0';
}

static void *worker(void *arg)
{
    const char **in = arg;
    for (int i = 0; in[i]; i++)
        parse(in[i]);
    return (void *)(long)nerrors;
}

int main(void)
{
    static const char *a[] = {"1", "x", "y", NULL}, *b[] = {"z", "2", NULL};
    pthread_t ta, tb;
    void *ra, *rb;
    pthread_create(&ta, NULL, worker, a);
    pthread_create(&tb, NULL, worker, b);
    parse("?");
    pthread_join(ta, &ra);
    pthread_join(tb, &rb);
    printf("worker errors %ld main errors %d\n", (long)ra + (long)rb, nerrors);
    return 0;
}
