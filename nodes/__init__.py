"""Node catalogue: node types (one folder each), registry, workflow validation and message templating."""
