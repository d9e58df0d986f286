// expect: race
//
// Two workers copy records into one output buffer, but the second
// record's offset is computed from the wrong length and its copy
// overlaps the first record's last bytes.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char out[32];

static void *put(void *arg)
{
    int which = (int)(long)arg;
    const char *rec = which ? "second" : "first!!";
    size_t off = which ? 6 : 0; /* BUG: the first record is 7 bytes */
    memcpy(out + off, rec, 7);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, put, (void *)0L);
    pthread_create(&b, NULL, put, (void *)1L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%.13s\n", out);
    return 0;
}
