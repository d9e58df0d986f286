// error: 6:2: unsupported: cgo (import "C")
package main

// #include <stdio.h>
import (
	"C"
)
