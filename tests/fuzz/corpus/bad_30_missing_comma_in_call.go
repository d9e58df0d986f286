// error: 5:6: syntax error: unexpected name b in argument list; possibly missing comma or )
package main

func main() {
	f(a b)
}
