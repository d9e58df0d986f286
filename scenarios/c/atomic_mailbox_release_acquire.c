// expect: outcomes "got 3 messages, checksum 600\n"
//
// A single-slot mailbox passed back and forth with stdatomic: the
// sender fills the plain payload, then stores the full flag with
// memory_order_release; the receiver waits for the flag with
// memory_order_acquire, reads the payload, and hands the slot back
// with a release store of 0, which the sender acquires before reusing.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

struct message {
    int id;
    int amount;
    char note[16];
};

static struct message slot;
static atomic_int full;

static void *sender(void *arg)
{
    (void)arg;
    for (int i = 1; i <= 3; i++) {
        while (atomic_load_explicit(&full, memory_order_acquire) != 0)
            ;
        slot.id = i;
        slot.amount = i * 100;
        snprintf(slot.note, sizeof slot.note, "msg-%d", i);
        atomic_store_explicit(&full, 1, memory_order_release);
    }
    return NULL;
}

static void *receiver(void *arg)
{
    int *checksum = arg;
    for (int got = 0; got < 3; got++) {
        while (atomic_load_explicit(&full, memory_order_acquire) != 1)
            ;
        if (strncmp(slot.note, "msg-", 4) != 0 || slot.id != got + 1)
            *checksum = -1000000;
        *checksum += slot.amount;
        atomic_store_explicit(&full, 0, memory_order_release);
    }
    return NULL;
}

int main(void)
{
    pthread_t s, r;
    int checksum = 0;
    pthread_create(&r, NULL, receiver, &checksum);
    pthread_create(&s, NULL, sender, NULL);
    pthread_join(s, NULL);
    pthread_join(r, NULL);
    printf("got 3 messages, checksum %d\n", checksum);
    return 0;
}
