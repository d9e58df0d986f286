// error: 5:7: syntax error: unexpected newline in argument list; possibly missing comma or )
package main

func main() {
	f((1)
}
