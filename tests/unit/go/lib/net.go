// net: DialUDP's errors that need no network (a missing remote address,
// an unknown network), the address and IP texts (output checked against
// Go), and a dial weft cannot make, which fails (weft has no network)
// and never pretends to connect (the last line: Go connects there).
package main

import (
	"errors"
	"fmt"
	"net"
	
)

func main() {
	c, err := net.DialUDP("udp", nil, nil)
	fmt.Println(c == nil, err)
	var oe *net.OpError
	fmt.Println(errors.As(err, &oe), oe.Op, oe.Net, oe.Addr == nil, oe.Source == nil)
	_, err = net.DialUDP("tcp", nil, nil)
	fmt.Println(err)
	l := &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 53}
	_, err = net.DialUDP("udp4", l, nil)
	fmt.Println(err)
	fmt.Println(l, &net.UDPAddr{Port: 9}, &net.UDPAddr{IP: net.IP{0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, Port: 8})
	fmt.Println(net.IP{10, 0, 0, 2}, net.IP{0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0}, net.IP(nil), net.IP{1, 2})
	var ne net.Error = oe
	fmt.Println(ne.Timeout(), ne.Temporary())
	_, err = net.DialUDP("udp", nil, &net.UDPAddr{IP: net.IPv4(10, 0, 0, 1), Port: 5})
	fmt.Println(err) // weft only: Go would connect (UDP needs no peer)
}
