package time

import "errors"

// RFC 3339 text, as Go's Time marshals itself for encoding/json and
// encoding.

// MarshalText implements the encoding.TextMarshaler interface.
func (t Time) MarshalText() ([]byte, error) {
	if y := t.Year(); y < 0 || y >= 10000 {
		return nil, errors.New("Time.MarshalText: year outside of range [0,9999]")
	}
	return t.AppendFormat(nil, RFC3339Nano), nil
}

// MarshalJSON implements the json.Marshaler interface: a quoted string
// in RFC 3339 format with sub-second precision.
func (t Time) MarshalJSON() ([]byte, error) {
	if y := t.Year(); y < 0 || y >= 10000 {
		return nil, errors.New("Time.MarshalJSON: year outside of range [0,9999]")
	}
	b := append([]byte{'"'}, t.AppendFormat(nil, RFC3339Nano)...)
	return append(b, '"'), nil
}

// UnmarshalJSON implements the json.Unmarshaler interface: a quoted
// RFC 3339 string (null leaves t as it is).
func (t *Time) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	var err error
	*t, err = Parse("\""+RFC3339+"\"", string(data))
	return err
}

// UnmarshalText implements the encoding.TextUnmarshaler interface.
func (t *Time) UnmarshalText(data []byte) error {
	var err error
	*t, err = Parse(RFC3339, string(data))
	return err
}
