// error: 6:8: syntax error: unexpected newline, expected :
package main

func main() {
	switch x {
	case 1
	}
}
