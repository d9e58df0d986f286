/* compile_pkg.c: the compiler's entry points (vm.h) for a file, a file
 * held in memory and a package the loader read (load.h), and where a
 * program's imports come from, in go's order: weft's library for the
 * standard packages (lib.h), then the module's own packages and its
 * vendor/ directory (load.h); anything else is refused with the reason. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/compile_int.h"
#include "sim/lang/lib.h"
#include "sim/lang/load.h"

typedef struct importer {
    loader *l;
    const load_module *mod; /* NULL: no go.mod above the program */
    VEC(char *) names;      /* paths handed to the resolver */
} importer;

static wf_status find_package(void *ctx, const char *path, res_sources *out,
                              bool *library, char *why, size_t n)
{
    importer *im = ctx;
    const lib_file *lf[64];
    size_t k = lib_files(path, lf, 64);
    const char *dir, *refusal;
    char because[600];
    load_dir *ld;
    load_files files = {NULL, 0, 0};
    wf_diag d;
    if (k) {
        for (size_t i = 0; i < k && i < 64; i++) {
            res_source s;
            buf b;
            buf_init(&b);
            buf_printf(&b, "<weft>/%s/%s", lf[i]->pkg, lf[i]->name);
            VEC_PUSH(im->names, b.p);
            s.path = b.p;
            s.text = (const unsigned char *)lf[i]->src;
            s.len = strlen(lf[i]->src);
            VEC_PUSH(*out, s);
        }
        *library = true;
        return WF_OK;
    }
    refusal = lib_refusal(path);
    if (refusal) {
        snprintf(why, n, "unsupported: import \"%s\": %s", path, refusal);
        return WF_ERR_INPUT;
    }
    dir = load_import_dir(im->l, im->mod, path, because, sizeof because);
    if (!dir) {
        char all[800]; /* the library's packages: ~600 characters now */
        lib_summary(all, sizeof all);
        if (*because)
            snprintf(why, n, "%s", because);
        else
            snprintf(why, n,
                     "unsupported: import \"%s\" (weft's library has %s)", path,
                     all);
        return WF_ERR_INPUT;
    }
    if (load_read_dir(im->l, dir, &ld, &d) != WF_OK) {
        if (d.line)
            snprintf(why, n, "%s:%d: %s", d.file, d.line, d.msg);
        else
            snprintf(why, n, "cannot find package \"%s\" in %s", path, dir);
        return WF_ERR_INPUT;
    }
    if (load_package_files(ld, &files, &d) != WF_OK) {
        VEC_FREE(files);
        snprintf(why, n, "package %s: %s", path, d.msg);
        return WF_ERR_INPUT;
    }
    for (size_t i = 0; i < files.len; i++) {
        res_source s;
        s.path = files.p[i]->path;
        s.text = files.p[i]->text;
        s.len = files.p[i]->len;
        VEC_PUSH(*out, s);
    }
    VEC_FREE(files);
    *library = false;
    return WF_OK;
}

/* Compile roots with imports found from module mod through loader l. */
static wf_status compile_with(loader *l, const load_module *mod,
                              const char *path, const cpkg_root *roots,
                              size_t nroots, const vm_options *o,
                              vm_program **out, wf_diag *d)
{
    importer im;
    res_library lib;
    wf_status st;
    memset(&im, 0, sizeof im);
    im.l = l;
    im.mod = mod;
    lib.package = find_package;
    lib.ctx = &im;
    lib.native = lib_native_find;
    st = ccompile_roots(path, roots, nroots, &lib, mod ? mod->go : NULL, o, out,
                        d);
    for (size_t i = 0; i < im.names.len; i++)
        free(im.names.p[i]);
    VEC_FREE(im.names);
    return st;
}

wf_status vm_compile(const char *path, const unsigned char *src, size_t len,
                     const vm_options *o, vm_program **out, wf_diag *d)
{
    loader *l = load_new();
    char *dir = wf_xstrdup(path);
    char *slash = strrchr(dir, '/');
    res_source file;
    cpkg_root root;
    wf_status st;
    if (slash) *slash = 0;
    file.path = path;
    file.text = src;
    file.len = len;
    root.path = "main";
    root.files = &file;
    root.n = 1;
    st = compile_with(l, load_module_of(l, slash ? (*dir ? dir : "/") : "."),
                      path, &root, 1, o, out, d);
    free(dir);
    load_free(l);
    return st;
}

wf_status vm_compile_file(const char *path, const vm_options *o,
                          vm_program **out, wf_diag *d)
{
    FILE *fp = fopen(path, "rb");
    buf b;
    char tmp[65536];
    size_t n;
    wf_status st;
    *out = NULL;
    if (!fp)
        return diag_set(d, path, 0, 0, "cannot open the file: %s",
                        strerror(errno));
    buf_init(&b);
    while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0)
        buf_append(&b, tmp, n);
    fclose(fp);
    st = vm_compile(path, (const unsigned char *)(b.p ? b.p : ""), b.len, o,
                    out, d);
    buf_fini(&b);
    return st;
}

wf_status vm_compile_pkg(loader *l, const load_dir *ld, load_file *const *files,
                         size_t n, const vm_options *o, vm_program **out,
                         wf_diag *d)
{
    VEC(res_source) pkg = {NULL, 0, 0}, xt = {NULL, 0, 0};
    cpkg_root roots[2];
    size_t nroots = 0;
    buf path, xpath;
    wf_status st;
    *out = NULL;
    buf_init(&path);
    buf_init(&xpath);
    buf_puts(&path, *ld->import_path ? ld->import_path : ld->dir);
    buf_printf(&xpath, "%s_test", path.p);
    for (size_t i = 0; i < n; i++) {
        res_source s;
        s.path = files[i]->path;
        s.text = files[i]->text;
        s.len = files[i]->len;
        if (files[i]->xtest)
            VEC_PUSH(xt, s);
        else
            VEC_PUSH(pkg, s);
    }
    if (pkg.len) {
        roots[nroots].path = path.p;
        roots[nroots].files = pkg.p;
        roots[nroots++].n = pkg.len;
    }
    if (xt.len) {
        roots[nroots].path = xpath.p;
        roots[nroots].files = xt.p;
        roots[nroots++].n = xt.len;
    }
    if (!nroots)
        st = diag_set(d, ld->dir, 0, 0, "no Go files in %s", ld->dir);
    else
        st = compile_with(l, ld->mod, ld->dir, roots, nroots, o, out, d);
    VEC_FREE(pkg);
    VEC_FREE(xt);
    buf_fini(&path);
    buf_fini(&xpath);
    return st;
}
