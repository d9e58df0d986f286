// expect: outcomes "sorted 1 sum 36\n"
//
// A parallel merge sort: each call sorts its left half in a new thread
// while it sorts the right half itself, down to a depth limit, then
// joins and merges through a malloc'd scratch buffer. The halves are
// disjoint ranges of one heap array, so the threads never touch the same
// element until the join orders them.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct range {
    int *a;
    size_t lo, hi; /* [lo, hi) */
    int depth;
};

static void merge(int *a, size_t lo, size_t mid, size_t hi)
{
    size_t n = hi - lo, i = lo, j = mid, k = 0;
    int *tmp = malloc(n * sizeof *tmp);
    if (tmp == NULL)
        abort();
    while (i < mid && j < hi)
        tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < mid)
        tmp[k++] = a[i++];
    while (j < hi)
        tmp[k++] = a[j++];
    memcpy(a + lo, tmp, n * sizeof *tmp);
    free(tmp);
}

static void *sort_range(void *arg)
{
    struct range *r = arg;
    if (r->hi - r->lo < 2)
        return NULL;
    size_t mid = r->lo + (r->hi - r->lo) / 2;
    struct range left = {r->a, r->lo, mid, r->depth - 1};
    struct range right = {r->a, mid, r->hi, r->depth - 1};
    if (r->depth > 0) {
        pthread_t t;
        if (pthread_create(&t, NULL, sort_range, &left) != 0) {
            sort_range(&left); /* no thread: do it here */
            sort_range(&right);
        } else {
            sort_range(&right);
            pthread_join(t, NULL);
        }
    } else {
        sort_range(&left);
        sort_range(&right);
    }
    merge(r->a, r->lo, mid, r->hi);
    return NULL;
}

int main(void)
{
    static const int init[] = {5, 8, 1, 7, 2, 6, 3, 4};
    size_t n = sizeof init / sizeof init[0];
    int *a = malloc(sizeof init);
    if (a == NULL)
        return 1;
    memcpy(a, init, sizeof init);
    struct range all = {a, 0, n, 2};
    sort_range(&all);
    int sorted = 1, sum = 0;
    for (size_t i = 0; i < n; i++) {
        sum += a[i];
        if (i > 0 && a[i - 1] > a[i])
            sorted = 0;
    }
    printf("sorted %d sum %d\n", sorted, sum);
    free(a);
    return 0;
}
