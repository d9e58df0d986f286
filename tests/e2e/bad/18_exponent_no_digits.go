// error: 4:12: exponent has no digits
package main

var x = 1e+
