// Command shop places two orders against a small stock.
package main

import (
	"context"
	"errors"
	"fmt"

	"example.com/shop/inventory"
	"example.com/shop/orders"
	"example.com/shop/platform"
)

func main() {
	s := inventory.New(map[string]int{"tea": 2, "jam": 1})
	fmt.Println("on", platform.Name())
	err := orders.Place(context.Background(), s, []string{"tea", "jam"})
	fmt.Println("first order:", err)
	err = orders.Place(context.Background(), s, []string{"tea", "jam"})
	fmt.Println("second order sold out:", errors.Is(err, inventory.ErrSoldOut))
	fmt.Println("tea left:", s.Left("tea"))
}
