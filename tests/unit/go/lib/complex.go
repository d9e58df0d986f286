// complex numbers: constants exact until typed, the builtins complex,
// real and imag, arithmetic (Go's division, complex64 rounded to
// float32), conversions, equality and map keys, fmt's verbs and println.
package main

import "fmt"

type C complex128

const big = 1e300i * 1e300i // exact: -1e600 until used

func parts() (float64, float64) { return 5, 7 }

func main() {
	var z complex128 = 1 + 2i
	w := complex(3.0, -1)
	fmt.Println(z*w, z/w, -z, z+w, z-w, z == 1+2i, z != w)
	var c64 = complex64(z) / 3
	fmt.Println(c64, real(c64), imag(c64))
	var cc C = 2i
	cc *= cc
	fmt.Printf("%v %T %.2f %8.3g|%+v %e\n", cc, cc, w, 1+1i, []complex128{3i}, z)
	fmt.Println(real(big/1e600), imag(big), complex(parts()))
	f := 0.0
	fmt.Println(z/complex(f, 0), complex(f, 0)/complex(f, 0))
	m := map[complex128]int{z: 1}
	m[1+2i]++
	m[complex(0, f)]++
	m[complex(0, -f)]++
	fmt.Println(m[z], m[0], len(m))
	println(z, c64)
}
