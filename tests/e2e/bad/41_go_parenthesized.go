// error: 5:5: expression in go must not be parenthesized
package main

func main() {
	go (f())
}
