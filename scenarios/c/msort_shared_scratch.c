// expect: race
//
// The parallel merge sort with an "optimization": one static scratch
// buffer for every merge instead of a malloc per merge. The two halves
// of the top level are merged by two threads at once, both through the
// same scratch buffer.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct range {
    int *a;
    size_t lo, hi;
    int depth;
};

static int scratch[16]; /* BUG: shared by concurrent merges */

static void merge(int *a, size_t lo, size_t mid, size_t hi)
{
    size_t i = lo, j = mid, k = 0;
    while (i < mid && j < hi)
        scratch[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < mid)
        scratch[k++] = a[i++];
    while (j < hi)
        scratch[k++] = a[j++];
    memcpy(a + lo, scratch, (hi - lo) * sizeof *a);
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
        pthread_create(&t, NULL, sort_range, &left);
        sort_range(&right);
        pthread_join(t, NULL);
    } else {
        sort_range(&left);
        sort_range(&right);
    }
    merge(r->a, r->lo, mid, r->hi);
    return NULL;
}

int main(void)
{
    int a[] = {4, 3, 2, 1, 8, 7, 6, 5};
    struct range all = {a, 0, 8, 1};
    sort_range(&all);
    for (int i = 0; i < 8; i++)
        printf("%d%c", a[i], i == 7 ? '\n' : ' ');
    return 0;
}
