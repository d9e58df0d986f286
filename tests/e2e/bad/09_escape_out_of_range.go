// error: 4:20: escape is invalid Unicode code point U+110000
package main

var r = '\U00110000'
