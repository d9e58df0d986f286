// error: 4:9: more than one character in rune literal
package main

var r = 'ab'
