
package ha
func m() {}
