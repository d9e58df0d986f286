// expect: ok
//
// Independent reads of independent writes with seq_cst: two writers store
// to x and y, two readers read them in opposite orders. seq_cst's single
// total order forbids the readers disagreeing about which store came
// first (one seeing x=1,y=0 and the other y=1,x=0).
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int x, y;
static int a0, a1, b0, b1;

static void *wx(void *arg) { (void)arg; atomic_store(&x, 1); return NULL; }
static void *wy(void *arg) { (void)arg; atomic_store(&y, 1); return NULL; }

static void *ra(void *arg)
{
    (void)arg;
    a0 = atomic_load(&x);
    a1 = atomic_load(&y);
    return NULL;
}

static void *rb(void *arg)
{
    (void)arg;
    b0 = atomic_load(&y);
    b1 = atomic_load(&x);
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    pthread_create(&t[0], NULL, wx, NULL);
    pthread_create(&t[1], NULL, wy, NULL);
    pthread_create(&t[2], NULL, ra, NULL);
    pthread_create(&t[3], NULL, rb, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    assert(!(a0 == 1 && a1 == 0 && b0 == 1 && b1 == 0));
    return 0;
}
