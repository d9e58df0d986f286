// expect: race
//
// The same ring with plain unsigned indices ("each index has a single
// writer, so it is safe"): the consumer's read of head races with the
// producer's update, and nothing orders the cell's write before its read.
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

#define CAP 2
#define N 4

static int cells[CAP];
static unsigned head, tail;

static void *producer(void *arg)
{
    (void)arg;
    for (int v = 1; v <= N; v++) {
        while (head - tail == CAP)
            sched_yield();
        cells[head % CAP] = v;
        head++;
    }
    return NULL;
}

int main(void)
{
    pthread_t p;
    pthread_create(&p, NULL, producer, NULL);
    int sum = 0;
    for (int i = 0; i < N; i++) {
        while (head == tail)
            sched_yield();
        sum += cells[tail % CAP];
        tail++;
    }
    pthread_join(p, NULL);
    printf("sum %d\n", sum);
    return 0;
}
