"""Extraction: sentences → codebook figures with unit, qualifier, modality, period and evidence."""
