/* check_later.c: what types2 checks once the declarations are done
 * (its check.later): a map key's comparability and an embedded field's
 * type, which may name a type still being declared (type S struct { m
 * map[S]bool }), and a channel's element's size (check_size.c). A check whose types are complete runs at
 * once; another waits in k->later for ck_later_run, after the
 * package-level declarations and after each function body. */
#include <string.h>

#include "sim/lang/check_int.h"

/* Does t depend on a named type still being declared (its underlying
 * type not set yet: type S struct { m map[S]bool })? */
bool ck_type_pending(checker *k, uint32_t t, int depth)
{
    const vm_type *ty;
    res_sym *s;
    if (!t || depth > 64 || ck_is_tparam(t))
        return false;
    ty = prog_type(k->prog, t);
    if (ty->named) {
        s = ck_named_of(k, ty->origin ? ty->origin : t)->sym;
        if (s && ck_obj_get(k, s)->state == 1)
            return true;
    }
    ty = prog_type(k->prog, ck_under(k, t));
    switch (VM_KIND(ty->id)) {
    case K_ARRAY:
        return ck_type_pending(k, ty->elem, depth + 1);
    case K_STRUCT:
        for (uint32_t i = 0; i < ty->nfields; i++)
            if (ck_type_pending(k, ty->fields[i].type, depth + 1))
                return true;
        return false;
    default:
        return false;
    }
}

static void map_key_check(checker *k, ast_node *n, uint32_t t)
{
    if (ck_is_tparam(t)) {
        if (!ck_tparam_comparable(k, t))
            ck_errorf(k, n, "invalid map key type %s (missing comparable "
                            "constraint)",
                      ck_tstr(k, t));
    } else if (!ck_comparable(k, t)) {
        ck_errorf(k, n, "invalid map key type %s", ck_tstr(k, t));
    }
}

/* An embedded field of type t or *t (ptr) at n: types2's rules (Go spec,
 * "Struct types": T itself may not be a pointer type). */
static void embed_check(checker *k, ast_node *n, uint32_t t, bool ptr)
{
    uint32_t u;
    if (!t)
        return;
    if (ck_is_tparam(t)) {
        ck_errorf(k, n, "embedded field type cannot be a (pointer to a) "
                        "type parameter");
        return;
    }
    u = ck_under(k, t);
    if (u == T_UPTR)
        ck_errorf(k, n, "embedded field type cannot be unsafe.Pointer");
    else if (VM_KIND(u) == K_PTR)
        ck_errorf(k, n, "embedded field type cannot be a pointer");
    else if (VM_KIND(u) == K_IFACE && ptr)
        ck_errorf(k, n, "embedded field type cannot be a pointer to an "
                        "interface");
}

/* Check now, or at the end of the declarations when t is incomplete. */
void ck_delay(checker *k, ck_later_kind kind, ast_node *n, uint32_t t,
              bool ptr)
{
    ck_later l;
    if (!ck_type_pending(k, t, 0) && !(kind == CK_LATER_KEY && ck_is_tparam(t))) {
        if (kind == CK_LATER_KEY)
            map_key_check(k, n, t);
        else if (kind == CK_LATER_CHAN)
            ck_chan_elem_size(k, n, t);
        else
            embed_check(k, n, t, ptr);
        return;
    }
    l.node = n;
    l.type = t;
    l.kind = (uint8_t)kind;
    l.ptr = ptr;
    VEC_PUSH(k->later, l);
}

void ck_later_run(checker *k)
{
    /* a check may queue another (it may make types): by index */
    for (size_t i = 0; i < k->later.len && !k->failed; i++) {
        ck_later l = k->later.p[i];
        if (l.kind == CK_LATER_KEY)
            map_key_check(k, l.node, l.type);
        else if (l.kind == CK_LATER_CHAN)
            ck_chan_elem_size(k, l.node, l.type);
        else
            embed_check(k, l.node, l.type, l.ptr);
    }
    k->later.len = 0;
}
