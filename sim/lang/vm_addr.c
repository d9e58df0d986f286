/* vm_addr.c: synthetic addresses (vm_int.h, "addresses"), so that
 * uintptr(unsafe.Pointer(p)) and back reaches the same object, pointer
 * arithmetic over gc's layout (an array's elements, a struct's fields)
 * reaches the neighbours, and %p prints the same number.
 * Bases are given in execution order, never from host addresses, so a
 * run prints the same addresses every time. Owns: the table (engine
 * arena, freed with the execution). */
#include <string.h>

#include "sim/lang/lib.h"

#define ADDR_START 0xc000010000ULL
#define ADDR_GAP 16 /* after each object: one past its end is no other's */
#define CHAN_START 0xc800000000ULL /* channels: engine objects */
#define CODE_START 0x400000ULL      /* functions without captures */

static vm_addrs *addrs(vm_exec *x)
{
    if (!x->addrs) {
        x->addrs = arena_alloc(&x->e->mem, sizeof *x->addrs);
        x->addrs->next = ADDR_START;
    }
    return x->addrs;
}

/* The type of what slot i of o holds: its declared type, or the value's
 * own for a cell of unknown type. */
static uint32_t slot_type_of(vm_exec *x, const vm_obj *o, uint32_t i)
{
    uint32_t t = vm_slot_type(x, o, i);
    return t ? t : o->slots[i].t;
}

/* Offset and size of slot i in o; false when o's slots have no layout
 * (closures, maps). */
static bool slot_off(vm_exec *x, const vm_obj *o, uint32_t i, uint64_t *off,
                     uint64_t *size)
{
    const vm_program *p = x->prog;
    int64_t a, sz, cur = 0;
    switch (o->okind) {
    case OK_CELL:
        *off = 0;
        *size = (uint64_t)vm_type_size(p, slot_type_of(x, o, 0));
        return true;
    case OK_ARR:
        *size = (uint64_t)vm_type_size(p, o->type);
        *off = *size * i;
        return true;
    case OK_AGG:
        if (vm_cplx_bits(p, o->type)) {
            *size = (uint64_t)vm_cplx_bits(p, o->type) / 16;
            *off = *size * i;
        } else if (VM_KIND(o->type) == K_ARRAY) {
            *size = (uint64_t)vm_type_size(p, vm_slot_type(x, o, i));
            *off = *size * i;
        } else {
            *off = (uint64_t)vm_field_offset(p, o->type, i, &sz);
            *size = (uint64_t)sz;
        }
        return true;
    case OK_GLOBALS:
        for (uint32_t j = 0; j <= i && j < p->nglobals; j++) {
            sz = vm_type_layout(p, p->gtypes[j] ? p->gtypes[j]
                                                : o->slots[j].t, &a);
            cur = (cur + a - 1) / a * a;
            if (j == i) {
                *off = (uint64_t)cur;
                *size = (uint64_t)sz;
                return true;
            }
            cur += sz;
        }
        return false;
    default:
        return false;
    }
}

/* Room for one more of the n elements of size elt at *p (capacity
 * *cap, first: the first capacity), in the execution's arena. */
static void grow(vm_exec *x, void **p, uint32_t n, uint32_t *cap, size_t elt,
                 uint32_t first)
{
    uint32_t ncap;
    void *np;
    if (n < *cap)
        return;
    ncap = *cap ? *cap * 2 : first;
    np = arena_alloc(&x->e->mem, ncap * elt);
    if (n)
        memcpy(np, *p, n * elt);
    *p = np;
    *cap = ncap;
}

static void add_entry(vm_exec *x, vm_addrs *A, uint64_t base, uint64_t size,
                      vm_obj *o, uint32_t slot)
{
    grow(x, (void **)&A->tab, A->n, &A->cap, sizeof *A->tab, 64);
    A->tab[A->n].base = base;
    A->tab[A->n].size = size;
    A->tab[A->n].o = o;
    A->tab[A->n].slot = slot;
    A->n++;
}

/* Room in A->by_pid for object id pid. */
static void pid_room(vm_exec *x, vm_addrs *A, uint32_t pid)
{
    uint32_t ncap = A->npid ? A->npid : 64;
    uint64_t *nb;
    if (pid < A->npid)
        return;
    while (ncap <= pid)
        ncap *= 2;
    nb = arena_alloc(&x->e->mem, ncap * sizeof *nb); /* zeroed */
    if (A->npid)
        memcpy(nb, A->by_pid, A->npid * sizeof *nb);
    A->by_pid = nb;
    A->npid = ncap;
}

/* The base of package variable i (each its own object, as gc's are:
 * arithmetic from one never reaches another), given on first need. */
static uint64_t global_base(vm_exec *x, uint32_t i)
{
    vm_addrs *A = addrs(x);
    uint64_t off, size;
    if (!A->gbase)
        A->gbase = arena_alloc(&x->e->mem,
                               (x->globals->n + 1) * sizeof *A->gbase);
    if (i >= x->globals->n)
        return ADDR_START;
    if (!A->gbase[i]) {
        if (!slot_off(x, x->globals, i, &off, &size))
            size = 8;
        A->gbase[i] = A->next;
        add_entry(x, A, A->next, size, x->globals, i);
        A->next += (size + 7) / 8 * 8 + ADDR_GAP;
    }
    return A->gbase[i];
}

/* The base of object o, given on first need. */
static uint64_t obj_base(vm_exec *x, vm_obj *o, int depth)
{
    vm_addrs *A;
    uint64_t size, off, ssz;
    if (o->parent && depth < 64) {
        /* a nested aggregate: at its slot in its holder */
        vm_obj *par = o->parent;
        uint32_t f = o->field;
        if (f == 0xffff) /* an index past 16 bits: find it */
            for (uint32_t i = 0; i < par->n; i++)
                if (par->slots[i].v.o == o &&
                    kind_is_aggregate(VM_KIND(par->slots[i].t)))
                    f = i;
        if (f < par->n && par->slots[f].v.o == o &&
            par->okind == OK_GLOBALS)
            return global_base(x, f);
        if (f < par->n && par->slots[f].v.o == o &&
            slot_off(x, par, f, &off, &ssz))
            return obj_base(x, par, depth + 1) + off;
    }
    if (o->flags & OF_STATIC) {
        /* in program memory, shared by executions: by its function */
        for (size_t i = 0; i < x->prog->protos.len; i++)
            if (x->prog->protos.p[i]->static_fn == o)
                return CODE_START + (uint64_t)i * 0x40;
        return CODE_START;
    }
    A = addrs(x);
    if (!o->pid)
        o->pid = ++x->next_pid;
    if (o->pid < A->npid && A->by_pid[o->pid])
        return A->by_pid[o->pid];
    pid_room(x, A, o->pid);
    if (o->okind == OK_CELL) /* of unknown type: what it holds */
        slot_off(x, o, 0, &off, &size);
    else
        size = o->okind == OK_AGG ? (uint64_t)vm_type_size(x->prog, o->type)
                                  : vm_obj_bytes(x->prog, o);
    A->by_pid[o->pid] = A->next;
    add_entry(x, A, A->next, size, o, VM_WHOLE);
    A->next += (size + 7) / 8 * 8 + ADDR_GAP;
    return A->by_pid[o->pid];
}

bool vm_addr_funcval(vm_exec *x, uint64_t a, vm_obj *fn, uint64_t *code)
{
    uint64_t i = (a - CODE_START) / 0x40;
    vm_obj *o;
    if (a < CODE_START || (a - CODE_START) % 0x40 ||
        i >= x->prog->protos.len || !(o = x->prog->protos.p[i]->static_fn) ||
        (fn && fn != o))
        return false;
    *code = lib_func_entry_pc(x->prog, vm_ref(T_FUNC, o));
    return *code != 0;
}

uint64_t vm_addr_of(vm_exec *x, vm_value p)
{
    uint64_t off = 0, size;
    vm_obj *o;
    if (VM_KIND(p.t) == K_PTR && vm_is_raw(p))
        return p.v.o->slots[1].v.u;
    switch (VM_KIND(p.t)) {
    case K_CHAN:
        return p.v.ch ? CHAN_START + (uint64_t)p.v.ch->hdr.oid * 0x60 : 0;
    case K_SLICE:
        if (!p.v.sl || !p.v.sl->arr)
            return 0;
        o = p.v.sl->arr;
        if (p.v.sl->off < o->n && slot_off(x, o, p.v.sl->off, &off, &size))
            return obj_base(x, o, 0) + off;
        return obj_base(x, o, 0) +
               p.v.sl->off * (uint64_t)vm_type_size(x->prog, o->type);
    case K_MAP:
        return p.v.m ? obj_base(x, VM_OBJ_OF(p.v.m), 0) : 0;
    case K_PTR:
        if (!p.v.o)
            return 0;
        o = p.v.o;
        if (o->okind == OK_GLOBALS && p.aux != VM_WHOLE)
            return global_base(x, p.aux & ~VM_WINDOW);
        if (p.aux != VM_WHOLE &&
            !slot_off(x, o, p.aux & ~VM_WINDOW, &off, &size))
            off = 0;
        return obj_base(x, o, 0) + off;
    case K_FUNC:
    case K_ARRAY:
    case K_STRUCT:
        return p.v.o ? obj_base(x, p.v.o, 0) : 0;
    default:
        return 0;
    }
}

/* ---- from an address ------------------------------------------------------ */

#define MAX_CAND 16

typedef struct cand {
    vm_obj *o;
    uint32_t aux;
    uint32_t type; /* the pointee's type */
} cand;

/* The aggregate value v holds in an object of its own, or NULL. */
static vm_obj *nested_agg(vm_value v)
{
    return kind_is_aggregate(VM_KIND(v.t)) && v.v.o &&
                   v.v.o->okind == OK_AGG
               ? v.v.o
               : NULL;
}

/* The slot of o that holds byte off, and the offset in it. */
static bool slot_at(vm_exec *x, vm_obj *o, uint64_t off, uint32_t *slot,
                    uint64_t *rem)
{
    uint64_t so, sz;
    if (!o->n)
        return false;
    if (o->okind == OK_ARR ||
        (o->okind == OK_AGG && VM_KIND(o->type) == K_ARRAY)) {
        if (!slot_off(x, o, 0, &so, &sz) || !sz || off / sz >= o->n)
            return false;
        *slot = (uint32_t)(off / sz);
        *rem = off % sz;
        return true;
    }
    for (uint32_t i = 0; i < o->n; i++) {
        if (!slot_off(x, o, i, &so, &sz))
            return false;
        if (off >= so && (off < so + sz || (!sz && off == so))) {
            *slot = i;
            *rem = off - so;
            return true;
        }
    }
    return false;
}

/* The pointers to what lies at offset off of o: the aggregates starting
 * there, outermost first, then the scalar slot (when off is its start). */
static uint32_t candidates(vm_exec *x, vm_obj *o, uint64_t off, cand *c)
{
    uint32_t n = 0;
    for (int depth = 0; depth < MAX_CAND - 1; depth++) {
        uint32_t i;
        uint64_t rem;
        vm_obj *sub;
        if (o->okind == OK_AGG && off == 0)
            c[n++] = (cand){o, VM_WHOLE, o->type};
        if (!slot_at(x, o, off, &i, &rem))
            break;
        if ((sub = nested_agg(o->slots[i]))) {
            o = sub;
            off = rem;
            continue;
        }
        if (rem == 0)
            c[n++] = (cand){o, i, slot_type_of(x, o, i)};
        break;
    }
    return n;
}

/* The pointer among c[0..n) to an object of type want (0: the first),
 * or a window onto the elements of a slice's array when want is an
 * array type of their element type that fits. */
static bool pick(vm_exec *x, const cand *c, uint32_t n, uint32_t t,
                 bool strict, vm_value *out)
{
    const vm_program *p = x->prog;
    uint32_t want = t ? prog_type(p, prog_type(p, t)->under)->elem : 0;
    uint32_t k = 0;
    if (!n)
        return false;
    if (want)
        for (uint32_t i = 0; i < n; i++)
            if (c[i].type == want) {
                k = i;
                goto found;
            }
    if (want && VM_KIND(want) == K_ARRAY) {
        const vm_type *at = prog_type(p, prog_type(p, want)->under);
        for (uint32_t i = 0; i < n; i++)
            if (c[i].aux != VM_WHOLE && c[i].o->okind == OK_ARR &&
                c[i].o->type == at->elem && at->len >= 0 &&
                (uint64_t)c[i].aux + (uint64_t)at->len <= c[i].o->n &&
                c[i].aux < VM_WINDOW) {
                *out = vm_ref(t, c[i].o);
                out->aux = VM_WINDOW | c[i].aux;
                return true;
            }
    }
    if (strict)
        return false;
found:
    *out = vm_ref(t ? t : T_UPTR, c[k].o);
    out->aux = c[k].aux;
    return true;
}

/* The entry (object or package variable) whose bytes hold address a,
 * and a's offset in it. */
static const vm_addr_ent *ent_at(vm_exec *x, uint64_t a, uint64_t *off)
{
    vm_addrs *A = x->addrs;
    uint32_t lo = 0, hi;
    if (!A || !A->n)
        return NULL;
    hi = A->n;
    while (hi - lo > 1) { /* the last entry with base <= a */
        uint32_t mid = lo + (hi - lo) / 2;
        if (A->tab[mid].base <= a)
            lo = mid;
        else
            hi = mid;
    }
    if (A->tab[lo].base > a ||
        (A->tab[lo].size ? a - A->tab[lo].base >= A->tab[lo].size
                         : a != A->tab[lo].base)) /* zero size: its base */
        return NULL;
    *off = a - A->tab[lo].base;
    return &A->tab[lo];
}

static bool addr_ptr(vm_exec *x, uint64_t a, uint32_t t, bool strict,
                     vm_value *out)
{
    cand c[MAX_CAND];
    uint64_t off;
    uint32_t n = 0;
    const vm_addr_ent *e = ent_at(x, a, &off);
    if (!e)
        return false;
    if (e->slot == VM_WHOLE) {
        n = candidates(x, e->o, off, c);
    } else {
        /* a package variable: what it holds */
        vm_obj *sub = nested_agg(e->o->slots[e->slot]);
        if (sub)
            n = candidates(x, sub, off, c);
        else if (off == 0)
            c[n++] = (cand){e->o, e->slot, slot_type_of(x, e->o, e->slot)};
    }
    return pick(x, c, n, t, strict, out);
}

static uint32_t raw_hash(uint64_t a)
{
    a ^= a >> 33;
    a *= 0xff51afd7ed558ccdULL;
    a ^= a >> 33;
    return (uint32_t)a;
}

/* A pointer of type t to no object, at address a: one object per
 * address, so that pointers to a compare equal. Its slot 0 is nil (what
 * a missed guard would read: no number made up), slot 1 the address. */
static vm_value raw_ptr(vm_exec *x, uint64_t a, uint32_t t)
{
    vm_addrs *A = addrs(x);
    vm_obj *o = NULL;
    uint32_t h, mask = A->rawcap - 1;
    /* open addressing by address: rawcap is a power of two, at most
     * half full */
    if (A->rawcap)
        for (h = raw_hash(a) & mask; A->raw[h]; h = (h + 1) & mask)
            if (A->raw[h]->slots[1].v.u == a) {
                o = A->raw[h];
                break;
            }
    if (!o) {
        if (2 * (A->nraw + 1) > A->rawcap) {
            uint32_t ncap = A->rawcap ? A->rawcap * 2 : 16;
            vm_obj **nr = arena_alloc(&x->e->mem, ncap * sizeof *nr);
            memset(nr, 0, ncap * sizeof *nr);
            for (uint32_t i = 0; i < A->rawcap; i++)
                if (A->raw[i]) {
                    for (h = raw_hash(A->raw[i]->slots[1].v.u) & (ncap - 1);
                         nr[h]; h = (h + 1) & (ncap - 1))
                        ;
                    nr[h] = A->raw[i];
                }
            A->raw = nr;
            A->rawcap = ncap;
            mask = ncap - 1;
        }
        o = heap_obj(x, OK_CELL, 0, 2);
        o->n = 1; /* slot 1 is no variable */
        o->flags = OF_RAW;
        o->slots[1] = vm_int(T_UINTPTR, (int64_t)a);
        for (h = raw_hash(a) & mask; A->raw[h]; h = (h + 1) & mask)
            ;
        A->raw[h] = o;
        A->nraw++;
    }
    return vm_ref(t, o);
}

/* The scalar slot whose bytes hold address a: 1 with its object, slot,
 * a's offset in it, its size and type; 0 when a lies in an object's
 * padding (bytes no slot holds, zero as gc allocates them); -1 when no
 * object, or one without gc's layout (a map, a closure), holds a. */
int vm_addr_leaf(vm_exec *x, uint64_t a, vm_obj **lo, uint32_t *li,
                 uint64_t *lrem, uint64_t *lsize, uint32_t *ltype)
{
    uint64_t off, so, sz;
    uint32_t i;
    const vm_addr_ent *e = ent_at(x, a, &off);
    vm_obj *o;
    if (!e)
        return -1;
    o = e->o;
    if (e->slot != VM_WHOLE) {
        vm_obj *sub = nested_agg(o->slots[e->slot]);
        if (!sub) {
            if (!slot_off(x, o, e->slot, &so, &sz) || off >= sz)
                return off < e->size ? 0 : -1;
            *lo = o, *li = e->slot, *lrem = off, *lsize = sz;
            *ltype = slot_type_of(x, o, e->slot);
            return 1;
        }
        o = sub;
    }
    for (int depth = 0; depth < 64; depth++) {
        uint64_t rem;
        vm_obj *sub;
        if (o->okind != OK_AGG && o->okind != OK_ARR &&
            o->okind != OK_CELL)
            return -1;
        if (!slot_at(x, o, off, &i, &rem))
            return o->okind == OK_AGG && VM_KIND(o->type) == K_STRUCT &&
                           off < (uint64_t)vm_type_size(x->prog, o->type)
                       ? 0
                       : -1;
        if ((sub = nested_agg(o->slots[i]))) {
            o = sub;
            off = rem;
            continue;
        }
        if (!slot_off(x, o, i, &so, &sz))
            return -1;
        *lo = o, *li = i, *lrem = rem, *lsize = sz;
        *ltype = slot_type_of(x, o, i);
        return 1;
    }
    return -1;
}

/* The address of the bytes of string s (n bytes; 0 when s is NULL): each
 * buffer gets a base on first need, in its own region; a string within
 * one already seen (a substring) lies at its offset in it, and one that
 * holds strings seen before is placed around them when that overlaps no
 * other. */
#define STR_START 0xc400000000ULL
#define STR_SLACK 4096 /* free bytes around each, for a holder seen later */
uint64_t vm_str_addr(vm_exec *x, const char *s, uint32_t n)
{
    vm_addrs *A = addrs(x);
    uintptr_t p = (uintptr_t)s, q;
    uint64_t base = 0;
    bool placed = false;
    if (!s)
        return 0;
    for (uint32_t i = 0; i < A->nstr; i++) {
        vm_str_ent *e = &A->strs[i];
        q = (uintptr_t)e->p;
        if (p >= q && p + n <= q + e->len && (p < q + e->len || !n))
            return e->base + (p - q);
    }
    for (uint32_t i = 0; i < A->nstr && !placed; i++) {
        vm_str_ent *e = &A->strs[i];
        q = (uintptr_t)e->p;
        if (q >= p && q + e->len <= p + n && q - p <= e->base - STR_START) {
            uint64_t b = e->base - (q - p);
            bool clash = false;
            for (uint32_t j = 0; j < A->nstr; j++) {
                vm_str_ent *f = &A->strs[j];
                uintptr_t r = (uintptr_t)f->p;
                bool inside = r >= p && r + f->len <= p + n &&
                              f->base - b == r - p;
                if (!inside && f->base < b + n && b < f->base + f->len)
                    clash = true;
            }
            if (!clash) {
                base = b;
                placed = true;
            }
        }
    }
    if (!placed) {
        if (!A->strnext)
            A->strnext = STR_START + STR_SLACK;
        base = A->strnext;
        A->strnext += (n + 7) / 8 * 8 + STR_SLACK;
    } else if (base + n + STR_SLACK > A->strnext) {
        A->strnext = (base + n + 7) / 8 * 8 + STR_SLACK;
    }
    grow(x, (void **)&A->strs, A->nstr, &A->strcap, sizeof *A->strs, 16);
    A->strs[A->nstr].p = s;
    A->strs[A->nstr].len = n;
    A->strs[A->nstr].base = base;
    A->nstr++;
    return base;
}

vm_obj *vm_addr_object(vm_exec *x, uint64_t a)
{
    uint64_t off;
    const vm_addr_ent *e = ent_at(x, a, &off);
    return e ? e->o : NULL;
}

bool vm_addr_ptr(vm_exec *x, uint64_t a, uint32_t t, vm_value *out)
{
    if (!addr_ptr(x, a, t, false, out))
        *out = raw_ptr(x, a, t ? t : T_UPTR);
    return true;
}

int vm_raw_deref(vm_g *g, vm_value p)
{
    return vm_throwf(g, "unsupported: dereferencing %s %#llx: weft allocated "
                        "no %s there (its values have no memory but the "
                        "objects it allocates)",
                     prog_type(g->x->prog, p.t)->name,
                     (unsigned long long)p.v.o->slots[1].v.u,
                     p.t == T_UPTR ? "object"
                                   : prog_type(g->x->prog,
                                               prog_type(g->x->prog, p.t)
                                                   ->elem)
                                         ->name);
}

vm_value vm_addr_canon(vm_exec *x, vm_value p, uint32_t t)
{
    vm_value r;
    if (!p.v.o) {
        p.t = t;
        return p;
    }
    vm_addr_ptr(x, vm_addr_of(x, p), t, &r);
    return r;
}

vm_value vm_addr_retype(vm_exec *x, vm_value p, uint32_t t)
{
    const vm_program *pr = x->prog;
    uint32_t want = prog_type(pr, prog_type(pr, t)->under)->elem;
    uint32_t have;
    uint64_t a;
    vm_value r = p;
    r.t = t;
    if (!p.v.o || !want)
        return r;
    a = vm_addr_of(x, p);
    if (vm_is_raw(p))
        return addr_ptr(x, a, t, true, &r) ? r : raw_ptr(x, a, t);
    have = p.aux == VM_WHOLE     ? p.v.o->type
           : VM_IS_WINDOW(p.aux) ? 0
                                 : slot_type_of(x, p.v.o, p.aux);
    if (have == want)
        return r;
    if (addr_ptr(x, a, t, true, &r))
        return r;
    if (have && prog_type(pr, have)->under == prog_type(pr, want)->under) {
        /* one representation: the same object under another name */
        r = p;
        r.t = t;
        return r;
    }
    return raw_ptr(x, a, t);
}

/* ---- package unsafe's natives ---------------------------------------------- */

/* __unsafe_slice(ptr *T, n int64, big bool, s []T) any: unsafe.Slice
 * (ptr, n) of type s's, with Go's run-time panics; the elements must be
 * those of the array ptr points into (weft has no memory between its
 * objects). */
/* unsafe.Slice(p, n) for p an address where weft holds nothing
 * (OF_RAW): Go's check that the n elements do not run past the end of
 * the address space (len out of range), then a slice of n elements at
 * p's address that no access may read or write: its array is guarded
 * (OF_GUARD, and no mapping of lib_mmap.c's: vm_guard_ok refuses every
 * access), so no value is made up. */
static nat_status raw_slice(vm_ncall *c, vm_value p, uint64_t n, uint64_t esz)
{
    vm_exec *x = c->g->x;
    uint64_t a = p.v.o->slots[1].v.u;
    vm_addrs *A = addrs(x);
    vm_value r;
    if (n && esz && n * esz > -a) {
        vm_throwf(c->g, "runtime error: unsafe.Slice: len out of range");
        return NAT_PANIC;
    }
    if (n > (1u << 20)) {
        vm_throwf(c->g, "unsupported: unsafe.Slice of %llu elements at %#llx, "
                        "where weft allocated nothing (at most 2^20)",
                  (unsigned long long)n, (unsigned long long)a);
        return NAT_PANIC;
    }
    if (!vm_mem_room(c->g, (size_t)n * sizeof(vm_value)))
        return NAT_YIELD;
    r = vm_make_slice(x, c->a[3].t, (uint32_t)n, (uint32_t)n);
    c->r[0] = r;
    if (!n)
        return NAT_OK;
    r.v.sl->arr->flags |= OF_SHARED | OF_GUARD;
    r.v.sl->arr->pid = ++x->next_pid;
    pid_room(x, A, r.v.sl->arr->pid);
    A->by_pid[r.v.sl->arr->pid] = a;
    return NAT_OK;
}

nat_status lib_unsafe_slice(vm_ncall *c)
{
    vm_value p = c->a[0], s = c->a[3];
    int64_t n = c->a[1].v.i;
    vm_obj *o = p.v.o;
    uint64_t esz;
    if (c->a[2].v.i || n < 0)
        goto range;
    if (!o) {
        if (n) {
            vm_throwf(c->g, "runtime error: unsafe.Slice: ptr is nil and len "
                            "is not zero");
            return NAT_PANIC;
        }
        c->r[0] = vm_ref(s.t, NULL);
        return NAT_OK;
    }
    esz = (uint64_t)vm_type_size(c->g->x->prog,
                                 prog_type(c->g->x->prog, s.t)->elem);
    if (esz && (uint64_t)n > (1ULL << 48) / esz)
        goto range;
    if (o->flags & OF_RAW)
        return raw_slice(c, p, (uint64_t)n, esz);
    if (p.aux == VM_WHOLE || VM_IS_WINDOW(p.aux) ||
        (o->okind != OK_ARR &&
         !(o->okind == OK_AGG && VM_KIND(o->type) == K_ARRAY)) ||
        (uint64_t)p.aux + (uint64_t)n > o->n ||
        vm_slot_type(c->g->x, o, p.aux) !=
            prog_type(c->g->x->prog, s.t)->elem) {
        vm_throwf(c->g, "unsupported: unsafe.Slice of %lld elements not "
                        "all of the type and array ptr points into "
                        "(weft's objects have no memory between them)",
                  (long long)n);
        return NAT_PANIC;
    }
    c->r[0] = vm_ref(s.t, heap_slice(c->g->x, o, p.aux, (uint32_t)n,
                                     (uint32_t)n));
    return NAT_OK;
range:
    vm_throwf(c->g, "runtime error: unsafe.Slice: len out of range");
    return NAT_PANIC;
}
