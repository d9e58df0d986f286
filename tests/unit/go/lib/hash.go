// hash/fnv and hash/crc32: sums of a few inputs (what Go prints), through
// the hash.Hash32/Hash64 interfaces, Sum appending big-endian bytes, Reset,
// and a shard chosen by FNV-1a from two goroutines. c.Sum(nil) calls an
// interface's method with nil for a []byte parameter: the nil must be a
// nil []byte inside, as in a static call, for append to take it.
package main

import (
	"fmt"
	"hash"
	"hash/crc32"
	"hash/fnv"
	"io"
	"sync"
)

func main() {
	for _, s := range []string{"", "a", "shard-key-17", "The quick brown fox"} {
		h1, h1a := fnv.New32(), fnv.New32a()
		h2, h2a := fnv.New64(), fnv.New64a()
		for _, h := range []hash.Hash{h1, h1a, h2, h2a} {
			io.WriteString(h, s)
		}
		fmt.Printf("%q %08x %08x %016x %016x %08x\n", s, h1.Sum32(), h1a.Sum32(),
			h2.Sum64(), h2a.Sum64(), crc32.ChecksumIEEE([]byte(s)))
	}
	h := fnv.New32a()
	h.Write([]byte("ab"))
	h.Write([]byte("c"))
	fmt.Printf("%x %d %d\n", h.Sum([]byte{0xff}), h.Size(), h.BlockSize())
	h.Reset()
	h.Write([]byte("abc"))
	fmt.Printf("%08x\n", h.Sum32())
	c := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	c.Write([]byte("hello"))
	fmt.Printf("%08x %x\n", c.Sum32(), c.Sum(nil))

	var wg sync.WaitGroup
	shards := make([]int, 2)
	for i, key := range []string{"alpha", "beta"} {
		wg.Add(1)
		go func(i int, key string) {
			defer wg.Done()
			h := fnv.New32a()
			h.Write([]byte(key))
			shards[i] = int(h.Sum32() % 8)
		}(i, key)
	}
	wg.Wait()
	fmt.Println(shards)
}
