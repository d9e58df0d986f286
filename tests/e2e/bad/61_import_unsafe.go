// error: 4:8: unsupported: package unsafe
package main

import "unsafe"
