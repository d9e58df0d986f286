// error: 5:6: unsupported: type union (type constraints)
package main

type Number interface {
	int | float64
}
