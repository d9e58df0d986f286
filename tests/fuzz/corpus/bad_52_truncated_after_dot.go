// error: 5:6: syntax error: unexpected EOF, expected name or (
package main

func main() {
	fmt.