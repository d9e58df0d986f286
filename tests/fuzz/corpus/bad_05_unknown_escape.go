// error: 4:12: unknown escape
package main

var s = "a\qb"
