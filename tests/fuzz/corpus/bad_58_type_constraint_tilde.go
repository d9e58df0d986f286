// error: 5:2: unsupported: ~ (type constraints)
package main

type Number interface {
	~int | ~float64
}
