// error: 4:10: invalid UTF-8 encoding
package main

var s = "ÿþ"
