package orders

import (
	"context"
	"errors"
	"testing"

	"example.com/shop/inventory"
)

func TestPlaceAll(t *testing.T) {
	s := inventory.New(map[string]int{"tea": 1, "jam": 1, "cake": 1})
	if err := Place(context.Background(), s, []string{"tea", "jam", "cake"}); err != nil {
		t.Fatal(err)
	}
}

func TestPlaceSoldOut(t *testing.T) {
	s := inventory.New(map[string]int{"tea": 1})
	err := Place(context.Background(), s, []string{"tea", "tea"})
	if !errors.Is(err, inventory.ErrSoldOut) {
		t.Fatalf("got %v, want sold out", err)
	}
}
