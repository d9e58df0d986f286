// Package cmplx: Go's functions on complex128, written for weft on top of
// package math (whose elementary functions are the C library's): the
// special cases of infinities and NaNs are Go's where noted, and the last
// bit of a transcendental result may differ from Go's own code.
package cmplx

import "math"

// Abs returns the absolute value (modulus) of x.
func Abs(x complex128) float64 { return math.Hypot(real(x), imag(x)) }

// Conj returns the complex conjugate of x.
func Conj(x complex128) complex128 { return complex(real(x), -imag(x)) }

// Phase returns the phase (argument) of x, in [-Pi, Pi].
func Phase(x complex128) float64 { return math.Atan2(imag(x), real(x)) }

// Polar returns the modulus and the phase of x.
func Polar(x complex128) (r, θ float64) { return Abs(x), Phase(x) }

// Rect returns the complex number with modulus r and phase θ.
func Rect(r, θ float64) complex128 {
	s, c := math.Sincos(θ)
	return complex(r*c, r*s)
}

// Inf returns a complex infinity, complex(+Inf, +Inf).
func Inf() complex128 {
	inf := math.Inf(1)
	return complex(inf, inf)
}

// NaN returns a complex "not-a-number" value.
func NaN() complex128 {
	nan := math.NaN()
	return complex(nan, nan)
}

// IsInf reports whether either part of x is an infinity.
func IsInf(x complex128) bool {
	return math.IsInf(real(x), 0) || math.IsInf(imag(x), 0)
}

// IsNaN reports whether either part of x is a NaN and neither is an
// infinity.
func IsNaN(x complex128) bool {
	if IsInf(x) {
		return false
	}
	return math.IsNaN(real(x)) || math.IsNaN(imag(x))
}

// Sqrt returns the square root of x, with a non-negative real part.
func Sqrt(x complex128) complex128 {
	a, b := real(x), imag(x)
	if b == 0 {
		switch {
		case a == 0:
			return complex(0, b)
		case a < 0:
			return complex(0, math.Copysign(math.Sqrt(-a), b))
		}
		return complex(math.Sqrt(a), b)
	}
	if math.IsInf(b, 0) {
		return complex(math.Inf(1), b)
	}
	if a == 0 {
		t := math.Sqrt(0.5 * math.Abs(b))
		return complex(t, math.Copysign(t, b))
	}
	t := math.Sqrt(0.5 * (Abs(x) + math.Abs(a)))
	if a > 0 {
		return complex(t, b/(2*t))
	}
	return complex(math.Abs(b)/(2*t), math.Copysign(t, b))
}

// Exp returns e**x.
func Exp(x complex128) complex128 {
	r := math.Exp(real(x))
	if imag(x) == 0 {
		return complex(r, imag(x))
	}
	s, c := math.Sincos(imag(x))
	return complex(r*c, r*s)
}

// Log returns the natural logarithm of x.
func Log(x complex128) complex128 {
	return complex(math.Log(Abs(x)), Phase(x))
}

// Log10 returns the decimal logarithm of x.
func Log10(x complex128) complex128 {
	z := Log(x)
	return complex(math.Log10E*real(z), math.Log10E*imag(z))
}

// Pow returns x**y, with Go's special cases for x == 0.
func Pow(x, y complex128) complex128 {
	if x == 0 {
		if IsNaN(y) {
			return NaN()
		}
		r, i := real(y), imag(y)
		switch {
		case r == 0:
			return 1
		case r < 0:
			if i == 0 {
				return complex(math.Inf(1), 0)
			}
			return Inf()
		}
		return 0
	}
	modulus := Abs(x)
	if modulus == 0 {
		return complex(0, 0)
	}
	r := math.Pow(modulus, real(y))
	arg := Phase(x)
	theta := real(y) * arg
	if imag(y) != 0 {
		r *= math.Exp(-imag(y) * arg)
		theta += imag(y) * math.Log(modulus)
	}
	s, c := math.Sincos(theta)
	return complex(r*c, r*s)
}

// Sin returns the sine of x.
func Sin(x complex128) complex128 {
	s, c := math.Sincos(real(x))
	return complex(s*math.Cosh(imag(x)), c*math.Sinh(imag(x)))
}

// Cos returns the cosine of x.
func Cos(x complex128) complex128 {
	s, c := math.Sincos(real(x))
	return complex(c*math.Cosh(imag(x)), -s*math.Sinh(imag(x)))
}

// Sinh returns the hyperbolic sine of x.
func Sinh(x complex128) complex128 {
	s, c := math.Sincos(imag(x))
	return complex(c*math.Sinh(real(x)), s*math.Cosh(real(x)))
}

// Cosh returns the hyperbolic cosine of x.
func Cosh(x complex128) complex128 {
	s, c := math.Sincos(imag(x))
	return complex(c*math.Cosh(real(x)), s*math.Sinh(real(x)))
}
