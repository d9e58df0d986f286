/* dwarf.c: names of memory as the source writes them, from the
 * executable's DWARF .debug_info (read with elfutils' libdw): a global's
 * field or element ("accounts[1].balance"), a heap block through a typed
 * pointer that reaches it ("q->head->value"), a local of a live frame
 * ("acct.balance": each task's frames are kept by the function-entry
 * hook, x86-64 only; locals at fixed offsets from the frame's CFA, as
 * gcc and clang lay them out without optimisation).
 *
 * A heap block is named by the shortest chain of typed pointers from a
 * global that reaches its start (searched breadth first over the
 * globals and the blocks they reach, at the moment of naming); failing
 * that, by its allocation site: the one pointer variable of the
 * allocating function whose pointee type has the size asked for
 * (`struct node *n = malloc(sizeof *n)` names the block `n`).
 * Owns: the libdw handle and the table of globals, for the process's
 * lifetime. Not thread-safe: called from the program's tasks, which run
 * one at a time on one thread. */
#define _GNU_SOURCE
#include "px.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char __weft_data_begin[], __weft_data_end[];
extern char __weft_bss_begin[], __weft_bss_end[];
extern char __weftrt_text_begin[], __weftrt_text_end[]; /* weftrt.ld */

typedef struct gvar {
    uintptr_t lo;
    size_t size;
    const char *name;
    Dwarf_Die type;
} gvar;
_Static_assert(offsetof(gvar, lo) == 0, "px_at_or_below's key leads");

static struct {
    bool done;
    Dwarf *dw;
    VEC(gvar) vars;
} D;

#define MAX_DEPTH  6     /* pointers followed from a global */
#define MAX_VISITS 20000 /* pointer slots read in one search */
#define MAX_ELEMS  4096  /* elements of one array looked into */

static bool in_data(uintptr_t a)
{
    return (a >= (uintptr_t)__weft_data_begin &&
            a < (uintptr_t)__weft_data_end) ||
           (a >= (uintptr_t)__weft_bss_begin &&
            a < (uintptr_t)__weft_bss_end);
}

static bool type_of(Dwarf_Die *die, Dwarf_Die *t)
{
    Dwarf_Attribute a;
    Dwarf_Die raw;
    if (!dwarf_attr_integrate(die, DW_AT_type, &a) ||
        !dwarf_formref_die(&a, &raw))
        return false;
    return dwarf_peel_type(&raw, t) == 0;
}

static size_t size_of(Dwarf_Die *t)
{
    Dwarf_Word w;
    return dwarf_aggregate_size(t, &w) == 0 ? (size_t)w : 0;
}

/* The address of a variable placed at a fixed address (0: none). */
static uintptr_t fixed_addr(Dwarf_Die *die)
{
    Dwarf_Attribute a;
    Dwarf_Op *ops;
    size_t n;
    if (!dwarf_attr(die, DW_AT_location, &a) ||
        dwarf_getlocation(&a, &ops, &n) != 0 || n != 1 ||
        ops[0].atom != DW_OP_addr)
        return 0;
    return (uintptr_t)ops[0].number;
}

static int gvar_cmp(const void *a, const void *b)
{
    const gvar *x = a, *y = b;
    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    return x->size > y->size ? -1 : x->size < y->size;
}

/* The globals and function statics under die. */
static void collect(Dwarf_Die *die)
{
    Dwarf_Die c;
    if (dwarf_child(die, &c) != 0)
        return;
    do {
        int tag = dwarf_tag(&c);
        if (tag == DW_TAG_variable) {
            uintptr_t at = fixed_addr(&c);
            const char *name = dwarf_diename(&c);
            gvar g;
            if (at && name && in_data(at) && type_of(&c, &g.type) &&
                (g.size = size_of(&g.type)) > 0) {
                g.lo = at;
                g.name = name;
                VEC_PUSH(D.vars, g);
            }
        } else if (tag == DW_TAG_subprogram ||
                   tag == DW_TAG_lexical_block) {
            collect(&c);
        }
    } while (dwarf_siblingof(&c, &c) == 0);
}

void px_dwarf_init(void)
{
    Dwarf_CU *cu = NULL;
    Dwarf_Die cudie;
    uint8_t ut;
    int fd;
    if (D.done)
        return;
    D.done = true;
    fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    D.dw = dwarf_begin(fd, DWARF_C_READ); /* keeps fd for its lifetime */
    if (!D.dw) {
        close(fd);
        return;
    }
    while (dwarf_get_units(D.dw, cu, &cu, NULL, &ut, &cudie, NULL) == 0) {
        Dwarf_Addr base, lo, hi;
        /* weft's own units (most of the DWARF) hold no program memory */
        if (dwarf_ranges(&cudie, 0, &base, &lo, &hi) > 0 &&
            lo >= (Dwarf_Addr)(uintptr_t)__weftrt_text_begin &&
            lo < (Dwarf_Addr)(uintptr_t)__weftrt_text_end)
            continue;
        if (ut == DW_UT_compile)
            collect(&cudie);
    }
    if (D.vars.len)
        qsort(D.vars.p, D.vars.len, sizeof *D.vars.p, gvar_cmp);
}

/* ---- a path inside a type ----------------------------------------------- */

typedef struct sb {
    char *p;
    size_t len, cap;
} sb;

static void put(sb *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void put(sb *b, const char *fmt, ...)
{
    va_list ap;
    int k;
    if (b->len + 1 >= b->cap)
        return;
    va_start(ap, fmt);
    k = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (k > 0)
        b->len = b->len + (size_t)k < b->cap ? b->len + (size_t)k
                                              : b->cap - 1;
}

/* The member of struct or union t holding byte off: its type, offset and
 * size. */
static bool member_at(Dwarf_Die *t, uint64_t off, Dwarf_Die *m,
                      Dwarf_Die *mt, uint64_t *moff, size_t *msize)
{
    Dwarf_Die c;
    if (dwarf_child(t, &c) != 0)
        return false;
    do {
        Dwarf_Attribute a;
        Dwarf_Word lo = 0, bits;
        size_t sz;
        if (dwarf_tag(&c) != DW_TAG_member || !type_of(&c, mt))
            continue;
        sz = size_of(mt);
        if (dwarf_attr(&c, DW_AT_data_member_location, &a)) {
            if (dwarf_formudata(&a, &lo) != 0)
                continue;
        } else if (dwarf_attr(&c, DW_AT_data_bit_offset, &a) &&
                   dwarf_formudata(&a, &bits) == 0) {
            Dwarf_Attribute bs;
            Dwarf_Word nb = 0;
            lo = bits / 8;
            if (dwarf_attr(&c, DW_AT_bit_size, &bs) &&
                dwarf_formudata(&bs, &nb) == 0)
                sz = (size_t)((bits % 8 + nb + 7) / 8);
        }
        if (off >= lo && off < lo + sz) {
            *m = c;
            *moff = lo;
            *msize = sz;
            return true;
        }
    } while (dwarf_siblingof(&c, &c) == 0);
    return false;
}

/* The element type of array t and the stride of each of its (up to 8)
 * dimensions; the number of dimensions, 0 when unknown. */
static int array_dims(Dwarf_Die *t, Dwarf_Die *et, size_t stride[8])
{
    Dwarf_Die c;
    Dwarf_Word count[8];
    int nd = 0;
    size_t esz;
    if (!type_of(t, et) || (esz = size_of(et)) == 0)
        return 0;
    if (dwarf_child(t, &c) == 0) {
        do {
            Dwarf_Attribute a;
            Dwarf_Word w = 0;
            if (dwarf_tag(&c) != DW_TAG_subrange_type || nd == 8)
                continue;
            if (dwarf_attr(&c, DW_AT_count, &a) &&
                dwarf_formudata(&a, &w) == 0)
                count[nd] = w;
            else if (dwarf_attr(&c, DW_AT_upper_bound, &a) &&
                     dwarf_formudata(&a, &w) == 0)
                count[nd] = w + 1;
            else
                count[nd] = 0; /* a flexible array member */
            nd++;
        } while (dwarf_siblingof(&c, &c) == 0);
    }
    if (nd == 0)
        count[nd++] = 0;
    stride[nd - 1] = esz;
    for (int k = nd - 1; k > 0; k--)
        stride[k - 1] = stride[k] * (count[k] ? count[k] : 1);
    return nd;
}

/* Append the path of [off, off + n) inside type t: ".f", "[i]" (the
 * first member after dot: "." or "->"); a rest that is no whole field as
 * "+k". */
static void path_in(sb *b, Dwarf_Die t, uint64_t off, size_t n,
                    const char *dot)
{
    for (;;) {
        size_t sz = size_of(&t);
        int tag = dwarf_tag(&t);
        bool whole = off == 0 && (sz == 0 || n >= sz);
        if (tag == DW_TAG_structure_type || tag == DW_TAG_union_type ||
            tag == DW_TAG_class_type) {
            Dwarf_Die m, mt;
            uint64_t mo;
            size_t msz;
            const char *name;
            /* the whole object, unless one member of a struct is all of
             * it (a struct of one field is named by the field); never a
             * library's internals (__data, _Value: reserved names) */
            if (!member_at(&t, off, &m, &mt, &mo, &msz))
                break;
            if (whole && (mo != 0 || msz < n || tag != DW_TAG_structure_type))
                return;
            name = dwarf_diename(&m);
            if (name && name[0] == '_' &&
                (name[1] == '_' || (name[1] >= 'A' && name[1] <= 'Z')))
                break;
            if (name) {
                put(b, "%s%s", dot, name);
                dot = ".";
            }
            t = mt;
            off -= mo;
        } else if (whole) {
            return;
        } else if (tag == DW_TAG_array_type) {
            Dwarf_Die et;
            size_t stride[8];
            int nd = array_dims(&t, &et, stride);
            if (!nd)
                break;
            for (int k = 0; k < nd; k++) {
                put(b, "[%llu]", (unsigned long long)(off / stride[k]));
                off %= stride[k];
            }
            dot = ".";
            t = et;
        } else {
            break;
        }
    }
    if (off)
        put(b, "+%llu", (unsigned long long)off);
}

/* Append the name of [off, off + n) of a block of `asked` bytes that
 * expression e points to, its pointee type t. */
static void through(sb *b, const char *e, Dwarf_Die t, size_t asked,
                    uint64_t off, size_t n)
{
    size_t esz = size_of(&t);
    int tag = dwarf_tag(&t);
    bool one = esz == 0 || asked <= esz;
    bool agg = tag == DW_TAG_structure_type || tag == DW_TAG_union_type ||
               tag == DW_TAG_class_type;
    if (esz == 0) {
        put(b, "%s", e);
        if (off)
            put(b, "+%llu", (unsigned long long)off);
        return;
    }
    if (one && agg) {
        size_t mark = b->len;
        put(b, "%s", e);
        path_in(b, t, off, n, "->");
        if (b->len == mark + strlen(e) && off == 0) { /* all of it */
            b->len = mark;
            b->p[mark] = 0;
            put(b, "*%s", e);
        }
        return;
    }
    if (one && off == 0) {
        put(b, "*%s", e);
        return;
    }
    put(b, "%s[%llu]", e, (unsigned long long)(off / esz));
    path_in(b, t, off % esz, n, ".");
}

/* ---- heap blocks ---------------------------------------------------------- */

typedef struct hnode {
    uintptr_t start;
    size_t asked;
    Dwarf_Die type; /* the pointee's */
    char *expr;
    int depth;
} hnode;

typedef struct search {
    uintptr_t target;
    VEC(hnode) q;
    int visits;
    bool found;
    hnode hit;
} search;

static bool seen(const search *s, uintptr_t start)
{
    for (size_t i = 0; i < s->q.len; i++)
        if (s->q.p[i].start == start)
            return true;
    return false;
}

static void slots(search *s, uintptr_t at, Dwarf_Die t, const char *expr,
                  const char *dot, int depth);

/* A pointer slot at `at` of type t (a pointer type), named expr. */
static void slot(search *s, uintptr_t at, Dwarf_Die *t, const char *expr,
                 int depth)
{
    uintptr_t v, start;
    size_t size, asked;
    uint64_t nth;
    uintptr_t pc;
    hnode h;
    memcpy(&v, (const void *)at, sizeof v);
    if (!v || !px_heap_block(v, &start, &size, &nth) || start != v ||
        !type_of(t, &h.type) || size_of(&h.type) == 0)
        return;
    if (!px_heap_origin(start, &asked, &pc))
        return;
    if (seen(s, start))
        return;
    h.start = start;
    h.asked = asked;
    h.depth = depth + 1;
    h.expr = wf_xstrdup(expr);
    VEC_PUSH(s->q, h);
    if (start == s->target) {
        s->found = true;
        s->hit = h;
    }
}

/* Every pointer slot inside an object of type t at `at`, named expr (its
 * members expr, dot, the member's name). */
static void slots(search *s, uintptr_t at, Dwarf_Die t, const char *expr,
                  const char *dot, int depth)
{
    int tag = dwarf_tag(&t);
    char name[256];
    if (s->found || ++s->visits > MAX_VISITS)
        return;
    if (tag == DW_TAG_pointer_type) {
        slot(s, at, &t, expr, depth);
    } else if (tag == DW_TAG_structure_type || tag == DW_TAG_class_type) {
        Dwarf_Die c;
        if (dwarf_child(&t, &c) != 0)
            return;
        do {
            Dwarf_Attribute a;
            Dwarf_Word lo;
            Dwarf_Die mt;
            const char *mn = dwarf_diename(&c);
            if (dwarf_tag(&c) != DW_TAG_member || !mn ||
                !dwarf_attr(&c, DW_AT_data_member_location, &a) ||
                dwarf_formudata(&a, &lo) != 0 || !type_of(&c, &mt))
                continue;
            snprintf(name, sizeof name, "%s%s%s", expr, dot, mn);
            slots(s, at + lo, mt, name, ".", depth);
        } while (!s->found && dwarf_siblingof(&c, &c) == 0);
    } else if (tag == DW_TAG_array_type) {
        Dwarf_Die et;
        size_t stride[8], total = size_of(&t), esz;
        int nd = array_dims(&t, &et, stride);
        int et_tag;
        if (!nd || !(esz = stride[nd - 1]))
            return;
        et_tag = dwarf_tag(&et);
        if (et_tag != DW_TAG_pointer_type &&
            et_tag != DW_TAG_structure_type && et_tag != DW_TAG_class_type &&
            et_tag != DW_TAG_array_type)
            return;
        for (size_t i = 0; i < total / esz && i < MAX_ELEMS && !s->found;
             i++) {
            sb b = {name, 0, sizeof name};
            uint64_t off = i * esz;
            name[0] = 0;
            put(&b, "%s", expr);
            for (int k = 0; k < nd; k++) {
                put(&b, "[%llu]", (unsigned long long)(off / stride[k]));
                off %= stride[k];
            }
            slots(s, at + i * esz, et, name, ".", depth);
        }
    }
}

/* The pointer slots of block h (its elements as the pointee type lays
 * them out). */
static void block_slots(search *s, const hnode *h)
{
    Dwarf_Die t = h->type;
    size_t esz = size_of(&t);
    int tag = dwarf_tag(&t);
    bool one = h->asked <= esz;
    char name[256];
    if (!esz || h->depth >= MAX_DEPTH ||
        (tag != DW_TAG_structure_type && tag != DW_TAG_class_type &&
         tag != DW_TAG_pointer_type))
        return;
    for (size_t i = 0; i < (one ? 1 : h->asked / esz) && i < MAX_ELEMS &&
                       !s->found;
         i++) {
        if (one && tag == DW_TAG_pointer_type)
            snprintf(name, sizeof name, "*%s", h->expr);
        else if (one)
            snprintf(name, sizeof name, "%s", h->expr);
        else
            snprintf(name, sizeof name, "%s[%zu]", h->expr, i);
        slots(s, h->start + i * esz, t, name, one ? "->" : ".", h->depth);
    }
}

static bool by_pointers(uintptr_t start, hnode *out)
{
    search s;
    memset(&s, 0, sizeof s);
    s.target = start;
    for (size_t i = 0; i < D.vars.len && !s.found; i++)
        slots(&s, D.vars.p[i].lo, D.vars.p[i].type, D.vars.p[i].name, ".",
              0);
    for (size_t k = 0; k < s.q.len && !s.found; k++) {
        hnode h = s.q.p[k];
        block_slots(&s, &h);
    }
    if (s.found) {
        *out = s.hit;
        out->expr = wf_xstrdup(s.hit.expr);
    }
    for (size_t k = 0; k < s.q.len; k++)
        free(s.q.p[k].expr);
    free(s.q.p);
    return s.found;
}

/* The pointer variables of function scope die whose pointee has the size
 * of the block (exactly, or else a multiple): the one found, or false
 * when none or several. */
static void site_vars(Dwarf_Die *die, size_t asked, bool exact, int *n,
                      Dwarf_Die *var, Dwarf_Die *pointee)
{
    Dwarf_Die c;
    if (dwarf_child(die, &c) != 0)
        return;
    do {
        int tag = dwarf_tag(&c);
        Dwarf_Die t, pt;
        size_t sz;
        if (tag == DW_TAG_lexical_block) {
            site_vars(&c, asked, exact, n, var, pointee);
            continue;
        }
        if (tag != DW_TAG_variable || !dwarf_diename(&c) ||
            !type_of(&c, &t) || dwarf_tag(&t) != DW_TAG_pointer_type ||
            !type_of(&t, &pt) || (sz = size_of(&pt)) == 0)
            continue;
        if (exact ? asked == sz : asked > sz && asked % sz == 0) {
            if (*n == 1 && dwarf_dieoffset(var) != dwarf_dieoffset(&c)) {
                /* two variables of one type name the same thing alike:
                 * only a different type makes it ambiguous */
                Dwarf_Die vt, vpt;
                if (type_of(var, &vt) && type_of(&vt, &vpt) &&
                    dwarf_dieoffset(&vpt) == dwarf_dieoffset(&pt))
                    continue;
            }
            if (++*n == 1) {
                *var = c;
                *pointee = pt;
            }
        }
    } while (dwarf_siblingof(&c, &c) == 0);
}

/* The block at start named after the pointer variable of its allocating
 * function that fits it. */
static bool by_site(uintptr_t start, hnode *out)
{
    size_t asked;
    uintptr_t pc;
    Dwarf_Die cu, c, var, pt;
    if (!px_heap_origin(start, &asked, &pc) || !pc || !asked ||
        !dwarf_addrdie(D.dw, (Dwarf_Addr)(pc - 1), &cu) ||
        dwarf_child(&cu, &c) != 0)
        return false;
    do {
        int n = 0;
        if (dwarf_tag(&c) != DW_TAG_subprogram ||
            dwarf_haspc(&c, (Dwarf_Addr)(pc - 1)) != 1)
            continue;
        site_vars(&c, asked, true, &n, &var, &pt);
        if (n == 0)
            site_vars(&c, asked, false, &n, &var, &pt);
        if (n != 1)
            return false;
        out->start = start;
        out->asked = asked;
        out->type = pt;
        out->depth = 0;
        out->expr = wf_xstrdup(dwarf_diename(&var));
        return true;
    } while (dwarf_siblingof(&c, &c) == 0);
    return false;
}

/* ---- locals ----------------------------------------------------------------- */

void px_frame_enter(px_task *pt, uintptr_t fn, uintptr_t caller,
                    uintptr_t frame)
{
#if defined(__x86_64__)
    uintptr_t hi, cfa = 0;
    /* fn's return address (caller) lies at its CFA - 8, above fn's own
     * frame: the first word holding it going up from the hook's frame
     * (only the call at that site ever stored that value, always in that
     * slot) */
    if (!pt->stack_hi &&
        !native_stack_of(pt->t, &pt->stack_lo, &pt->stack_hi))
        return;
    hi = pt->stack_hi;
    if (frame < pt->stack_lo || frame >= hi)
        return;
    for (uintptr_t p = frame; p + 8 <= hi && p < frame + (64u << 10);
         p += 8)
        if (*(const uintptr_t *)p == caller) {
            cfa = p + 8;
            break;
        }
    if (!cfa)
        return;
    while (pt->nframes && pt->frames[pt->nframes - 1].cfa <= cfa)
        pt->nframes--; /* left without an exit hook (longjmp) */
    if (pt->nframes < sizeof pt->frames / sizeof pt->frames[0]) {
        pt->frames[pt->nframes].fn = fn;
        pt->frames[pt->nframes].cfa = cfa;
        pt->nframes++;
    }
#else
    (void)pt, (void)fn, (void)caller, (void)frame;
#endif
}

void px_frame_exit(px_task *pt, uintptr_t fn)
{
    if (pt->nframes && pt->frames[pt->nframes - 1].fn == fn)
        pt->nframes--;
}

/* The variable of scope die at fixed offset from the frame base that
 * holds [a, a + n) (cfa: the frame base's value). */
static bool local_in(Dwarf_Die *die, uintptr_t cfa, uintptr_t a, size_t n,
                     sb *b)
{
    Dwarf_Die c;
    if (dwarf_child(die, &c) != 0)
        return false;
    do {
        int tag = dwarf_tag(&c);
        Dwarf_Attribute at;
        Dwarf_Op *ops;
        size_t nops, sz;
        Dwarf_Die t;
        const char *name;
        uintptr_t lo;
        if (tag == DW_TAG_lexical_block) {
            if (local_in(&c, cfa, a, n, b))
                return true;
            continue;
        }
        if ((tag != DW_TAG_variable && tag != DW_TAG_formal_parameter) ||
            !(name = dwarf_diename(&c)) ||
            !dwarf_attr(&c, DW_AT_location, &at) ||
            dwarf_getlocation(&at, &ops, &nops) != 0 || nops != 1 ||
            ops[0].atom != DW_OP_fbreg || !type_of(&c, &t) ||
            (sz = size_of(&t)) == 0)
            continue;
        lo = cfa + (uintptr_t)(intptr_t)(Dwarf_Sword)ops[0].number;
        if (a >= lo && a < lo + sz) {
            put(b, "%s", name);
            path_in(b, t, a - lo, n, ".");
            return true;
        }
    } while (dwarf_siblingof(&c, &c) == 0);
    return false;
}

bool px_dwarf_local(uintptr_t fn, uintptr_t cfa, uintptr_t a, size_t n,
                    char *out, size_t len)
{
    sb b = {out, 0, len};
    Dwarf_Die cu, c;
    px_dwarf_init();
    if (!D.dw || !len || !dwarf_addrdie(D.dw, (Dwarf_Addr)fn, &cu) ||
        dwarf_child(&cu, &c) != 0)
        return false;
    out[0] = 0;
    do {
        Dwarf_Attribute at;
        Dwarf_Op *ops;
        size_t nops;
        if (dwarf_tag(&c) != DW_TAG_subprogram ||
            dwarf_haspc(&c, (Dwarf_Addr)fn) != 1)
            continue;
        /* locals at offsets from the canonical frame address only */
        if (!dwarf_attr(&c, DW_AT_frame_base, &at) ||
            dwarf_getlocation(&at, &ops, &nops) != 0 || nops != 1 ||
            ops[0].atom != DW_OP_call_frame_cfa)
            return false;
        return local_in(&c, cfa, a, n, &b);
    } while (dwarf_siblingof(&c, &c) == 0);
    return false;
}

bool px_dwarf_name(uintptr_t a, size_t n, char *out, size_t len)
{
    sb b = {out, 0, len};
    uintptr_t start;
    size_t size;
    uint64_t nth;
    hnode h;
    memset(&h, 0, sizeof h);
    px_dwarf_init();
    if (!D.dw || !len)
        return false;
    out[0] = 0;
    if (in_data(a)) {
        /* the last variable starting at or below a */
        size_t lo = px_at_or_below(D.vars.p, D.vars.len, sizeof *D.vars.p, a);
        if (lo == 0 || a >= D.vars.p[lo - 1].lo + D.vars.p[lo - 1].size)
            return false;
        put(&b, "%s", D.vars.p[lo - 1].name);
        path_in(&b, D.vars.p[lo - 1].type, a - D.vars.p[lo - 1].lo, n, ".");
        return true;
    }
    if (!px_heap_block(a, &start, &size, &nth) ||
        (!by_pointers(start, &h) && !by_site(start, &h)))
        return false;
    through(&b, h.expr, h.type, h.asked, a - start, n);
    free(h.expr);
    return true;
}
