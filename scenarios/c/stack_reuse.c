// expect: ok
//
// Six threads insert into a table with compare-and-swap, each expecting
// zero in a local; main never joins them, so one may end before the next
// starts and that one runs on the ended thread's stack. Their locals at
// the same addresses are different variables (a new thread's stack starts
// with no history, as TSan clears it): no race, and the program stays
// deterministic (before: "the program is not deterministic").
#include <pthread.h>
#include <stdatomic.h>

#define N 6
#define SIZE 128

static atomic_int table[SIZE];
static int ids[N];

static void *insert(void *arg)
{
    int id = *(int *)arg;
    int zero = 0;
    for (int i = 0; i < 4; i++) {
        int h = ((i * 11 + id) * 7) % SIZE;
        while (!atomic_compare_exchange_strong_explicit(
            &table[h], &zero, id + 1, memory_order_relaxed,
            memory_order_relaxed)) {
            h = (h + 1) % SIZE;
            zero = 0;
        }
    }
    return arg;
}

int main(void)
{
    pthread_t t[N];
    for (int i = 0; i < N; i++) {
        ids[i] = i;
        pthread_create(&t[i], NULL, insert, &ids[i]);
    }
    return 0;
}
