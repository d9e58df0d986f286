// Package math: Go's constants and functions on float64. The elementary
// functions (Sqrt, Exp, Log, Pow, the trigonometric and hyperbolic ones,
// ...) are the C library's, through the intrinsics __math1 and __math2
// (lib_math.c): the special cases are Go's (they are C99's), the last
// bit of a transcendental result may differ from Go's own code. The rest
// is Go, on the bits of the values (__f64bits, __f64frombits).
package math

const (
	E   = 2.71828182845904523536028747135266249775724709369995957496696763
	Pi  = 3.14159265358979323846264338327950288419716939937510582097494459
	Phi = 1.61803398874989484820458683436563811772030917980576286213544862

	Sqrt2   = 1.41421356237309504880168872420969807856967187537694807317667974
	SqrtE   = 1.64872127070012814684865078831261994845946727879734040130300390
	SqrtPi  = 1.77245385090551602729816748334114518279754945612238712821380779
	SqrtPhi = 1.27201964951406896425242246173749149171560804184009624861664038

	Ln2    = 0.693147180559945309417232121458176568075500134360255254120680009
	Log2E  = 1 / Ln2
	Ln10   = 2.30258509299404568401799145468436420760110148862877297603332790
	Log10E = 1 / Ln10
)

const (
	MaxFloat32             = 0x1p127 * (1 + (1 - 0x1p-23))
	SmallestNonzeroFloat32 = 0x1p-126 * 0x1p-23
	MaxFloat64             = 0x1p1023 * (1 + (1 - 0x1p-52))
	SmallestNonzeroFloat64 = 0x1p-1022 * 0x1p-52
)

const (
	intSize = 64

	MaxInt    = 1<<(intSize-1) - 1
	MinInt    = -1 << (intSize - 1)
	MaxInt8   = 1<<7 - 1
	MinInt8   = -1 << 7
	MaxInt16  = 1<<15 - 1
	MinInt16  = -1 << 15
	MaxInt32  = 1<<31 - 1
	MinInt32  = -1 << 31
	MaxInt64  = 1<<63 - 1
	MinInt64  = -1 << 63
	MaxUint   = 1<<intSize - 1
	MaxUint8  = 1<<8 - 1
	MaxUint16 = 1<<16 - 1
	MaxUint32 = 1<<32 - 1
	MaxUint64 = 1<<64 - 1
)

// the operations of __math1 and __math2 (lib_math.c keeps the same list)
const (
	opSqrt = iota
	opFloor
	opCeil
	opTrunc
	opRound
	opRoundToEven
	opExp
	opExp2
	opExpm1
	opLog
	opLog2
	opLog10
	opLog1p
	opSin
	opCos
	opTan
	opAsin
	opAcos
	opAtan
	opSinh
	opCosh
	opTanh
	opAsinh
	opAcosh
	opAtanh
	opCbrt
	opErf
	opErfc
	opGamma
)

const (
	opPow = iota
	opAtan2
	opHypot
	opMod
	opRemainder
	opNextafter
	opLdexp
)

func Float64bits(f float64) uint64     { return __f64bits(f) }
func Float64frombits(b uint64) float64 { return __f64frombits(b) }
func Float32bits(f float32) uint32     { return __f32bits(f) }
func Float32frombits(b uint32) float32 { return __f32frombits(b) }

const (
	mask     = 0x7FF
	shift    = 64 - 11 - 1
	bias     = 1023
	signMask = 1 << 63
	fracMask = 1<<shift - 1
)

// Inf returns +Inf if sign >= 0, -Inf if sign < 0.
func Inf(sign int) float64 {
	var v uint64
	if sign >= 0 {
		v = 0x7FF0000000000000
	} else {
		v = 0xFFF0000000000000
	}
	return Float64frombits(v)
}

// NaN returns an IEEE 754 "not-a-number" value.
func NaN() float64 { return Float64frombits(0x7FF8000000000001) }

func IsNaN(f float64) (is bool) { return f != f }

// IsInf reports whether f is an infinity of the given sign (0: either).
func IsInf(f float64, sign int) bool {
	return sign >= 0 && f > MaxFloat64 || sign <= 0 && f < -MaxFloat64
}

func Signbit(x float64) bool { return Float64bits(x)&signMask != 0 }

func Abs(x float64) float64 { return Float64frombits(Float64bits(x) &^ signMask) }

func Copysign(f, sign float64) float64 {
	return Float64frombits(Float64bits(f)&^signMask | Float64bits(sign)&signMask)
}

// Max returns the larger of x and y (+Inf and NaN win; +0 over -0).
func Max(x, y float64) float64 {
	switch {
	case IsInf(x, 1) || IsInf(y, 1):
		return Inf(1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return y
		}
		return x
	}
	if x > y {
		return x
	}
	return y
}

// Min returns the smaller of x and y (-Inf and NaN win; -0 over +0).
func Min(x, y float64) float64 {
	switch {
	case IsInf(x, -1) || IsInf(y, -1):
		return Inf(-1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return x
		}
		return y
	}
	if x < y {
		return x
	}
	return y
}

// Dim returns the maximum of x-y or 0.
func Dim(x, y float64) float64 {
	v := x - y
	if v <= 0 {
		return 0
	}
	return v
}

func Sqrt(x float64) float64        { return __math1(opSqrt, x) }
func Floor(x float64) float64       { return __math1(opFloor, x) }
func Ceil(x float64) float64        { return __math1(opCeil, x) }
func Trunc(x float64) float64       { return __math1(opTrunc, x) }
func Round(x float64) float64       { return __math1(opRound, x) }
func RoundToEven(x float64) float64 { return __math1(opRoundToEven, x) }
func Exp(x float64) float64         { return __math1(opExp, x) }
func Exp2(x float64) float64        { return __math1(opExp2, x) }
func Expm1(x float64) float64       { return __math1(opExpm1, x) }
func Log(x float64) float64         { return __math1(opLog, x) }
func Log2(x float64) float64        { return __math1(opLog2, x) }
func Log10(x float64) float64       { return __math1(opLog10, x) }
func Log1p(x float64) float64       { return __math1(opLog1p, x) }
func Sin(x float64) float64         { return __math1(opSin, x) }
func Cos(x float64) float64         { return __math1(opCos, x) }
func Tan(x float64) float64         { return __math1(opTan, x) }
func Asin(x float64) float64        { return __math1(opAsin, x) }
func Acos(x float64) float64        { return __math1(opAcos, x) }
func Atan(x float64) float64        { return __math1(opAtan, x) }
func Sinh(x float64) float64        { return __math1(opSinh, x) }
func Cosh(x float64) float64        { return __math1(opCosh, x) }
func Tanh(x float64) float64        { return __math1(opTanh, x) }
func Asinh(x float64) float64       { return __math1(opAsinh, x) }
func Acosh(x float64) float64       { return __math1(opAcosh, x) }
func Atanh(x float64) float64       { return __math1(opAtanh, x) }
func Cbrt(x float64) float64        { return __math1(opCbrt, x) }
func Erf(x float64) float64         { return __math1(opErf, x) }
func Erfc(x float64) float64        { return __math1(opErfc, x) }
func Gamma(x float64) float64       { return __math1(opGamma, x) }

func Pow(x, y float64) float64       { return __math2(opPow, x, y) }
func Atan2(y, x float64) float64     { return __math2(opAtan2, y, x) }
func Hypot(p, q float64) float64     { return __math2(opHypot, p, q) }
func Mod(x, y float64) float64       { return __math2(opMod, x, y) }
func Remainder(x, y float64) float64 { return __math2(opRemainder, x, y) }
func Nextafter(x, y float64) float64 { return __math2(opNextafter, x, y) }

// Ldexp returns frac × 2**exp.
func Ldexp(frac float64, exp int) float64 {
	if exp > 5000 {
		exp = 5000
	} else if exp < -5000 {
		exp = -5000
	}
	return __math2(opLdexp, frac, float64(exp))
}

// Frexp breaks f into a fraction in [½, 1) and a power of two.
func Frexp(f float64) (frac float64, exp int) {
	switch {
	case f == 0:
		return f, 0
	case IsInf(f, 0) || IsNaN(f):
		return f, 0
	}
	if Abs(f) < 0x1p-1022 { // subnormal: scale into the normal range
		f *= 1 << 52
		exp = -52
	}
	x := Float64bits(f)
	exp += int((x>>shift)&mask) - bias + 1
	x &^= mask << shift
	x |= (-1 + bias) << shift
	frac = Float64frombits(x)
	return
}

// Modf returns the integer and fractional parts of f, both with f's sign.
func Modf(f float64) (ipart float64, frac float64) {
	if f < 1 {
		switch {
		case f < 0:
			ipart, frac = Modf(-f)
			return -ipart, -frac
		case f == 0:
			return f, f
		}
		return 0, f
	}
	ipart = Trunc(f)
	frac = f - ipart
	return
}

// Sincos returns Sin(x), Cos(x).
func Sincos(x float64) (sin, cos float64) { return Sin(x), Cos(x) }

// Pow10 returns 10**n: 0 below -323, +Inf above 308.
func Pow10(n int) float64 {
	if n < -323 {
		return 0
	}
	if n > 308 {
		return Inf(1)
	}
	return Pow(10, float64(n))
}

// Logb returns the binary exponent of x.
func Logb(x float64) float64 {
	switch {
	case x == 0:
		return Inf(-1)
	case IsInf(x, 0):
		return Inf(1)
	case IsNaN(x):
		return x
	}
	_, e := Frexp(x)
	return float64(e - 1)
}

// Ilogb returns the binary exponent of x as an integer.
func Ilogb(x float64) int {
	switch {
	case x == 0:
		return MinInt32
	case IsNaN(x):
		return MaxInt32
	case IsInf(x, 0):
		return MaxInt32
	}
	_, e := Frexp(x)
	return e - 1
}

// FMA returns x * y + z, rounded once.
func FMA(x, y, z float64) float64 { return __fma(x, y, z) }
