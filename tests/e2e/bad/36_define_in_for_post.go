// error: 5:23: syntax error: cannot declare in post statement of for loop
package main

func main() {
	for i := 0; i < 1; j := 1 {
	}
}
