"""Stance label names for the model code, as onrecord.vocabulary spells them (stored in
`stances.stance`)."""
from onrecord.vocabulary import CONDEMNING, SILENT, STANCES, SUPPORTING

# Order matters only for display; the model's own label order is read from the pipeline.
LABELS = STANCES

__all__ = ["CONDEMNING", "SUPPORTING", "SILENT", "LABELS"]
