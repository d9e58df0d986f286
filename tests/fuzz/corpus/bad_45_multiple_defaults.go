// error: 7:2: multiple defaults in switch
package main

func main() {
	switch {
	default:
	default:
	}
}
