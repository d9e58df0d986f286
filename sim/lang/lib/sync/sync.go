// Package sync: Mutex, RWMutex, WaitGroup, Once, Cond and Map over the
// engine's objects (lib_sync.c).
package sync

type Locker interface {
	Lock()
	Unlock()
}

type Mutex struct {
	h __handle
}

func (m *Mutex) Lock()         { __mutex_lock(m) }
func (m *Mutex) Unlock()       { __mutex_unlock(m) }
func (m *Mutex) TryLock() bool { return __mutex_trylock(m) }

type RWMutex struct {
	h __handle
}

func (rw *RWMutex) Lock()           { __rw_lock(rw) }
func (rw *RWMutex) Unlock()         { __rw_unlock(rw) }
func (rw *RWMutex) RLock()          { __rw_rlock(rw) }
func (rw *RWMutex) RUnlock()        { __rw_runlock(rw) }
func (rw *RWMutex) TryLock() bool   { return __rw_trylock(rw) }
func (rw *RWMutex) TryRLock() bool  { return __rw_tryrlock(rw) }
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

type WaitGroup struct {
	h __handle
}

func (wg *WaitGroup) Add(delta int) { __wg_add(wg, delta, false) }
func (wg *WaitGroup) Done()         { __wg_add(wg, -1, true) }
func (wg *WaitGroup) Wait()         { __wg_wait(wg) }

func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

type Once struct {
	h __handle
}

func (o *Once) Do(f func()) {
	if __once_begin(o) {
		defer __once_end(o)
		f()
	}
}

// OnceFunc, OnceValue, OnceValues: as Go's, a panic in f is re-raised
// by every call. Without generics here, OnceValue takes any func() T
// (values carry their types at run time) and returns a func() any.
func OnceFunc(f func()) func() {
	var (
		once  Once
		valid bool
		p     any
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		f()
		f = nil
		valid = true
	}
	return func() {
		once.Do(g)
		if !valid {
			panic(p)
		}
	}
}

func OnceValue(f func() any) func() any {
	var (
		once   Once
		valid  bool
		p      any
		result any
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		result = f()
		f = nil
		valid = true
	}
	return func() any {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return result
	}
}

func OnceValues(f func() (any, any)) func() (any, any) {
	var (
		once  Once
		valid bool
		p     any
		r1    any
		r2    any
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		r1, r2 = f()
		f = nil
		valid = true
	}
	return func() (any, any) {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return r1, r2
	}
}

type Cond struct {
	L Locker
	h __handle
}

func NewCond(l Locker) *Cond { return &Cond{L: l} }

func (c *Cond) Wait() {
	__cond_ticket(c)
	c.L.Unlock()
	__cond_park(c)
	c.L.Lock()
}

func (c *Cond) Signal()    { __cond_signal(c) }
func (c *Cond) Broadcast() { __cond_broadcast(c) }

type Map struct {
	mu Mutex
	m  map[any]any
}

func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	value, ok = m.m[key]
	m.mu.Unlock()
	return
}

func (m *Map) Store(key, value any) {
	m.mu.Lock()
	if m.m == nil {
		m.m = map[any]any{}
	}
	m.m[key] = value
	m.mu.Unlock()
}

func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	if m.m == nil {
		m.m = map[any]any{}
	}
	actual, loaded = m.m[key]
	if !loaded {
		m.m[key] = value
		actual = value
	}
	m.mu.Unlock()
	return
}

func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	value, loaded = m.m[key]
	delete(m.m, key)
	m.mu.Unlock()
	return
}

func (m *Map) Delete(key any) {
	m.mu.Lock()
	delete(m.m, key)
	m.mu.Unlock()
}

func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	m.mu.Lock()
	if m.m == nil {
		m.m = map[any]any{}
	}
	previous, loaded = m.m[key]
	m.m[key] = value
	m.mu.Unlock()
	return
}

func (m *Map) CompareAndSwap(key, old, new any) (swapped bool) {
	m.mu.Lock()
	if v, ok := m.m[key]; ok && v == old {
		m.m[key] = new
		swapped = true
	}
	m.mu.Unlock()
	return
}

func (m *Map) CompareAndDelete(key, old any) (deleted bool) {
	m.mu.Lock()
	if v, ok := m.m[key]; ok && v == old {
		delete(m.m, key)
		deleted = true
	}
	m.mu.Unlock()
	return
}

func (m *Map) Clear() {
	m.mu.Lock()
	m.m = nil
	m.mu.Unlock()
}

func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	var keys, vals []any
	for k, v := range m.m {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	m.mu.Unlock()
	for i := range keys {
		if !f(keys[i], vals[i]) {
			break
		}
	}
}

// Pool: as Go's on one P: the first Put waits in a private slot while it
// is empty, later ones go on a LIFO list; Get takes the private one first,
// then the most recent Put, then New's value, or nil (Put a, Put b: Get
// gives a, b, then New's). Deterministic: Go's may also drop items at any
// GC, which weft's never does.
type Pool struct {
	mu      Mutex
	private any
	items   []any
	New     func() any
}

func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	if p.private == nil {
		p.private = x
	} else {
		p.items = append(p.items, x)
	}
	p.mu.Unlock()
}

func (p *Pool) Get() any {
	p.mu.Lock()
	if x := p.private; x != nil {
		p.private = nil
		p.mu.Unlock()
		return x
	}
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}
