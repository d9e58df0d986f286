// Package ioutil: the in-memory helpers of Go's deprecated io/ioutil
// (ReadAll, NopCloser, Discard); its file functions are refused by name.
package ioutil

import "io"

func ReadAll(r io.Reader) ([]byte, error) { return io.ReadAll(r) }

func NopCloser(r io.Reader) io.ReadCloser { return io.NopCloser(r) }

var Discard io.Writer = io.Discard

const __refuse_files = "ReadFile WriteFile ReadDir TempDir TempFile|weft runs programs without a file system (give the program its input in memory: strings.NewReader, bytes.Buffer)"
