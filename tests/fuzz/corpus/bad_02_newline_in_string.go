// error: 5:11: newline in string
package main

func main() {
	x := "abc
	_ = x
}
