package main

import (
	"bytes"
	"crypto/md5"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
)

type header struct {
	Magic   uint32
	Version int16
	_       [2]byte
	Flags   [3]bool
	Ratio   float32
	Big     float64
	Signed  int8
	Pair    [2]uint16
	C       complex64
}

func main() {
	b := make([]byte, 8)
	binary.LittleEndian.PutUint64(b, 0x0102030405060708)
	fmt.Println(b, binary.LittleEndian.Uint64(b), binary.BigEndian.Uint64(b))
	binary.BigEndian.PutUint32(b, 0xdeadbeef)
	fmt.Println(b, binary.BigEndian.Uint32(b), binary.LittleEndian.Uint32(b), binary.BigEndian.Uint16(b), binary.LittleEndian.Uint16(b))
	binary.LittleEndian.PutUint16(b, 0xabcd)
	fmt.Println(b[:2])
	fmt.Println(binary.BigEndian.AppendUint16(nil, 0x102), binary.LittleEndian.AppendUint32([]byte{9}, 7), binary.BigEndian.AppendUint64(nil, 1))
	fmt.Println(binary.LittleEndian, binary.BigEndian)

	for _, x := range []uint64{0, 1, 127, 128, 300, 1<<63 + 5, ^uint64(0)} {
		buf := make([]byte, binary.MaxVarintLen64)
		n := binary.PutUvarint(buf, x)
		y, m := binary.Uvarint(buf[:n])
		fmt.Println(x, buf[:n], y, m, binary.AppendUvarint(nil, x))
	}
	for _, x := range []int64{0, -1, 1, -64, 64, -1 << 63, 1<<63 - 1} {
		buf := make([]byte, binary.MaxVarintLen64)
		n := binary.PutVarint(buf, x)
		y, m := binary.Varint(buf[:n])
		r, err := binary.ReadVarint(bytes.NewReader(buf[:n]))
		fmt.Println(x, buf[:n], y, m, r, err)
	}
	fmt.Println(binary.Uvarint([]byte{0x80, 0x80}))
	fmt.Println(binary.Uvarint([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}))
	_, err := binary.ReadUvarint(bytes.NewReader(nil))
	fmt.Println(err)

	h := header{Magic: 0xCAFEBABE, Version: -2, Flags: [3]bool{true, false, true}, Ratio: 1.5, Big: -3.25, Signed: -7, Pair: [2]uint16{1, 65535}, C: complex(1, -2)}
	var buf bytes.Buffer
	fmt.Println(binary.Write(&buf, binary.BigEndian, h), binary.Size(h), binary.Size(&h), buf.Len())
	fmt.Println(buf.Bytes())
	var h2 header
	fmt.Println(binary.Read(bytes.NewReader(buf.Bytes()), binary.BigEndian, &h2))
	fmt.Printf("%+v %v\n", h2, h2 == h)
	buf.Reset()
	binary.Write(&buf, binary.LittleEndian, []int32{1, -1, 256})
	binary.Write(&buf, binary.LittleEndian, uint16(513))
	binary.Write(&buf, binary.LittleEndian, 2.5)
	fmt.Println(buf.Bytes())
	xs := make([]int32, 3)
	var u uint16
	var f float64
	r := bytes.NewReader(buf.Bytes())
	fmt.Println(binary.Read(r, binary.LittleEndian, xs), binary.Read(r, binary.LittleEndian, &u), binary.Read(r, binary.LittleEndian, &f), xs, u, f)
	fmt.Println(binary.Read(r, binary.LittleEndian, &u))
	fmt.Println(binary.Read(bytes.NewReader([]byte{1}), binary.LittleEndian, &u))
	fmt.Println(binary.Write(&buf, binary.LittleEndian, "str"), binary.Size(map[int]int{}), binary.Size([]int{1}))
	var s struct{ A int }
	fmt.Println(binary.Read(r, binary.LittleEndian, &s))

	// hashes
	for _, s := range []string{"", "abc", "The quick brown fox jumps over the lazy dog", strings.Repeat("a", 55), strings.Repeat("a", 56), strings.Repeat("a", 64), strings.Repeat("xyz", 100)} {
		fmt.Printf("%x %x %x\n", md5.Sum([]byte(s)), sha256.Sum256([]byte(s)), sha256.Sum224([]byte(s)))
	}
	hm := md5.New()
	io.WriteString(hm, "The quick brown fox ")
	fmt.Printf("%x ", hm.Sum(nil))
	io.WriteString(hm, strings.Repeat("jumps over the lazy dog", 5))
	fmt.Printf("%x %d %d\n", hm.Sum([]byte("prefix")), hm.Size(), hm.BlockSize())
	hs := sha256.New()
	hs.Write([]byte("hello"))
	hs.Write([]byte(" world"))
	fmt.Printf("%x %d %d\n", hs.Sum(nil), hs.Size(), hs.BlockSize())
	hs.Reset()
	fmt.Printf("%x\n", hs.Sum(nil))
	h224 := sha256.New224()
	h224.Write([]byte("abc"))
	fmt.Printf("%x %d\n", h224.Sum(nil), h224.Size())
	fmt.Println(md5.Size, md5.BlockSize, sha256.Size, sha256.Size224, sha256.BlockSize)
}
