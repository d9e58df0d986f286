// error: 4:9: string literal not terminated
package main

var s = "abc