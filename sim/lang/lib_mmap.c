/* lib_mmap.c: the natives behind syscall.Mmap, Munmap and Mprotect of
 * anonymous memory (sim/lang/lib/syscall/syscall.go) and
 * debug.SetPanicOnFault. A mapping is a []byte of its own backing array,
 * marked OF_GUARD (with OF_SHARED, so that every access takes the VM's
 * slow path, vm_access_slow), and a protection per 4096-byte page kept
 * in the execution's list of mappings. An access its page forbids
 * (Mprotect's PROT_NONE, a write to PROT_READ, any access after Munmap)
 * faults as in Go: a run-time panic in a goroutine that asked
 * SetPanicOnFault, else the program's fatal error "fatal error: fault".
 * The accesses checked are the program's own (index, assignment, copy,
 * append, range), as the race checker sees them, and fmt's reads of the
 * elements it prints; reflect's (DeepEqual, Value) are not. The
 * page boundaries are those of the mapping's start (weft's addresses are
 * made up: vm_addr.c does not align a mapping to a page). The slices
 * unsafe.Slice makes at an address where weft holds nothing are guarded
 * too, with no mapping: every access to them is refused. */
#include <string.h>

#include "sim/lang/lib.h"

enum { PAGE = 4096, PROT_READ = 1, PROT_WRITE = 2 };
enum { E_INVAL = 22 }; /* errno EINVAL */

typedef struct vm_mmap {
    struct vm_mmap *next;
    vm_obj *o;          /* the backing array */
    uint32_t len;       /* bytes mapped */
    bool active;        /* not unmapped by Munmap */
    uint8_t prot[];     /* per page: PROT_READ | PROT_WRITE, 0 none */
} vm_mmap;

static vm_mmap *find(vm_exec *x, const vm_obj *o)
{
    vm_mmap *m = x->mmaps;
    while (m && m->o != o)
        m = m->next;
    return m;
}

bool vm_guard_readable(vm_exec *x, const vm_obj *o, uint32_t i)
{
    vm_mmap *m = find(x, o);
    return m && (i >= m->len || (m->prot[i / PAGE] & (PROT_READ | PROT_WRITE)));
}

bool vm_guard_ok(vm_g *g, vm_obj *o, uint32_t i, bool write)
{
    vm_mmap *m = find(g->x, o);
    uint8_t pr;
    op *p;
    static const char fatal[] = "fatal error: fault (unexpected fault "
                                "address: a page syscall.Mprotect or "
                                "Munmap made inaccessible)";
    if (!m) { /* unsafe.Slice's elements where weft holds nothing */
        vm_value at = vm_ref(T_UPTR, o);
        at.aux = i;
        vm_throwf(g, "unsupported: %s %s at %#llx: weft allocated no %s "
                     "there (its values have no memory but the objects it "
                     "allocates)",
                  write ? "writing" : "reading", prog_type(g->x->prog, o->type)->name,
                  (unsigned long long)vm_addr_of(g->x, at),
                  prog_type(g->x->prog, o->type)->name);
        g->fault = true;
        return false;
    }
    if (i >= m->len)
        return true;
    pr = m->prot[i / PAGE];
    if (write ? (pr & PROT_WRITE) : (pr & (PROT_READ | PROT_WRITE)))
        return true;
    if (g->panic_on_fault) {
        vm_throwf(g, "runtime error: invalid memory address or nil pointer "
                     "dereference");
        g->fault = true;
        return false;
    }
    /* fatal in Go: not recoverable, so no unwinding */
    g->nframes = 0;
    p = vm_op(g, OP_PANIC, NULL);
    p->text = fatal;
    p->len = sizeof fatal - 1;
    g->died = true;
    return false;
}

/* __mmap(length int, b []byte, prot int) []byte: a new mapping of
 * length zero bytes, of b's type, readable and writable as prot's
 * PROT_READ and PROT_WRITE say; nil when weft cannot hold that many. */
nat_status lib_mmap(vm_ncall *c)
{
    vm_exec *x = c->g->x;
    int64_t len = c->a[0].v.i, prot = c->a[2].v.i;
    uint32_t npages;
    vm_mmap *m;
    vm_value b;
    if (len <= 0 || len > (1 << 28)) {
        c->r[0] = vm_ref(c->a[1].t, NULL);
        return NAT_OK;
    }
    if (!vm_mem_room(c->g, (size_t)len * sizeof(vm_value)))
        return NAT_YIELD;
    npages = (uint32_t)((len + PAGE - 1) / PAGE);
    b = vm_make_slice(x, c->a[1].t, (uint32_t)len, (uint32_t)len);
    m = arena_alloc(&x->e->mem, sizeof *m + npages);
    m->o = b.v.sl->arr;
    m->len = (uint32_t)len;
    m->active = true;
    memset(m->prot, (int)(prot & (PROT_READ | PROT_WRITE)), npages);
    m->next = x->mmaps;
    x->mmaps = m;
    m->o->flags |= OF_SHARED | OF_GUARD;
    c->r[0] = b;
    return NAT_OK;
}

/* The mapping b's bytes lie in and the pages [*first, *end) they cover,
 * or NULL (b is not mapped memory, or nil). */
static vm_mmap *pages_of(vm_exec *x, vm_value b, uint32_t *first,
                         uint32_t *end)
{
    vm_slice *s = b.v.sl;
    vm_mmap *m = s ? find(x, s->arr) : NULL;
    if (!m)
        return NULL;
    *first = s->off / PAGE;
    *end = (uint32_t)(((uint64_t)s->off + s->len + PAGE - 1) / PAGE);
    return m;
}

/* __mprotect(b []byte, prot int) int: sets the protection of the pages
 * b covers; 0, or the errno (EINVAL: b does not start a page, or is
 * empty), or -1 when b is not memory Mmap mapped. */
nat_status lib_mprotect(vm_ncall *c)
{
    uint32_t first, end;
    vm_mmap *m = pages_of(c->g->x, c->a[0], &first, &end);
    int64_t r = 0;
    if (!m)
        r = -1;
    else if (!c->a[0].v.sl->len || c->a[0].v.sl->off % PAGE)
        r = E_INVAL;
    else
        for (uint32_t p = first; p < end; p++)
            m->prot[p] = (uint8_t)(c->a[1].v.i & (PROT_READ | PROT_WRITE));
    c->r[0] = vm_int(T_INT, r);
    return NAT_OK;
}

/* __munmap(b []byte) int: unmaps the mapping b is (any later access to
 * it faults); 0, or EINVAL when b is not, whole (len == cap), a mapping
 * Mmap made and not yet unmapped, as Go's Munmap checks. */
nat_status lib_munmap(vm_ncall *c)
{
    uint32_t first, end;
    vm_slice *s = c->a[0].v.sl;
    vm_mmap *m = pages_of(c->g->x, c->a[0], &first, &end);
    int64_t r = 0;
    if (!m || !m->active || s->off || s->len != s->cap || s->len != m->len)
        r = E_INVAL;
    else {
        m->active = false;
        memset(m->prot, 0, end);
    }
    c->r[0] = vm_int(T_INT, r);
    return NAT_OK;
}

/* __rt_panic_on_fault(enabled bool) bool: debug.SetPanicOnFault for the
 * calling goroutine; the previous setting. */
nat_status lib_rt_panic_on_fault(vm_ncall *c)
{
    bool old = c->g->panic_on_fault;
    c->g->panic_on_fault = c->a[0].v.i != 0;
    c->r[0] = vm_bool(old);
    return NAT_OK;
}
