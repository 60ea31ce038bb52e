// Placeholder so the C target has a translation unit.
