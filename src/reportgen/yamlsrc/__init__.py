"""YAML source text: where each scalar's characters are in the file, and minimal edits to it."""
