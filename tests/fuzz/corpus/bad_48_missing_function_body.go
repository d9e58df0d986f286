// error: 4:6: missing function body
package main

func f(x int) int
