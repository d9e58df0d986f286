// expect: ok
//
// Concurrency in Go, chapter 4, error handling, from memory: a checkStatus
// goroutine sends Result values that pair a response with its error, so
// that main, which knows the program's state, decides what to do; after
// three errors main stops asking for more by closing done, and the
// producer selects on done for every send.
package main

import (
	"errors"
	"fmt"
)

type Response struct {
	URL    string
	Status int
}

type Result struct {
	Error    error
	Response *Response
}

var statuses = map[string]int{
	"https://www.google.com": 200,
	"https://go.dev":         200,
}

func get(url string) (*Response, error) {
	if s, ok := statuses[url]; ok {
		return &Response{URL: url, Status: s}, nil
	}
	return nil, errors.New("Get " + url + ": no such host")
}

func checkStatus(done <-chan interface{}, urls ...string) <-chan Result {
	results := make(chan Result)
	go func() {
		defer close(results)
		for _, url := range urls {
			resp, err := get(url)
			result := Result{Error: err, Response: resp}
			select {
			case <-done:
				return
			case results <- result:
			}
		}
	}()
	return results
}

func main() {
	done := make(chan interface{})
	defer close(done)

	errCount := 0
	urls := []string{"https://www.google.com", "a", "https://go.dev", "b", "c", "d", "e"}
	for result := range checkStatus(done, urls...) {
		if result.Error != nil {
			fmt.Printf("error: %v\n", result.Error)
			errCount++
			if errCount >= 3 {
				fmt.Println("Too many errors, breaking!")
				break
			}
			continue
		}
		fmt.Printf("Response: %s %d\n", result.Response.URL, result.Response.Status)
	}
}
