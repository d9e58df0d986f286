// error: 5:8: use of .(type) outside type switch
package main

func main() {
	y := x.(type)
}
