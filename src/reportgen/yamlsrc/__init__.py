"""YAML source text: read into plain values with where each one is, and minimal edits to it."""
