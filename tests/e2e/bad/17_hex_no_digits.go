// error: 4:11: hexadecimal literal has no digits
package main

var x = 0x
