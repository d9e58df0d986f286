/* mem.c: fresh globals and a fresh heap for every execution.
 *
 * Globals: `weft cc` links the program's objects between two marker
 * objects, so its .data and .bss lie in [__weft_data_begin,
 * __weft_data_end) and [__weft_bss_begin, __weft_bss_end), apart from
 * weft's own. px_mem_init copies them when main is first entered (after
 * the program's constructors ran); px_mem_begin copies them back.
 *
 * Heap: malloc and friends called by the program's own code (a caller in
 * the executable, in a task) take memory from a region mapped at a fixed
 * address, emptied at the start of every execution, so the same program
 * and schedule allocate the same addresses in every process (a program
 * that orders locks by address replays). Blocks carry a 16-byte header;
 * sizes are rounded to classes (16-byte steps up to 1 KiB, then powers of
 * two) with a LIFO free list each. Memory is handed out zeroed, so a read
 * of memory never written is deterministic too. Calls from libc itself
 * (fopen's buffers, strdup) and from weft go to libc's allocator: what
 * libc keeps across executions must not live in a heap that is emptied.
 * free and realloc tell the two apart by address.
 * Misuse (a double free, freeing memory malloc did not return) is a panic
 * with glibc's wording. */
#define _GNU_SOURCE
#include "px.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

extern char __weft_data_begin[], __weft_data_end[];
extern char __weft_bss_begin[], __weft_bss_end[];

void *__libc_malloc(size_t n);
void *__libc_calloc(size_t n, size_t m);
void *__libc_realloc(void *p, size_t n);
void *__libc_memalign(size_t align, size_t n);
void __libc_free(void *p);

#define HEAP_BASE ((uintptr_t)0x200000000000ULL)
#define HEAP_SIZE ((size_t)64 << 30)
#define HDR       48
#define MAGIC     0x77656674u /* "weft" */

typedef struct hdr {
    uint64_t size;  /* usable bytes (the class size) */
    uint64_t pc;    /* where it was allocated */
    uint32_t nth;   /* allocation number in the execution, from 1 */
    uint32_t magic; /* MAGIC while allocated, ~MAGIC when free */
    uint32_t cls;
    uint32_t asked; /* the size asked for (capped), for reports' names */
    uint64_t ident; /* the same block in every execution (px_heap_ident) */
    uint64_t pad;
} hdr;
_Static_assert(sizeof(hdr) == HDR, "heap header");

/* One byte per 16 bytes of heap: 1 where a block's header starts, so the
 * block holding an address is found by walking back (for names and racy
 * ranges; rare: once per memory cell). */
static unsigned char *starts;

void px_mem_init(void)
{
    void *p;
    px.data_lo = (unsigned char *)__weft_data_begin;
    px.data_hi = (unsigned char *)__weft_data_end;
    px.bss_lo = (unsigned char *)__weft_bss_begin;
    px.bss_hi = (unsigned char *)__weft_bss_end;
    if (px.data_hi < px.data_lo || px.bss_hi < px.bss_lo)
        wf_fatal("weft cc: the program's data is not between the markers "
                 "(link it with weft cc)");
    px.data_snap = wf_xmalloc((size_t)(px.data_hi - px.data_lo) + 1);
    memcpy(px.data_snap, px.data_lo, (size_t)(px.data_hi - px.data_lo));
    px.bss_snap = wf_xmalloc((size_t)(px.bss_hi - px.bss_lo) + 1);
    memcpy(px.bss_snap, px.bss_lo, (size_t)(px.bss_hi - px.bss_lo));
    p = mmap((void *)HEAP_BASE, HEAP_SIZE, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
                 MAP_FIXED_NOREPLACE,
             -1, 0);
    if (p == MAP_FAILED)
        p = mmap(NULL, HEAP_SIZE, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        wf_fatal("weft cc: cannot map the program heap");
    px.heap_lo = p;
    px.heap_hi = px.heap_lo + HEAP_SIZE;
    starts = mmap(NULL, HEAP_SIZE / 16, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (starts == MAP_FAILED)
        wf_fatal("weft cc: cannot map the program heap's index");
}

void px_mem_begin(void)
{
    px_exec *x = px.x;
    memcpy(px.data_lo, px.data_snap, (size_t)(px.data_hi - px.data_lo));
    memcpy(px.bss_lo, px.bss_snap, (size_t)(px.bss_hi - px.bss_lo));
    if (x->brk > px.heap_lo)
        memset(starts, 0, (size_t)(x->brk - px.heap_lo) / 16 + 1);
    x->brk = px.heap_lo;
    memset(x->free_lists, 0, sizeof x->free_lists);
    x->nallocs = 0;
}

bool px_in_heap(uintptr_t a)
{
    return a >= (uintptr_t)px.heap_lo && a < (uintptr_t)px.heap_hi;
}

bool px_mapped(const void *addr, size_t n)
{
    uintptr_t a = (uintptr_t)addr, page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t lo = a & ~(page - 1), hi;
    unsigned char v[4];
    if ((a >= (uintptr_t)px.data_lo && a + n <= (uintptr_t)px.data_hi) ||
        (a >= (uintptr_t)px.bss_lo && a + n <= (uintptr_t)px.bss_hi) ||
        (px_in_heap(a) && a + n <= (uintptr_t)px.heap_hi))
        return true; /* the program's globals and heap, the usual case */
    if (!n || a + n < a)
        return n == 0;
    hi = (a + n - 1) | (page - 1);
    if ((hi - lo) / page >= sizeof v)
        return true; /* not asked of objects this big */
    /* mincore fails with ENOMEM when a page of the range is not mapped */
    return mincore((void *)lo, hi + 1 - lo, v) == 0;
}

static int class_of(size_t n, size_t *size)
{
    int k;
    if (n <= 1024) {
        size_t s = n ? (n + 15) & ~(size_t)15 : 16;
        *size = s;
        return (int)(s / 16) - 1;
    }
    for (k = 11; k < 11 + 47 && ((size_t)1 << k) < n; k++)
        ;
    if (((size_t)1 << k) < n)
        return -1;
    *size = (size_t)1 << k;
    return 64 + (k - 11);
}

/* n bytes (aligned to align, a power of two >= 16) from the program
 * heap, zeroed; NULL when the region is exhausted. pc: the caller. */
static void *heap_alloc(size_t n, size_t align, uintptr_t pc)
{
    px_exec *x = px.x;
    size_t size;
    int c = class_of(n, &size);
    hdr *h;
    unsigned char *p;
    if (c < 0)
        return NULL;
    if (align <= 16 && x->free_lists[c]) {
        p = x->free_lists[c];
        memcpy(&x->free_lists[c], p, sizeof(void *));
        h = (hdr *)(void *)(p - HDR);
    } else {
        uintptr_t at = (uintptr_t)x->brk + HDR;
        at = (at + align - 1) & ~(uintptr_t)(align - 1);
        if (at + size > (uintptr_t)px.heap_hi)
            return NULL;
        p = (unsigned char *)at;
        h = (hdr *)(void *)(p - HDR);
        x->brk = p + size;
    }
    h->size = size;
    h->asked = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
    h->pc = pc;
    h->nth = (uint32_t)++x->nallocs;
    {
        /* the allocating thread's n-th block: nth is the execution's,
         * which another thread's allocations shift */
        px_task *pt = x->tasks.p[px_engine()->cur->tid];
        h->ident = hash_u64(pt->ident, ++pt->nallocs);
    }
    h->magic = MAGIC;
    h->cls = (uint32_t)c;
    starts[((uintptr_t)h - (uintptr_t)px.heap_lo) / 16] = 1;
    px_forget((uintptr_t)p, size); /* a new block, a fresh history */
    memset(p, 0, size);
    return p;
}

static hdr *header_of(void *p)
{
    uintptr_t a = (uintptr_t)p;
    if (a < (uintptr_t)px.heap_lo + HDR || a >= (uintptr_t)px.x->brk ||
        (a & 15))
        return NULL;
    return (hdr *)(void *)((unsigned char *)p - HDR);
}

bool px_heap_block(uintptr_t a, uintptr_t *start, size_t *size,
                   uint64_t *nth)
{
    size_t g;
    if (!px.x || a < (uintptr_t)px.heap_lo || a >= (uintptr_t)px.x->brk)
        return false;
    for (g = (a - (uintptr_t)px.heap_lo) / 16 + 1; g-- > 0;) {
        if (starts[g]) {
            const hdr *h =
                (const hdr *)(const void *)(px.heap_lo + g * 16);
            uintptr_t p = (uintptr_t)h + HDR;
            if ((h->magic != MAGIC && h->magic != ~MAGIC) || a < p ||
                a >= p + h->size)
                return false;
            *start = p;
            *size = h->size;
            *nth = h->nth;
            return true;
        }
    }
    return false;
}

bool px_heap_origin(uintptr_t start, size_t *asked, uintptr_t *pc)
{
    uintptr_t s;
    size_t size;
    uint64_t nth;
    const hdr *h;
    if (!px_heap_block(start, &s, &size, &nth) || s != start)
        return false;
    h = (const hdr *)(const void *)(start - HDR);
    *asked = h->asked;
    *pc = (uintptr_t)h->pc;
    return true;
}

uint64_t px_heap_ident(uintptr_t a)
{
    uintptr_t s;
    size_t size;
    uint64_t nth;
    if (!px_heap_block(a, &s, &size, &nth))
        return 0;
    return hash_u64(((const hdr *)(const void *)(s - HDR))->ident, a - s) | 1;
}

bool px_heap_freed(uintptr_t a, uintptr_t *start)
{
    size_t size;
    uint64_t nth;
    return px_heap_block(a, start, &size, &nth) &&
           ((const hdr *)(const void *)(*start - HDR))->magic == ~MAGIC;
}

/* The program frees p (in the heap). */
static void heap_free(px_task *pt, void *p, uintptr_t pc)
{
    hdr *h = header_of(p);
    if (!h || (h->magic != MAGIC && h->magic != ~MAGIC))
        px_panic(pt, pc, "free(): invalid pointer");
    if (h->magic == ~MAGIC)
        px_panic(pt, pc, "free(): double free detected");
    px_access_free(pt, (uintptr_t)p, h->size, pc);
    if (pt->gone)
        return;
    h->magic = ~MAGIC;
    px_sync_forget((uintptr_t)p, h->size);
    memcpy(p, &px.x->free_lists[h->cls], sizeof(void *));
    px.x->free_lists[h->cls] = p;
}

/* Whether a malloc call comes from the program itself (a task running code
 * of the executable, not libc's or weft's). */
static px_task *program_caller(uintptr_t ra)
{
    px_task *pt;
    if (ra < px.text_lo || ra >= px.text_hi)
        return NULL;
    pt = px_enter();
    return pt;
}

PX_API void *malloc(size_t n)
{
    px_task *pt = program_caller((uintptr_t)__builtin_return_address(0));
    void *p;
    if (!pt)
        return __libc_malloc(n);
    p = heap_alloc(n, 16, (uintptr_t)__builtin_return_address(0));
    if (!p)
        errno = ENOMEM;
    px_leave(pt);
    return p;
}

PX_API void *calloc(size_t n, size_t m)
{
    px_task *pt = program_caller((uintptr_t)__builtin_return_address(0));
    void *p = NULL;
    if (!pt)
        return __libc_calloc(n, m);
    if (!m || n <= SIZE_MAX / m)
        p = heap_alloc(n * m, 16, (uintptr_t)__builtin_return_address(0));
    if (!p)
        errno = ENOMEM;
    px_leave(pt);
    return p;
}

PX_API void free(void *p)
{
    px_task *pt;
    if (!p)
        return;
    if (!px_in_heap((uintptr_t)p)) {
        __libc_free(p);
        return;
    }
    pt = px_enter();
    if (!pt) {
        /* weft or libc freeing program memory (a program pointer given to
         * a library): it only goes back to the free list */
        hdr *h = header_of(p);
        if (h && h->magic == MAGIC && px.x) {
            h->magic = ~MAGIC;
            memcpy(p, &px.x->free_lists[h->cls], sizeof(void *));
            px.x->free_lists[h->cls] = p;
        }
        return;
    }
    heap_free(pt, p, (uintptr_t)__builtin_return_address(0));
    px_leave(pt);
}

static void *heap_realloc(px_task *pt, void *p, size_t n, uintptr_t pc)
{
    hdr *h = header_of(p);
    void *q;
    if (!h || h->magic != MAGIC)
        px_panic(pt, pc, "realloc(): invalid pointer");
    if (n && n <= h->size && n > h->size / 2)
        return p;
    q = heap_alloc(n, 16, pc);
    if (!q) {
        errno = ENOMEM;
        return NULL;
    }
    memcpy(q, p, n < h->size ? n : h->size);
    px_access(pt, (uintptr_t)p, n < h->size ? n : h->size, false, pc);
    heap_free(pt, p, pc);
    return q;
}

PX_API void *realloc(void *p, size_t n)
{
    uintptr_t ra = (uintptr_t)__builtin_return_address(0);
    px_task *pt;
    void *q;
    if (!p)
        return malloc(n);
    if (!px_in_heap((uintptr_t)p))
        return __libc_realloc(p, n);
    pt = px_enter();
    if (!pt) {
        hdr *h = header_of(p);
        if (!h || h->magic != MAGIC)
            return NULL;
        q = __libc_malloc(n);
        if (q)
            memcpy(q, p, n < h->size ? n : h->size);
        return q;
    }
    if (!n) {
        heap_free(pt, p, ra);
        px_leave(pt);
        return NULL;
    }
    q = heap_realloc(pt, p, n, ra);
    px_leave(pt);
    return q;
}

PX_API void *reallocarray(void *p, size_t n, size_t m)
{
    if (m && n > SIZE_MAX / m) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, n * m);
}

static void *aligned(size_t align, size_t n, uintptr_t ra)
{
    px_task *pt = program_caller(ra);
    void *p;
    if (!pt)
        return __libc_memalign(align, n);
    p = heap_alloc(n, align < 16 ? 16 : align, ra);
    px_leave(pt);
    return p;
}

PX_API void *memalign(size_t align, size_t n)
{
    return aligned(align, n, (uintptr_t)__builtin_return_address(0));
}

PX_API void *aligned_alloc(size_t align, size_t n)
{
    return aligned(align, n, (uintptr_t)__builtin_return_address(0));
}

PX_API int posix_memalign(void **out, size_t align, size_t n)
{
    void *p;
    if (!align || (align & (align - 1)) || align % sizeof(void *))
        return EINVAL;
    p = aligned(align, n, (uintptr_t)__builtin_return_address(0));
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}

PX_API void *valloc(size_t n)
{
    return aligned((size_t)sysconf(_SC_PAGESIZE), n,
                   (uintptr_t)__builtin_return_address(0));
}

PX_API void *pvalloc(size_t n)
{
    size_t pg = (size_t)sysconf(_SC_PAGESIZE);
    return aligned(pg, (n + pg - 1) & ~(pg - 1),
                   (uintptr_t)__builtin_return_address(0));
}

PX_API size_t malloc_usable_size(void *p)
{
    static size_t (*real)(void *);
    if (p && px_in_heap((uintptr_t)p)) {
        hdr *h = header_of(p);
        return h && h->magic == MAGIC ? h->size : 0;
    }
    if (!real)
        real = (size_t (*)(void *))px_real("malloc_usable_size");
    return real(p);
}
