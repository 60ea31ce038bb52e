// Projections: placeholder.
