package json

import (
	"bytes"
	"io"
)

// A Decoder reads and decodes JSON values from an input stream.
type Decoder struct {
	r                     io.Reader
	buf                   []byte
	scanp                 int
	err                   error
	useNumber             bool
	disallowUnknownFields bool
}

// NewDecoder returns a new decoder that reads from r (reading more than
// the value it decodes, as Go's buffers).
func NewDecoder(r io.Reader) *Decoder { return &Decoder{r: r} }

// UseNumber causes the Decoder to unmarshal a number into an interface{}
// as a Number instead of as a float64.
func (dec *Decoder) UseNumber() { dec.useNumber = true }

// DisallowUnknownFields causes the Decoder to return an error when the
// destination is a struct and the input contains object keys which do
// not match any non-ignored, exported fields in the destination.
func (dec *Decoder) DisallowUnknownFields() { dec.disallowUnknownFields = true }

// Decode reads the next JSON-encoded value from its input and stores it
// in the value pointed to by v.
func (dec *Decoder) Decode(v any) error {
	if dec.err != nil {
		return dec.err
	}
	n, err := dec.readValue()
	if err != nil {
		return err
	}
	data := dec.buf[dec.scanp : dec.scanp+n]
	dec.scanp += n
	d := &decodeState{data: data, useNumber: dec.useNumber, disallowUnknownFields: dec.disallowUnknownFields}
	return d.unmarshal(v)
}

// Buffered returns a reader of the data remaining in the Decoder's
// buffer.
func (dec *Decoder) Buffered() io.Reader { return bytes.NewReader(dec.buf[dec.scanp:]) }

// InputOffset returns the input stream byte offset of the current
// decoder position.
func (dec *Decoder) InputOffset() int64 { return int64(dec.scanp) }

// readValue: the length of the next value in buf[scanp:] (leading space
// included), reading from r until the buffer holds it whole.
func (dec *Decoder) readValue() (int, error) {
	for {
		s := &scan{data: dec.buf[dec.scanp:]}
		i := s.ws(0)
		if i < len(s.data) {
			end, err := s.value(i)
			if err == nil {
				// a number at the end of the buffer may go on
				if c := s.data[i]; (c == '-' || '0' <= c && c <= '9') && end == len(s.data) && dec.err == nil {
					goto more
				}
				return end, nil
			}
			if se, ok := err.(*SyntaxError); ok && !se.eof || dec.err != nil {
				dec.err = err
				if se, ok := err.(*SyntaxError); ok && se.eof {
					dec.err = io.ErrUnexpectedEOF
				}
				return 0, dec.err
			}
		} else if dec.err != nil {
			return 0, dec.err
		}
	more:
		if dec.err != nil {
			return len(dec.buf) - dec.scanp, nil
		}
		if dec.scanp > 0 {
			dec.buf = append(dec.buf[:0], dec.buf[dec.scanp:]...)
			dec.scanp = 0
		}
		var b [512]byte
		n, err := dec.r.Read(b[:])
		dec.buf = append(dec.buf, b[:n]...)
		if err != nil {
			dec.err = err
		}
	}
}

// More reports whether there is another element in the current array
// or object being parsed (weft's: another value in the stream).
func (dec *Decoder) More() bool {
	for {
		for dec.scanp < len(dec.buf) {
			c := dec.buf[dec.scanp]
			if !isSpace(c) {
				return c != ']' && c != '}'
			}
			dec.scanp++
		}
		if dec.err != nil {
			return false
		}
		var b [512]byte
		n, err := dec.r.Read(b[:])
		dec.buf = append(dec.buf, b[:n]...)
		if err != nil {
			dec.err = err
		}
	}
}

// An Encoder writes JSON values to an output stream.
type Encoder struct {
	w          io.Writer
	err        error
	escapeHTML bool
	indentBuf  *bytes.Buffer
	indentPref string
	indentVal  string
}

// NewEncoder returns a new encoder that writes to w.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{w: w, escapeHTML: true}
}

// Encode writes the JSON encoding of v to the stream, followed by a
// newline character.
func (enc *Encoder) Encode(v any) error {
	if enc.err != nil {
		return enc.err
	}
	e := &encodeState{escapeHTML: enc.escapeHTML}
	if err := e.marshal(v); err != nil {
		return err
	}
	e.WriteByte('\n')
	b := e.Bytes()
	if enc.indentPref != "" || enc.indentVal != "" {
		var buf bytes.Buffer
		if err := Indent(&buf, b, enc.indentPref, enc.indentVal); err != nil {
			return err
		}
		b = buf.Bytes()
	}
	if _, err := enc.w.Write(b); err != nil {
		enc.err = err
		return err
	}
	return nil
}

// SetIndent instructs the encoder to format each subsequent encoded
// value as if indented by the package-level function Indent.
func (enc *Encoder) SetIndent(prefix, indent string) {
	enc.indentPref = prefix
	enc.indentVal = indent
}

// SetEscapeHTML specifies whether problematic HTML characters should be
// escaped inside JSON quoted strings.
func (enc *Encoder) SetEscapeHTML(on bool) { enc.escapeHTML = on }
