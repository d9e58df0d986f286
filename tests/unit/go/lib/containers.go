// container/heap, list and ring: a priority queue with Fix and Remove,
// a list moved about, a ring linked and unlinked.
package main

import (
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
)

type item struct {
	value    string
	priority int
	index    int
}

type pq []*item

func (q pq) Len() int            { return len(q) }
func (q pq) Less(i, j int) bool  { return q[i].priority > q[j].priority }
func (q pq) Swap(i, j int)       { q[i], q[j] = q[j], q[i]; q[i].index = i; q[j].index = j }
func (q *pq) Push(x any)         { it := x.(*item); it.index = len(*q); *q = append(*q, it) }
func (q *pq) Pop() any {
	old := *q
	n := len(old)
	it := old[n-1]
	old[n-1] = nil
	*q = old[:n-1]
	return it
}

type ints []int

func (h ints) Len() int           { return len(h) }
func (h ints) Less(i, j int) bool { return h[i] < h[j] }
func (h ints) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *ints) Push(x any)        { *h = append(*h, x.(int)) }
func (h *ints) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func main() {
	h := &ints{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 3)
	fmt.Print("min ", (*h)[0], ":")
	for h.Len() > 0 {
		fmt.Print(" ", heap.Pop(h))
	}
	fmt.Println()

	items := map[string]int{"banana": 3, "apple": 2, "pear": 4}
	q := pq{}
	for _, name := range []string{"banana", "apple", "pear"} {
		q = append(q, &item{value: name, priority: items[name], index: len(q)})
	}
	heap.Init(&q)
	it := &item{value: "orange", priority: 1}
	heap.Push(&q, it)
	it.priority = 5
	heap.Fix(&q, it.index)
	removed := heap.Remove(&q, q[len(q)-1].index).(*item)
	fmt.Println("removed", removed.value)
	for q.Len() > 0 {
		x := heap.Pop(&q).(*item)
		fmt.Printf("%.2d:%s ", x.priority, x.value)
	}
	fmt.Println()

	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	l.MoveToBack(e1)
	l.MoveToFront(e4)
	l.MoveAfter(e1, e4)
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(l.Len(), l.Remove(e4), l.Len(), l.Back().Value, l.Front().Prev() == nil)
	var zero list.List
	zero.PushBack("lazy")
	other := list.New()
	other.PushBack("x")
	other.PushBack("y")
	zero.PushBackList(other)
	zero.PushFrontList(other)
	for e := zero.Back(); e != nil; e = e.Prev() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(zero.Len())

	r := ring.New(5)
	for i := 0; i < r.Len(); i++ {
		r.Value = i
		r = r.Next()
	}
	r.Do(func(p any) { fmt.Print(p, " ") })
	fmt.Println()
	r.Unlink(2)
	r.Do(func(p any) { fmt.Print(p, " ") })
	fmt.Println(r.Len())
	s := ring.New(2)
	s.Value, s.Next().Value = "a", "b"
	r.Link(s)
	r.Move(-1).Do(func(p any) { fmt.Print(p, " ") })
	fmt.Println(r.Len())
	var one ring.Ring
	fmt.Println(one.Len(), one.Next() == &one)
}
