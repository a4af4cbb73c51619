"""Writers: the document model to output formats, one module (or folder) per format."""
