// error: 5:1: syntax error: non-declaration statement outside function body
package main

func main() {}
}
