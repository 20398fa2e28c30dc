"""Stance label names: the one place they are spelled (stored in `stances.stance`)."""

CONDEMNING = "condemning"
SUPPORTING = "supporting"
SILENT = "silent"

# Order matters only for display; the model's own label order is read from the pipeline.
LABELS = (CONDEMNING, SUPPORTING, SILENT)
