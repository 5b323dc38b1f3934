"""`python -m spacy_pii.spark IN OUT --column text`: `spacy-pii spark-redact` alone, for
spark-submit, which runs a file:

    spark-submit --master yarn $(python -c 'import spacy_pii.spark.__main__ as m; print(m.__file__)') IN OUT --column text

This file's folder holds nothing but the package's own two files, so running it as a script
shadows no installed module.
"""
from spacy_pii.cli.spark_redact import main

if __name__ == "__main__":
    main()
