// Package rand (math/rand/v2, Go 1.22): the execution's program stream
// (engine_rand), seeded per execution, so replays draw the same numbers;
// the seeds of PCG and ChaCha8 sources are ignored, as math/rand's are
// (a run is reproduced by weft's seed or schedule).
package rand

func Uint64() uint64   { return __rand() }
func Uint32() uint32   { return uint32(__rand() >> 32) }
func Uint() uint       { return uint(__rand()) }
func Int64() int64     { return int64(__rand() &^ (1 << 63)) }
func Int32() int32     { return int32(__rand() >> 33) }
func Int() int         { return int(uint(__rand()) << 1 >> 1) }
func Float64() float64 { return float64(__rand()<<11>>11) / (1 << 53) }
func Float32() float32 { return float32(Float64()) }

func Int64N(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int64N")
	}
	return int64(Uint64N(uint64(n)))
}

func Int32N(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int32N")
	}
	return int32(Uint64N(uint64(n)))
}

func IntN(n int) int {
	if n <= 0 {
		panic("invalid argument to IntN")
	}
	return int(Uint64N(uint64(n)))
}

func UintN(n uint) uint {
	if n == 0 {
		panic("invalid argument to UintN")
	}
	return uint(Uint64N(uint64(n)))
}

func Uint32N(n uint32) uint32 {
	if n == 0 {
		panic("invalid argument to Uint32N")
	}
	return uint32(Uint64N(uint64(n)))
}

func Uint64N(n uint64) uint64 {
	if n == 0 {
		panic("invalid argument to Uint64N")
	}
	return Uint64() % n
}

// N returns a pseudo-random number in the half-open interval [0,n) of
// any integer type (time.Duration included).
func N[Int intType](n Int) Int {
	if n <= 0 {
		panic("invalid argument to N")
	}
	return Int(Uint64N(uint64(n)))
}

type intType interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

func Perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}

func Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		swap(i, IntN(i+1))
	}
}

// A Source is a source of uniformly-distributed pseudo-random uint64
// values.
type Source interface {
	Uint64() uint64
}

// PCG and ChaCha8 draw from the execution's stream.
type PCG struct{ hi, lo uint64 }

func NewPCG(seed1, seed2 uint64) *PCG  { return &PCG{seed1, seed2} }
func (p *PCG) Seed(seed1, seed2 uint64) { p.hi, p.lo = seed1, seed2 }
func (p *PCG) Uint64() uint64           { return Uint64() }

type ChaCha8 struct{ seed [32]byte }

func NewChaCha8(seed [32]byte) *ChaCha8 { return &ChaCha8{seed} }
func (c *ChaCha8) Uint64() uint64       { return Uint64() }

// A Rand is a source of random numbers.
type Rand struct {
	src Source
}

func New(src Source) *Rand { return &Rand{src} }

func (r *Rand) Uint64() uint64   { return r.src.Uint64() }
func (r *Rand) Uint32() uint32   { return uint32(r.Uint64() >> 32) }
func (r *Rand) Uint() uint       { return uint(r.Uint64()) }
func (r *Rand) Int64() int64     { return int64(r.Uint64() &^ (1 << 63)) }
func (r *Rand) Int32() int32     { return int32(r.Uint64() >> 33) }
func (r *Rand) Int() int         { return int(uint(r.Uint64()) << 1 >> 1) }
func (r *Rand) Float64() float64 { return float64(r.Uint64()<<11>>11) / (1 << 53) }
func (r *Rand) Float32() float32 { return float32(r.Float64()) }

func (r *Rand) Uint64N(n uint64) uint64 {
	if n == 0 {
		panic("invalid argument to Uint64N")
	}
	return r.Uint64() % n
}

func (r *Rand) Int64N(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int64N")
	}
	return int64(r.Uint64N(uint64(n)))
}

func (r *Rand) Int32N(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int32N")
	}
	return int32(r.Uint64N(uint64(n)))
}

func (r *Rand) IntN(n int) int {
	if n <= 0 {
		panic("invalid argument to IntN")
	}
	return int(r.Uint64N(uint64(n)))
}

func (r *Rand) UintN(n uint) uint {
	if n == 0 {
		panic("invalid argument to UintN")
	}
	return uint(r.Uint64N(uint64(n)))
}

func (r *Rand) Uint32N(n uint32) uint32 {
	if n == 0 {
		panic("invalid argument to Uint32N")
	}
	return uint32(r.Uint64N(uint64(n)))
}

func (r *Rand) Perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	r.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}

func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		swap(i, r.IntN(i+1))
	}
}
