// expect: outcomes "2:0 0:1 3:2 1:3\n"
//
// Two sorter threads each sort their own index array with qsort; the
// comparator reads a shared weight table. The table is written only by
// main before the threads start, and only read afterwards, so the
// comparators' concurrent reads are no race. bsearch then looks up a
// weight in a sorted copy.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define N 4

static int weight[N];

static int by_weight(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    if (weight[x] != weight[y])
        return weight[x] < weight[y] ? -1 : 1;
    return x - y;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

struct job {
    int idx[N];
    int found;
};

static void *sorter(void *arg)
{
    struct job *j = arg;
    int sorted[N];
    for (int i = 0; i < N; i++)
        j->idx[i] = N - 1 - i;
    qsort(j->idx, N, sizeof j->idx[0], by_weight);
    for (int i = 0; i < N; i++)
        sorted[i] = weight[i];
    qsort(sorted, N, sizeof sorted[0], cmp_int);
    int key = weight[2];
    j->found = bsearch(&key, sorted, N, sizeof sorted[0], cmp_int) != NULL;
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    struct job jobs[2];
    const int w[N] = {20, 40, 10, 30};
    for (int i = 0; i < N; i++)
        weight[i] = w[i];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, sorter, &jobs[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    if (!jobs[0].found || !jobs[1].found)
        return 1;
    for (int i = 0; i < N; i++) {
        if (jobs[0].idx[i] != jobs[1].idx[i])
            return 1;
        printf("%d:%d%c", jobs[0].idx[i], i, i + 1 < N ? ' ' : '\n');
    }
    return 0;
}
