// time_layout: Go's Time (the zero Time is year 1), Date, Format, Parse and
// ParseInLocation in Go's layout language, ParseDuration, AddDate, Round,
// Truncate, YearDay, ISOWeek, zones (UTC, Local, FixedZone), as go run
// prints them on a machine whose local zone is UTC.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	tm := time.NewTimer(time.Second)
	fired := <-tm.C
	fmt.Println(fired.Sub(start).Round(time.Second), time.Since(start).Round(time.Second), fired.IsZero(), fired.After(start))
	fmt.Println(time.Until(start.Add(time.Hour)).Round(time.Minute), start.Location())

	var z time.Time
	fmt.Println(z, z.IsZero(), z.Unix())
	t := time.Date(2023, time.March, 5, 14, 7, 9, 123456789, time.UTC)
	fmt.Println(t)
	for _, l := range []string{time.Kitchen, "15:04:05", "2006-01-02", time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC850, time.StampMicro, "Monday January _2 __2 002 03 3 pm PM .000 ,999 06", time.Layout} {
		fmt.Println(t.Format(l))
	}
	fmt.Println(t.AddDate(0, 1, 30), t.YearDay())
	fmt.Println(t.ISOWeek())
	fmt.Println(t.Round(time.Hour), t.Truncate(24*time.Hour), t.Round(time.Millisecond))
	fmt.Println(time.UnixMicro(1700000000123456).UTC(), time.UnixMilli(-1).UTC())
	d, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(d, err)
	_, err = time.ParseDuration("1x")
	fmt.Println(err)
	_, err = time.ParseDuration("1")
	fmt.Println(err)
	_, err = time.ParseDuration("")
	fmt.Println(err)
	p, err := time.Parse("2006-01-02 15:04:05", "2021-11-22 08:09:10")
	fmt.Println(p, err)
	p, err = time.Parse(time.RFC3339, "2021-11-22T08:09:10.5+05:30")
	fmt.Println(p, err, p.UTC())
	p, err = time.Parse(time.RFC1123, "Mon, 22 Nov 2021 08:09:10 PST")
	fmt.Println(p, err)
	p, err = time.Parse(time.RFC1123, "Mon, 22 Nov 2021 08:09:10 UTC")
	fmt.Println(p, err, p.Location())
	_, err = time.Parse("2006-01-02", "2021/11/22")
	fmt.Println(err)
	_, err = time.Parse("2006-01-02", "2021-13-22")
	fmt.Println(err)
	_, err = time.Parse("2006-01-02", "2021-02-30")
	fmt.Println(err)
	_, err = time.Parse("2006-01-02", "2021-02-03x")
	fmt.Println(err)
	p, err = time.Parse(time.Kitchen, "3:04PM")
	fmt.Println(p, err)
	fmt.Println(time.UTC, time.Local, t.Location(), t.Local().Location())
	l, err := time.LoadLocation("UTC")
	fmt.Println(l, err)
	l, err = time.LoadLocation("Local")
	fmt.Println(l, err)
	f := time.FixedZone("EST", -5*3600)
	fmt.Println(t.In(f), t.In(f).Format(time.RFC3339))
	fmt.Println(t.In(time.FixedZone("", 3600+1800)))
	fmt.Println(t.Zone())
	fmt.Println(t.Month(), t.Weekday(), t.Unix(), t.UnixMilli(), t.UnixMicro())
	b, _ := z.MarshalJSON()
	fmt.Println(string(b))
	fmt.Println(t.Sub(z), z.Sub(t), t.Sub(t.Add(-time.Hour)))
	fmt.Println(time.Date(2020, 14, 35, 25, 61, 61, 0, time.UTC))
	fmt.Println(time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).ISOWeek())
	fmt.Println(time.Date(2024, 12, 30, 0, 0, 0, 0, time.UTC).ISOWeek())
	fmt.Println(z.Weekday(), z.YearDay(), z.Format(time.RFC1123))
	p, err = time.ParseInLocation("2006-01-02 15:04", "2021-11-22 08:09", f)
	fmt.Println(p, err)
	for _, v := range []string{"Sunday, march 5, 2023 at 3:04pm", "Sun, Mar 5, 2023 at 3:04am", "Sunday, Smarch 5, 2023 at 3:04pm", "Sunday, March 32, 2023 at 3:04pm", "Sunday, March 5, 2023 at 3:04"} {
		p, err := time.Parse("Monday, January 2, 2006 at 3:04pm", v)
		fmt.Println(p, err)
	}
	p, err = time.Parse("Mon, Jan 2, 2006 at 3:04PM", "Sun, Mar 5, 2023 at 3:04AM")
	fmt.Println(p, err)
	p, err = time.Parse("2006-002 15:04:05.000 -07", "2024-060 23:59:58.123 +05")
	fmt.Println(p, err, p.Month(), p.Day())
}
