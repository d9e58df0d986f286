// Package rand: the execution's program stream (engine_rand), seeded per
// execution, so replays draw the same numbers.
package rand

func Seed(seed int64)  {}
func Uint64() uint64   { return __rand() }
func Uint32() uint32   { return uint32(__rand() >> 32) }
func Int63() int64     { return int64(__rand() >> 1) }
func Int31() int32     { return int32(__rand() >> 33) }
func Int() int         { return int(__rand() >> 1) }
func Float64() float64 { return float64(__rand()>>11) / (1 << 53) }
func Float32() float32 { return float32(Float64()) }

func Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	return Int63() % n
}

func Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	return Int31() % n
}

func Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	return int(Int63() % int64(n))
}

func Perm(n int) []int {
	m := make([]int, n)
	for i := 0; i < n; i++ {
		j := Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

func Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		swap(i, Intn(i+1))
	}
}

// Source and Rand: every source draws from the execution's stream, its
// seed ignored (a run is reproduced by weft's seed or schedule instead);
// a Rand over a Source of the program's own type uses that source.
type Source interface {
	Int63() int64
	Seed(seed int64)
}

type Source64 interface {
	Source
	Uint64() uint64
}

type execSource struct{}

func (execSource) Int63() int64    { return Int63() }
func (execSource) Uint64() uint64  { return Uint64() }
func (execSource) Seed(seed int64) {}

func NewSource(seed int64) Source { return execSource{} }

type Rand struct {
	src Source
}

func New(src Source) *Rand { return &Rand{src} }

func (r *Rand) Seed(seed int64) { r.src.Seed(seed) }
func (r *Rand) Int63() int64    { return r.src.Int63() }
func (r *Rand) Uint32() uint32  { return uint32(r.Int63() >> 31) }
func (r *Rand) Uint64() uint64 {
	if s, ok := r.src.(Source64); ok {
		return s.Uint64()
	}
	return uint64(r.Int63())>>31 | uint64(r.Int63())<<32
}
func (r *Rand) Int31() int32     { return int32(r.Int63() >> 32) }
func (r *Rand) Int() int         { return int(r.Int63()) }
func (r *Rand) Float64() float64 { return float64(r.Int63()>>10) / (1 << 53) }
func (r *Rand) Float32() float32 { return float32(r.Float64()) }

func (r *Rand) Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	return r.Int63() % n
}

func (r *Rand) Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	return r.Int31() % n
}

func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	return int(r.Int63() % int64(n))
}

func (r *Rand) Perm(n int) []int {
	m := make([]int, n)
	for i := 0; i < n; i++ {
		j := r.Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		swap(i, r.Intn(i+1))
	}
}
