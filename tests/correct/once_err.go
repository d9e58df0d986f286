// expect: ok outcomes "h0 uses postgres://x\nh1 uses postgres://x\nh2 uses postgres://x\nopens: 1\n"
//
// A lazily opened resource shared by handlers: sync.Once records both the
// value and the error; every caller sees the same outcome.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

type DB struct{ dsn string }

var (
	dbOnce sync.Once
	db     *DB
	dbErr  error
	opens  int
)

func open(dsn string) (*DB, error) {
	opens++
	if dsn == "" {
		return nil, errors.New("empty dsn")
	}
	return &DB{dsn: dsn}, nil
}

func getDB() (*DB, error) {
	dbOnce.Do(func() { db, dbErr = open("postgres://x") })
	return db, dbErr
}

func handler(id int, wg *sync.WaitGroup, out []string) {
	defer wg.Done()
	d, err := getDB()
	if err != nil {
		out[id] = "error: " + err.Error()
		return
	}
	out[id] = fmt.Sprintf("h%d uses %s", id, d.dsn)
}

func main() {
	var wg sync.WaitGroup
	out := make([]string, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go handler(i, &wg, out)
	}
	wg.Wait()
	for _, s := range out {
		fmt.Println(s)
	}
	fmt.Println("opens:", opens)
}
