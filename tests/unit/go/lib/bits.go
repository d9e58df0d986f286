// math/bits: counts, lengths, rotations, reversals, and the full-width
// arithmetic of Add64, Sub64, Mul64 and Div64.
package main

import (
	"fmt"
	"math/bits"
)

func main() {
	for _, x := range []uint64{0, 1, 2, 3, 0x80, 0xff00, 1 << 63, 0xdeadbeefcafe, ^uint64(0)} {
		fmt.Println(x, bits.LeadingZeros64(x), bits.TrailingZeros64(x), bits.OnesCount64(x),
			bits.Len64(x), bits.RotateLeft64(x, 5), bits.RotateLeft64(x, -3), bits.Reverse64(x), bits.ReverseBytes64(x))
	}
	fmt.Println(bits.LeadingZeros8(1), bits.LeadingZeros16(1), bits.LeadingZeros32(1), bits.LeadingZeros(1))
	fmt.Println(bits.TrailingZeros8(0), bits.TrailingZeros16(8), bits.TrailingZeros32(0), bits.TrailingZeros(16))
	fmt.Println(bits.OnesCount8(0xf0), bits.OnesCount16(0xffff), bits.OnesCount32(7), bits.OnesCount(255))
	fmt.Println(bits.Len8(3), bits.Len16(300), bits.Len32(1<<20), bits.Len(0))
	fmt.Println(bits.Reverse8(1), bits.Reverse16(1), bits.Reverse32(1), bits.ReverseBytes16(0x1234), bits.ReverseBytes32(0x12345678))
	fmt.Println(bits.RotateLeft8(0x81, 1), bits.RotateLeft16(1, -1), bits.RotateLeft32(1, 33))
	s, c := bits.Add64(^uint64(0), 1, 0)
	fmt.Println(s, c)
	s, c = bits.Add64(1, 2, 1)
	fmt.Println(s, c)
	d, b := bits.Sub64(0, 1, 0)
	fmt.Println(d, b)
	hi, lo := bits.Mul64(^uint64(0), ^uint64(0))
	fmt.Println(hi, lo)
	q, r := bits.Div64(1, 0, 3)
	fmt.Println(q, r)
	q32, r32 := bits.Div32(1, 5, 7)
	fmt.Println(q32, r32, bits.Rem64(5, 7, 3))
	h32, l32 := bits.Mul32(0xffffffff, 2)
	fmt.Println(h32, l32, bits.UintSize)
	defer func() { fmt.Println("recovered:", recover()) }()
	bits.Div64(5, 0, 3)
}
