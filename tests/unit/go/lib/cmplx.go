// math/cmplx: its functions on values whose results Go and weft agree on
// to the last bit (output checked against go1.19).
package main

import (
	"fmt"
	"math/cmplx"
)

func main() {
	fmt.Println(cmplx.Abs(3+4i), cmplx.Conj(1+2i), cmplx.Sqrt(-4), cmplx.Sqrt(4), cmplx.Sqrt(2i))
	r, th := cmplx.Polar(-1)
	fmt.Println(r, th, cmplx.Exp(0), cmplx.Log(1), cmplx.IsNaN(cmplx.NaN()), cmplx.IsInf(cmplx.Inf()))
	fmt.Println(cmplx.Pow(0, 1), cmplx.Pow(2, 3), cmplx.Phase(1i), cmplx.Sin(0), cmplx.Cos(0), cmplx.Sqrt(-3+4i))
	fmt.Printf("%.6f %.6f\n", cmplx.Exp(1i*3.141592653589793), cmplx.Pow(1i, 2))
}
