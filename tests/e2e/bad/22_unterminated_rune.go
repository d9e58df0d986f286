// error: 4:9: rune literal not terminated
package main

var r = 'a