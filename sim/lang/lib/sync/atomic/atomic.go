// Package atomic: the atomic natives take a width code: 1 int32, 2 int64,
// 3 uint32, 4 uint64, 5 bool, 6 uintptr.
package atomic

type Int32 struct {
	h __handle
}

func (x *Int32) Load() int32   { return __atomic_load(x, 1) }
func (x *Int32) Store(v int32) { __atomic_store(x, v, 1) }
func (x *Int32) Swap(new int32) int32 {
	return __atomic_swap(x, new, 1)
}
func (x *Int32) CompareAndSwap(old, new int32) bool {
	return __atomic_cas(x, old, new, 1)
}

func (x *Int32) Add(delta int32) int32 {
	return __atomic_add(x, delta, 1)
}

type Int64 struct {
	h __handle
}

func (x *Int64) Load() int64   { return __atomic_load(x, 2) }
func (x *Int64) Store(v int64) { __atomic_store(x, v, 2) }
func (x *Int64) Swap(new int64) int64 {
	return __atomic_swap(x, new, 2)
}
func (x *Int64) CompareAndSwap(old, new int64) bool {
	return __atomic_cas(x, old, new, 2)
}

func (x *Int64) Add(delta int64) int64 {
	return __atomic_add(x, delta, 2)
}

type Uint32 struct {
	h __handle
}

func (x *Uint32) Load() uint32   { return __atomic_load(x, 3) }
func (x *Uint32) Store(v uint32) { __atomic_store(x, v, 3) }
func (x *Uint32) Swap(new uint32) uint32 {
	return __atomic_swap(x, new, 3)
}
func (x *Uint32) CompareAndSwap(old, new uint32) bool {
	return __atomic_cas(x, old, new, 3)
}

func (x *Uint32) Add(delta uint32) uint32 {
	return __atomic_add(x, delta, 3)
}

type Uint64 struct {
	h __handle
}

func (x *Uint64) Load() uint64   { return __atomic_load(x, 4) }
func (x *Uint64) Store(v uint64) { __atomic_store(x, v, 4) }
func (x *Uint64) Swap(new uint64) uint64 {
	return __atomic_swap(x, new, 4)
}
func (x *Uint64) CompareAndSwap(old, new uint64) bool {
	return __atomic_cas(x, old, new, 4)
}

func (x *Uint64) Add(delta uint64) uint64 {
	return __atomic_add(x, delta, 4)
}

type Uintptr struct {
	h __handle
}

func (x *Uintptr) Load() uintptr   { return __atomic_load(x, 6) }
func (x *Uintptr) Store(v uintptr) { __atomic_store(x, v, 6) }
func (x *Uintptr) Swap(new uintptr) uintptr {
	return __atomic_swap(x, new, 6)
}
func (x *Uintptr) CompareAndSwap(old, new uintptr) bool {
	return __atomic_cas(x, old, new, 6)
}

func (x *Uintptr) Add(delta uintptr) uintptr {
	return __atomic_add(x, delta, 6)
}

type Bool struct {
	h __handle
}

func (x *Bool) Load() bool   { return __atomic_load(x, 5) }
func (x *Bool) Store(v bool) { __atomic_store(x, v, 5) }
func (x *Bool) Swap(new bool) bool {
	return __atomic_swap(x, new, 5)
}
func (x *Bool) CompareAndSwap(old, new bool) bool {
	return __atomic_cas(x, old, new, 5)
}

func AddInt32(addr *int32, delta int32) int32 {
	return __aptr_add(addr, delta, 1)
}
func LoadInt32(addr *int32) int32 { return __aptr_load(addr, 1) }
func StoreInt32(addr *int32, val int32) {
	__aptr_store(addr, val, 1)
}
func SwapInt32(addr *int32, new int32) int32 {
	return __aptr_swap(addr, new, 1)
}
func CompareAndSwapInt32(addr *int32, old, new int32) bool {
	return __aptr_cas(addr, old, new, 1)
}

func AddInt64(addr *int64, delta int64) int64 {
	return __aptr_add(addr, delta, 2)
}
func LoadInt64(addr *int64) int64 { return __aptr_load(addr, 2) }
func StoreInt64(addr *int64, val int64) {
	__aptr_store(addr, val, 2)
}
func SwapInt64(addr *int64, new int64) int64 {
	return __aptr_swap(addr, new, 2)
}
func CompareAndSwapInt64(addr *int64, old, new int64) bool {
	return __aptr_cas(addr, old, new, 2)
}

func AddUint32(addr *uint32, delta uint32) uint32 {
	return __aptr_add(addr, delta, 3)
}
func LoadUint32(addr *uint32) uint32 { return __aptr_load(addr, 3) }
func StoreUint32(addr *uint32, val uint32) {
	__aptr_store(addr, val, 3)
}
func SwapUint32(addr *uint32, new uint32) uint32 {
	return __aptr_swap(addr, new, 3)
}
func CompareAndSwapUint32(addr *uint32, old, new uint32) bool {
	return __aptr_cas(addr, old, new, 3)
}

func AddUint64(addr *uint64, delta uint64) uint64 {
	return __aptr_add(addr, delta, 4)
}
func LoadUint64(addr *uint64) uint64 { return __aptr_load(addr, 4) }
func StoreUint64(addr *uint64, val uint64) {
	__aptr_store(addr, val, 4)
}
func SwapUint64(addr *uint64, new uint64) uint64 {
	return __aptr_swap(addr, new, 4)
}
func CompareAndSwapUint64(addr *uint64, old, new uint64) bool {
	return __aptr_cas(addr, old, new, 4)
}

type Value struct {
	v any
	h __handle
}

func (x *Value) Load() any { return __aval_load(x) }
func (x *Value) Store(v any) {
	if v == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	__aval_store(x, v)
}
func (x *Value) Swap(new any) any {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	return __aval_swap(x, new)
}
func (x *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	return __aval_cas(x, old, new, false)
}

// Pointer is an atomic *T, a Value that holds only *T (an empty one
// holds nil).
type Pointer[T any] struct {
	v Value
}

func (x *Pointer[T]) Load() *T {
	p, _ := __aval_load(&x.v).(*T)
	return p
}
func (x *Pointer[T]) Store(val *T) { __aval_store(&x.v, val) }
func (x *Pointer[T]) Swap(new *T) (old *T) {
	old, _ = __aval_swap(&x.v, new).(*T)
	return old
}
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	return __aval_cas(&x.v, old, new, true)
}

// And and Or (Go 1.23): the bitwise operation as a compare-and-swap loop,
// returning the old value.
func bitop[T int32 | int64 | uint32 | uint64](load func() T, cas func(old, new T) bool, f func(T) T) (old T) {
	for {
		old = load()
		if cas(old, f(old)) {
			return old
		}
	}
}

func (x *Int32) And(mask int32) (old int32) {
	return bitop(x.Load, x.CompareAndSwap, func(v int32) int32 { return v & mask })
}

func AndInt32(addr *int32, mask int32) (old int32) {
	return bitop(func() int32 { return LoadInt32(addr) },
		func(old, new int32) bool { return CompareAndSwapInt32(addr, old, new) },
		func(v int32) int32 { return v & mask })
}

func (x *Int32) Or(mask int32) (old int32) {
	return bitop(x.Load, x.CompareAndSwap, func(v int32) int32 { return v | mask })
}

func OrInt32(addr *int32, mask int32) (old int32) {
	return bitop(func() int32 { return LoadInt32(addr) },
		func(old, new int32) bool { return CompareAndSwapInt32(addr, old, new) },
		func(v int32) int32 { return v | mask })
}

func (x *Int64) And(mask int64) (old int64) {
	return bitop(x.Load, x.CompareAndSwap, func(v int64) int64 { return v & mask })
}

func AndInt64(addr *int64, mask int64) (old int64) {
	return bitop(func() int64 { return LoadInt64(addr) },
		func(old, new int64) bool { return CompareAndSwapInt64(addr, old, new) },
		func(v int64) int64 { return v & mask })
}

func (x *Int64) Or(mask int64) (old int64) {
	return bitop(x.Load, x.CompareAndSwap, func(v int64) int64 { return v | mask })
}

func OrInt64(addr *int64, mask int64) (old int64) {
	return bitop(func() int64 { return LoadInt64(addr) },
		func(old, new int64) bool { return CompareAndSwapInt64(addr, old, new) },
		func(v int64) int64 { return v | mask })
}

func (x *Uint32) And(mask uint32) (old uint32) {
	return bitop(x.Load, x.CompareAndSwap, func(v uint32) uint32 { return v & mask })
}

func AndUint32(addr *uint32, mask uint32) (old uint32) {
	return bitop(func() uint32 { return LoadUint32(addr) },
		func(old, new uint32) bool { return CompareAndSwapUint32(addr, old, new) },
		func(v uint32) uint32 { return v & mask })
}

func (x *Uint32) Or(mask uint32) (old uint32) {
	return bitop(x.Load, x.CompareAndSwap, func(v uint32) uint32 { return v | mask })
}

func OrUint32(addr *uint32, mask uint32) (old uint32) {
	return bitop(func() uint32 { return LoadUint32(addr) },
		func(old, new uint32) bool { return CompareAndSwapUint32(addr, old, new) },
		func(v uint32) uint32 { return v | mask })
}

func (x *Uint64) And(mask uint64) (old uint64) {
	return bitop(x.Load, x.CompareAndSwap, func(v uint64) uint64 { return v & mask })
}

func AndUint64(addr *uint64, mask uint64) (old uint64) {
	return bitop(func() uint64 { return LoadUint64(addr) },
		func(old, new uint64) bool { return CompareAndSwapUint64(addr, old, new) },
		func(v uint64) uint64 { return v & mask })
}

func (x *Uint64) Or(mask uint64) (old uint64) {
	return bitop(x.Load, x.CompareAndSwap, func(v uint64) uint64 { return v | mask })
}

func OrUint64(addr *uint64, mask uint64) (old uint64) {
	return bitop(func() uint64 { return LoadUint64(addr) },
		func(old, new uint64) bool { return CompareAndSwapUint64(addr, old, new) },
		func(v uint64) uint64 { return v | mask })
}
