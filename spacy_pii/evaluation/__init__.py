"""Measuring en_pii: evaluate (P/R/F1, leak, over-redaction), label maps, the HTML review report, and calibration of pii_ner's temperature."""
