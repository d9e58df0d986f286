// +build ignore

package platform

func Name() string { return "never built" }
