"""Speed: `model` times a pipeline (load, latency, throughput, RSS), `stream` times `spacy-pii redact` end to end."""
