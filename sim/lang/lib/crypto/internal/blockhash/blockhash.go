// Package blockhash: what the hashes of 64-byte blocks (crypto/md5,
// crypto/sha256) share: the buffer that hands whole blocks to the hash's
// block function and keeps the rest, and the final padding (0x80, zeros
// to 56 mod 64, the message's length in bits).
package blockhash

// The block size of MD5, SHA-224 and SHA-256 in bytes.
const BlockSize = 64

// Buffer holds the bytes written since the last whole block.
type Buffer struct {
	x   [BlockSize]byte
	nx  int
	len uint64
}

// Reset forgets everything written.
func (b *Buffer) Reset() {
	b.nx = 0
	b.len = 0
}

// Write hands every whole block of what was kept and p to block, and
// keeps the rest.
func (b *Buffer) Write(p []byte, block func([]byte)) {
	b.len += uint64(len(p))
	if b.nx > 0 {
		n := copy(b.x[b.nx:], p)
		b.nx += n
		if b.nx == BlockSize {
			block(b.x[:])
			b.nx = 0
		}
		p = p[n:]
	}
	if len(p) >= BlockSize {
		n := len(p) &^ (BlockSize - 1)
		block(p[:n])
		p = p[n:]
	}
	if len(p) > 0 {
		b.nx = copy(b.x[:], p)
	}
}

// Pad writes the padding and the length in bits (big-endian for the SHA
// family, little-endian for MD5); no byte is kept after it.
func (b *Buffer) Pad(bigEndian bool, block func([]byte)) {
	var tmp [1 + 63 + 8]byte
	tmp[0] = 0x80
	pad := (55 - b.len) % 64
	bitlen := b.len << 3
	for i := uint64(0); i < 8; i++ {
		shift := 8 * i
		if bigEndian {
			shift = 56 - 8*i
		}
		tmp[1+pad+i] = byte(bitlen >> shift)
	}
	b.Write(tmp[:1+pad+8], block)
	if b.nx != 0 {
		panic("blockhash: padding left a partial block")
	}
}
