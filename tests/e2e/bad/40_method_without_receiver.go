// error: 4:6: method has no receiver
package main

func () f() {}
