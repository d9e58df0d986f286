// Package fmt: formatting in C (lib_fmt.c, the __sprint natives); printing
// goes to the program's output.
package fmt

import "errors"

type Stringer interface {
	String() string
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

// Append, Appendf, Appendln (Go 1.19): as Sprint, Sprintf and Sprintln,
// appended to b.
func Append(b []byte, a ...any) []byte   { return append(b, __sprint(a)...) }
func Appendln(b []byte, a ...any) []byte { return append(b, __sprintln(a)...) }
func Appendf(b []byte, format string, a ...any) []byte {
	return append(b, __sprintf(format, a)...)
}

func Sprint(a ...any) string   { return __sprint(a) }
func Sprintln(a ...any) string { return __sprintln(a) }
func Sprintf(format string, a ...any) string {
	return __sprintf(format, a)
}

func Print(a ...any) (int, error) {
	s := __sprint(a)
	__output(s)
	return len(s), nil
}

func Println(a ...any) (int, error) {
	s := __sprintln(a)
	__output(s)
	return len(s), nil
}

func Printf(format string, a ...any) (int, error) {
	s := __sprintf(format, a)
	__output(s)
	return len(s), nil
}

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string   { return e.msg }
func (e *wrapErrors) Unwrap() []error { return e.errs }

// Errorf: with one %w the error unwraps to that operand, with several
// (Go 1.20) to the list of them, as Go's Errorf.
// Fprint, Fprintf, Fprintln: to any writer of the program (a
// *strings.Builder, its own types); package io and os are not in weft's
// library, so neither are os.Stdout and os.Stderr.
type writer interface {
	Write(p []byte) (n int, err error)
}

func Fprint(w writer, a ...any) (int, error) {
	return w.Write([]byte(__sprint(a)))
}

func Fprintln(w writer, a ...any) (int, error) {
	return w.Write([]byte(__sprintln(a)))
}

func Fprintf(w writer, format string, a ...any) (int, error) {
	return w.Write([]byte(__sprintf(format, a)))
}

func Errorf(format string, a ...any) error {
	s := __sprintf(format, a)
	var errs []error
	n := 0
	for _, i := range wrapped(format) {
		n++
		if i < len(a) {
			if e, ok := a[i].(error); ok {
				errs = append(errs, e)
			}
		}
	}
	switch {
	case n == 0:
		return errors.New(s)
	case n == 1:
		w := &wrapError{msg: s}
		if len(errs) == 1 {
			w.err = errs[0]
		}
		return w
	}
	return &wrapErrors{s, errs}
}

// wrapped: the operand index of each %w verb of format.
func wrapped(format string) []int {
	var idx []int
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		for i++; i < len(format); i++ {
			c := format[i]
			if c == '*' {
				arg++
			} else if c != '+' && c != '-' && c != '#' && c != ' ' &&
				c != '.' && (c < '0' || c > '9') {
				break
			}
		}
		if i >= len(format) || format[i] == '%' {
			continue
		}
		if format[i] == 'w' {
			idx = append(idx, arg)
		}
		arg++
	}
	return idx
}
