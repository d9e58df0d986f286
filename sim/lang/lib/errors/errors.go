// Package errors: New, Is, As, Unwrap and Join as Go's errors package.
package errors

type errorString struct {
	s string
}

func (e *errorString) Error() string { return e.s }

func New(text string) error { return &errorString{text} }

var ErrUnsupported = New("unsupported operation")

func Unwrap(err error) error {
	one, _ := unwrap(err)
	return one
}

// unwrap: what err's Unwrap method returns, as one error (Unwrap()
// error) or as a list (Unwrap() []error).
func unwrap(err error) (one error, list []error) {
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return u.Unwrap(), nil
	case interface{ Unwrap() []error }:
		return nil, u.Unwrap()
	}
	return nil, nil
}

// Is and As walk err's tree depth first: Unwrap() error and, since Go
// 1.20, Unwrap() []error (errors.Join, fmt.Errorf with several %w).
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	return is(err, target)
}

func is(err, target error) bool {
	for {
		if err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		one, list := unwrap(err)
		for _, e := range list {
			if e != nil && is(e, target) {
				return true
			}
		}
		if one == nil {
			return false
		}
		err = one
	}
}

func As(err error, target any) bool {
	if err == nil {
		return false
	}
	if target == nil {
		panic("errors: target cannot be nil")
	}
	return as(err, target)
}

func as(err error, target any) bool {
	for {
		if __assign_to(target, err) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		one, list := unwrap(err)
		for _, e := range list {
			if e != nil && as(e, target) {
				return true
			}
		}
		if one == nil {
			return false
		}
		err = one
	}
}

func Join(errs ...error) error {
	n := 0
	for _, err := range errs {
		if err != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	e := &joinError{}
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return e
}

type joinError struct {
	errs []error
}

func (e *joinError) Error() string {
	s := ""
	for i, err := range e.errs {
		if i > 0 {
			s += "\n"
		}
		s += err.Error()
	}
	return s
}

func (e *joinError) Unwrap() []error { return e.errs }
