// error: 4:9: unsupported: type parameters
package main

func Map[T, U any](xs []T, f func(T) U) []U { return nil }
