// error: 6:12: syntax error: unexpected EOF, expected }
package main

func main() {
	x := 1
	println(x)