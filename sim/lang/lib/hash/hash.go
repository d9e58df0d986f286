// Package hash: the interfaces of hash functions, as Go's hash.
package hash

import "io"

// A Hash is written to with io.Writer's Write (it never returns an
// error) and gives the checksum of everything written so far.
type Hash interface {
	io.Writer
	Sum(b []byte) []byte
	Reset()
	Size() int
	BlockSize() int
}

type Hash32 interface {
	Hash
	Sum32() uint32
}

type Hash64 interface {
	Hash
	Sum64() uint64
}
