/* load.c: see load.h. Build constraints follow go/build's rules (the
 * header is the run of comments and blank lines before the package
 * clause; a //go:build line anywhere in it wins; // +build lines count
 * only before the header's last blank line); the expression grammar is
 * go/build/constraint's: || below && below !, parentheses, tags of
 * letters, digits, '_' and '.'. */
#include "sim/lang/load.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILE_BYTES (64u << 20) /* a larger .go file is refused */

struct loader {
    VEC(load_dir *) dirs; /* read so far */
    VEC(char *) dir_keys; /* realpath of dirs.p[i] */
    VEC(load_module *) mods;
    VEC(char *) mod_keys; /* realpath of mods.p[i]->root */
    VEC(char *) strs;     /* strings handed out (load_import_dir) */
};

/* ---- paths ------------------------------------------------------------ */

char *load_clean(const char *path)
{
    /* Go's path.Clean, step for step: drop empty and "." elements,
     * let ".." remove the element before it, keep leading ".." of a
     * relative path, and drop ".." at the root of an absolute one. */
    size_t n = strlen(path), r = 0, w = 0, dotdot = 0;
    bool rooted = n && path[0] == '/';
    char *out = wf_xmalloc(n + 2);
    if (rooted) {
        out[w++] = '/';
        r = dotdot = 1;
    }
    while (r < n) {
        if (path[r] == '/') {
            r++;
        } else if (path[r] == '.' && (r + 1 == n || path[r + 1] == '/')) {
            r++;
        } else if (path[r] == '.' && path[r + 1] == '.' &&
                   (r + 2 == n || path[r + 2] == '/')) {
            r += 2;
            if (w > dotdot) {
                w--;
                while (w > dotdot && out[w] != '/')
                    w--;
            } else if (!rooted) {
                if (w > 0) out[w++] = '/';
                out[w++] = '.';
                out[w++] = '.';
                dotdot = w;
            }
        } else {
            if ((rooted && w != 1) || (!rooted && w != 0)) out[w++] = '/';
            while (r < n && path[r] != '/')
                out[w++] = path[r++];
        }
    }
    if (w == 0) out[w++] = '.';
    out[w] = 0;
    return out;
}

/* dir joined with name, cleaned; a heap string. */
static char *join(const char *dir, const char *name)
{
    buf b;
    char *c;
    buf_init(&b);
    buf_printf(&b, "%s/%s", dir, name);
    c = load_clean(b.p);
    buf_fini(&b);
    return c;
}

static bool ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The whole file at path (NUL-terminated), or NULL. */
static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    buf b;
    char chunk[8192];
    size_t n;
    if (!f) return NULL;
    buf_init(&b);
    buf_puts(&b, "");
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        buf_append(&b, chunk, n);
        if (b.len > MAX_FILE_BYTES) break;
    }
    if (ferror(f) || b.len > MAX_FILE_BYTES) {
        fclose(f);
        buf_fini(&b);
        return NULL;
    }
    fclose(f);
    *len = b.len;
    return (unsigned char *)b.p;
}

/* ---- build constraints -------------------------------------------------- */

static const char *const known_os[] = {
    "aix",     "android", "darwin",  "dragonfly", "freebsd", "hurd",
    "illumos", "ios",     "js",      "linux",     "nacl",    "netbsd",
    "openbsd", "plan9",   "solaris", "windows",   "zos"};
static const char *const known_arch[] = {
    "386",       "amd64",       "amd64p32", "arm",    "armbe",   "arm64",
    "arm64be",   "loong64",     "mips",     "mipsle", "mips64",  "mips64le",
    "mips64p32", "mips64p32le", "ppc",      "ppc64",  "ppc64le", "riscv",
    "riscv64",   "s390",        "s390x",    "sparc",  "sparc64", "wasm"};

static bool in_list(const char *const *l, size_t n, const char *s, size_t k)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(l[i]) == k && !strncmp(l[i], s, k)) return true;
    return false;
}

static const char *host_arch(void)
{
#if defined(__x86_64__)
    return "amd64";
#elif defined(__aarch64__)
    return "arm64";
#elif defined(__i386__)
    return "386";
#elif defined(__arm__)
    return "arm";
#elif defined(__riscv) && __riscv_xlen == 64
    return "riscv64";
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
    return "ppc64le";
#elif defined(__s390x__)
    return "s390x";
#else
    return "unknown";
#endif
}

/* Is tag t[0, n) satisfied on this host? */
static bool tag_ok(const char *t, size_t n)
{
    static const char *const on[] = {"linux", "unix", "gc"};
    const char *arch = host_arch();
    if (in_list(on, sizeof on / sizeof on[0], t, n)) return true;
    if (strlen(arch) == n && !strncmp(arch, t, n)) return true;
    if (n > 4 && !strncmp(t, "go1.", 4)) {
        int minor = 0;
        for (size_t i = 4; i < n; i++) {
            if (t[i] < '0' || t[i] > '9' || minor > 1000) return false;
            minor = minor * 10 + (t[i] - '0');
        }
        return minor >= 1 && minor <= LOAD_GO_MINOR && t[4] != '0';
    }
    return false;
}

bool load_name_ok(const char *name)
{
    const char *u = strchr(name, '_');
    const char *dot;
    const char *parts[64];
    size_t lens[64], np = 0, end;
    if (!u) return true;
    dot = strchr(u, '.');
    end = dot ? (size_t)(dot - u) : strlen(u);
    /* split u[0, end) at '_' (u starts with one) */
    for (size_t i = 0; i < end && np < 64;) {
        size_t k = 1;
        while (i + k < end && u[i + k] != '_')
            k++;
        parts[np] = u + i + 1;
        lens[np++] = k - 1;
        i += k;
    }
    if (np && lens[np - 1] == 4 && !strncmp(parts[np - 1], "test", 4)) np--;
    if (np >= 2 &&
        in_list(known_os, sizeof known_os / sizeof known_os[0], parts[np - 2],
                lens[np - 2]) &&
        in_list(known_arch, sizeof known_arch / sizeof known_arch[0],
                parts[np - 1], lens[np - 1]))
        return tag_ok(parts[np - 1], lens[np - 1]) &&
               tag_ok(parts[np - 2], lens[np - 2]);
    if (np >= 1 &&
        (in_list(known_os, sizeof known_os / sizeof known_os[0], parts[np - 1],
                 lens[np - 1]) ||
         in_list(known_arch, sizeof known_arch / sizeof known_arch[0],
                 parts[np - 1], lens[np - 1])))
        return tag_ok(parts[np - 1], lens[np - 1]);
    return true;
}

/* A //go:build expression: recursive descent, || < && < !. */
typedef struct bexpr {
    const char *p;
    char *why;
    size_t nwhy;
    bool bad;
    int depth;
} bexpr;

static bool is_tag_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '.';
}

static void bskip(bexpr *b)
{
    while (*b->p == ' ' || *b->p == '\t' || *b->p == '\r')
        b->p++;
}

static void bfail(bexpr *b, const char *what)
{
    if (!b->bad) snprintf(b->why, b->nwhy, "%s", what);
    b->bad = true;
}

static bool b_or(bexpr *b);

static bool b_not(bexpr *b)
{
    bskip(b);
    if (b->bad) return false;
    if (++b->depth > 100) {
        bfail(b, "expression too deeply nested");
        return false;
    }
    if (*b->p == '!') {
        bool v;
        b->p++;
        v = !b_not(b);
        b->depth--;
        return v;
    }
    if (*b->p == '(') {
        bool v;
        b->p++;
        v = b_or(b);
        bskip(b);
        if (*b->p != ')')
            bfail(b, "missing )");
        else
            b->p++;
        b->depth--;
        return v;
    }
    if (is_tag_char(*b->p)) {
        const char *t = b->p;
        while (is_tag_char(*b->p))
            b->p++;
        b->depth--;
        return tag_ok(t, (size_t)(b->p - t));
    }
    bfail(b, *b->p ? "unexpected token" : "unexpected end of expression");
    return false;
}

static bool b_and(bexpr *b)
{
    bool v = b_not(b);
    for (;;) {
        bskip(b);
        if (b->bad || b->p[0] != '&' || b->p[1] != '&') return v;
        b->p += 2;
        v = b_not(b) && v;
    }
}

static bool b_or(bexpr *b)
{
    bool v = b_and(b);
    for (;;) {
        bskip(b);
        if (b->bad || b->p[0] != '|' || b->p[1] != '|') return v;
        b->p += 2;
        v = b_and(b) || v;
    }
}

wf_status load_build_expr(const char *expr, bool *ok, char *why, size_t n)
{
    bexpr b;
    bool v;
    memset(&b, 0, sizeof b);
    b.p = expr;
    b.why = why;
    b.nwhy = n;
    v = b_or(&b);
    bskip(&b);
    if (!b.bad && *b.p) bfail(&b, "unexpected token");
    if (b.bad) return WF_ERR_INPUT;
    *ok = v;
    return WF_OK;
}

/* One "// +build" line's options (the text after "+build"): OR of
 * space-separated options, each an AND of comma-separated terms. */
static bool plus_build_ok(const char *s, size_t n)
{
    size_t i = 0;
    bool any = false;
    while (i < n) {
        bool all = true;
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= n) break;
        while (i < n && s[i] != ' ' && s[i] != '\t') {
            bool neg = false;
            size_t t;
            if (s[i] == '!') {
                neg = true;
                i++;
            }
            t = i;
            while (i < n && is_tag_char(s[i]))
                i++;
            if (i == t ||
                (i < n && s[i] != ',' && s[i] != ' ' && s[i] != '\t')) {
                all = false; /* malformed: go's parser rejects it */
                while (i < n && s[i] != ' ' && s[i] != '\t')
                    i++;
                break;
            }
            if (tag_ok(s + t, i - t) == neg) all = false;
            if (i < n && s[i] == ',') i++;
        }
        any |= all;
    }
    return any;
}

/* The header of src: every "//" comment line before the package clause
 * (line number, text after "//", whether it precedes the header's last
 * blank line), then the package name. */
typedef struct header_line {
    int line;
    const char *s;
    size_t n;
    bool in_trimmed;
} header_line;

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Scan src's header into lines (at most max) and its package name into
 * pkg[0, npkg) ("" if there is no readable package clause). */
static size_t scan_header(const unsigned char *src, size_t len,
                          header_line *lines, size_t max, char *pkg,
                          size_t npkg)
{
    const char *s = (const char *)src;
    size_t i = 0, nl = 0, first_trim_out = 0;
    int line = 1;
    bool ended = false, in_star = false;
    pkg[0] = 0;
    while (i < len) {
        size_t b = i, e, j;
        while (i < len && s[i] != '\n')
            i++;
        e = i;
        if (i < len) i++; /* the newline */
        while (b < e && is_space(s[b]))
            b++;
        while (e > b && is_space(s[e - 1]))
            e--;
        if (b == e && !ended) {
            first_trim_out = nl; /* lines before this blank are trimmed */
            line++;
            continue;
        }
        if (e - b < 2 || s[b] != '/' || s[b + 1] != '/') ended = true;
        j = b;
        for (;;) {
            if (j >= e) break;
            if (in_star) {
                const char *close = NULL;
                for (size_t k = j; k + 1 < e; k++)
                    if (s[k] == '*' && s[k + 1] == '/') {
                        close = s + k;
                        break;
                    }
                if (!close) {
                    j = e;
                    break;
                }
                in_star = false;
                j = (size_t)(close - s) + 2;
                while (j < e && is_space(s[j]))
                    j++;
                continue;
            }
            if (e - j >= 2 && s[j] == '/' && s[j + 1] == '/') {
                if (j == b && nl < max) {
                    lines[nl].line = line;
                    lines[nl].s = s + j + 2;
                    lines[nl].n = e - j - 2;
                    lines[nl].in_trimmed = false;
                    nl++;
                }
                j = e;
                break;
            }
            if (e - j >= 2 && s[j] == '/' && s[j + 1] == '*') {
                in_star = true;
                j += 2;
                continue;
            }
            /* non-comment text: the package clause, if well formed */
            if (e - j > 8 && !strncmp(s + j, "package", 7) &&
                is_space(s[j + 7])) {
                size_t k = j + 7, w = 0;
                while (k < e && is_space(s[k]))
                    k++;
                while (k < e && is_tag_char(s[k]) && s[k] != '.' &&
                       w + 1 < npkg)
                    pkg[w++] = s[k++];
                pkg[w] = 0;
            }
            for (size_t k = 0; k < first_trim_out; k++)
                lines[k].in_trimmed = true;
            return nl;
        }
        line++;
    }
    for (size_t k = 0; k < first_trim_out; k++)
        lines[k].in_trimmed = true;
    return nl;
}

static bool starts_word(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && !strncmp(s, w, k) &&
           (n == k || s[k] == ' ' || s[k] == '\t');
}

static wf_status header_judge(const char *path, const header_line *lines,
                              size_t nl, bool *ok, wf_diag *d)
{
    const header_line *gb = NULL;
    bool v = true;
    for (size_t i = 0; i < nl; i++)
        if (starts_word(lines[i].s, lines[i].n, "go:build")) {
            if (gb)
                return diag_set(d, path, lines[i].line, 1,
                                "multiple //go:build comments");
            gb = &lines[i];
        }
    if (gb) {
        char expr[1024], why[200];
        size_t n = gb->n - 8 < sizeof expr - 1 ? gb->n - 8 : sizeof expr - 1;
        memcpy(expr, gb->s + 8, n);
        expr[n] = 0;
        if (load_build_expr(expr, ok, why, sizeof why) != WF_OK)
            return diag_set(d, path, gb->line, 1, "parsing //go:build line: %s",
                            why);
        return WF_OK;
    }
    for (size_t i = 0; i < nl; i++) {
        const char *s = lines[i].s;
        size_t n = lines[i].n;
        if (!lines[i].in_trimmed) continue;
        while (n && is_space(*s)) {
            s++;
            n--;
        }
        if (starts_word(s, n, "+build")) v = v && plus_build_ok(s + 6, n - 6);
    }
    *ok = v;
    return WF_OK;
}

wf_status load_header_ok(const char *path, const unsigned char *src, size_t len,
                         bool *ok, wf_diag *d)
{
    header_line lines[256];
    char pkg[256];
    size_t nl = scan_header(src, len, lines, 256, pkg, sizeof pkg);
    return header_judge(path, lines, nl, ok, d);
}

/* ---- modules ---------------------------------------------------------- */

/* The realpath of p as a heap string, or NULL. */
static char *real(const char *p)
{
    char tmp[PATH_MAX];
    if (!realpath(p, tmp)) return NULL;
    return wf_xstrdup(tmp);
}

/* The parent of directory dir as spelled ("a/b" -> "a", "a" -> ".",
 * "." -> "..", ".." -> "../..", "/a" -> "/"); NULL at the root. */
static char *parent(const char *dir)
{
    const char *slash;
    char *r;
    if (!strcmp(dir, "/")) return NULL;
    if (!strcmp(dir, ".") || !strcmp(dir, "..") || ends_with(dir, "/.."))
        return join(dir, "..");
    slash = strrchr(dir, '/');
    if (!slash) return wf_xstrdup(".");
    if (slash == dir) return wf_xstrdup("/");
    r = wf_xmalloc((size_t)(slash - dir) + 1);
    memcpy(r, dir, (size_t)(slash - dir));
    r[slash - dir] = 0;
    return r;
}

/* The first word of line after keyword kw ("module x" -> "x"), unquoted,
 * with comments dropped; NULL if line is not that directive. */
static char *directive(const char *line, const char *kw)
{
    size_t k = strlen(kw), n;
    const char *p = line, *e;
    char *r;
    while (is_space(*p))
        p++;
    if (strncmp(p, kw, k) || !is_space(p[k])) return NULL;
    p += k;
    while (is_space(*p))
        p++;
    if (*p == '"' || *p == '`') {
        char q = *p++;
        e = strchr(p, q);
        if (!e) return NULL;
    } else {
        e = p;
        while (*e && !is_space(*e) && *e != '\n' &&
               !(e[0] == '/' && e[1] == '/'))
            e++;
    }
    n = (size_t)(e - p);
    r = wf_xmalloc(n + 1);
    memcpy(r, p, n);
    r[n] = 0;
    return r;
}

/* The words of a go.mod line (quotes dropped; up to a "//" comment)
 * into w[0, max); returns how many. Modifies line. */
static size_t mod_words(char *line, char **w, size_t max)
{
    size_t n = 0;
    char *p = line;
    while (*p && n < max) {
        while (is_space(*p) || *p == '\n')
            p++;
        if (!*p || (p[0] == '/' && p[1] == '/')) break;
        if (*p == '"' || *p == '`') {
            char q = *p++;
            w[n++] = p;
            while (*p && *p != q)
                p++;
        } else {
            w[n++] = p;
            while (*p && !is_space(*p) && *p != '\n')
                p++;
        }
        if (*p) *p++ = 0;
    }
    return n;
}

/* A require or replace line of go.mod (its words after the keyword, or
 * inside a block): added to m. */
static void mod_line(load_module *m, bool replace, char **w, size_t n)
{
    if (!replace) {
        if (n >= 2) {
            VEC_PUSH(m->req_paths, wf_xstrdup(w[0]));
            VEC_PUSH(m->req_vers, wf_xstrdup(w[1]));
        }
        return;
    }
    for (size_t i = 1; i < n; i++) {
        buf b;
        if (strcmp(w[i], "=>") || i + 1 >= n) continue;
        buf_init(&b);
        if (w[i + 1][0] == '.' || w[i + 1][0] == '/') {
            char *d = w[i + 1][0] == '/' ? load_clean(w[i + 1])
                                         : join(m->root, w[i + 1]);
            buf_puts(&b, d);
            free(d);
        } else if (i + 2 < n) {
            buf_printf(&b, "%s@%s", w[i + 1], w[i + 2]);
        } else {
            buf_fini(&b);
            return;
        }
        VEC_PUSH(m->repl_from, wf_xstrdup(w[0]));
        VEC_PUSH(m->repl_to, wf_xstrdup(b.p));
        buf_fini(&b);
        return;
    }
}

static load_module *read_module(const char *root)
{
    load_module *m = wf_xcalloc(1, sizeof *m);
    char *gm = join(root, "go.mod"), *mt;
    FILE *f = fopen(gm, "r");
    char line[4096];
    int block = 0; /* inside "require (" 1, "replace (" 2 */
    m->root = load_clean(root);
    m->path = NULL;
    m->go = NULL;
    if (f) {
        while (fgets(line, sizeof line, f)) {
            char *v, *w[8];
            size_t n;
            if (!m->path && (v = directive(line, "module"))) {
                m->path = v;
                continue;
            }
            if (!m->go && (v = directive(line, "go"))) {
                m->go = v;
                continue;
            }
            n = mod_words(line, w, 8);
            if (!n) continue;
            if (block) {
                if (!strcmp(w[0], ")"))
                    block = 0;
                else
                    mod_line(m, block == 2, w, n);
            } else if (!strcmp(w[0], "require") || !strcmp(w[0], "replace")) {
                bool rep = w[0][2] == 'p';
                if (n >= 2 && !strcmp(w[1], "("))
                    block = rep ? 2 : 1;
                else
                    mod_line(m, rep, w + 1, n - 1);
            }
        }
        fclose(f);
    }
    if (!m->path) m->path = wf_xstrdup("");
    if (!m->go) m->go = wf_xstrdup("");
    free(gm);
    mt = join(root, "vendor/modules.txt");
    f = fopen(mt, "r");
    if (f) {
        m->vendor = true;
        while (fgets(line, sizeof line, f)) {
            char *p = line, *e;
            while (is_space(*p))
                p++;
            e = p + strlen(p);
            while (e > p && (is_space(e[-1]) || e[-1] == '\n'))
                e--;
            *e = 0;
            if (!*p || *p == '#') continue;
            VEC_PUSH(m->vendored, wf_xstrdup(p));
        }
        fclose(f);
    }
    free(mt);
    return m;
}

load_module *load_module_of(loader *l, const char *dir)
{
    char *d = load_clean(dir);
    for (int up = 0; up < 256 && d; up++) {
        char *gm = join(d, "go.mod");
        bool found = is_file(gm);
        char *next;
        free(gm);
        if (found) {
            char *key = real(d);
            load_module *m;
            for (size_t i = 0; key && i < l->mods.len; i++)
                if (!strcmp(l->mod_keys.p[i], key)) {
                    free(key);
                    free(d);
                    return l->mods.p[i];
                }
            m = read_module(d);
            VEC_PUSH(l->mods, m);
            VEC_PUSH(l->mod_keys, key ? key : wf_xstrdup(d));
            free(d);
            return m;
        }
        {
            char *rp = real(d);
            bool root = !rp || !strcmp(rp, "/");
            free(rp);
            if (root) break;
        }
        next = parent(d);
        free(d);
        d = next;
    }
    free(d);
    return NULL;
}

/* ---- directories -------------------------------------------------------- */

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static load_file *read_go_file(const char *dir, const char *name, wf_status *st,
                               wf_diag *d)
{
    load_file *f = wf_xcalloc(1, sizeof *f);
    header_line lines[256];
    char pkg[256];
    size_t nl;
    bool ok = true;
    f->name = wf_xstrdup(name);
    f->path = join(dir, name);
    f->text = slurp(f->path, &f->len);
    if (!f->text) {
        *st = diag_set(d, f->path, 0, 0, "cannot read the file");
        f->text = (unsigned char *)wf_xstrdup("");
        f->len = 0;
    }
    nl = scan_header(f->text, f->len, lines, 256, pkg, sizeof pkg);
    f->pkg = wf_xstrdup(pkg);
    f->test = ends_with(name, "_test.go");
    f->xtest = f->test && ends_with(pkg, "_test");
    if (*st == WF_OK) *st = header_judge(f->path, lines, nl, &ok, d);
    f->excluded = !ok || !load_name_ok(name);
    return f;
}

static void free_file(load_file *f)
{
    free(f->path);
    free(f->name);
    free(f->pkg);
    free(f->text);
    free(f);
}

static void free_dir(load_dir *ld)
{
    for (size_t i = 0; i < ld->files.len; i++)
        free_file(ld->files.p[i]);
    VEC_FREE(ld->files);
    free(ld->dir);
    free(ld->import_path);
    free(ld);
}

/* The import path of directory key (a realpath) in module m. */
static char *import_path_of(const load_module *m, const char *key)
{
    char *root = m ? real(m->root) : NULL;
    size_t n = root ? strlen(root) : 0;
    char *r;
    if (!root || strncmp(key, root, n) || (key[n] && key[n] != '/')) {
        free(root);
        return wf_xstrdup("");
    }
    free(root);
    key += n;
    if (*key == '/') key++;
    if (!strncmp(key, "vendor/", 7)) return wf_xstrdup(key + 7);
    if (!*key) return wf_xstrdup(m->path);
    r = wf_xmalloc(strlen(m->path) + strlen(key) + 2);
    sprintf(r, "%s%s%s", m->path, *m->path ? "/" : "", key);
    return r;
}

wf_status load_read_dir(loader *l, const char *dir, load_dir **out, wf_diag *d)
{
    char *clean = load_clean(dir), *key;
    DIR *dh;
    struct dirent *de;
    VEC(char *) names = {NULL, 0, 0};
    load_dir *ld;
    wf_status st = WF_OK;
    *out = NULL;
    key = real(clean);
    if (!key || !is_dir(clean)) {
        st = diag_set(d, clean, 0, 0, "no such directory");
        free(key);
        free(clean);
        return st;
    }
    for (size_t i = 0; i < l->dirs.len; i++)
        if (!strcmp(l->dir_keys.p[i], key)) {
            free(key);
            free(clean);
            *out = l->dirs.p[i];
            return WF_OK;
        }
    dh = opendir(clean);
    if (!dh) {
        st = diag_set(d, clean, 0, 0, "cannot read the directory");
        free(key);
        free(clean);
        return st;
    }
    while ((de = readdir(dh))) {
        char *p;
        if (de->d_name[0] == '.' || de->d_name[0] == '_' ||
            !ends_with(de->d_name, ".go"))
            continue;
        p = join(clean, de->d_name);
        if (is_file(p)) VEC_PUSH(names, wf_xstrdup(de->d_name));
        free(p);
    }
    closedir(dh);
    if (names.len) qsort(names.p, names.len, sizeof *names.p, str_cmp);
    ld = wf_xcalloc(1, sizeof *ld);
    ld->dir = clean;
    ld->mod = load_module_of(l, clean);
    ld->import_path = import_path_of(ld->mod, key);
    for (size_t i = 0; i < names.len; i++) {
        load_file *f = read_go_file(clean, names.p[i], &st, d);
        VEC_PUSH(ld->files, f);
        free(names.p[i]);
    }
    VEC_FREE(names);
    if (st != WF_OK) {
        free_dir(ld);
        free(key);
        return st;
    }
    VEC_PUSH(l->dirs, ld);
    VEC_PUSH(l->dir_keys, key);
    *out = ld;
    return WF_OK;
}

wf_status load_package_files(const load_dir *ld, load_files *out, wf_diag *d)
{
    const load_file *first = NULL;
    size_t nonexcluded = 0, any = 0;
    out->len = 0;
    for (size_t i = 0; i < ld->files.len; i++) {
        load_file *f = ld->files.p[i];
        if (f->test) continue;
        any++;
        if (f->excluded) continue;
        nonexcluded++;
        if (first && *first->pkg && *f->pkg && strcmp(first->pkg, f->pkg))
            return diag_set(d, ld->dir, 0, 0,
                            "found packages %s (%s) and %s (%s) in %s",
                            first->pkg, first->name, f->pkg, f->name, ld->dir);
        if (!first || !*first->pkg) first = f;
        VEC_PUSH(*out, f);
    }
    if (!any)
        return diag_set(d, ld->dir, 0, 0, "no non-test Go files in %s",
                        ld->dir);
    if (!nonexcluded)
        return diag_set(d, ld->dir, 0, 0,
                        "build constraints exclude all Go files in %s",
                        ld->dir);
    return WF_OK;
}

/* The module cache as go env GOMODCACHE gives it: $GOMODCACHE, else the
 * first directory of $GOPATH (by default $HOME/go) and pkg/mod. A heap
 * string, or NULL with no way to tell. */
static char *mod_cache(void)
{
    const char *c = getenv("GOMODCACHE"), *gp = getenv("GOPATH");
    const char *home = getenv("HOME");
    char *first, *r;
    if (c && *c) return load_clean(c);
    if (gp && *gp) {
        size_t k = strcspn(gp, ":");
        first = wf_xmalloc(k + 1);
        memcpy(first, gp, k);
        first[k] = 0;
    } else if (home && *home) {
        first = join(home, "go");
    } else {
        return NULL;
    }
    r = join(first, "pkg/mod");
    free(first);
    return r;
}

/* The index of the longest of paths that is path or a prefix of it
 * ending at a '/', or -1. */
static int longest_prefix(const load_strs *paths, const char *path)
{
    int best = -1;
    size_t bl = 0;
    for (size_t i = 0; i < paths->len; i++) {
        size_t k = strlen(paths->p[i]);
        if (k > bl && !strncmp(path, paths->p[i], k) &&
            (!path[k] || path[k] == '/')) {
            best = (int)i;
            bl = k;
        }
    }
    return best;
}

/* The directory in module cache cache of module mod at version ver (mod
 * is "path@version" when ver is NULL) and, below it, rest (the import
 * path after the module's: "" or "/sub"): the module path escaped as the
 * cache spells it (an upper-case letter as '!' and the letter in lower
 * case). A heap string. */
static char *cache_dir(const char *cache, const char *mod, const char *ver,
                       const char *rest)
{
    buf b;
    char *r;
    size_t k = ver ? strlen(mod) : strcspn(mod, "@");
    buf_init(&b);
    buf_printf(&b, "%s/", cache);
    for (size_t i = 0; i < k; i++) {
        char ch = mod[i];
        if (ch >= 'A' && ch <= 'Z') {
            buf_putc(&b, '!');
            buf_putc(&b, (char)(ch - 'A' + 'a'));
        } else {
            buf_putc(&b, ch);
        }
    }
    buf_printf(&b, "@%s%s", ver ? ver : mod + k + 1, rest);
    r = load_clean(b.p);
    buf_fini(&b);
    return r;
}

/* Package path, not vendored, from module m's go.mod: a replace line's
 * directory or module, else the required module in the module cache, as
 * go build finds it without -mod=vendor. NULL with why filled when it is
 * not there. */
static char *from_go_mod(const load_module *m, const char *path, char *why,
                         size_t n)
{
    int r = longest_prefix(&m->repl_from, path);
    int q = longest_prefix(&m->req_paths, path);
    char *cache = NULL, *dir = NULL;
    const char *rest;
    if (r < 0 && q < 0) {
        snprintf(why, n,
                 "cannot find package %s: no required module provides it "
                 "(go get %s adds it to go.mod; weft then reads it from "
                 "the module cache, or from vendor/ after go mod vendor)",
                 path, path);
        return NULL;
    }
    if (r >= 0 && !strchr(m->repl_to.p[r], '@')) {
        rest = path + strlen(m->repl_from.p[r]);
        dir = *rest ? join(m->repl_to.p[r], rest + 1)
                    : load_clean(m->repl_to.p[r]);
        if (is_dir(dir)) return dir;
        snprintf(why, n,
                 "cannot find package %s: go.mod replaces %s with %s, which "
                 "has no directory %s",
                 path, m->repl_from.p[r], m->repl_to.p[r], dir);
        free(dir);
        return NULL;
    }
    cache = mod_cache();
    if (!cache) {
        snprintf(why, n,
                 "cannot find package %s: no module cache (set GOMODCACHE, "
                 "or go mod vendor to copy it into vendor/)",
                 path);
        return NULL;
    }
    if (r >= 0)
        dir = cache_dir(cache, m->repl_to.p[r], NULL,
                        path + strlen(m->repl_from.p[r]));
    else
        dir = cache_dir(cache, m->req_paths.p[q], m->req_vers.p[q],
                        path + strlen(m->req_paths.p[q]));
    if (is_dir(dir)) {
        free(cache);
        return dir;
    }
    if (r >= 0)
        snprintf(why, n,
                 "cannot find package %s: module %s (go.mod's replacement "
                 "of %s) is not in the module cache %s (go mod download "
                 "fetches it; go mod vendor copies it into vendor/)",
                 path, m->repl_to.p[r], m->repl_from.p[r], cache);
    else
        snprintf(why, n,
                 "cannot find package %s: module %s %s is not in the "
                 "module cache %s (go mod download fetches it; go mod "
                 "vendor copies it into vendor/)",
                 path, m->req_paths.p[q], m->req_vers.p[q], cache);
    free(cache);
    free(dir);
    return NULL;
}

const char *load_import_dir(loader *l, const load_module *m, const char *path,
                            char *why, size_t n)
{
    const char *slash = strchr(path, '/');
    size_t first = slash ? (size_t)(slash - path) : strlen(path);
    bool third_party = memchr(path, '.', first) != NULL;
    char *dir = NULL;
    why[0] = 0;
    if (m && *m->path) {
        size_t k = strlen(m->path);
        if (!strncmp(path, m->path, k) && (!path[k] || path[k] == '/'))
            dir = path[k] ? join(m->root, path + k + 1) : wf_xstrdup(m->root);
    }
    if (!dir && m && m->vendor) {
        for (size_t i = 0; i < m->vendored.len && !dir; i++)
            if (!strcmp(m->vendored.p[i], path)) {
                char *v = join(m->root, "vendor");
                dir = join(v, path);
                free(v);
            }
        if (!dir && third_party) {
            snprintf(why, n,
                     "package %s is not in %s/vendor/modules.txt (go mod "
                     "vendor adds it)",
                     path, m->root);
            return NULL;
        }
    }
    if (!dir && m && !m->vendor && third_party) {
        dir = from_go_mod(m, path, why, n);
        if (!dir) return NULL;
    }
    if (!dir) {
        if (third_party)
            snprintf(why, n,
                     "cannot find package %s: weft runs third-party code "
                     "from the module's vendor/ directory (%s; go mod "
                     "vendor writes it)",
                     path,
                     m ? "there is none"
                       : "and finds no go.mod above the "
                         "program");
        return NULL;
    }
    VEC_PUSH(l->strs, dir);
    return dir;
}

/* Every directory under dir (itself included) holding a .go file, in
 * sorted walk order; skips what go list skips. */
static void walk(const char *dir, bool top, load_strs *out, int depth)
{
    DIR *dh;
    struct dirent *de;
    VEC(char *) subs = {NULL, 0, 0};
    bool has_go = false;
    if (depth > 100) return;
    if (!top) {
        char *gm = join(dir, "go.mod");
        bool nested = is_file(gm);
        free(gm);
        if (nested) return; /* another module */
    }
    dh = opendir(dir);
    if (!dh) return;
    while ((de = readdir(dh))) {
        char *p;
        if (de->d_name[0] == '.' || de->d_name[0] == '_') continue;
        p = join(dir, de->d_name);
        if (ends_with(de->d_name, ".go") && is_file(p)) {
            has_go = true;
            free(p);
        } else if (is_dir(p) && strcmp(de->d_name, "testdata") &&
                   strcmp(de->d_name, "vendor")) {
            VEC_PUSH(subs, p);
        } else {
            free(p);
        }
    }
    closedir(dh);
    if (has_go) VEC_PUSH(*out, wf_xstrdup(dir));
    if (subs.len) qsort(subs.p, subs.len, sizeof *subs.p, str_cmp);
    for (size_t i = 0; i < subs.len; i++) {
        walk(subs.p[i], false, out, depth + 1);
        free(subs.p[i]);
    }
    VEC_FREE(subs);
}

wf_status load_expand(loader *l, const char *pattern, load_strs *out,
                      wf_diag *d)
{
    char *base;
    (void)l;
    if (!strcmp(pattern, "...") || ends_with(pattern, "/...")) {
        size_t n = strlen(pattern);
        char *b = wf_xstrdup(pattern);
        b[n >= 4 ? n - 4 : 0] = 0;
        base = load_clean(*b ? b : ".");
        free(b);
        if (!is_dir(base)) {
            wf_status st = diag_set(d, base, 0, 0, "no such directory");
            free(base);
            return st;
        }
        walk(base, true, out, 0);
        free(base);
        return WF_OK;
    }
    if (strstr(pattern, "...")) {
        return diag_set(d, "", 0, 0,
                        "unsupported pattern '%s' (weft takes DIR/... "
                        "with ... at the end)",
                        pattern);
    }
    base = load_clean(pattern);
    if (!is_dir(base)) {
        wf_status st = diag_set(d, base, 0, 0, "no such directory");
        free(base);
        return st;
    }
    VEC_PUSH(*out, base);
    return WF_OK;
}

/* ---- lifecycle ---------------------------------------------------------- */

loader *load_new(void)
{
    return wf_xcalloc(1, sizeof(loader));
}

void load_free(loader *l)
{
    if (!l) return;
    for (size_t i = 0; i < l->dirs.len; i++) {
        free_dir(l->dirs.p[i]);
        free(l->dir_keys.p[i]);
    }
    for (size_t i = 0; i < l->mods.len; i++) {
        load_module *m = l->mods.p[i];
        free(l->mod_keys.p[i]);
        load_strs *all[] = {&m->vendored, &m->req_paths, &m->req_vers,
                            &m->repl_from, &m->repl_to};
        for (size_t j = 0; j < sizeof all / sizeof all[0]; j++) {
            for (size_t k = 0; k < all[j]->len; k++)
                free(all[j]->p[k]);
            VEC_FREE(*all[j]);
        }
        free(m->root);
        free(m->path);
        free(m->go);
        free(m);
    }
    VEC_FREE(l->dirs);
    VEC_FREE(l->dir_keys);
    VEC_FREE(l->mods);
    VEC_FREE(l->mod_keys);
    for (size_t i = 0; i < l->strs.len; i++)
        free(l->strs.p[i]);
    VEC_FREE(l->strs);
    free(l);
}
