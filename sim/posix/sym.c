/* sym.c: the executable's symbols and source lines, read once from
 * /proc/self/exe: .symtab (functions and objects, for names of memory and
 * of special functions) and .debug_line (DWARF 2 to 5, for the file:line
 * of code addresses). The program is linked without PIE, so addresses in
 * the file are addresses in memory.
 * Owns: the file's bytes (kept: names point into them), the sorted symbol
 * and line tables, a cache of looked-up code addresses; all for the
 * process's lifetime. Not thread-safe: called from the program's tasks,
 * which run one at a time on one thread. */
#define _GNU_SOURCE
#include "px.h"

#include <elf.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct sym {
    uintptr_t lo;
    size_t size;
    const char *name;
    bool func;
} sym;

typedef struct row {
    uintptr_t addr;
    const char *file; /* NULL: end of a sequence */
    int32_t line;
} row;
_Static_assert(offsetof(sym, lo) == 0 && offsetof(row, addr) == 0,
               "px_at_or_below's key leads");

typedef struct pc_ent {
    uintptr_t pc;
    px_site site;
} pc_ent;

static struct {
    bool done;
    unsigned char *img;
    size_t len;
    VEC(sym) syms;
    VEC(row) rows;
    pc_ent *cache; /* direct mapped by pc */
    size_t ncache;
} S;

static unsigned char *read_exe(size_t *len)
{
    int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    struct stat st;
    unsigned char *p;
    size_t got = 0;
    if (fd < 0 || fstat(fd, &st) != 0) {
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    p = wf_xmalloc((size_t)st.st_size + 1);
    while (got < (size_t)st.st_size) {
        ssize_t r = read(fd, p + got, (size_t)st.st_size - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    *len = got;
    return p;
}

static int sym_cmp(const void *a, const void *b)
{
    const sym *x = a, *y = b;
    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    if (x->size != y->size) /* the larger first: lookups want the smaller */
        return x->size > y->size ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int row_cmp(const void *a, const void *b)
{
    const row *x = a, *y = b;
    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    /* an end of sequence before a row starting there */
    if (!x->file != !y->file)
        return x->file ? 1 : -1;
    return 0;
}

/* ---- DWARF line programs ------------------------------------------------ */

typedef struct rd {
    const unsigned char *p, *end;
    bool bad;
} rd;

static uint64_t rd_fixed(rd *r, int n)
{
    uint64_t v = 0;
    if (r->end - r->p < n) {
        r->bad = true;
        r->p = r->end;
        return 0;
    }
    for (int i = 0; i < n; i++)
        v |= (uint64_t)r->p[i] << (8 * i);
    r->p += n;
    return v;
}

static uint64_t rd_uleb(rd *r)
{
    uint64_t v = 0;
    int shift = 0;
    while (r->p < r->end) {
        unsigned char b = *r->p++;
        if (shift < 64)
            v |= (uint64_t)(b & 0x7f) << shift;
        shift += 7;
        if (!(b & 0x80))
            return v;
    }
    r->bad = true;
    return v;
}

static int64_t rd_sleb(rd *r)
{
    int64_t v = 0;
    int shift = 0;
    unsigned char b = 0;
    while (r->p < r->end) {
        b = *r->p++;
        if (shift < 64)
            v |= (int64_t)((uint64_t)(b & 0x7f) << shift);
        shift += 7;
        if (!(b & 0x80))
            break;
    }
    if (shift < 64 && (b & 0x40))
        v |= -((int64_t)1 << shift);
    return v;
}

static const char *rd_str(rd *r)
{
    const char *s = (const char *)r->p;
    while (r->p < r->end && *r->p)
        r->p++;
    if (r->p >= r->end) {
        r->bad = true;
        return "";
    }
    r->p++;
    return s;
}

typedef struct secs {
    const unsigned char *line_str, *str;
    size_t line_str_len, str_len;
} secs;

static const char *str_at(const unsigned char *base, size_t len, uint64_t off)
{
    if (!base || off >= len)
        return "";
    return (const char *)base + off;
}

/* Read one attribute of form `form`; a string when it is one. */
static const char *rd_form(rd *r, uint64_t form, bool dw64, const secs *s,
                           uint64_t *num)
{
    *num = 0;
    switch (form) {
    case 0x08: /* DW_FORM_string */
        return rd_str(r);
    case 0x1f: /* DW_FORM_line_strp */
        return str_at(s->line_str, s->line_str_len,
                      rd_fixed(r, dw64 ? 8 : 4));
    case 0x0e: /* DW_FORM_strp */
        return str_at(s->str, s->str_len, rd_fixed(r, dw64 ? 8 : 4));
    case 0x0f: /* udata */
        *num = rd_uleb(r);
        return NULL;
    case 0x0b:
        *num = rd_fixed(r, 1);
        return NULL;
    case 0x05:
        *num = rd_fixed(r, 2);
        return NULL;
    case 0x06:
        *num = rd_fixed(r, 4);
        return NULL;
    case 0x07:
        *num = rd_fixed(r, 8);
        return NULL;
    case 0x1e: /* data16 (MD5) */
        rd_fixed(r, 8);
        rd_fixed(r, 8);
        return NULL;
    case 0x09: { /* block */
        uint64_t n = rd_uleb(r);
        if ((uint64_t)(r->end - r->p) < n)
            r->bad = true;
        else
            r->p += n;
        return NULL;
    }
    default:
        r->bad = true;
        return NULL;
    }
}

/* One line-number program unit starting at r->p; rows appended. */
static void line_unit(rd *all, const secs *s)
{
    rd r;
    uint64_t len = rd_fixed(all, 4), hlen;
    bool dw64 = false;
    int version, min_len, line_base, line_range, opbase;
    const unsigned char *prog;
    unsigned char std_len[256];
    VEC(const char *) files = {NULL, 0, 0};
    if (len == 0xffffffffu) {
        dw64 = true;
        len = rd_fixed(all, 8);
    }
    if (all->bad || (uint64_t)(all->end - all->p) < len) {
        all->bad = true;
        return;
    }
    r.p = all->p;
    r.end = all->p + len;
    r.bad = false;
    all->p += len;
    version = (int)rd_fixed(&r, 2);
    if (version < 2 || version > 5)
        return;
    if (version >= 5)
        rd_fixed(&r, 2); /* address size, segment selector size */
    hlen = rd_fixed(&r, dw64 ? 8 : 4);
    if ((uint64_t)(r.end - r.p) < hlen)
        return;
    prog = r.p + hlen;
    min_len = (int)rd_fixed(&r, 1);
    if (version >= 4)
        rd_fixed(&r, 1); /* maximum operations per instruction */
    rd_fixed(&r, 1);     /* default is_stmt */
    line_base = (int)(int8_t)rd_fixed(&r, 1);
    line_range = (int)rd_fixed(&r, 1);
    opbase = (int)rd_fixed(&r, 1);
    if (!line_range || opbase < 1)
        return;
    memset(std_len, 0, sizeof std_len);
    for (int i = 1; i < opbase; i++)
        std_len[i] = (unsigned char)rd_fixed(&r, 1);
    if (version >= 5) {
        uint64_t fmt[2][16][2];
        int nfmt[2];
        for (int k = 0; k < 2; k++) { /* directories, then files */
            uint64_t count;
            nfmt[k] = (int)rd_fixed(&r, 1);
            if (nfmt[k] > 16)
                return;
            for (int i = 0; i < nfmt[k]; i++) {
                fmt[k][i][0] = rd_uleb(&r);
                fmt[k][i][1] = rd_uleb(&r);
            }
            count = rd_uleb(&r);
            for (uint64_t j = 0; j < count && !r.bad; j++) {
                const char *path = NULL;
                for (int i = 0; i < nfmt[k]; i++) {
                    uint64_t num;
                    const char *str =
                        rd_form(&r, fmt[k][i][1], dw64, s, &num);
                    if (fmt[k][i][0] == 1) /* DW_LNCT_path */
                        path = str;
                }
                if (k == 1)
                    VEC_PUSH(files, path ? path : "");
            }
        }
    } else {
        while (!r.bad && r.p < prog && *r.p)
            rd_str(&r); /* include directories */
        if (r.p < prog)
            r.p++;
        VEC_PUSH(files, ""); /* file numbers start at 1 */
        while (!r.bad && r.p < prog && *r.p) {
            const char *f = rd_str(&r);
            rd_uleb(&r);
            rd_uleb(&r);
            rd_uleb(&r);
            VEC_PUSH(files, f);
        }
    }
    r.p = prog;
    {
        uintptr_t addr = 0;
        uint64_t file = 1;
        int64_t line = 1;
        bool have = false;
        while (!r.bad && r.p < r.end) {
            int opc = (int)rd_fixed(&r, 1);
            bool emit = false;
            if (opc >= opbase) {
                int adj = opc - opbase;
                addr += (uintptr_t)((adj / line_range) * min_len);
                line += line_base + adj % line_range;
                emit = true;
            } else if (opc == 0) {
                uint64_t n = rd_uleb(&r);
                const unsigned char *next = r.p + n;
                int sub;
                if (!n || (uint64_t)(r.end - r.p) < n)
                    break;
                sub = (int)rd_fixed(&r, 1);
                if (sub == 1) { /* end_sequence */
                    row rw = {addr, NULL, 0};
                    VEC_PUSH(S.rows, rw);
                    addr = 0;
                    file = 1;
                    line = 1;
                } else if (sub == 2) { /* set_address */
                    addr = (uintptr_t)rd_fixed(&r, (int)(n - 1 > 8 ? 8
                                                                : n - 1));
                    have = true;
                }
                r.p = next;
            } else {
                switch (opc) {
                case 1: /* copy */
                    emit = true;
                    break;
                case 2:
                    addr += (uintptr_t)(rd_uleb(&r) * (uint64_t)min_len);
                    break;
                case 3:
                    line += rd_sleb(&r);
                    break;
                case 4:
                    file = rd_uleb(&r);
                    break;
                case 8:
                    addr += (uintptr_t)(((255 - opbase) / line_range) *
                                        min_len);
                    break;
                case 9:
                    addr += (uintptr_t)rd_fixed(&r, 2);
                    break;
                default:
                    for (int i = 0; i < std_len[opc]; i++)
                        rd_uleb(&r);
                    break;
                }
            }
            if (emit && have) {
                row rw = {addr, file < files.len ? files.p[file] : "?",
                          (int32_t)line};
                if (!rw.file || !*rw.file)
                    rw.file = "?";
                VEC_PUSH(S.rows, rw);
            }
        }
    }
    VEC_FREE(files);
}

void px_sym_init(void)
{
    const Elf64_Ehdr *eh;
    const Elf64_Shdr *sh;
    const char *shstr;
    const unsigned char *line = NULL;
    size_t line_len = 0;
    secs s;
    if (S.done)
        return;
    S.done = true;
    memset(&s, 0, sizeof s);
    S.img = read_exe(&S.len);
    if (!S.img || S.len < sizeof *eh)
        return;
    eh = (const Elf64_Ehdr *)(const void *)S.img;
    if (memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
        eh->e_ident[EI_CLASS] != ELFCLASS64 || !eh->e_shoff ||
        eh->e_shoff + (uint64_t)eh->e_shnum * sizeof *sh > S.len ||
        eh->e_shstrndx >= eh->e_shnum)
        return;
    sh = (const Elf64_Shdr *)(const void *)(S.img + eh->e_shoff);
    if (sh[eh->e_shstrndx].sh_offset >= S.len)
        return;
    shstr = (const char *)S.img + sh[eh->e_shstrndx].sh_offset;
    for (int i = 0; i < eh->e_shnum; i++) {
        const Elf64_Shdr *h = &sh[i];
        const char *nm = shstr + h->sh_name;
        if (h->sh_type == SHT_NOBITS || h->sh_offset + h->sh_size > S.len)
            continue;
        if (!strcmp(nm, ".debug_line")) {
            line = S.img + h->sh_offset;
            line_len = h->sh_size;
        } else if (!strcmp(nm, ".debug_line_str")) {
            s.line_str = S.img + h->sh_offset;
            s.line_str_len = h->sh_size;
        } else if (!strcmp(nm, ".debug_str")) {
            s.str = S.img + h->sh_offset;
            s.str_len = h->sh_size;
        } else if (h->sh_type == SHT_SYMTAB && h->sh_link < eh->e_shnum) {
            const Elf64_Sym *st =
                (const Elf64_Sym *)(const void *)(S.img + h->sh_offset);
            const Elf64_Shdr *strh = &sh[h->sh_link];
            size_t n = h->sh_size / sizeof *st;
            if (strh->sh_offset + strh->sh_size > S.len)
                continue;
            for (size_t k = 0; k < n; k++) {
                int type = ELF64_ST_TYPE(st[k].st_info);
                sym y;
                if ((type != STT_FUNC && type != STT_OBJECT &&
                     (type != STT_TLS || !px.tls_region)) ||
                    (!st[k].st_value && type != STT_TLS) ||
                    st[k].st_name >= strh->sh_size)
                    continue;
                /* a thread-local variable: at its offset in the
                 * executable's TLS block, as the process's own thread
                 * has it (tls.c names the tasks' copies after it) */
                y.lo = type == STT_TLS ? px.tls_home +
                                             (uintptr_t)px.tls_blk[0] +
                                             (uintptr_t)st[k].st_value
                                       : (uintptr_t)st[k].st_value;
                y.size = (size_t)st[k].st_size;
                y.name = (const char *)S.img + strh->sh_offset +
                         st[k].st_name;
                {
                    /* a compiler-made local name (a function's static
                     * "buf.0", a clone "worker.constprop.0") is shown as
                     * the source's name: C names have no dot */
                    const char *dot = strchr(y.name, '.');
                    if (dot && dot > y.name &&
                        ELF64_ST_BIND(st[k].st_info) == STB_LOCAL) {
                        size_t len = (size_t)(dot - y.name);
                        char *c = wf_xmalloc(len + 1);
                        memcpy(c, y.name, len);
                        c[len] = 0;
                        y.name = c;
                    }
                }
                y.func = type == STT_FUNC;
                VEC_PUSH(S.syms, y);
            }
        }
    }
    if (S.syms.len)
        qsort(S.syms.p, S.syms.len, sizeof *S.syms.p, sym_cmp);
    if (line) {
        rd all = {line, line + line_len, false};
        while (!all.bad && all.p < all.end)
            line_unit(&all, &s);
        if (S.rows.len)
            qsort(S.rows.p, S.rows.len, sizeof *S.rows.p, row_cmp);
    }
    S.ncache = 4096;
    S.cache = wf_xcalloc(S.ncache, sizeof *S.cache);
}

size_t px_at_or_below(const void *base, size_t n, size_t stride,
                      uintptr_t a)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uintptr_t key;
        memcpy(&key, (const char *)base + mid * stride, sizeof key);
        if (key <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

px_site px_site_of(uintptr_t pc)
{
    px_site none = {NULL, 0};
    pc_ent *c;
    size_t lo;
    if (!pc || !S.cache)
        return none;
    c = &S.cache[(pc >> 1) & (S.ncache - 1)];
    if (c->pc == pc)
        return c->site;
    /* the last row at or below pc - 1 */
    lo = px_at_or_below(S.rows.p, S.rows.len, sizeof *S.rows.p, pc - 1);
    c->pc = pc;
    c->site = none;
    if (lo > 0 && S.rows.p[lo - 1].file) {
        c->site.file = S.rows.p[lo - 1].file;
        c->site.line = S.rows.p[lo - 1].line;
    }
    return c->site;
}

const char *px_sym_of(uintptr_t addr, uintptr_t *start, size_t *size)
{
    /* the last symbol starting at or below addr */
    size_t lo = px_at_or_below(S.syms.p, S.syms.len, sizeof *S.syms.p, addr);
    /* symbols may nest (an alias inside a larger one): look back a few */
    for (size_t k = lo, n = 0; k > 0 && n < 8; k--, n++) {
        const sym *y = &S.syms.p[k - 1];
        if (addr < y->lo + (y->size ? y->size : 1)) {
            if (start)
                *start = y->lo;
            if (size)
                *size = y->size ? y->size : 1;
            return y->name;
        }
    }
    return NULL;
}

uintptr_t px_sym_addr(const char *name)
{
    for (size_t i = 0; i < S.syms.len; i++)
        if (S.syms.p[i].func && !strcmp(S.syms.p[i].name, name))
            return S.syms.p[i].lo;
    return 0;
}

void px_sym_each_prefix(const char *prefix,
                        void (*fn)(uintptr_t addr, const char *name))
{
    size_t n = strlen(prefix);
    for (size_t i = 0; i < S.syms.len; i++)
        if (S.syms.p[i].func && !strncmp(S.syms.p[i].name, prefix, n))
            fn(S.syms.p[i].lo, S.syms.p[i].name);
}
