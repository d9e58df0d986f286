// expect: outcomes "55\n"
//
// Split a sum over goroutines, each sending its partial sum on a shared
// channel (the Go tour, "Channels").
package main

import "fmt"

func sum(s []int, c chan<- int) {
	t := 0
	for _, v := range s {
		t += v
	}
	c <- t
}

func main() {
	s := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	c := make(chan int)
	go sum(s[:5], c)
	go sum(s[5:], c)
	x, y := <-c, <-c
	fmt.Println(x + y)
}
