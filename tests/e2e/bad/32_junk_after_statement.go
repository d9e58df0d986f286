// error: 5:4: syntax error: unexpected name y at end of statement
package main

func main() {
	x y
}
