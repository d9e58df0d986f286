// error: 4:13: unsupported: imaginary literal
package main

var c = 1 + 2i
