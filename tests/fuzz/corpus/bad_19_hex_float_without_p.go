// error: 4:14: hexadecimal mantissa requires a 'p' exponent
package main

var x = 0x1.8
