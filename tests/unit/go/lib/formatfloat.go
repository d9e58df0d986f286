package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	for _, f := range []float64{0, 1, -1, 0.1, 1e21, 1e20, 123456789, 0.000001, 1e-7, 3.14159, -2.5e-10, 1e100, math.MaxFloat64, math.SmallestNonzeroFloat64, 100, 1234567, 0.3, 1.0 / 3, math.Inf(1), math.NaN()} {
		for _, c := range []byte{'e', 'E', 'f', 'g', 'G'} {
			fmt.Print(strconv.FormatFloat(f, c, -1, 64), " ", strconv.FormatFloat(f, c, -1, 32), " ")
		}
		fmt.Println()
	}
}
