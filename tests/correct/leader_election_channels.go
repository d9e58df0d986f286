// expect: ok
//
// Leader election over channels (a bully round): every node sends its
// id to every other node's inbox, waits for all the ids, and takes the
// highest as leader; the leader then sends a heartbeat to each follower,
// which acknowledges it. Inboxes are buffered to the cluster size, so no
// send in the round can block on a node that is itself sending.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type msgKind int

const (
	vote msgKind = iota
	heartbeat
	ack
)

type msg struct {
	kind msgKind
	from int
	term int
}

type node struct {
	id     int
	inbox  chan msg
	peers  map[int]*node
	leader int
	log    []string
}

func (n *node) broadcast(m msg) {
	for id, p := range n.peers {
		if id != n.id {
			p.inbox <- m
		}
	}
}

func (n *node) run(wg *sync.WaitGroup) {
	defer wg.Done()
	n.broadcast(msg{kind: vote, from: n.id, term: 1})
	best := n.id
	for i := 0; i < len(n.peers)-1; i++ {
		m := <-n.inbox
		if m.kind != vote {
			panic("unexpected message before election ended")
		}
		if m.from > best {
			best = m.from
		}
	}
	n.leader = best
	if n.leader == n.id {
		n.broadcast(msg{kind: heartbeat, from: n.id, term: 1})
		acks := 0
		for acks < len(n.peers)-1 {
			if m := <-n.inbox; m.kind == ack {
				acks++
				n.log = append(n.log, fmt.Sprintf("ack from %d", m.from))
			}
		}
		return
	}
	m := <-n.inbox
	if m.kind != heartbeat || m.from != n.leader {
		panic(fmt.Sprintf("node %d: expected heartbeat from %d, got %+v", n.id, n.leader, m))
	}
	n.peers[n.leader].inbox <- msg{kind: ack, from: n.id, term: m.term}
}

func main() {
	const size = 3
	peers := map[int]*node{}
	for id := 1; id <= size; id++ {
		peers[id] = &node{id: id, inbox: make(chan msg, size), peers: peers}
	}
	var wg sync.WaitGroup
	for _, n := range peers {
		wg.Add(1)
		go n.run(&wg)
	}
	wg.Wait()
	for id, n := range peers {
		if n.leader != size {
			panic(fmt.Sprintf("node %d elected %d", id, n.leader))
		}
	}
	log := peers[size].log
	sort.Strings(log)
	fmt.Println("leader", size, strings.Join(log, "; "))
}
