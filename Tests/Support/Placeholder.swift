// TestSupport: the test database harness arrives with the Postgres work.
