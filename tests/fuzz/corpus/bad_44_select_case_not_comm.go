// error: 6:7: select case must be receive, send or assign recv
package main

func main() {
	select {
	case x > 1:
	}
}
