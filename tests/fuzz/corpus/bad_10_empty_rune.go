// error: 4:10: empty rune literal or unescaped ' in rune literal
package main

var r = ''
