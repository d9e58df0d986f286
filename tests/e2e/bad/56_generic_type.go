// error: 4:10: unsupported: type parameters
package main

type List[T any] struct {
	next *List[T]
	val  T
}
