// error: 4:9: raw string literal not terminated
package main

var s = `abc

func main() {}
