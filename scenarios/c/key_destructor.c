// expect: outcomes "freed 2\n"
//
// Per-thread scratch buffers through pthread_key_create with a destructor:
// each thread mallocs its buffer on first use and the key's destructor
// frees it when the thread exits; the destructor counts atomically.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_key_t scratch_key;
static int freed;

static void free_scratch(void *p)
{
    free(p);
    __atomic_fetch_add(&freed, 1, __ATOMIC_SEQ_CST);
}

static char *scratch(void)
{
    char *p = pthread_getspecific(scratch_key);
    if (!p) {
        p = malloc(64);
        pthread_setspecific(scratch_key, p);
    }
    return p;
}

static void *worker(void *arg)
{
    char *s = scratch();
    s[0] = (char)(long)arg;
    return (void *)(long)(scratch() == s);
}

int main(void)
{
    pthread_t a, b;
    pthread_key_create(&scratch_key, free_scratch);
    pthread_create(&a, NULL, worker, (void *)'a');
    pthread_create(&b, NULL, worker, (void *)'b');
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("freed %d\n", __atomic_load_n(&freed, __ATOMIC_SEQ_CST));
    pthread_key_delete(scratch_key);
    return 0;
}
