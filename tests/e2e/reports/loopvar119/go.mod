module example.com/loopvar119

go 1.19
