// expect: ok outcomes "/down: code 503, inner \"fetch: 503 /down\"\n/missing: not found (fetch: 404 /missing)\n/ok: ok\n"
//
// Errors across goroutines: a typed error with a value receiver, wrapped
// twice with %w, matched with errors.Is against a sentinel and errors.As
// against the type; errors.Unwrap peels one level.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"errors"
	"fmt"
	"sort"
	"sync"
)

var ErrNotFound = errors.New("not found")

type HTTPError struct {
	Code int
	Path string
}

func (e HTTPError) Error() string { return fmt.Sprintf("%d %s", e.Code, e.Path) }

func (e HTTPError) Is(target error) bool {
	return e.Code == 404 && target == ErrNotFound
}

func fetch(path string) error {
	switch path {
	case "/missing":
		return fmt.Errorf("fetch: %w", HTTPError{404, path})
	case "/down":
		return fmt.Errorf("retry 3: %w", fmt.Errorf("fetch: %w", HTTPError{503, path}))
	}
	return nil
}

func main() {
	paths := []string{"/ok", "/missing", "/down"}
	var mu sync.Mutex
	var lines []string
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			err := fetch(p)
			var he HTTPError
			var line string
			switch {
			case err == nil:
				line = p + ": ok"
			case errors.Is(err, ErrNotFound):
				line = fmt.Sprintf("%s: not found (%v)", p, err)
			case errors.As(err, &he):
				line = fmt.Sprintf("%s: code %d, inner %q", p, he.Code, errors.Unwrap(err).Error())
			}
			mu.Lock()
			lines = append(lines, line)
			mu.Unlock()
		}(p)
	}
	wg.Wait()
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}
