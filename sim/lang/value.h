/* value.h: the Go front end's run-time values and types, shared by the
 * compiler (which builds the type table and constants) and the VM.
 *
 * A value is 16 bytes, the engine's wf_value (channels carry it as is):
 *   8 bytes of payload, a 32-bit type id, 32 bits of aux.
 * A type id is (index << 5) | kind: the kind of any value is one mask away,
 * the type's descriptor is prog->types[id >> 5]. By kind:
 *   K_NIL           the nil interface (and untyped nil): id 0.
 *   K_BOOL          payload.i 0 or 1.
 *   K_INT..K_UINTPTR the integer in payload.i, always normalized to its
 *                   size (sign- or zero-extended), so == is a 64-bit ==.
 *   K_FLOAT64/32    payload.f (float32 rounded to float precision).
 *   K_STRING        payload.s bytes (immutable, shared), aux = length.
 *   K_PTR           payload.o the object and aux the slot index, or
 *                   VM_WHOLE when the pointee is the aggregate object
 *                   itself (a pointer to a struct or array); NULL is nil.
 *                   aux VM_WINDOW | off (a slice converted to an array
 *                   pointer): the pointee is the array of the type's
 *                   length at slots off.. of the slice's backing array.
 *   K_SLICE         payload.sl an immutable header (array, off, len, cap);
 *                   NULL is the nil slice.
 *   K_ARRAY, K_STRUCT aggregates: payload.o the object holding the
 *                   elements or fields. Aggregates have value semantics:
 *                   every store copies (vm_store), so two slots never
 *                   share an aggregate object; a pointer to an aggregate
 *                   is its object, whose identity assignments keep.
 *   K_MAP           payload.m (NULL: nil map).
 *   K_CHAN          payload.ch the engine channel (NULL: nil channel).
 *   K_FUNC          payload.o a function object (closure, bound method,
 *                   native); NULL is the nil func.
 *   K_HANDLE        payload.eo a lazily created engine object (the hidden
 *                   field of sync.Mutex and friends); copies are NULL.
 *   K_CELL          (registers and closures only) payload.o a cell: a
 *                   boxed local variable, captured or address-taken.
 *   K_UNTYPED_*     constants whose type the compiler could not decide;
 *                   they take the type of the other operand of an
 *                   operation or of the slot they are stored in.
 * Interfaces need no boxing: every value carries its dynamic type.
 * Owns: nothing (declarations only). */
#ifndef WF_LANG_VALUE_H
#define WF_LANG_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "sim/engine.h"

typedef enum vm_kind {
    K_NIL,
    K_BOOL,
    K_INT,
    K_INT8,
    K_INT16,
    K_INT32,
    K_INT64,
    K_UINT,
    K_UINT8,
    K_UINT16,
    K_UINT32,
    K_UINT64,
    K_UINTPTR,
    K_FLOAT64,
    K_FLOAT32,
    K_STRING,
    K_UNTYPED_INT,
    K_UNTYPED_FLOAT,
    K_UNTYPED_RUNE,
    K_PTR,
    K_SLICE,
    K_MAP,
    K_CHAN,
    K_FUNC,
    K_IFACE, /* a static type only: values carry their dynamic type */
    K_ARRAY,
    K_STRUCT,
    K_HANDLE,
    K_CELL,
    K_TUPLE, /* a static type only: several results */
    K_ITER,  /* a map iterator (range) */
    K_TPARAM, /* a static type only: a type parameter of generic code
                 (code is compiled per instantiation, never seeing one) */
    K__COUNT
} vm_kind;
_Static_assert(K__COUNT <= 32, "kinds fit in 5 bits");

#define VM_KIND(t) ((vm_kind)((t)&31u))
#define VM_TIDX(t) ((t) >> 5)
#define VM_TID(idx, kind) (((uint32_t)(idx) << 5) | (uint32_t)(kind))
#define VM_WHOLE 0xFFFFFFFFu
#define VM_WINDOW 0x80000000u
#define VM_IS_WINDOW(aux) ((aux) != VM_WHOLE && ((aux)&VM_WINDOW))

/* The predeclared types, at fixed indices. */
enum {
    TI_NIL,
    TI_BOOL,
    TI_INT,
    TI_INT8,
    TI_INT16,
    TI_INT32,
    TI_INT64,
    TI_UINT,
    TI_UINT8,
    TI_UINT16,
    TI_UINT32,
    TI_UINT64,
    TI_UINTPTR,
    TI_FLOAT64,
    TI_FLOAT32,
    TI_STRING,
    TI_UNTYPED_INT,
    TI_UNTYPED_FLOAT,
    TI_UNTYPED_RUNE,
    TI_ANY,    /* interface{} */
    TI_ERROR,  /* error */
    TI_HANDLE, /* hidden engine-object field */
    TI_CELL,
    TI_ITER,
    TI_RTERROR, /* runtime.Error: a string, Error() gives it */
    TI_UNSAFEPTR, /* a pointer whose type was never named */
    TI_FUNC,      /* func of unknown signature */
    /* the type checker's own (never a value's type at run time) */
    TI_UNTYPED_BOOL,
    TI_UNTYPED_STRING,
    TI_UNTYPED_NIL,
    TI_COMPARABLE, /* the predeclared constraint comparable */
    /* complex numbers: structs of two floats (real, imaginary) at run
     * time, whose fields no Go name reaches; the operators, conversions
     * and builtins know them by their underlying type */
    TI_COMPLEX64,
    TI_COMPLEX128,
    TI_UNTYPED_COMPLEX, /* the type checker's own */
    TI__PREDECLARED
};
#define T_NIL     VM_TID(TI_NIL, K_NIL)
#define T_BOOL    VM_TID(TI_BOOL, K_BOOL)
#define T_INT     VM_TID(TI_INT, K_INT)
#define T_INT8    VM_TID(TI_INT8, K_INT8)
#define T_INT16   VM_TID(TI_INT16, K_INT16)
#define T_INT32   VM_TID(TI_INT32, K_INT32)
#define T_INT64   VM_TID(TI_INT64, K_INT64)
#define T_UINT    VM_TID(TI_UINT, K_UINT)
#define T_UINT8   VM_TID(TI_UINT8, K_UINT8)
#define T_UINT16  VM_TID(TI_UINT16, K_UINT16)
#define T_UINT32  VM_TID(TI_UINT32, K_UINT32)
#define T_UINT64  VM_TID(TI_UINT64, K_UINT64)
#define T_UINTPTR VM_TID(TI_UINTPTR, K_UINTPTR)
#define T_FLOAT64 VM_TID(TI_FLOAT64, K_FLOAT64)
#define T_FLOAT32 VM_TID(TI_FLOAT32, K_FLOAT32)
#define T_STRING  VM_TID(TI_STRING, K_STRING)
#define T_UINT_K  VM_TID(TI_UNTYPED_INT, K_UNTYPED_INT)
#define T_UFLT_K  VM_TID(TI_UNTYPED_FLOAT, K_UNTYPED_FLOAT)
#define T_URUNE_K VM_TID(TI_UNTYPED_RUNE, K_UNTYPED_RUNE)
#define T_ANY     VM_TID(TI_ANY, K_IFACE)
#define T_ERROR   VM_TID(TI_ERROR, K_IFACE)
#define T_HANDLE  VM_TID(TI_HANDLE, K_HANDLE)
#define T_CELL    VM_TID(TI_CELL, K_CELL)
#define T_ITER    VM_TID(TI_ITER, K_ITER)
#define T_RTERROR VM_TID(TI_RTERROR, K_STRING)
#define T_UPTR    VM_TID(TI_UNSAFEPTR, K_PTR)
#define T_FUNC    VM_TID(TI_FUNC, K_FUNC)
#define T_UBOOL   VM_TID(TI_UNTYPED_BOOL, K_BOOL)
#define T_USTR    VM_TID(TI_UNTYPED_STRING, K_STRING)
#define T_UNIL    VM_TID(TI_UNTYPED_NIL, K_NIL)
#define T_COMPARABLE VM_TID(TI_COMPARABLE, K_IFACE)
#define T_COMPLEX64  VM_TID(TI_COMPLEX64, K_STRUCT)
#define T_COMPLEX128 VM_TID(TI_COMPLEX128, K_STRUCT)
#define T_UCPLX      VM_TID(TI_UNTYPED_COMPLEX, K_STRUCT)

struct vm_obj;
struct vm_slice;
struct vm_map;

typedef struct vm_value {
    union {
        int64_t i;
        uint64_t u;
        double f;
        const char *s;
        struct vm_obj *o;
        struct vm_slice *sl;
        struct vm_map *m;
        wf_chan *ch;
        wf_obj *eo;
        void *p;
    } v;
    uint32_t t;   /* type id */
    uint32_t aux; /* string length; pointer slot */
} vm_value;
_Static_assert(sizeof(vm_value) == sizeof(wf_value), "a value is 16 bytes");

static inline wf_value vm_to_wf(vm_value v)
{
    wf_value w;
    memcpy(&w, &v, sizeof w);
    return w;
}
static inline vm_value vm_from_wf(wf_value w)
{
    vm_value v;
    memcpy(&v, &w, sizeof v);
    return v;
}

static inline bool kind_is_int(vm_kind k)
{
    return k >= K_INT && k <= K_UINTPTR;
}
static inline bool kind_is_signed(vm_kind k)
{
    return k >= K_INT && k <= K_INT64;
}
static inline bool kind_is_float(vm_kind k)
{
    return k == K_FLOAT64 || k == K_FLOAT32;
}
static inline bool kind_is_untyped(vm_kind k)
{
    return k >= K_UNTYPED_INT && k <= K_UNTYPED_RUNE;
}
static inline bool kind_is_aggregate(vm_kind k)
{
    return k == K_ARRAY || k == K_STRUCT;
}
/* Kinds whose zero value is nil. */
static inline bool kind_is_nilable(vm_kind k)
{
    return k == K_NIL || (k >= K_PTR && k <= K_IFACE);
}

/* Bits of each integer kind (64 for int, uint, uintptr). */
static inline int kind_bits(vm_kind k)
{
    static const unsigned char bits[K__COUNT] = {
        [K_INT] = 64,    [K_INT8] = 8,    [K_INT16] = 16,  [K_INT32] = 32,
        [K_INT64] = 64,  [K_UINT] = 64,   [K_UINT8] = 8,   [K_UINT16] = 16,
        [K_UINT32] = 32, [K_UINT64] = 64, [K_UINTPTR] = 64};
    return bits[k];
}

/* x wrapped to kind k's size (Go's wrap-around), computed in uint64. */
static inline int64_t int_wrap(vm_kind k, uint64_t x)
{
    switch (k) {
    case K_INT8:
        return (int64_t)(int8_t)(uint8_t)x;
    case K_INT16:
        return (int64_t)(int16_t)(uint16_t)x;
    case K_INT32:
        return (int64_t)(int32_t)(uint32_t)x;
    case K_UINT8:
        return (int64_t)(uint8_t)x;
    case K_UINT16:
        return (int64_t)(uint16_t)x;
    case K_UINT32:
        return (int64_t)(uint32_t)x;
    default:
        return (int64_t)x;
    }
}

/* The type an untyped constant kind defaults to (int, rune, float64). */
static inline uint32_t vm_default_type(uint32_t t)
{
    switch (VM_KIND(t)) {
    case K_UNTYPED_INT:
        return T_INT;
    case K_UNTYPED_RUNE:
        return T_INT32;
    case K_UNTYPED_FLOAT:
        return T_FLOAT64;
    default:
        return t;
    }
}

static inline vm_value vm_int(uint32_t t, int64_t i)
{
    vm_value v;
    v.v.i = i;
    v.t = t;
    v.aux = 0;
    return v;
}
static inline vm_value vm_bool(bool b)
{
    return vm_int(T_BOOL, b);
}
static inline vm_value vm_float(uint32_t t, double f)
{
    vm_value v;
    v.v.f = f;
    v.t = t;
    v.aux = 0;
    return v;
}
static inline vm_value vm_str(const char *s, uint32_t n)
{
    vm_value v;
    v.v.s = s;
    v.t = T_STRING;
    v.aux = n;
    return v;
}
static inline vm_value vm_nil(void)
{
    vm_value v;
    memset(&v, 0, sizeof v);
    return v;
}
static inline vm_value vm_ref(uint32_t t, void *p)
{
    vm_value v;
    v.v.p = p;
    v.t = t;
    v.aux = 0;
    return v;
}

#endif
