package platform

// Name is the operating system this file was built for.
func Name() string { return "linux" }
