/* types.c: the type table of a vm_program: predeclared types, unnamed
 * composite types (interned: equal structure, equal id), named types, and
 * the member tables (fields and methods, embedding included) the VM looks
 * names up in. Also the run-time queries of vm_int.h on types. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/compile_int.h"
#include "sim/lang/lib_fmt_int.h"

uint32_t type_new(vm_program *p, vm_kind k, const char *name)
{
    vm_type t;
    memset(&t, 0, sizeof t);
    t.id = VM_TID(p->types.len, k);
    t.name = name ? arena_strdup(&p->mem, name) : "?";
    t.under = t.id;
    VEC_PUSH(p->types, t);
    return t.id;
}

void type_set_under(vm_program *p, uint32_t named, uint32_t u)
{
    vm_type *t = &p->types.p[VM_TIDX(named)];
    const vm_type *x = prog_type(p, u);
    t->under = x->under;
    t->elem = x->elem;
    t->key = x->key;
    t->len = x->len;
    t->dir = x->dir;
    t->nfields = x->nfields;
    t->fields = x->fields;
    t->nparams = x->nparams;
    t->nresults = x->nresults;
    t->params = x->params;
    t->variadic = x->variadic;
    t->nimethods = x->nimethods;
    t->imethods = x->imethods;
    t->imtypes = x->imtypes;
}

uint32_t type_default(uint32_t t)
{
    switch (VM_KIND(t)) {
    case K_UNTYPED_INT:
        return T_INT;
    case K_UNTYPED_FLOAT:
        return T_FLOAT64;
    case K_UNTYPED_RUNE:
        return T_INT32;
    default:
        return t;
    }
}

/* Do unnamed types t and want have the same structure? */
static bool same_shape(const vm_type *t, const vm_type *want)
{
    if (VM_KIND(t->id) != VM_KIND(want->id))
        return false;
    if (t->elem != want->elem || t->key != want->key ||
        t->len != want->len || t->dir != want->dir)
        return false;
    if (t->nfields != want->nfields || t->nparams != want->nparams ||
        t->nresults != want->nresults || t->variadic != want->variadic ||
        t->nimethods != want->nimethods)
        return false;
    if (t->nfields &&
        memcmp(t->fields, want->fields, t->nfields * sizeof(vm_field)))
        return false;
    if (t->has_terms != want->has_terms ||
        t->comparable != want->comparable || t->nterms != want->nterms)
        return false;
    if (t->nterms &&
        (memcmp(t->terms, want->terms, t->nterms * sizeof(uint32_t)) ||
         memcmp(t->tilde, want->tilde, t->nterms)))
        return false;
    if (t->nparams + t->nresults &&
        memcmp(t->params, want->params,
               (t->nparams + t->nresults) * sizeof(uint32_t)))
        return false;
    if (t->nimethods && (memcmp(t->imethods, want->imethods,
                                t->nimethods * sizeof(uint32_t)) ||
                         memcmp(t->imtypes, want->imtypes,
                                t->nimethods * sizeof(uint32_t))))
        return false;
    return true;
}

/* A hash of what same_shape compares, word by word (a multiply-xor
 * mix: FNV's byte loop cost more than the scan it replaces). */
static uint64_t mix(uint64_t h, uint64_t v)
{
    h = (h ^ v) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 29);
}

static uint64_t mix_words(uint64_t h, const uint32_t *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = mix(h, w[i]);
    return h;
}

static uint64_t shape_hash(const vm_type *t)
{
    uint64_t h = VM_KIND(t->id);
    h = mix(h, ((uint64_t)t->elem << 32) | t->key);
    h = mix(h, (uint64_t)t->len);
    h = mix(h, ((uint64_t)t->nfields << 32) | t->nparams);
    h = mix(h, ((uint64_t)t->nresults << 32) | t->nimethods);
    h = mix(h, ((uint64_t)t->nterms << 8) | (uint64_t)t->dir << 3 |
                   (uint64_t)t->variadic | (uint64_t)t->has_terms << 1 |
                   (uint64_t)t->comparable << 2);
    for (uint32_t i = 0; i < t->nfields; i++)
        h = mix(h, ((uint64_t)t->fields[i].name << 32 | t->fields[i].type) ^
                       ((uint64_t)t->fields[i].tag << 1 |
                        t->fields[i].embedded));
    if (t->nterms)
        h = mix_words(h, t->terms, t->nterms);
    if (t->nparams + t->nresults)
        h = mix_words(h, t->params, t->nparams + t->nresults);
    if (t->nimethods) {
        h = mix_words(h, t->imethods, t->nimethods);
        h = mix_words(h, t->imtypes, t->nimethods);
    }
    return h;
}

#ifdef WF_DEBUG
/* The first unnamed type equal to *want, by a scan: the definition the
 * index below must agree with. O(types). */
static uint32_t find_scan(const vm_program *p, const vm_type *want)
{
    for (size_t i = TI__PREDECLARED; i < p->types.len; i++) {
        const vm_type *t = &p->types.p[i];
        if (!t->named && same_shape(t, want))
            return t->id;
    }
    return 0;
}
#endif

/* Put type index i into the shape index (open addressing, by
 * shape_hash; slots hold index + 1). */
static void shape_put(vm_program *p, size_t i)
{
    size_t h;
    if (2 * (p->shapes_len + 1) > p->shapes_cap) {
        size_t ncap = p->shapes_cap ? 2 * p->shapes_cap : 1024;
        uint32_t *m = wf_xcalloc(ncap, sizeof *m);
        for (size_t j = 0; j < p->shapes_cap; j++)
            if (p->shapes[j]) {
                h = shape_hash(&p->types.p[p->shapes[j] - 1]) & (ncap - 1);
                while (m[h])
                    h = (h + 1) & (ncap - 1);
                m[h] = p->shapes[j];
            }
        free(p->shapes);
        p->shapes = m;
        p->shapes_cap = ncap;
    }
    h = shape_hash(&p->types.p[i]) & (p->shapes_cap - 1);
    while (p->shapes[h])
        h = (h + 1) & (p->shapes_cap - 1);
    p->shapes[h] = (uint32_t)i + 1;
    p->shapes_len++;
}

/* An unnamed type equal to *want, if one exists: O(1) expected, through
 * the index of the unnamed types add() made. */
static uint32_t find(vm_program *p, const vm_type *want)
{
    uint32_t id = 0;
    if (p->shapes_cap) {
        size_t h = shape_hash(want) & (p->shapes_cap - 1);
        for (; p->shapes[h]; h = (h + 1) & (p->shapes_cap - 1)) {
            const vm_type *t = &p->types.p[p->shapes[h] - 1];
            if (!t->named && same_shape(t, want)) {
                id = t->id;
                break;
            }
        }
    }
#ifdef WF_DEBUG
    WF_ASSERT(id == find_scan(p, want));
#endif
    return id;
}

static uint32_t add(vm_program *p, vm_type *t, const char *name)
{
    uint32_t id = find(p, t);
    if (id)
        return id;
    t->id = VM_TID(p->types.len, VM_KIND(t->id));
    t->under = t->id;
    t->name = arena_strdup(&p->mem, name);
    VEC_PUSH(p->types, *t);
    if (p->types.len - 1 >= TI__PREDECLARED)
        shape_put(p, p->types.len - 1);
    return t->id;
}

/* Does t mention a type parameter? */
static bool gen(const vm_program *p, uint32_t t)
{
    return t && prog_type(p, t)->generic;
}

static const char *tname(const vm_program *p, uint32_t t)
{
    return t ? prog_type(p, t)->name : "?";
}

uint32_t type_ptr(vm_program *p, uint32_t elem)
{
    vm_type t;
    buf b;
    uint32_t id;
    if (elem && prog_type(p, elem)->ptr)
        return prog_type(p, elem)->ptr;
    memset(&t, 0, sizeof t);
    t.id = K_PTR;
    t.elem = elem;
    t.generic = gen(p, elem);
    /* the name only for a type not made before */
    if (!(id = find(p, &t))) {
        buf_init(&b);
        buf_putc(&b, '*');
        buf_puts(&b, tname(p, elem));
        id = add(p, &t, b.p);
        buf_fini(&b);
    }
    if (elem)
        p->types.p[VM_TIDX(elem)].ptr = id;
    return id;
}

uint32_t type_slice(vm_program *p, uint32_t elem)
{
    vm_type t;
    buf b;
    uint32_t id;
    if (elem && prog_type(p, elem)->slice)
        return prog_type(p, elem)->slice;
    memset(&t, 0, sizeof t);
    t.id = K_SLICE;
    t.elem = elem;
    t.generic = gen(p, elem);
    /* the name only for a type not made before */
    if (!(id = find(p, &t))) {
        buf_init(&b);
        buf_puts(&b, "[]");
        buf_puts(&b, tname(p, elem));
        id = add(p, &t, b.p);
        buf_fini(&b);
    }
    if (elem)
        p->types.p[VM_TIDX(elem)].slice = id;
    return id;
}

uint32_t type_array(vm_program *p, uint32_t elem, int64_t len)
{
    vm_type t;
    buf b;
    uint32_t id;
    memset(&t, 0, sizeof t);
    t.id = K_ARRAY;
    t.elem = elem;
    t.len = len;
    t.generic = gen(p, elem);
    /* the name only for a type not made before */
    if (!(id = find(p, &t))) {
        buf_init(&b);
        buf_printf(&b, "[%lld]%s", (long long)len, tname(p, elem));
        id = add(p, &t, b.p);
        buf_fini(&b);
    }
    return id;
}

uint32_t type_map(vm_program *p, uint32_t key, uint32_t val)
{
    vm_type t;
    buf b;
    uint32_t id;
    memset(&t, 0, sizeof t);
    t.id = K_MAP;
    t.key = key;
    t.elem = val;
    t.generic = gen(p, key) || gen(p, val);
    /* the name only for a type not made before */
    if (!(id = find(p, &t))) {
        buf_init(&b);
        buf_puts(&b, "map[");
        buf_puts(&b, tname(p, key));
        buf_putc(&b, ']');
        buf_puts(&b, tname(p, val));
        id = add(p, &t, b.p);
        buf_fini(&b);
    }
    return id;
}

uint32_t type_chan(vm_program *p, uint32_t elem, int dir)
{
    vm_type t;
    buf b;
    uint32_t id;
    memset(&t, 0, sizeof t);
    t.id = K_CHAN;
    t.elem = elem;
    t.dir = (uint8_t)dir;
    t.generic = gen(p, elem);
    /* the name only for a type not made before */
    if (!(id = find(p, &t))) {
        buf_init(&b);
        buf_puts(&b, dir == 1 ? "chan<- " : dir == 2 ? "<-chan " : "chan ");
        buf_puts(&b, tname(p, elem));
        id = add(p, &t, b.p);
        buf_fini(&b);
    }
    return id;
}

uint32_t type_func(vm_program *p, const uint32_t *params, uint32_t np,
                   const uint32_t *results, uint32_t nr, bool variadic)
{
    vm_type t;
    buf b;
    uint32_t id, *all = NULL;
    memset(&t, 0, sizeof t);
    t.id = K_FUNC;
    t.nparams = np;
    t.nresults = nr;
    t.variadic = variadic;
    if (np + nr) {
        all = wf_xmalloc((np + nr) * sizeof *all);
        if (np)
            memcpy(all, params, np * sizeof *all);
        if (nr)
            memcpy(all + np, results, nr * sizeof *all);
    }
    t.params = all;
    for (uint32_t i = 0; i < np + nr; i++)
        t.generic = t.generic || gen(p, all[i]);
    if ((id = find(p, &t))) {
        free(all);
        return id;
    }
    buf_init(&b);
    buf_puts(&b, "func(");
    for (uint32_t i = 0; i < np; i++) {
        if (i)
            buf_puts(&b, ", ");
        if (variadic && i == np - 1) {
            buf_puts(&b, "...");
            buf_puts(&b, tname(p, all[i] ? prog_type(p, all[i])->elem : 0));
        } else {
            buf_puts(&b, tname(p, all[i]));
        }
    }
    buf_putc(&b, ')');
    if (nr == 1) {
        buf_putc(&b, ' ');
        buf_puts(&b, tname(p, all[np]));
    }
    else if (nr > 1) {
        buf_puts(&b, " (");
        for (uint32_t i = 0; i < nr; i++) {
            buf_puts(&b, i ? ", " : "");
            buf_puts(&b, tname(p, all[np + i]));
        }
        buf_putc(&b, ')');
    }
    if (all) {
        uint32_t *keep = arena_alloc(&p->mem, (np + nr) * sizeof *keep);
        memcpy(keep, all, (np + nr) * sizeof *keep);
        free(all);
        t.params = keep;
    }
    id = add(p, &t, b.p);
    buf_fini(&b);
    return id;
}

uint32_t type_struct(vm_program *p, const vm_field *f, uint32_t n)
{
    vm_type t;
    buf b;
    uint32_t id;
    memset(&t, 0, sizeof t);
    t.id = K_STRUCT;
    t.nfields = n;
    t.fields = (vm_field *)f;
    for (uint32_t i = 0; i < n; i++)
        t.generic = t.generic || gen(p, f[i].type);
    if ((id = find(p, &t)))
        return id;
    if (n) {
        t.fields = arena_alloc(&p->mem, n * sizeof *f);
        memcpy(t.fields, f, n * sizeof *f);
    }
    buf_init(&b);
    buf_puts(&b, "struct {");
    for (uint32_t i = 0; i < n; i++) {
        buf_puts(&b, i ? "; " : " ");
        if (!f[i].embedded) {
            buf_puts(&b, p->names.p[f[i].name]);
            buf_putc(&b, ' ');
        }
        buf_puts(&b, tname(p, f[i].type));
        if (f[i].tag) { /* Go's %T quotes it; the name is "`" and the tag */
            const char *tg = p->names.p[f[i].tag] + 1;
            buf_putc(&b, ' ');
            fmt_quote(&b, tg, strlen(tg), '"', false);
        }
    }
    buf_puts(&b, n ? " }" : "}");
    id = add(p, &t, b.p);
    buf_fini(&b);
    return id;
}

typedef struct imeth {
    uint32_t name, type;
} imeth;

static int cmp_imeth(const void *a, const void *b)
{
    const imeth *x = a, *y = b;
    if (x->name != y->name)
        return x->name < y->name ? -1 : 1;
    return x->type < y->type ? -1 : x->type > y->type;
}

uint32_t type_iface(vm_program *p, const uint32_t *names,
                    const uint32_t *mtypes, uint32_t n)
{
    return type_iface_set(p, names, mtypes, n, NULL);
}

uint32_t type_iface_set(vm_program *p, const uint32_t *names,
                        const uint32_t *mtypes, uint32_t n,
                        const vm_type *set)
{
    vm_type t;
    buf b;
    uint32_t id, k = 0;
    imeth *ms = NULL;
    memset(&t, 0, sizeof t);
    t.id = K_IFACE;
    if (set) {
        t.has_terms = set->has_terms;
        t.comparable = set->comparable;
        t.nterms = set->nterms;
        t.terms = set->terms;
        t.tilde = set->tilde;
        for (uint32_t i = 0; i < t.nterms; i++)
            t.generic = t.generic || gen(p, t.terms[i]);
    }
    if (n) {
        ms = wf_xmalloc(n * sizeof *ms);
        for (uint32_t i = 0; i < n; i++) {
            ms[i].name = names[i];
            ms[i].type = mtypes ? mtypes[i] : 0;
        }
        qsort(ms, n, sizeof *ms, cmp_imeth);
        for (uint32_t i = 0; i < n; i++)
            if (!k || ms[k - 1].name != ms[i].name)
                ms[k++] = ms[i];
            else if (!ms[k - 1].type)
                ms[k - 1].type = ms[i].type;
    }
    if (!k && !t.has_terms && !t.comparable) {
        free(ms);
        return T_ANY;
    }
    if (!k && !t.has_terms && t.comparable) {
        free(ms);
        return T_COMPARABLE;
    }
    t.nimethods = k;
    t.imethods = arena_alloc(&p->mem, (k ? k : 1) * sizeof *t.imethods);
    t.imtypes = arena_alloc(&p->mem, (k ? k : 1) * sizeof *t.imtypes);
    for (uint32_t i = 0; i < k; i++) {
        t.imethods[i] = ms[i].name;
        t.imtypes[i] = ms[i].type;
        t.generic = t.generic || gen(p, ms[i].type);
    }
    free(ms);
    if ((id = find(p, &t)))
        return id;
    if (t.nterms) { /* keep the terms in program memory */
        uint32_t *tt = arena_alloc(&p->mem, t.nterms * sizeof *tt);
        uint8_t *tl = arena_alloc(&p->mem, t.nterms);
        memcpy(tt, t.terms, t.nterms * sizeof *tt);
        memcpy(tl, t.tilde, t.nterms);
        t.terms = tt;
        t.tilde = tl;
    }
    buf_init(&b);
    buf_puts(&b, "interface {");
    for (uint32_t i = 0; i < t.nterms; i++) {
        buf_puts(&b, i ? " |" : " ");
        buf_puts(&b, t.tilde[i] ? "~" : "");
        buf_puts(&b, tname(p, t.terms[i]));
    }
    if (t.nterms && k)
        buf_putc(&b, ';');
    for (uint32_t i = 0; i < k; i++) {
        const vm_type *ft = t.imtypes[i] ? prog_type(p, t.imtypes[i]) : NULL;
        buf_puts(&b, i ? "; " : " ");
        buf_puts(&b, p->names.p[t.imethods[i]]);
        /* the signature as %T prints it: func's name without "func" */
        if (ft && !strncmp(ft->name, "func", 4))
            buf_puts(&b, ft->name + 4);
        else
            buf_puts(&b, "()");
    }
    buf_puts(&b, " }");
    id = add(p, &t, b.p);
    buf_fini(&b);
    return id;
}

uint32_t type_tuple(vm_program *p, const uint32_t *results, uint32_t n)
{
    vm_type t;
    buf b;
    uint32_t id;
    memset(&t, 0, sizeof t);
    t.id = K_TUPLE;
    t.nresults = n;
    t.params = (uint32_t *)results;
    for (uint32_t i = 0; i < n; i++)
        t.generic = t.generic || gen(p, results[i]);
    if ((id = find(p, &t)))
        return id;
    t.params = arena_alloc(&p->mem, (n ? n : 1) * sizeof *t.params);
    if (n)
        memcpy(t.params, results, n * sizeof *t.params);
    buf_init(&b);
    buf_putc(&b, '(');
    for (uint32_t i = 0; i < n; i++) {
        buf_puts(&b, i ? ", " : "");
        buf_puts(&b, tname(p, results[i]));
    }
    buf_putc(&b, ')');
    id = add(p, &t, b.p);
    buf_fini(&b);
    return id;
}

void type_set_name(vm_program *p, uint32_t t)
{
    (void)p;
    (void)t;
}

/* ---- member tables -------------------------------------------------------- */

typedef VEC(vm_member) member_vec;

static int cmp_member(const void *a, const void *b)
{
    const vm_member *x = a, *y = b;
    if (x->name != y->name)
        return x->name < y->name ? -1 : 1;
    return x->depth < y->depth ? -1 : x->depth > y->depth;
}

/* 0: not computed, 1: computing, 2: done (per type index). */
static void members_of(vm_program *p, uint32_t t, uint8_t *state);

static void add_candidates(vm_program *p, uint32_t t, member_vec *out,
                           uint8_t *state)
{
    const vm_type *ty = prog_type(p, t);
    const vm_type *u = prog_type(p, ty->under);
    for (uint32_t i = 0; i < ty->nmethods; i++) {
        vm_member m;
        memset(&m, 0, sizeof m);
        m.name = ty->methods[i].name;
        m.is_method = true;
        m.ptr_recv = ty->methods[i].ptr_recv;
        m.fn = ty->methods[i].fn;
        m.type = ty->methods[i].fn ? ty->methods[i].fn->type : 0;
        VEC_PUSH(*out, m);
    }
    if (VM_KIND(u->id) != K_STRUCT)
        return;
    for (uint32_t i = 0; i < u->nfields; i++) {
        const vm_field *f = &u->fields[i];
        vm_member m;
        uint32_t et;
        memset(&m, 0, sizeof m);
        m.name = f->name;
        m.npath = 1;
        m.path[0] = (uint16_t)i;
        m.type = f->type;
        VEC_PUSH(*out, m);
        if (!f->embedded || !f->type)
            continue;
        et = f->type;
        if (VM_KIND(et) == K_PTR)
            et = prog_type(p, et)->elem;
        if (!et)
            continue;
        if (VM_KIND(et) == K_IFACE) {
            /* an embedded interface: its methods, dispatched on the
             * value the field holds (fn NULL, vm_promote) */
            const vm_type *it = prog_type(p, et);
            for (uint32_t k = 0; k < it->nimethods; k++) {
                vm_member pm;
                memset(&pm, 0, sizeof pm);
                pm.name = it->imethods[k];
                pm.is_method = true;
                pm.depth = 1;
                pm.npath = 1;
                pm.path[0] = (uint16_t)i;
                VEC_PUSH(*out, pm);
            }
            continue;
        }
        members_of(p, et, state);
        {
            const vm_type *e = prog_type(p, et);
            for (uint32_t k = 0; k < e->nmembers; k++) {
                vm_member pm = e->members[k];
                if (pm.npath + 1 > VM_MAX_PATH)
                    continue;
                memmove(pm.path + 1, pm.path, pm.npath * sizeof pm.path[0]);
                pm.path[0] = (uint16_t)i;
                pm.npath++;
                pm.depth++;
                VEC_PUSH(*out, pm);
            }
        }
    }
}

static void members_of(vm_program *p, uint32_t t, uint8_t *state)
{
    uint32_t idx = VM_TIDX(t);
    member_vec c = {0};
    vm_member *keep;
    uint32_t n = 0;
    if (state[idx])
        return;
    state[idx] = 1;
    add_candidates(p, t, &c, state);
    if (c.len)
        qsort(c.p, c.len, sizeof *c.p, cmp_member);
    keep = c.len ? arena_alloc(&p->mem, c.len * sizeof *keep) : NULL;
    for (size_t i = 0; i < c.len;) {
        size_t j = i + 1;
        while (j < c.len && c.p[j].name == c.p[i].name)
            j++;
        /* the shallowest wins; two at that depth are ambiguous */
        if (j == i + 1 || c.p[i + 1].depth != c.p[i].depth)
            keep[n++] = c.p[i];
        i = j;
    }
    VEC_FREE(c);
    p->types.p[idx].members = keep;
    p->types.p[idx].nmembers = n;
    state[idx] = 2;
}

void type_members(vm_program *p, compiler *C)
{
    size_t n = p->types.len;
    uint8_t *state = wf_xcalloc(n, 1);
    (void)C;
    for (size_t i = 0; i < n; i++) {
        vm_kind k = VM_KIND(p->types.p[i].id);
        if (p->types.p[i].named || k == K_STRUCT)
            members_of(p, p->types.p[i].id, state);
    }
    free(state);
}

/* ---- run-time queries ------------------------------------------------------ */

const vm_member *vm_lookup(const vm_program *p, uint32_t t, uint32_t name)
{
    const vm_type *ty;
    uint32_t lo = 0, hi;
    if (!t)
        return NULL;
    ty = prog_type(p, t);
    if (VM_KIND(t) == K_PTR && ty->named) {
        /* a defined pointer type (type T *S): x.f is (*x).f for a field
         * (it has no methods; the checker lets only fields through) */
        ty = prog_type(p, ty->under);
        if (!ty->elem || ty->named)
            return NULL;
    }
    if (VM_KIND(t) == K_PTR && !ty->named && ty->elem)
        ty = prog_type(p, ty->elem);
    hi = ty->nmembers;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        uint32_t nm = ty->members[mid].name;
        if (nm == name)
            return &ty->members[mid];
        if (nm < name)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

void vm_type_name(const vm_program *p, uint32_t t, buf *b)
{
    if (!t) {
        buf_puts(b, "<nil>");
        return;
    }
    buf_puts(b, prog_type(p, t)->name);
}

/* Whether method m's signature (its proto's func type, the receiver
 * first) may be want (an interface method's func type, no receiver).
 * Only a clear mismatch is false: an unknown or generic signature (a
 * shared body's, with type parameters) matches. */
static bool method_sig_ok(const vm_program *p, const vm_member *m,
                          uint32_t want)
{
    const vm_type *h, *w;
    uint32_t have = m->fn ? m->fn->type : m->type;
    if (!want || !have || VM_KIND(have) != K_FUNC || VM_KIND(want) != K_FUNC)
        return true;
    h = prog_type(p, have);
    w = prog_type(p, want);
    if (h->generic || w->generic || h->nparams != w->nparams + 1)
        return true;
    if (h->nresults != w->nresults || h->variadic != w->variadic)
        return false;
    for (uint32_t i = 0; i < w->nparams + w->nresults; i++)
        if (h->params[i + 1] != w->params[i])
            return false;
    return true;
}

/* Whether the pointer-receiver method m is in the method set of the
 * value type t (not a pointer): only when its path of embedded fields
 * goes through a pointer (S embeds *T: S's method set has *T's). */
static bool ptr_method_in_value_set(const vm_program *p, uint32_t t,
                                    const vm_member *m)
{
    for (uint32_t k = 0; k < m->npath; k++) {
        const vm_type *u = prog_type(p, prog_type(p, t)->under);
        const vm_field *f;
        if (VM_KIND(u->id) != K_STRUCT || m->path[k] >= u->nfields)
            return false;
        f = &u->fields[m->path[k]];
        if (VM_KIND(f->type) == K_PTR)
            return true;
        t = f->type;
    }
    return false;
}

const char *vm_iface_missing(const vm_program *p, uint32_t vt, uint32_t it)
{
    const vm_type *ity = prog_type(p, it);
    for (uint32_t i = 0; i < ity->nimethods; i++) {
        const vm_member *m = vm_lookup(p, vt, ity->imethods[i]);
        if (!m || !m->is_method || (m->fn && m->fn->nointerface) ||
            (m->ptr_recv && VM_KIND(vt) != K_PTR &&
             !ptr_method_in_value_set(p, vt, m)) ||
            (ity->imtypes && !method_sig_ok(p, m, ity->imtypes[i])))
            return p->names.p[ity->imethods[i]];
    }
    return NULL;
}

bool vm_has_type(const vm_program *p, vm_value v, uint32_t t)
{
    if (VM_KIND(t) != K_IFACE)
        return v.t == t;
    return v.t && !vm_iface_missing(p, v.t, t);
}

/* The size of a value of kind k on amd64 as gc lays it out, and its
 * alignment in *align, for every kind but arrays, structs and complex
 * numbers (their layout depends on more than the kind). */
int64_t vm_kind_size(uint32_t k, int64_t *align)
{
    *align = 8;
    switch (k) {
    case K_BOOL:
    case K_INT8:
    case K_UINT8:
        *align = 1;
        return 1;
    case K_INT16:
    case K_UINT16:
        *align = 2;
        return 2;
    case K_INT32:
    case K_UINT32:
    case K_FLOAT32:
        *align = 4;
        return 4;
    case K_STRING:
    case K_IFACE:
        return 16;
    case K_SLICE:
        return 24;
    default:
        return 8;
    }
}

/* gc's layout on amd64 (go/types' StdSizes), as check_call.c's
 * t_layout computes it for unsafe.Sizeof. */
static int64_t layout(const vm_program *p, uint32_t t, int64_t *align,
                      int depth)
{
    const vm_type *u;
    *align = 8;
    if (!t || depth > 64)
        return 8;
    if (vm_cplx_bits(p, t))
        return vm_cplx_bits(p, t) / 8;
    u = prog_type(p, prog_type(p, t)->under ? prog_type(p, t)->under : t);
    switch (VM_KIND(t)) {
    case K_ARRAY:
        return layout(p, u->elem, align, depth + 1) * (int64_t)u->len;
    case K_STRUCT: {
        int64_t off = 0, maxa = 1, last = -1;
        for (uint32_t j = 0; j < u->nfields; j++) {
            int64_t a, sz = layout(p, u->fields[j].type, &a, depth + 1);
            off = (off + a - 1) / a * a + sz;
            last = sz;
            if (a > maxa)
                maxa = a;
        }
        if (last == 0 && off > 0)
            off++;
        *align = maxa;
        return (off + maxa - 1) / maxa * maxa;
    }
    default:
        return vm_kind_size(VM_KIND(t), align);
    }
}

int64_t vm_type_size(const vm_program *p, uint32_t t)
{
    int64_t a;
    return layout(p, t, &a, 0);
}

int64_t vm_type_layout(const vm_program *p, uint32_t t, int64_t *align)
{
    return layout(p, t, align, 0);
}

int64_t vm_field_offset(const vm_program *p, uint32_t t, uint32_t i,
                        int64_t *size)
{
    const vm_type *u = prog_type(p, prog_type(p, t)->under
                                        ? prog_type(p, t)->under
                                        : t);
    int64_t off = 0;
    *size = 0;
    for (uint32_t j = 0; j < u->nfields && j <= i; j++) {
        int64_t a, sz = layout(p, u->fields[j].type, &a, 1);
        off = (off + a - 1) / a * a;
        if (j == i) {
            *size = sz;
            return off;
        }
        off += sz;
    }
    return off;
}
