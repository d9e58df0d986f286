// A verb that does not fit its operand prints %!verb(type=value), the
// value as %v with the verb's flags, width and precision, as Go's badVerb.
package main

import "fmt"

type S struct{ A int }

func main() {
	fmt.Printf("%08.3f|%-5d|%5s|%+d\n", 3054, 3.14159, 42, "x")
	fmt.Printf("%6t|%-8x|%.2d|%3c\n", 7, true, 3.14159, "ab")
	fmt.Printf("%10d|%s\n", S{1}, []bool{true})
	fmt.Printf("%5d|\n", nil)
}
