/* compile_test.c: a test program's entry, as go test's generated
 * testmain: the tests TestXxx(t *testing.T) and the Examples with an
 * output comment of the roots' _test.go files, each run alone by the
 * execution that __test_index() names, through the package's TestMain
 * when it has one. */
#include <stdlib.h>
#include <string.h>

#include "sim/lang/compile_int.h"
#include "sim/lang/lib.h"

/* Is name a test's (prefix "Test") or an Example's ("Example") name, as
 * go test decides: the prefix, then nothing or a character that is not a
 * lower-case letter? */
static bool is_test_name(const char *name, const char *prefix)
{
    size_t k = strlen(prefix);
    return !strncmp(name, prefix, k) && !(name[k] >= 'a' && name[k] <= 'z');
}

/* Does func decl d take something other than one *T (TestMain(m
 * *testing.M) is not a test)? */
static bool takes_other_than_t(const ast_node *d)
{
    ast_list ps = d->u.func_decl.type->u.func_type.params;
    const ast_node *t;
    if (ps.n != 1 || ps.v[0]->u.field.names.n > 1)
        return true;
    t = ps.v[0]->u.field.type;
    if (!t || t->kind != AST_STAR)
        return true;
    t = t->u.star.x;
    if (t->kind == AST_SELECTOR)
        t = t->u.selector.sel;
    return t->kind != AST_IDENT || strcmp(t->u.ident.name, "T");
}

/* Is func decl d the package's TestMain(m *testing.M)? */
static bool is_test_main(const ast_node *d)
{
    ast_list ps = d->u.func_decl.type->u.func_type.params;
    const ast_node *t;
    if (strcmp(d->u.func_decl.name->u.ident.name, "TestMain") ||
        d->u.func_decl.type->u.func_type.results.n || ps.n != 1 ||
        ps.v[0]->u.field.names.n > 1)
        return false;
    t = ps.v[0]->u.field.type;
    if (!t || t->kind != AST_STAR)
        return false;
    t = t->u.star.x;
    if (t->kind == AST_SELECTOR)
        t = t->u.selector.sel;
    return t->kind == AST_IDENT && !strcmp(t->u.ident.name, "M");
}

/* One entry: a test, or an Example with its expected output. */
typedef struct centry {
    const char *name;
    res_pkg *owner;
    char *want; /* an Example's (malloc'd); NULL for a test */
    bool unordered;
} centry;
typedef VEC(centry) centries;

/* Is func decl d (ExampleXxx) an Example go test runs: no parameters, no
 * results (go/doc's Examples; go test would not build one with results),
 * and an output comment, its text into e? */
static bool runnable_example(compiler *C, const ast_node *d, centry *e)
{
    const ast_node *ft = d->u.func_decl.type, *b = d->u.func_decl.body;
    const ast_file *f = res_node_file(C->R, d);
    if (ft->u.func_type.params.n || ft->u.func_type.results.n ||
        ft->u.func_type.tparams.n || !f)
        return false;
    return lex_example_output(f->comments, f->ncomments, b->line, b->col,
                              b->u.block.rbrace_line, b->u.block.rbrace_col,
                              &e->want, &e->unordered);
}

/* The entries, as go test lists them: the tests of the package's own
 * test files, then of its external test package's, each in file and
 * source order, then their Examples in the same order; *tm gets the
 * TestMain, if any. */
static void collect(compiler *C, res_sym **tm, centries *out)
{
    resolver *R = C->R;
    centries examples = {NULL, 0, 0};
    for (size_t i = 0; i < res_npkgs(R); i++) {
        res_pkg *pk = res_pkg_at(R, i);
        if (!pk->root)
            continue;
        for (size_t k = 0; k < pk->file->decls.n; k++) {
            ast_node *d = pk->file->decls.v[k];
            const char *nm;
            centry e = {NULL, pk, NULL, false};
            if (d->kind != AST_FUNC_DECL || d->u.func_decl.recv ||
                !d->u.func_decl.body ||
                !res_is_test_file(res_node_file(R, d)))
                continue;
            nm = e.name = d->u.func_decl.name->u.ident.name;
            if (is_test_main(d) && !*tm)
                *tm = res_pkg_sym(R, pk, nm);
            if (is_test_name(nm, "Test") && !takes_other_than_t(d))
                VEC_PUSH(*out, e);
            else if (is_test_name(nm, "Example") &&
                     runnable_example(C, d, &e))
                VEC_PUSH(examples, e);
        }
    }
    for (size_t k = 0; k < examples.len; k++)
        VEC_PUSH(*out, examples.p[k]);
    VEC_FREE(examples);
}

/* The runner of the testing package for entry e: __main(name, f) for a
 * test, __example(name, f, want, unordered) for an Example, their _m
 * forms (TestMain's last) with a TestMain. */
static const char *runner_name(const centry *e, bool tm)
{
    if (e->want)
        return tm ? "__example_m" : "__example";
    return tm ? "__main_m" : "__main";
}

/* For each entry k: `if __test_index() == k { testing.RUNNER("Name",
 * Name, ...) }` (runner_name). */
void ctest_entry(compiler *C, fstate *fs)
{
    vm_program *p = C->prog;
    resolver *R = C->R;
    res_pkg *tp = NULL;
    res_sym *tm = NULL;
    vm_proto *ip, *tmp = NULL;
    int ti;
    centries es = {NULL, 0, 0};
    for (size_t i = 0; i < res_npkgs(R); i++)
        if (!strcmp(res_pkg_at(R, i)->path, "testing"))
            tp = res_pkg_at(R, i);
    if (tp)
        collect(C, &tm, &es);
    p->ntests = (uint32_t)es.len;
    p->tests = arena_alloc(&p->mem, (es.len + 1) * sizeof(char *));
    for (size_t k = 0; k < es.len; k++)
        p->tests[k] = arena_strdup(&p->mem, es.p[k].name);
    if (!es.len || (tm && tm->kind != RS_FUNC))
        goto done;
    if (tm)
        tmp = cfunc_proto(C, tm);
    ip = cnative_proto(C, LIB_N_test_index);
    fs->freereg = fs->nactive;
    ti = newreg(fs, 1);
    emit(fs, VM_OP_LOADK, 0, ti, kindex(fs, vm_ref(ip->type, ip->static_fn)),
         0);
    emit(fs, VM_OP_CALL, 0, ti, 0, 1);
    for (size_t k = 0; k < es.len && !C->failed; k++) {
        const centry *e = &es.p[k];
        res_sym *m = res_pkg_sym(R, e->owner, e->name);
        res_sym *run = res_pkg_sym(R, tp, runner_name(e, tmp != NULL));
        vm_proto *mp, *rp;
        int c, jf, r, na = e->want ? 4 : 2;
        if (!m || m->kind != RS_FUNC || !run || run->kind != RS_FUNC)
            continue;
        mp = cfunc_proto(C, m);
        rp = cfunc_proto(C, run);
        fs_at(fs, m->spec);
        fs->freereg = ti + 1;
        c = newreg(fs, 1);
        emit(fs, VM_OP_EQ, 0, c, ti,
             (int)(RK_CONST | (unsigned)kindex(fs, vm_int(T_INT, (int64_t)k))));
        jf = emit_jmp(fs, VM_OP_JF, c);
        r = newreg(fs, 1 + na + (tmp ? 1 : 0));
        emit(fs, VM_OP_LOADK, 0, r, kindex(fs, vm_ref(rp->type, rp->static_fn)),
             0);
        emit(fs, VM_OP_LOADK, 0, r + 1, kstr(fs, e->name), 0);
        emit(fs, VM_OP_LOADK, 0, r + 2,
             kindex(fs, vm_ref(mp->type, mp->static_fn)), 0);
        if (e->want) {
            emit(fs, VM_OP_LOADK, 0, r + 3, kstr(fs, e->want), 0);
            emit(fs, VM_OP_LOADK, 0, r + 4,
                 kindex(fs, vm_bool(e->unordered)), 0);
        }
        if (tmp)
            emit(fs, VM_OP_LOADK, 0, r + 1 + na,
                 kindex(fs, vm_ref(tmp->type, tmp->static_fn)), 0);
        emit(fs, VM_OP_CALL, 0, r, na + (tmp ? 1 : 0), 0);
        patch_here(fs, jf);
    }
    fs->freereg = fs->nactive;
done:
    for (size_t k = 0; k < es.len; k++)
        free(es.p[k].want);
    VEC_FREE(es);
}
