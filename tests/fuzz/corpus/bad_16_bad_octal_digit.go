// error: 4:12: invalid digit '8' in octal literal
package main

var x = 0128
