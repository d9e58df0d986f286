// strconv.ParseFloat: decimal and hexadecimal forms, underscores after a
// base prefix, infinities and NaN, range and syntax errors, bitSize 32.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"3.14", "-0.5e3", "1e-320", ".5", "5.", "0x1p-2", "0x_1p4", "1_000", "inf", "-Infinity", "NaN",
		"1e309", "-1e400", "abc", "", "1e", "0x1.8", "+2", "1.7976931348623157e308", "3.4e39", "1__0", "_1", "1_", "1_0.2_5e1_0"} {
		v, err := strconv.ParseFloat(s, 64)
		v32, err32 := strconv.ParseFloat(s, 32)
		fmt.Println(v, err, v32, err32)
	}
}
