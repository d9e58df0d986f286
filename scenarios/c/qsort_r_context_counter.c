// expect: outcomes "123 789 counted 1 1\n"
//
// The two sorters count comparisons through qsort_r's context argument,
// each into its own counter: the callbacks run in both threads at once
// but touch only their own thread's data.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct job {
    int v[3];
    long comparisons;
};

static int cmp_int(const void *a, const void *b, void *ctx)
{
    ((struct job *)ctx)->comparisons++;
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void *sorter(void *arg)
{
    struct job *j = arg;
    qsort_r(j->v, 3, sizeof j->v[0], cmp_int, j);
    return NULL;
}

int main(void)
{
    struct job a = {{3, 1, 2}, 0}, b = {{9, 8, 7}, 0};
    pthread_t t1, t2;
    pthread_create(&t1, NULL, sorter, &a);
    pthread_create(&t2, NULL, sorter, &b);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    printf("%d%d%d %d%d%d counted %d %d\n", a.v[0], a.v[1], a.v[2], b.v[0],
           b.v[1], b.v[2], a.comparisons > 0, b.comparisons > 0);
    return 0;
}
