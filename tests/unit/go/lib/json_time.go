package main

import (
	"encoding/json"
	"fmt"
	"time"
)

type Event struct {
	Name string    `json:"name"`
	At   time.Time `json:"at"`
	Dur  time.Duration
}

func main() {
	for _, t := range []time.Time{time.Unix(0, 0).UTC(), time.Unix(1700000000, 123456000).UTC(), time.Unix(-86400*365, 5).UTC()} {
		b, err := json.Marshal(Event{"e", t, 1500 * time.Millisecond})
		fmt.Println(string(b), err)
		var e Event
		err = json.Unmarshal(b, &e)
		fmt.Println(err, e.At.Equal(t), e.At.UnixNano(), e.Dur)
		txt, _ := t.MarshalText()
		fmt.Println(string(txt))
	}
	var e Event
	fmt.Println(json.Unmarshal([]byte(`{"at":"2024-02-29T23:59:59.5+01:30"}`), &e), e.At.UnixNano())
	fmt.Println(json.Unmarshal([]byte(`{"at":"2024-13-01T00:00:00Z"}`), &e) != nil)
	fmt.Println(json.Unmarshal([]byte(`{"at":"yesterday"}`), &e) != nil)
	prev := e.At
	fmt.Println(json.Unmarshal([]byte(`{"at":null}`), &e), e.At.Equal(prev))
}
