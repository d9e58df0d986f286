// error: 5:8: expression in defer must be function call
package main

func main() {
	defer x
}
