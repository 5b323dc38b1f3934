"""The runtime pipeline components, in pipeline order: the log tokenizer, the torch-free
encoder (`pii_encoder`), the NER with probabilities (`pii_ner`), and the `pii_redactor` with
its overlap resolver and decoded views. Nothing here imports training or evaluation code."""
