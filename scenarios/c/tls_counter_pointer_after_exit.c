// expect: panic
//
// Per-thread counters in __thread variables, "merged at join" through
// pointers: each worker stores the address of its own thread-local
// counter in a global array, and main sums through those pointers after
// pthread_join. A thread's thread-local storage ends with the thread,
// so main reads memory that no longer exists.
#include <pthread.h>
#include <stdio.h>

#define WORKERS 2

static __thread long tl_count;
static long *counter_of[WORKERS];

static void count_words(const char *s)
{
    int in_word = 0;
    for (; *s; s++) {
        if (*s == ' ') {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            tl_count++;
        }
    }
}

static void *worker(void *arg)
{
    static const char *texts[WORKERS] = {"a quick brown fox", "jumps over"};
    int id = (int)(long)arg;
    counter_of[id] = &tl_count;
    count_words(texts[id]);
    return NULL;
}

int main(void)
{
    pthread_t t[WORKERS];
    for (long i = 0; i < WORKERS; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(t[i], NULL);
    long total = 0;
    for (int i = 0; i < WORKERS; i++)
        total += *counter_of[i];
    printf("words %ld\n", total);
    return 0;
}
