// expect: race
//
// Two threads sort their own arrays with qsort, and the comparison
// function counts its calls in a global "for statistics": libc's qsort
// calls back into the program from both threads at once, and the
// counter's increments race.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long comparisons; /* BUG: shared, unlocked */

static int cmp_int(const void *a, const void *b)
{
    comparisons++;
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void *sorter(void *arg)
{
    int *v = arg;
    qsort(v, 3, sizeof *v, cmp_int);
    return NULL;
}

int main(void)
{
    int a[3] = {3, 1, 2}, b[3] = {9, 8, 7};
    pthread_t t1, t2;
    pthread_create(&t1, NULL, sorter, a);
    pthread_create(&t2, NULL, sorter, b);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    printf("%d%d%d %d%d%d\n", a[0], a[1], a[2], b[0], b[1], b[2]);
    return 0;
}
