// error: 5:3: syntax error: missing statement after label
package main

func main() {
	L: )
}
