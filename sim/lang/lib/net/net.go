// Package net: what a program without a network uses of Go's net: the
// Addr, Error and OpError types, IP and UDPAddr values, and DialUDP,
// which answers as Go does when it needs no network (a missing remote
// address: "dial udp: missing address"; an unknown network) and
// otherwise returns an error saying weft runs programs without a network
// (it never pretends to connect). The rest of net (Dial, Listen, Resolve,
// Lookup...) is refused by name when the program is compiled (see the
// resolver's refused).
package net

import (
	"errors"
	"strconv"
)

// Addr is a network end point address.
type Addr interface {
	Network() string
	String() string
}

// Error is a network error.
type Error interface {
	error
	Timeout() bool
	Temporary() bool
}

// OpError is the error type returned by the functions of package net,
// as Go's net.OpError (its Error text is Go's).
type OpError struct {
	Op     string
	Net    string
	Source Addr
	Addr   Addr
	Err    error
}

func (e *OpError) Unwrap() error { return e.Err }

func (e *OpError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Op
	if e.Net != "" {
		s += " " + e.Net
	}
	if e.Source != nil {
		s += " " + e.Source.String()
	}
	if e.Addr != nil {
		if e.Source != nil {
			s += "->"
		} else {
			s += " "
		}
		s += e.Addr.String()
	}
	s += ": " + e.Err.Error()
	return s
}

func (e *OpError) Timeout() bool {
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

func (e *OpError) Temporary() bool {
	t, ok := e.Err.(interface{ Temporary() bool })
	return ok && t.Temporary()
}

// UnknownNetworkError: a network name DialUDP does not know.
type UnknownNetworkError string

func (e UnknownNetworkError) Error() string   { return "unknown network " + string(e) }
func (e UnknownNetworkError) Timeout() bool   { return false }
func (e UnknownNetworkError) Temporary() bool { return false }

var (
	errMissingAddress = errors.New("missing address")
	errNoNetwork      = errors.New("weft runs programs without a network (model the peer with goroutines and channels)")
)

// An IP is a single IP address, 4 or 16 bytes.
type IP []byte

// IPv4 returns the 16-byte form of the address a.b.c.d, as Go does.
func IPv4(a, b, c, d byte) IP {
	return IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, a, b, c, d}
}

func (ip IP) To4() IP {
	if len(ip) == 4 {
		return ip
	}
	if len(ip) == 16 {
		for i := 0; i < 10; i++ {
			if ip[i] != 0 {
				return nil
			}
		}
		if ip[10] == 0xff && ip[11] == 0xff {
			return ip[12:16]
		}
	}
	return nil
}

// String: dotted decimal for an IPv4 address, RFC 5952 text for IPv6,
// "<nil>" for an empty IP, "?" and the hex bytes otherwise, as in Go.
func (ip IP) String() string {
	if len(ip) == 0 {
		return "<nil>"
	}
	if p4 := ip.To4(); p4 != nil {
		return strconv.Itoa(int(p4[0])) + "." + strconv.Itoa(int(p4[1])) +
			"." + strconv.Itoa(int(p4[2])) + "." + strconv.Itoa(int(p4[3]))
	}
	if len(ip) != 16 {
		s := "?"
		for _, b := range ip {
			s += strconv.FormatInt(int64(b)>>4, 16) + strconv.FormatInt(int64(b)&15, 16)
		}
		return s
	}
	// the longest run of two or more zero groups becomes "::"
	e0, e1 := -1, -1
	for i := 0; i < 16; i += 2 {
		j := i
		for j < 16 && ip[j] == 0 && ip[j+1] == 0 {
			j += 2
		}
		if j > i && j-i > 2 && j-i > e1-e0 {
			e0, e1 = i, j
		}
		if j > i {
			i = j - 2
		}
	}
	s := ""
	for i := 0; i < 16; i += 2 {
		if i == e0 {
			s += "::"
			i = e1 - 2
			continue
		}
		if i > 0 && i != e1 {
			s += ":"
		}
		s += strconv.FormatInt(int64(ip[i])<<8|int64(ip[i+1]), 16)
	}
	return s
}

// UDPAddr is the address of a UDP end point.
type UDPAddr struct {
	IP   IP
	Port int
	Zone string
}

func (a *UDPAddr) Network() string { return "udp" }

func (a *UDPAddr) String() string {
	if a == nil {
		return "<nil>"
	}
	host := ""
	if len(a.IP) != 0 {
		host = a.IP.String()
	}
	if a.Zone != "" {
		host += "%" + a.Zone
	}
	for i := 0; i < len(host); i++ {
		if host[i] == ':' {
			return "[" + host + "]:" + strconv.Itoa(a.Port)
		}
	}
	return host + ":" + strconv.Itoa(a.Port)
}

func (a *UDPAddr) opAddr() Addr {
	if a == nil {
		return nil
	}
	return a
}

// UDPConn: DialUDP never returns one (weft has no network); its methods
// fail as a closed connection's do.
type UDPConn struct{}

var errClosed = errors.New("use of closed network connection")

func (c *UDPConn) Close() error                { return errClosed }
func (c *UDPConn) Read(b []byte) (int, error)  { return 0, errClosed }
func (c *UDPConn) Write(b []byte) (int, error) { return 0, errClosed }
func (c *UDPConn) LocalAddr() Addr             { return nil }
func (c *UDPConn) RemoteAddr() Addr            { return nil }

// DialUDP: Go's errors for an unknown network and a missing remote
// address (it needs no network to give them); any other dial returns an
// *OpError whose Err says weft runs programs without a network.
func DialUDP(network string, laddr, raddr *UDPAddr) (*UDPConn, error) {
	switch network {
	case "udp", "udp4", "udp6":
	default:
		return nil, &OpError{Op: "dial", Net: network, Source: laddr.opAddr(), Addr: raddr.opAddr(), Err: UnknownNetworkError(network)}
	}
	if raddr == nil {
		return nil, &OpError{Op: "dial", Net: network, Source: laddr.opAddr(), Addr: nil, Err: errMissingAddress}
	}
	return nil, &OpError{Op: "dial", Net: network, Source: laddr.opAddr(), Addr: raddr.opAddr(), Err: errNoNetwork}
}

// What weft refuses of net, by name, and why (see the resolver's refused).
const __refuse_net = "Dial DialTimeout DialTCP DialIP DialUnix Listen ListenTCP ListenUDP ListenIP ListenUnix ListenUnixgram ListenPacket ListenMulticastUDP FileConn FileListener FilePacketConn Pipe Dialer ListenConfig Resolver DefaultResolver ResolveTCPAddr ResolveUDPAddr ResolveIPAddr ResolveUnixAddr LookupHost LookupIP LookupAddr LookupCNAME LookupMX LookupNS LookupPort LookupSRV LookupTXT Interfaces InterfaceAddrs InterfaceByIndex InterfaceByName Conn PacketConn Listener TCPConn TCPListener TCPAddr IPConn IPAddr UnixConn UnixListener UnixAddr|weft runs programs without a network (model the peer with goroutines and channels)"
