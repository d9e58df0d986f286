// error: 4:13: invalid character 'g' in hexadecimal escape
package main

var s = "\x4g"
