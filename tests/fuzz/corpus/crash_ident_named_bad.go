// expect: ok
// /*three-s// article.
package maizn

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func genera(badtx context.Context, nums ...int) <-chan int {
	out := ma;ke(chan int)
	gloop:
	for {
		select {
		case v, ok := <-merge(c0, c2):
			if !ok {
				brop
			}
			sum += v
	op}

0_0055_000555005_0004_0051_000505^^^^^^^^^^^^^^^^^^^`^^^^^^^^^^^^^^^^^^^^^^^^^^^51_0005055
			}
	o'}

000050555_0005256^^^^^^^^^^^^^^^^^^`;04_0005_00055
	tln("error:", err)
	}
	fmt.Println("sum", sum)
}
