// Package iter: Go 1.23's iterator types, and Pull / Pull2. Go runs a
// pulled iterator as a coroutine; here it is a goroutine that hands each
// value over unbuffered channels, so its steps are scheduling points
// like any goroutine's (the values, and what next and stop return, are
// Go's).
package iter

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// Pull converts the push-style iterator seq into a pull-style iterator
// accessed by the two functions next and stop.
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	n, s := Pull2(func(yield func(V, struct{}) bool) {
		seq(func(v V) bool { return yield(v, struct{}{}) })
	})
	return func() (V, bool) {
		v, _, ok := n()
		return v, ok
	}, s
}

// Pull2 converts the push-style iterator seq into a pull-style iterator
// accessed by the two functions next and stop.
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	var (
		k        K
		v        V
		ok       bool
		done     bool
		started  bool
		panicked bool
		pv       any
	)
	req := make(chan bool)
	resp := make(chan struct{})
	run := func() {
		defer func() {
			if p := recover(); p != nil {
				pv, panicked = p, true
			}
			var zk K
			var zv V
			k, v, ok, done = zk, zv, false, true
			resp <- struct{}{}
		}()
		if !<-req {
			return
		}
		seq(func(k1 K, v1 V) bool {
			if done {
				panic("iter.Pull2: yield called after iteration stopped")
			}
			k, v, ok = k1, v1, true
			resp <- struct{}{}
			return <-req
		})
	}
	next = func() (K, V, bool) {
		if done {
			var zk K
			var zv V
			return zk, zv, false
		}
		if !started {
			started = true
			go run()
		}
		req <- true
		<-resp
		if panicked {
			panicked = false
			panic(pv)
		}
		return k, v, ok
	}
	stop = func() {
		if done {
			return
		}
		if !started {
			done = true
			return
		}
		req <- false
		<-resp
		if panicked {
			panicked = false
			panic(pv)
		}
	}
	return next, stop
}
