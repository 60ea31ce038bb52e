// Events: placeholder.
