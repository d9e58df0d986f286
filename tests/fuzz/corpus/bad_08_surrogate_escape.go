// error: 4:16: escape is invalid Unicode code point U+D800
package main

var r = '\uD800'
