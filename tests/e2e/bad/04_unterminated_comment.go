// error: 4:1: comment not terminated
package main

/* a comment
func main() {}
