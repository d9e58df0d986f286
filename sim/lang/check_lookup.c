/* check_lookup.c: the checker's questions between types (check_int.h), after
 * go/types' lookup.go and operand.go: method and field look-up with
 * embedding and promotion, interface satisfaction, assignability and
 * convertibility. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check_int.h"

/* Identical but for struct tags (Go spec, "Conversions"). */
static bool identical_no_tags(checker *k, uint32_t x, uint32_t y, int depth)
{
    const vm_type *a, *b;
    if (x == y)
        return true;
    if (!x || !y || depth > 32 || VM_KIND(x) != VM_KIND(y))
        return false;
    a = prog_type(k->prog, x);
    b = prog_type(k->prog, y);
    if (a->named || b->named)
        return false;
    switch (VM_KIND(x)) {
    case K_STRUCT:
        if (a->nfields != b->nfields)
            return false;
        for (uint32_t i = 0; i < a->nfields; i++)
            if (a->fields[i].name != b->fields[i].name ||
                a->fields[i].embedded != b->fields[i].embedded ||
                !identical_no_tags(k, a->fields[i].type, b->fields[i].type,
                                   depth + 1))
                return false;
        return true;
    case K_PTR:
    case K_SLICE:
        return identical_no_tags(k, a->elem, b->elem, depth + 1);
    case K_ARRAY:
        return a->len == b->len &&
               identical_no_tags(k, a->elem, b->elem, depth + 1);
    case K_MAP:
        return identical_no_tags(k, a->key, b->key, depth + 1) &&
               identical_no_tags(k, a->elem, b->elem, depth + 1);
    default:
        return false;
    }
}

/* ---- look-up ------------------------------------------------------------------ */

typedef struct emb {
    uint32_t t;
    uint8_t npath;
    uint16_t path[CK_MAX_PATH];
    bool indirect, multiple;
} emb;

static ck_method *named_method(checker *k, uint32_t t, uint32_t name)
{
    ck_named *nm;
    if (!t || !prog_type(k->prog, t)->named)
        return NULL;
    ck_collect_methods(k, t);
    nm = ck_named_of(k, t);
    for (size_t i = 0; i < nm->methods.len; i++)
        if (nm->methods.p[i].name == name)
            return &nm->methods.p[i];
    return NULL;
}

uint32_t ck_iface_method(checker *k, uint32_t it, uint32_t name)
{
    const vm_type *ty = prog_type(k->prog, ck_under(k, it));
    for (uint32_t i = 0; i < ty->nimethods; i++)
        if (ty->imethods[i] == name)
            return ty->imtypes && ty->imtypes[i] ? ty->imtypes[i] : T_FUNC;
    return 0;
}

ck_selkind ck_lookup(checker *k, uint32_t t, bool addressable, uint32_t name,
                     ck_selection *sel, bool *ambiguous, bool *need_ptr)
{
    VEC(emb) cur = {0}, next = {0};
    VEC(uint32_t) seen = {0};
    emb e;
    ck_selkind found = SEL_NONE;
    bool is_ptr = false;
    *ambiguous = false;
    *need_ptr = false;
    memset(sel, 0, sizeof *sel);
    if (!t)
        return SEL_NONE;
    if (ck_is_tparam(t)) {
        /* the methods of its constraint */
        uint32_t mt = ck_iface_method(k, prog_type(k->prog, t)->elem, name);
        if (!mt)
            return SEL_NONE;
        sel->kind = SEL_IFACE_METHOD;
        sel->type = mt;
        sel->name = name;
        return SEL_IFACE_METHOD;
    }
    if (VM_KIND(t) == K_PTR && prog_type(k->prog, t)->named &&
        ck_under(k, t) != t) {
        /* a named pointer type: its fields, through the pointer, but no
         * methods (go.dev/issue/8590) */
        ck_selkind r = ck_lookup(k, ck_under(k, t), false, name, sel,
                                 ambiguous, need_ptr);
        if (r != SEL_FIELD) {
            *need_ptr = false;
            sel->kind = SEL_NONE;
            return SEL_NONE;
        }
        return r;
    }
    if (VM_KIND(t) == K_PTR && !prog_type(k->prog, t)->named) {
        t = prog_type(k->prog, t)->elem;
        is_ptr = true;
        if (ck_is_interface(k, t))
            return SEL_NONE; /* *I has no methods */
    }
    memset(&e, 0, sizeof e);
    e.t = t;
    e.indirect = is_ptr;
    VEC_PUSH(cur, e);
    while (cur.len && found == SEL_NONE) {
        next.len = 0;
        for (size_t ci = 0; ci < cur.len; ci++) {
            emb c = cur.p[ci];
            const vm_type *u;
            ck_method *m;
            bool dup = false;
            if (prog_type(k->prog, c.t)->named) {
                for (size_t j = 0; j < seen.len; j++)
                    if (seen.p[j] == c.t)
                        dup = true;
                if (dup)
                    continue;
                VEC_PUSH(seen, c.t);
            }
            m = named_method(k, c.t, name);
            if (m) {
                if (found != SEL_NONE || c.multiple) {
                    *ambiguous = true;
                    found = SEL_NONE;
                    goto done;
                }
                found = SEL_METHOD;
                sel->type = m->sig;
                sel->ptr_recv = m->ptr_recv;
                sel->decl = m->decl;
                sel->npath = c.npath;
                memcpy(sel->path, c.path, sizeof sel->path);
                sel->indirect = c.indirect;
                continue;
            }
            u = prog_type(k->prog, ck_under(k, c.t));
            if (VM_KIND(u->id) == K_STRUCT) {
                for (uint32_t i = 0; i < u->nfields; i++) {
                    const vm_field *f = &u->fields[i];
                    if (f->name == name) {
                        if (found != SEL_NONE || c.multiple) {
                            *ambiguous = true;
                            found = SEL_NONE;
                            goto done;
                        }
                        found = SEL_FIELD;
                        sel->type = f->type;
                        sel->npath = c.npath;
                        memcpy(sel->path, c.path, sizeof sel->path);
                        if (sel->npath < CK_MAX_PATH)
                            sel->path[sel->npath++] = (uint16_t)i;
                        sel->indirect = c.indirect;
                        continue;
                    }
                    if (found == SEL_NONE && f->embedded && f->type &&
                        c.npath + 1 < CK_MAX_PATH) {
                        emb ne = c;
                        uint32_t ft = f->type;
                        ne.multiple = c.multiple;
                        if (VM_KIND(ft) == K_PTR &&
                            !prog_type(k->prog, ft)->named) {
                            ft = prog_type(k->prog, ft)->elem;
                            ne.indirect = true;
                        }
                        ne.t = ft;
                        ne.path[ne.npath++] = (uint16_t)i;
                        VEC_PUSH(next, ne);
                    }
                }
            } else if (VM_KIND(u->id) == K_IFACE) {
                uint32_t mt = ck_iface_method(k, c.t, name);
                if (mt) {
                    if (found != SEL_NONE || c.multiple) {
                        *ambiguous = true;
                        found = SEL_NONE;
                        goto done;
                    }
                    found = SEL_IFACE_METHOD;
                    sel->type = mt;
                    sel->npath = c.npath;
                    memcpy(sel->path, c.path, sizeof sel->path);
                    sel->indirect = c.indirect;
                }
            }
        }
        if (found != SEL_NONE)
            break;
        /* consolidate: the same type twice at one depth is ambiguous */
        cur.len = 0;
        for (size_t i = 0; i < next.len; i++) {
            bool merged = false;
            for (size_t j = 0; j < cur.len; j++)
                if (cur.p[j].t == next.p[i].t) {
                    cur.p[j].multiple = true;
                    merged = true;
                    break;
                }
            if (!merged)
                VEC_PUSH(cur, next.p[i]);
        }
    }
    if (found == SEL_METHOD && sel->ptr_recv && !sel->indirect &&
        !addressable) {
        *need_ptr = true;
        found = SEL_NONE;
    }
done:
    sel->kind = found;
    sel->name = name;
    VEC_FREE(cur);
    VEC_FREE(next);
    VEC_FREE(seen);
    return found;
}

/* ---- interfaces ---------------------------------------------------------------- */

/* A method signature as types2 prints it in have/want lines: M(int) string */
static void method_str(checker *k, buf *b, uint32_t name, uint32_t sig)
{
    buf_puts(b, ck_name_str(k, name));
    if (sig && VM_KIND(sig) == K_FUNC)
        ck_sig_str(k, b, prog_type(k->prog, sig), 0, 0);
    else
        buf_puts(b, "()");
}

bool ck_implements(checker *k, uint32_t t, uint32_t it, char *why,
                   size_t nwhy)
{
    const vm_type *iface;
    if (!t || !it)
        return true;
    iface = prog_type(k->prog, ck_under(k, it));
    if (why && nwhy)
        why[0] = 0;
    if (ck_is_interface(k, t) || ck_is_tparam(t)) {
        /* every method of it must be in t's method set */
        uint32_t ts = ck_is_tparam(t) ? prog_type(k->prog, t)->elem : t;
        for (uint32_t i = 0; i < iface->nimethods; i++) {
            uint32_t have = ck_iface_method(k, ts, iface->imethods[i]);
            uint32_t want = iface->imtypes ? iface->imtypes[i] : 0;
            if (!have) {
                if (why)
                    snprintf(why, nwhy, "%s does not implement %s (missing "
                                        "method %s)",
                             ck_tstr(k, t), ck_tstr(k, it),
                             ck_name_str(k, iface->imethods[i]));
                return false;
            }
            if (want && have != T_FUNC && have != want) {
                if (why) {
                    buf h, w;
                    buf_init(&h);
                    buf_init(&w);
                    method_str(k, &h, iface->imethods[i], have);
                    method_str(k, &w, iface->imethods[i], want);
                    snprintf(why, nwhy,
                             "%s does not implement %s (wrong type for method "
                             "%s)\n\t\thave %s\n\t\twant %s",
                             ck_tstr(k, t), ck_tstr(k, it),
                             ck_name_str(k, iface->imethods[i]), h.p, w.p);
                    buf_fini(&h);
                    buf_fini(&w);
                }
                return false;
            }
        }
        return true;
    }
    for (uint32_t i = 0; i < iface->nimethods; i++) {
        ck_selection sel;
        bool amb, need_ptr;
        uint32_t want = iface->imtypes ? iface->imtypes[i] : 0;
        ck_selkind sk = ck_lookup(k, t, false, iface->imethods[i], &sel, &amb,
                                  &need_ptr);
        /* the look-up may make types (a method set checked on first
         * use): the table may have moved */
        iface = prog_type(k->prog, ck_under(k, it));
        if (sk == SEL_METHOD || sk == SEL_IFACE_METHOD) {
            if (want && sel.type && sel.type != T_FUNC && sel.type != want) {
                if (why) {
                    buf h, w;
                    buf_init(&h);
                    buf_init(&w);
                    method_str(k, &h, iface->imethods[i], sel.type);
                    method_str(k, &w, iface->imethods[i], want);
                    snprintf(why, nwhy,
                             "%s does not implement %s (wrong type for method "
                             "%s)\n\t\thave %s\n\t\twant %s",
                             ck_tstr(k, t), ck_tstr(k, it),
                             ck_name_str(k, iface->imethods[i]), h.p, w.p);
                    buf_fini(&h);
                    buf_fini(&w);
                }
                return false;
            }
            continue;
        }
        if (why) {
            if (need_ptr)
                snprintf(why, nwhy, "%s does not implement %s (method %s has "
                                    "pointer receiver)",
                         ck_tstr(k, t), ck_tstr(k, it),
                         ck_name_str(k, iface->imethods[i]));
            else if (sk == SEL_FIELD)
                snprintf(why, nwhy, "%s does not implement %s (missing method "
                                    "%s)",
                         ck_tstr(k, t), ck_tstr(k, it),
                         ck_name_str(k, iface->imethods[i]));
            else
                snprintf(why, nwhy, "%s does not implement %s (missing method "
                                    "%s)",
                         ck_tstr(k, t), ck_tstr(k, it),
                         ck_name_str(k, iface->imethods[i]));
        }
        return false;
    }
    return true;
}

/* ---- assignability and conversions ----------------------------------------------- */

bool ck_assignable(checker *k, operand *x, uint32_t t, char *why, size_t nwhy)
{
    uint32_t v = x->type, vu, tu;
    if (why && nwhy)
        why[0] = 0;
    if (x->mode == CK_INVALID || !t || !v)
        return true; /* invalid or dynamic: no follow-up errors */
    if (v == t)
        return true;
    vu = ck_under(k, v);
    tu = ck_under(k, t);
    if (ck_is_tparam(t) && ck_is_untyped(v)) {
        /* representable by every type in t's type set */
        const vm_type *b = prog_type(k->prog, ck_under(k,
                                                       prog_type(k->prog, t)
                                                           ->elem));
        if (!b->has_terms || !b->nterms)
            return false;
        for (uint32_t i = 0; i < b->nterms; i++) {
            operand y = *x;
            if (!ck_assignable(k, &y, b->terms[i], NULL, 0))
                return false;
        }
        return true;
    }
    if (ck_is_untyped(v)) {
        if (v == T_UNIL)
            return ck_has_nil(k, t);
        if (VM_KIND(tu) == K_IFACE)
            return prog_type(k->prog, tu)->nimethods == 0 ||
                   ck_implements(k, ck_default(v), t, NULL, 0);
        if (x->mode == CK_CONST)
            return ck_representable(k, x, t, false);
        if (v == T_UBOOL)
            return ck_is_boolean(k, t);
        return ck_is_numeric(k, t);
    }
    /* identical underlying types and one of them unnamed */
    if (vu == tu && (!ck_is_named(k, v) || !ck_is_named(k, t)) &&
        !ck_is_tparam(v) && !ck_is_tparam(t))
        return true;
    if (ck_is_tparam(v) && VM_KIND(tu) == K_IFACE &&
        !prog_type(k->prog, tu)->has_terms)
        return ck_implements(k, v, t, why, nwhy);
    if (ck_is_tparam(t) || ck_is_tparam(v)) {
        /* unnamed into every term, or every term into unnamed */
        uint32_t tp = ck_is_tparam(t) ? t : v;
        uint32_t other = tp == t ? v : t;
        const vm_type *b = prog_type(k->prog, ck_under(k,
                                                       prog_type(k->prog, tp)
                                                           ->elem));
        if ((ck_is_tparam(t) && ck_is_tparam(v)) || ck_is_named(k, other) ||
            !b->has_terms || !b->nterms)
            return false;
        for (uint32_t i = 0; i < b->nterms; i++) {
            operand y = *x;
            if (tp == t) {
                if (!ck_assignable(k, &y, b->terms[i], NULL, 0))
                    return false;
            } else {
                y.type = b->terms[i];
                if (!ck_assignable(k, &y, t, NULL, 0))
                    return false;
            }
        }
        return true;
    }
    if (VM_KIND(tu) == K_IFACE) {
        if (ck_implements(k, v, t, why, nwhy))
            return true;
        return false;
    }
    if (VM_KIND(vu) == K_IFACE) {
        if (ck_implements(k, t, v, NULL, 0) && why)
            snprintf(why, nwhy, "need type assertion");
        return false;
    }
    /* a bidirectional channel into a channel type of the same element */
    if (VM_KIND(vu) == K_CHAN && VM_KIND(tu) == K_CHAN &&
        prog_type(k->prog, vu)->dir == 0 &&
        prog_type(k->prog, vu)->elem == prog_type(k->prog, tu)->elem)
        return !ck_is_named(k, v) || !ck_is_named(k, t);
    return false;
}

bool ck_convertible(checker *k, operand *x, uint32_t t)
{
    uint32_t v = x->type, vu, tu;
    vm_kind vk, tk;
    if (!v || !t)
        return true;
    if (ck_assignable(k, x, t, NULL, 0))
        return true;
    if (ck_is_tparam(v) || ck_is_tparam(t)) {
        /* every pair of terms converts */
        uint32_t tp = ck_is_tparam(v) ? v : t;
        const vm_type *b = prog_type(k->prog, ck_under(k,
                                                       prog_type(k->prog, tp)
                                                           ->elem));
        if (!b->has_terms || !b->nterms)
            return false;
        for (uint32_t i = 0; i < b->nterms; i++) {
            operand y = *x;
            if (tp == v) {
                y.type = b->terms[i];
                if (!ck_convertible(k, &y, t))
                    return false;
            } else if (!ck_convertible(k, &y, b->terms[i])) {
                return false;
            }
        }
        return true;
    }
    vu = ck_under(k, v);
    tu = ck_under(k, t);
    if (ck_is_untyped(v)) /* as its default type would */
        vu = ck_under(k, ck_default(v));
    /* identical underlying types (struct tags ignored) */
    if (vu == tu || identical_no_tags(k, vu, tu, 0))
        return true;
    /* unnamed pointer types with identical base underlying types */
    if (VM_KIND(v) == K_PTR && VM_KIND(t) == K_PTR &&
        !prog_type(k->prog, v)->named && !prog_type(k->prog, t)->named &&
        identical_no_tags(k, ck_under(k, prog_type(k->prog, v)->elem),
                          ck_under(k, prog_type(k->prog, t)->elem), 0))
        return true;
    if (ck_is_complex(k, vu) && ck_is_complex(k, tu))
        return true;
    vk = VM_KIND(vu);
    tk = VM_KIND(tu);
    if ((kind_is_int(vk) || kind_is_float(vk)) &&
        (kind_is_int(tk) || kind_is_float(tk)))
        return true;
    /* string conversions */
    if (tk == K_STRING) {
        if (kind_is_int(vk))
            return true;
        if (vk == K_SLICE) {
            vm_kind ek = VM_KIND(ck_under(k, prog_type(k->prog, vu)->elem));
            return ek == K_UINT8 || ek == K_INT32;
        }
    }
    if (vk == K_STRING && tk == K_SLICE) {
        vm_kind ek = VM_KIND(ck_under(k, prog_type(k->prog, tu)->elem));
        return ek == K_UINT8 || ek == K_INT32;
    }
    /* slice to array or array pointer (Go 1.17, 1.20) */
    if (vk == K_SLICE) {
        uint32_t se = prog_type(k->prog, vu)->elem;
        if (tk == K_ARRAY && prog_type(k->prog, tu)->elem == se)
            return true;
        if (tk == K_PTR) {
            uint32_t a = ck_under(k, prog_type(k->prog, tu)->elem);
            if (VM_KIND(a) == K_ARRAY && prog_type(k->prog, a)->elem == se)
                return true;
        }
    }
    /* unsafe.Pointer and uintptr */
    if ((v == T_UPTR && (tk == K_UINTPTR || tk == K_PTR)) ||
        (t == T_UPTR && (vk == K_UINTPTR || vk == K_PTR)))
        return true;
    return false;
}
