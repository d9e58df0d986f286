/* sha256.h: SHA-256 (FIPS 180-4), for runs.source_sha256 of the trace
 * database. Owns: nothing; the context is the caller's. */
#ifndef WF_SHA256_H
#define WF_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct sha256_ctx {
    uint32_t h[8];
    uint64_t len; /* bytes hashed so far */
    unsigned char block[64];
    size_t used; /* bytes in block */
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *p, size_t n);
/* The digest as 64 lowercase hex digits and a NUL in hex[65]. */
void sha256_final_hex(sha256_ctx *c, char hex[65]);

#endif
