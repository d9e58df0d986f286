// expect: race
//
// Two threads format timestamps with localtime(), which returns a
// pointer to one static struct tm shared by all threads: each thread's
// call overwrites the struct while the other may be reading its fields
// (use localtime_r). Here both read tm_year/tm_yday through the pointer.
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static void *stamp(void *arg)
{
    time_t t = (time_t)(long)arg;
    struct tm *tm = localtime(&t); /* BUG: shared static result */
    long v = tm->tm_year * 1000L + tm->tm_yday;
    return (void *)v;
}

int main(void)
{
    pthread_t a, b;
    void *va, *vb;
    pthread_create(&a, NULL, stamp, (void *)0L);
    pthread_create(&b, NULL, stamp, (void *)86400000L);
    pthread_join(a, &va);
    pthread_join(b, &vb);
    printf("%ld %ld\n", (long)va, (long)vb);
    return 0;
}
