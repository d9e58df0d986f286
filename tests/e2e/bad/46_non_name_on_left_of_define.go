// error: 5:3: non-name a.b on left side of :=
package main

func main() {
	a.b := 1
}
