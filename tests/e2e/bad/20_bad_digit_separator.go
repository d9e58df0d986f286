// error: 4:11: '_' must separate successive digits
package main

var x = 1__000
