/* tls.c: the program's thread-local variables (_Thread_local, __thread).
 *
 * They lie between the markers (sim/posix/markers) in the executable's
 * TLS block, in two parts (the initialised and the zeroed; weft's own
 * thread-local variables are in the same block, outside them). Every
 * task runs on the process's one thread, so every task would share one
 * copy; each gets its own instead:
 *   x86-64 (glibc): a TLS area of its own, a copy of the thread's static
 *     TLS and thread control block at a fixed address by thread id, and
 *     the thread pointer (fs base) set to it while the task runs. A
 *     pointer to a thread-local variable handed to another thread then
 *     reaches the owner's copy, as natively, and accesses to it are
 *     race-checked as any memory's. Whatever area is current holds weft's
 *     own thread-local state (the engine runs on it too): a switch copies
 *     it over, so a crash that leaves a task's area current loses nothing.
 *   elsewhere: one copy at one address, each task's values swapped in
 *     and out at its scheduling points (a pointer handed over reaches the
 *     reader's own copy).
 * Owns: the areas' region (mapped once, never unmapped), the initial
 * image. */
#define _GNU_SOURCE
#include "px.h"

#include <dlfcn.h>
#include <link.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#if defined(__x86_64__)
#include <asm/prctl.h>
#endif

extern __thread char __weft_tdata_begin, __weft_tdata_end;
extern __thread char __weft_tbss_begin, __weft_tbss_end;

/* where the areas go (fixed: reports and schedules name the same
 * addresses in every run), and how many thread ids they cover */
#define AREA_BASE ((uintptr_t)0x300000000000ULL)
#define AREA_TIDS ((size_t)1 << 20)

static void copy_parts(unsigned char *to, uintptr_t tp)
{
    for (int i = 0; i < 2; i++) {
        memcpy(to, (unsigned char *)(tp + px.tls_off[i]), px.tls_len[i]);
        to += px.tls_len[i];
    }
}

static void load_parts(uintptr_t tp, const unsigned char *from)
{
    for (int i = 0; i < 2; i++) {
        memcpy((unsigned char *)(tp + px.tls_off[i]), from, px.tls_len[i]);
        from += px.tls_len[i];
    }
}

static uintptr_t cur_tp(void)
{
    return (uintptr_t)__builtin_thread_pointer();
}

#if defined(__x86_64__)
/* The executable's TLS block, from the thread pointer: [lo, hi). */
static int exe_block(struct dl_phdr_info *info, size_t size, void *data)
{
    intptr_t *r = data;
    (void)size;
    for (int i = 0; i < info->dlpi_phnum; i++)
        if (info->dlpi_phdr[i].p_type == PT_TLS && info->dlpi_tls_data) {
            r[0] = (intptr_t)((uintptr_t)info->dlpi_tls_data - cur_tp());
            r[1] = r[0] + (intptr_t)info->dlpi_phdr[i].p_memsz;
        }
    return 1; /* the first object is the executable */
}

static bool fsgsbase;

static void set_tp(uintptr_t tp)
{
    if (fsgsbase)
        __asm__ volatile("wrfsbase %0" : : "r"(tp) : "memory");
    else
        syscall(SYS_arch_prctl, ARCH_SET_FS, tp);
}

/* glibc's sizes: struct pthread (the thread control block, at the
 * thread pointer) and the static TLS below it; false when unknown. */
static bool glibc_sizes(size_t *tcb, size_t *below, size_t *align)
{
    const unsigned *sz = dlsym(RTLD_DEFAULT, "_thread_db_sizeof_pthread");
    void (*info)(size_t *, size_t *) =
        (void (*)(size_t *, size_t *))dlsym(RTLD_DEFAULT,
                                            "_dl_get_tls_static_info");
    size_t total = 0, al = 0;
    if (!sz || !info)
        return false;
    info(&total, &al);
    if (!*sz || total <= *sz || !al || (al & (al - 1)))
        return false;
    *tcb = *sz;
    *below = total - *sz;
    *align = al;
    return true;
}

static void areas_init(void)
{
    size_t tcb, below, align, page = (size_t)sysconf(_SC_PAGESIZE);
    intptr_t blk[2] = {0, 0};
    void *p;
    if (!glibc_sizes(&tcb, &below, &align))
        return;
    dl_iterate_phdr(exe_block, blk);
    if (blk[0] >= blk[1])
        return;
    below = (below + align - 1) & ~(align - 1);
    px.tls_below = below;
    px.tls_above = (tcb + 63) & ~(size_t)63;
    px.tls_stride = (below + px.tls_above + page - 1) & ~(page - 1);
    px.tls_blk[0] = blk[0];
    px.tls_blk[1] = blk[1];
    p = mmap((void *)AREA_BASE, px.tls_stride * AREA_TIDS,
             PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
                 MAP_FIXED_NOREPLACE,
             -1, 0);
    if (p != (void *)AREA_BASE) {
        if (p != MAP_FAILED)
            munmap(p, px.tls_stride * AREA_TIDS);
        return;
    }
    px.tls_region = p;
    px.tls_home = cur_tp();
    fsgsbase = (getauxval(AT_HWCAP2) & 2) != 0; /* HWCAP2_FSGSBASE */
}

/* Copy weft's own thread-local state (the executable's block but the
 * program's parts) from the area at tp `from` to the one at `to`. */
static void sync_own(uintptr_t from, uintptr_t to)
{
    intptr_t lo = px.tls_blk[0];
    intptr_t cut[2][2] = {
        {px.tls_off[0], px.tls_off[0] + (intptr_t)px.tls_len[0]},
        {px.tls_off[1], px.tls_off[1] + (intptr_t)px.tls_len[1]}};
    if (cut[1][0] < cut[0][0]) {
        intptr_t t0 = cut[0][0], t1 = cut[0][1];
        cut[0][0] = cut[1][0];
        cut[0][1] = cut[1][1];
        cut[1][0] = t0;
        cut[1][1] = t1;
    }
    for (int i = 0; i <= 2; i++) {
        intptr_t hi = i < 2 ? cut[i][0] : px.tls_blk[1];
        if (hi > lo)
            memcpy((void *)(to + lo), (const void *)(from + lo),
                   (size_t)(hi - lo));
        if (i < 2 && cut[i][1] > lo)
            lo = cut[i][1];
    }
}

static uintptr_t area_tp(int32_t tid)
{
    return (uintptr_t)px.tls_region + (size_t)tid * px.tls_stride +
           px.tls_below;
}

static void switch_to(uintptr_t tp)
{
    uintptr_t from = cur_tp();
    if (from == tp)
        return;
    sync_own(from, tp);
    set_tp(tp);
}
#endif

void px_tls_init(void)
{
    uintptr_t tp = cur_tp();
    unsigned char *d0 = (unsigned char *)&__weft_tdata_begin + 1;
    unsigned char *d1 = (unsigned char *)&__weft_tdata_end;
    unsigned char *b0 = (unsigned char *)&__weft_tbss_begin + 1;
    unsigned char *b1 = (unsigned char *)&__weft_tbss_end;
    px.tls_off[0] = (intptr_t)((uintptr_t)d0 - tp);
    px.tls_len[0] = d1 > d0 ? (size_t)(d1 - d0) : 0;
    px.tls_off[1] = (intptr_t)((uintptr_t)b0 - tp);
    px.tls_len[1] = b1 > b0 ? (size_t)(b1 - b0) : 0;
    px.tls_size = px.tls_len[0] + px.tls_len[1];
    if (!px.tls_size)
        return;
    px.tls_image = wf_xmalloc(px.tls_size);
    copy_parts(px.tls_image, tp);
#if defined(__x86_64__)
    areas_init();
#endif
}

void px_tls_start(px_task *pt)
{
    if (!px.tls_size)
        return;
#if defined(__x86_64__)
    if (px.tls_region && (size_t)pt->tid < AREA_TIDS) {
        uintptr_t from = cur_tp(), tp = area_tp(pt->tid);
        /* libc's state and the control block as the thread has them
         * (its pointers to itself made the area's), weft's state, then
         * the program's variables as a new thread has them */
        if (from != tp) /* not its own already (the same tid before) */
            memcpy((void *)(tp - px.tls_below),
                   (const void *)(from - px.tls_below),
                   px.tls_below + px.tls_above);
        ((uintptr_t *)tp)[0] = tp; /* tcbhead_t: tcb, dtv, self */
        ((uintptr_t *)tp)[2] = tp;
        load_parts(tp, px.tls_image);
        pt->tp = tp;
        set_tp(tp);
        return;
    }
    if (px.tls_region) /* as many as WEFT_MAX_THREADS allows */
        wf_fatal("weft cc: thread %d has no TLS area (at most %zu threads "
                 "an execution)",
                 (int)pt->tid, AREA_TIDS);
#endif
    load_parts(cur_tp(), px.tls_image);
}

void px_tls_out(px_task *pt)
{
    if (px.tls_size && !pt->tp)
        copy_parts(pt->tls, cur_tp());
}

void px_tls_in(px_task *pt)
{
    if (!px.tls_size)
        return;
#if defined(__x86_64__)
    if (pt->tp) {
        switch_to(pt->tp);
        return;
    }
#endif
    load_parts(cur_tp(), pt->tls);
}

void px_tls_home(void)
{
#if defined(__x86_64__)
    if (px.tls_region)
        switch_to(px.tls_home);
#endif
}

bool px_tls_home_of(uintptr_t a, uintptr_t *home, int32_t *tid)
{
    size_t k;
    if (!px.tls_region || a < (uintptr_t)px.tls_region ||
        a >= (uintptr_t)px.tls_region + px.tls_stride * AREA_TIDS)
        return false;
    k = (a - (uintptr_t)px.tls_region) / px.tls_stride;
    *tid = (int32_t)k;
    *home = px.tls_home + (a - ((uintptr_t)px.tls_region +
                                k * px.tls_stride + px.tls_below));
    return true;
}
