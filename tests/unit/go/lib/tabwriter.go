// text/tabwriter: left and right alignment, minimum width and padding,
// tab padding with TabIndent, Debug bars, empty columns discarded,
// blocks ended by one-cell lines, and HTML filtered.
package main

import (
	"fmt"
	"os"
	"text/tabwriter"
	"time"
)

func main() {
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', 0)
	fmt.Fprintln(w, "a\tb\tc")
	fmt.Fprintln(w, "aaa\tbbbbb\tc")
	fmt.Fprintln(w, "x\t\tlonger cell")
	fmt.Fprintln(w, "one-cell line ends the block")
	fmt.Fprintln(w, "n\tname\t")
	fmt.Fprintln(w, "nnnnnn\tnm\t")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 5, 0, 2, '.', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "1\t22\t333\t")
	fmt.Fprintln(w, "4444\t5\t66\t")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 4, 0, '\t', tabwriter.TabIndent)
	fmt.Fprint(w, "\tindented\tx\n\t\tdeeper\ty\nend\n")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 8, 1, '-', tabwriter.DiscardEmptyColumns)
	fmt.Fprint(w, "a\t\tb\nc\t\td\n")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', tabwriter.FilterHTML)
	fmt.Fprint(w, "<b>bold</b>\t&amp;\tz\nplain\tx\tz\n")
	w.Flush()

	// the shape of the book's RWMutex table, on virtual time
	tw := tabwriter.NewWriter(os.Stdout, 0, 1, 2, ' ', 0)
	defer tw.Flush()
	fmt.Fprintf(tw, "Readers\tRWMutex\tMutex\n")
	for i := 0; i < 3; i++ {
		fmt.Fprintf(tw, "%d\t%v\t%v\n", 1<<i, time.Duration(i)*time.Millisecond, 2*time.Duration(i)*time.Millisecond)
	}
}
