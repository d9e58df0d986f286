/* lib_fmt_int.h: what lib_fmt.c (values, Sprint/Sprintf, print) and
 * lib_fmt_verbs.c (padding, quoting, and the integer, float and string
 * verbs) share: the formatting state and a verb's flags. */
#ifndef WF_LIB_FMT_INT_H
#define WF_LIB_FMT_INT_H

#include "sim/lang/lib.h"

typedef struct fmt_state {
    vm_value *memo; /* method results, in the order needed */
    uint8_t *panicked; /* memo[i] is the value the method panicked with */
    uint32_t n, cap;
    bool calling; /* a NAT_CALL is out: its result comes next */
    bool printed; /* print/println: the output op was exposed */
} fmt_state;

typedef struct fmtx {
    vm_ncall *c;
    vm_exec *x;
    const vm_program *p;
    buf *out;
    fmt_state *st;
    uint32_t used;
    bool need;
    vm_value need_fn, need_recv;
    bool plusV, sharpV;
    bool raw;      /* stopped: printing needs what a pointer to no object */
    vm_value rawp; /* (OF_RAW, vm_addr.c) points to: refused */
    vm_obj *fault_o; /* stopped: printing reads element fault_i of a guarded */
    uint32_t fault_i; /* array (OF_GUARD) its access would fault on */
} fmtx;

typedef struct fspec {
    bool minus, plus, sharp, space, zero;
    int width, prec; /* -1: none */
} fspec;

/* s (n bytes) padded to sp's width, to F's output */
void fmt_pad_str(fmtx *F, const char *s, const fspec *sp);
/* integer v, float f (f32: a float32's shortest form) and string s (n
 * bytes) under verb with flags sp, as Go's fmt prints them */
/* strconv.Quote of s[0, n) into b (q '\'': QuoteRune; ascii: the
 * QuoteToASCII escapes). */
void fmt_quote(buf *b, const char *s, size_t n, char q, bool ascii);
void fmt_int(fmtx *F, vm_value v, int verb, const fspec *sp);
void fmt_float(fmtx *F, double f, int verb, const fspec *sp, bool f32);
void fmt_string(fmtx *F, const char *s, size_t n, int verb,
                const fspec *sp);

#endif
