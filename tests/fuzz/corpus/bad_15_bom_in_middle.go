// error: 4:5: invalid BOM in the middle of the file
package main

var ﻿x = 1
