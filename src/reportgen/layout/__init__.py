"""Text layout stage: Chinese line breaking and justification, independent of any PDF library."""
