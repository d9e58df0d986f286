package reflect

// Maps: made by MakeMap, read by MapRange, MapKeys and MapIndex (each a
// read of the map, as the program's own), written by SetMapIndex.

// MakeMap creates a new map with the specified type.
func MakeMap(typ Type) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type") // Go's wording: MakeMap calls it
	}
	return Value{typ: typ.(rtype).id, val: __rmake('M', typ.(rtype).id)}
}

// SetMapIndex sets the element associated with key in the map v to
// elem; a zero elem deletes the key.
func (v Value) SetMapIndex(key, elem Value) {
	v.kindIn("SetMapIndex", Map)
	v.mustBeExported("SetMapIndex")
	key.mustBeExported("SetMapIndex")
	k := key.assignTo("reflect.Value.SetMapIndex", __rtype_int(v.typ, qKey, 0))
	if elem.typ == 0 {
		__delete(v.get(), k)
		return
	}
	elem.mustBeExported("SetMapIndex")
	__setindex(v.get(), k, elem.assignTo("reflect.Value.SetMapIndex", __rtype_int(v.typ, qElem, 0)))
}

// A MapIter is an iterator for ranging over a map (weft's: in the
// order the keys were inserted, a valid order of Go's unspecified one).
type MapIter struct {
	m          Value
	e          int
	key, value Value
	ok         bool
}

// MapRange returns a range iterator for a map.
func (v Value) MapRange() *MapIter {
	if v.Kind() != Map {
		panic(&ValueError{"reflect.Value.MapRange", v.Kind()})
	}
	return &MapIter{m: Value{typ: v.typ, val: v.get(), flag: v.flag}}
}

// Next advances the map iterator and reports whether there is another
// entry.
func (it *MapIter) Next() bool {
	if !it.m.IsValid() {
		panic("MapIter.Next called on an iterator that does not have an associated map Value")
	}
	if it.m.IsNil() {
		return false
	}
	for {
		k, t := __rvalue(rvMapEntry, it.m.val, it.e)
		it.e++
		if t == -1 {
			it.ok = false
			return false
		}
		if t == -2 {
			continue
		}
		vv, vt := __rvalue(rvMapVal, it.m.val, it.e-1)
		f := it.m.flag & flagRO
		it.key = Value{typ: t, val: k, flag: f}
		it.value = Value{typ: vt, val: vv, flag: f}
		it.ok = true
		return true
	}
}

// Key returns the key of it's current map entry.
func (it *MapIter) Key() Value {
	if !it.ok {
		panic("MapIter.Key called before Next")
	}
	return it.key
}

// Value returns the value of it's current map entry.
func (it *MapIter) Value() Value {
	if !it.ok {
		panic("MapIter.Value called before Next")
	}
	return it.value
}

// Reset modifies it to iterate over v.
func (it *MapIter) Reset(v Value) {
	*it = MapIter{m: v}
}

// MapKeys returns a slice containing all the keys present in the map.
func (v Value) MapKeys() []Value {
	v.kindIn("MapKeys", Map)
	var keys []Value
	it := v.MapRange()
	for it.Next() {
		keys = append(keys, it.key)
	}
	return keys
}

// MapIndex returns the value associated with key in the map v, or the
// zero Value if key is not found.
func (v Value) MapIndex(key Value) Value {
	v.kindIn("MapIndex", Map)
	k := key.assignTo("reflect.Value.MapIndex", __rtype_int(v.typ, qKey, 0))
	if v.IsNil() {
		return Value{}
	}
	r, ok := __mapindex(v.get(), k)
	if !ok.(bool) {
		return Value{}
	}
	return Value{typ: __rtype_int(v.typ, qElem, 0), val: r, flag: (v.flag | key.flag) & flagRO}
}
