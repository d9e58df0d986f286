// Package orders places orders against the inventory, one goroutine per
// item, through errgroup.
package orders

import (
	"context"

	"example.com/shop/inventory"
	"golang.org/x/sync/errgroup"
)

// Place reserves every item at once; the first failure cancels the rest.
func Place(ctx context.Context, s *inventory.Stock, items []string) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(2)
	for _, it := range items {
		it := it
		g.Go(func() error { return s.Reserve(ctx, it) })
	}
	return g.Wait()
}
