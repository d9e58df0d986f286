// math: constants, exact functions (Sqrt, Floor, Ceil, Trunc, Round,
// RoundToEven, Mod, Abs, Max, Min with ±0, ±Inf and NaN), bits of floats,
// Frexp, Ldexp, Modf, and the elementary functions to 10 places.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Pi, math.E, math.Sqrt2, math.MaxInt64, math.MinInt64, uint64(math.MaxUint64))
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32, math.MaxInt32, math.MaxUint16)
	fmt.Println(math.Sqrt(2), math.Sqrt(-1), math.Sqrt(math.Inf(1)))
	for _, x := range []float64{2.5, -2.5, 3.5, -0.4, 0.5, 1e300} {
		fmt.Println(x, math.Floor(x), math.Ceil(x), math.Trunc(x), math.Round(x), math.RoundToEven(x))
	}
	fmt.Println(math.Mod(7, 3), math.Mod(-7, 3), math.Mod(7, -3), math.Remainder(7, 3))
	fmt.Println(math.Abs(-3), math.Abs(math.Inf(-1)), math.Copysign(3, -1), math.Signbit(math.Copysign(0, -1)))
	fmt.Println(math.Max(1, 2), math.Min(1, 2), math.Max(math.NaN(), 1), math.Max(math.Inf(1), math.NaN()), math.Min(math.Inf(-1), math.NaN()))
	fmt.Println(math.Max(0, math.Copysign(0, -1)), math.Min(0, math.Copysign(0, -1)), math.Dim(5, 3), math.Dim(3, 5))
	fmt.Println(math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1), math.IsInf(math.Inf(-1), 1), math.Inf(1), math.Inf(-1), math.NaN())
	fmt.Println(math.Float64bits(1.0), math.Float64frombits(0x4000000000000000), math.Float32bits(1.0), math.Float32frombits(0x40400000))
	fr, ex := math.Frexp(8)
	fmt.Println(fr, ex, math.Ldexp(0.5, 4), math.Ldexp(1, -1074), math.Ldexp(1, 1024))
	fr, ex = math.Frexp(5e-324)
	fmt.Println(fr, ex)
	ip, fp := math.Modf(-3.25)
	fmt.Println(ip, fp, math.Logb(8), math.Ilogb(0.25))
	fmt.Println(math.Pow(2, 10), math.Pow(-8, 1.0/3), math.Pow(0, -1), math.Pow(1, math.NaN()), math.Pow10(3), math.Pow10(-400))
	fmt.Println(math.Exp(0), math.Log(1), math.Log(0), math.Log(-1), math.Log2(8), math.Log10(1000), math.Exp2(10))
	for _, x := range []float64{0.5, 1, 2} {
		fmt.Printf("%.10f %.10f %.10f %.10f %.10f %.10f %.10f %.10f\n", math.Sin(x), math.Cos(x), math.Tan(x),
			math.Atan(x), math.Exp(x), math.Log(x), math.Sinh(x), math.Tanh(x))
	}
	fmt.Printf("%.10f %.10f %.10f %.10f %.10f\n", math.Asin(0.5), math.Acos(0.5), math.Atan2(1, -1), math.Hypot(3, 4), math.Cbrt(27))
	fmt.Printf("%.10f %.10f %.10f %.10f\n", math.Erf(0.5), math.Gamma(5), math.Expm1(1e-5), math.Log1p(1e-5))
	fmt.Println(math.Nextafter(1, 2), math.FMA(2, 3, 4), int64(math.Floor(-0.5)))
	s, c := math.Sincos(0)
	fmt.Println(s, c)
}
