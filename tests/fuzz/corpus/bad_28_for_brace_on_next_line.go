// error: 5:24: syntax error: unexpected newline, expected { after for clause
package main

func main() {
	for i := 0; i < 3; i++
	{
	}
}
