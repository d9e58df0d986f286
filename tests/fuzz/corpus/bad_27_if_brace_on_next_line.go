// error: 5:6: syntax error: unexpected newline, expected { after if clause
package main

func main() {
	if x
	{
	}
}
