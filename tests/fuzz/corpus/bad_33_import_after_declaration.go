// error: 6:1: syntax error: imports must appear before other declarations
package main

import "fmt"
func f() {}
import "sync"
