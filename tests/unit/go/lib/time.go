// time: Time.String on virtual time (0 is the Unix epoch, printed in UTC
// as Go prints it), fractions of a second without trailing zeros.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Now()
	fmt.Println(t.String())
	time.Sleep(1500 * time.Millisecond)
	fmt.Println(time.Now(), time.Now().Unix())
	fmt.Println(t.Add(-time.Hour))
	fmt.Println(t.Add(400*24*time.Hour + time.Nanosecond))
	fmt.Printf("%v|%s\n", t.Add(time.Hour*24*365*30), t.Add(59*24*time.Hour))
	fmt.Println(t.Add(-36500 * 24 * time.Hour))
}

func init() {
	t := time.Unix(951782400, 5e8) // 2000-02-29, a Tuesday
	y, m, d := t.Date()
	h, mi, s := t.Add(25*time.Hour + 61*time.Second).Clock()
	fmt.Println(y, m, d, h, mi, s, t.Weekday(), t.Nanosecond())
	fmt.Println(t.Year(), t.Month() == time.February, t.Day(), time.Month(13), time.Saturday)
	fmt.Println(t.Truncate(time.Hour), time.UnixMilli(1500))
}
