// expect: outcomes "9 9\n"
//
// A sense-reversing barrier (Herlihy & Shavit 17.3): each thread flips
// its own sense, decrements the count, and the last one resets the count
// and publishes the new sense; the others spin until the shared sense
// equals theirs. Reusable: in each of two rounds every thread writes its
// own slot, then sums all slots after the barrier (3 in round one, 6 in
// round two).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define N 2
static atomic_int count = N, sense;
static int slot[N], seen[N];

static void barrier(int *my_sense)
{
    *my_sense = !*my_sense;
    if (atomic_fetch_sub(&count, 1) == 1) {
        atomic_store(&count, N);
        atomic_store(&sense, *my_sense);
    } else {
        while (atomic_load(&sense) != *my_sense)
            ;
    }
}

static void *worker(void *arg)
{
    int me = (int)(long)arg, my_sense = 0;
    for (int round = 1; round <= 2; round++) {
        slot[me] = round * (me + 1);
        barrier(&my_sense);
        int s = 0;
        for (int k = 0; k < N; k++)
            s += slot[k];
        seen[me] += s;
        barrier(&my_sense);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    printf("%d %d\n", seen[0], seen[1]);
    return 0;
}
