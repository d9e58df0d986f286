// error: 5:7: syntax error: cannot use assignment x = 1 as value
package main

func main() {
	if x = 1 {
	}
}
