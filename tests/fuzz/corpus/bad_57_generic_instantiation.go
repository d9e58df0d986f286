// error: 4:10: unsupported: type parameters (generic instantiation)
package main

var m Map[string, int]
