// error: 4:14: octal escape value 256 > 255
package main

var s = "\400"
