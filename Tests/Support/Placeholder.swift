// TestSupport placeholder.
