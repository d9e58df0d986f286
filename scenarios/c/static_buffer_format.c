// expect: race
//
// A formatting helper returns a pointer to a static buffer (as asctime or
// inet_ntoa do): two threads formatting at once write the same buffer.
#include <pthread.h>
#include <stdio.h>

static const char *fmt_id(int id)
{
    static char buf[16];
    snprintf(buf, sizeof buf, "id-%d", id);
    return buf;
}

static void *worker(void *arg)
{
    const char *s = fmt_id((int)(long)arg);
    return (void *)(long)s[3];
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)1L);
    pthread_create(&b, NULL, worker, (void *)2L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    puts("done");
    return 0;
}
