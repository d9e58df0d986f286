// expect: outcomes "1 3 6 10\n"
//
// A parallel inclusive prefix sum (Hillis-Steele) over 4 values with 2
// threads, two elements each, double buffered: in each step every thread
// reads the previous buffer and writes the next, then all meet at a
// barrier before the buffers swap. The barrier's serial thread does no
// extra work; each thread swaps its own local view.
#include <pthread.h>
#include <stdio.h>

#define N 4
#define THREADS 2

static int buf[2][N];
static pthread_barrier_t step_done;

static void *scan_part(void *arg)
{
    int id = (int)(long)arg;
    int lo = id * (N / THREADS), hi = lo + N / THREADS;
    int cur = 0;
    for (int d = 1; d < N; d *= 2) {
        int *in = buf[cur], *out = buf[1 - cur];
        for (int i = lo; i < hi; i++)
            out[i] = i >= d ? in[i] + in[i - d] : in[i];
        pthread_barrier_wait(&step_done);
        cur = 1 - cur;
    }
    return (void *)(long)cur;
}

int main(void)
{
    pthread_t t[THREADS];
    for (int i = 0; i < N; i++)
        buf[0][i] = i + 1;
    pthread_barrier_init(&step_done, NULL, THREADS);
    for (long i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, scan_part, (void *)i);
    void *cur = NULL;
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], &cur);
    pthread_barrier_destroy(&step_done);
    int *res = buf[(long)cur];
    for (int i = 0; i < N; i++)
        printf("%d%c", res[i], i + 1 < N ? ' ' : '\n');
    return 0;
}
