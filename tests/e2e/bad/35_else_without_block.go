// error: 6:9: syntax error: else must be followed by if or statement block
package main

func main() {
	if x {
	} else y()
}
