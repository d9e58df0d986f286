/* rng.h: the deterministic generators (STYLE 8): splitmix64 seeding
 * xoshiro256**. One state per stream; nothing global. */
#ifndef WF_RNG_H
#define WF_RNG_H

#include <stdint.h>

enum { RNG_STREAM_SCHED = 1, RNG_STREAM_PROGRAM = 2 };

static inline uint64_t rng_splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static inline void rng_from_seed(uint64_t s[4], uint64_t seed, int stream)
{
    uint64_t x = seed ^ ((uint64_t)stream * 0xd1342543de82ef95ULL);
    for (int i = 0; i < 4; i++)
        s[i] = rng_splitmix64(&x);
}

static inline uint64_t rng_rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static inline uint64_t rng_next(uint64_t s[4])
{
    uint64_t r = rng_rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rng_rotl(s[3], 45);
    return r;
}

/* Uniform in [0, n), n >= 1 (Lemire's multiply-shift, no division). */
static inline uint32_t rng_below(uint64_t s[4], uint32_t n)
{
    return (uint32_t)(((rng_next(s) >> 32) * (uint64_t)n) >> 32);
}

#endif
