module example.com/shop

go 1.21

require golang.org/x/sync v0.1.0
