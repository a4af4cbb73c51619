"""`reportgen fix`: half-width punctuation of a report repaired by minimal edits of its source."""
