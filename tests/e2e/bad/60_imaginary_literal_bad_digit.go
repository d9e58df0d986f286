// error: 4:12: invalid digit '2' in binary literal
package main

var c = 0b12i
