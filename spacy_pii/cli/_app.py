"""The one typer app every `spacy-pii` command registers on."""
import typer

app = typer.Typer(
    name="spacy-pii",
    help="Streaming PII redaction for spaCy: generate, convert, train helpers, redact, evaluate.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
