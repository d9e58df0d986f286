// error: 5:3: invalid character U+2605 '★' in identifier
package main

func main() {
	x★ := 1
}
