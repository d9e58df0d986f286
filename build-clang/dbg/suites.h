SUITE(util)
