// expect: outcomes "ok 2 errors 1\n"
//
// Each worker parses its input with a recursive-descent parser that
// reports errors by longjmp to a jmp_buf on the worker's own stack (a
// common C idiom); results are tallied under a lock. setjmp/longjmp stay
// inside one thread.
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int ok_count, error_count;

struct parser {
    const char *p;
    jmp_buf fail;
};

static int digit(struct parser *ps)
{
    if (*ps->p < '0' || *ps->p > '9')
        longjmp(ps->fail, 1);
    return *ps->p++ - '0';
}

static int sum(struct parser *ps)
{
    int v = digit(ps);
    if (*ps->p == '+') {
        ps->p++;
        v += sum(ps);
    }
    return v;
}

static void *worker(void *arg)
{
    struct parser ps = {arg, {{0}}};
    volatile int good = 0;
    if (setjmp(ps.fail) == 0) {
        (void)sum(&ps);
        good = *ps.p == '\0';
    }
    pthread_mutex_lock(&mu);
    if (good)
        ok_count++;
    else
        error_count++;
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    static const char *inputs[] = {"1+2+3", "4+x", "9"};
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, (void *)inputs[i]);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("ok %d errors %d\n", ok_count, error_count);
    return 0;
}
