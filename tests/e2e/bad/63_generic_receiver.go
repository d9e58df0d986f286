// error: 4:14: unsupported: type parameters (generic instantiation)
package main

func (l *List[T]) Len() int { return 0 }
