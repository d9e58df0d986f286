package inventory_test

import (
	"context"
	"testing"

	"example.com/shop/inventory"
)

func TestExternalView(t *testing.T) {
	s := inventory.New(map[string]int{"jam": 1})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Reserve(ctx, "jam"); err != context.Canceled {
		t.Fatalf("got %v", err)
	}
	if s.Units("jam") != 1 || s.Left("jam") != 1 {
		t.Fatal("a cancelled reservation took a unit")
	}
}
