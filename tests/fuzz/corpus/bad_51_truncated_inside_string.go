// error: 5:10: string literal not terminated
package main

func main() {
	println("hello