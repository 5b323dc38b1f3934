"""Coded error and warning messages.

Messages name where (file, line, offset, label) and never carry the text of a span or line:
a PII value must never reach a log, an exception or a traceback.
Code ranges: E0xx labels/corpus, E1xx detectors/operators/redactor, E2xx CLI and streams,
E3xx model build, quantization and evaluation, E400-E429 Spark, E430-E449 detector
selection, E5xx keyed operators and restore, E6xx label maps and thresholds, E7xx the lean
runtime and workers, E8xx the service. One failure has one code (a missing key: E101).

spaCy's shape (`spacy.errors.ErrorsWithCodes`): a message is written without its code and
reading `Errors.E123` adds the "[E123] " prefix, so the code is written once, as the name.
"""


class ErrorsWithCodes(type):
    """Metaclass: `Errors.E123` reads as "[E123] message" (a message already written with
    its own prefix is left as it is)."""

    def __getattribute__(self, code: str) -> str:
        msg: str = super().__getattribute__(code)
        if code.startswith("__") or not isinstance(msg, str):
            return msg
        prefix = f"[{code}] "
        return msg if msg.startswith(prefix) else prefix + msg


class Errors(metaclass=ErrorsWithCodes):
    # --- labels / corpus (E0xx) ---
    E001 = "Unknown label(s): {labels}. Known labels: {known}."
    E050 = "A {label} value rendered empty at offset {offset}: a slot function is broken."
    E051 = "Unknown slot '{{{slot}}}' in template {template} of genre '{genre}'."
    E052 = "Split sizes must be non-negative integers, got {split}={size}."
    E053 = "Output path {path} exists and is not a directory."
    E054 = "Genre '{genre}' has no {kind} templates."
    E010 = "{path}:{line}:{col}: invalid JSON ({reason})."
    E011 = "{path}:{line}: the record has no string \"text\" field."
    E012 = ("{path}:{line}: span {index} is malformed: expected {{\"start\", \"end\", "
            "\"label\"}} objects under \"spans\"/\"entities\", or [start, end, label] "
            "triples under \"span_labels\".")
    E013 = ("{path}:{line}: span {index} has offsets {start}..{end} outside the text "
            "(length {length}) or reversed.")
    E014 = "{path}:{line}: span {index} ({start}..{end}) overlaps span {other} ({ostart}..{oend})."
    E015 = "{path}:{line}: span {index} has label {label!r}, which is not in the scheme."
    E016 = ("{path}:{line}: span {index} ({start}..{end}, {label}) does not fall on token "
            "boundaries and --alignment is strict.")
    E017 = "{path}: no such file (corpus reader path for {what})."
    E018 = "Unknown alignment mode {mode!r}; use one of: expand, contract, strict."
    E019 = "{path}:{line}: the line is a JSON {kind}, not an object."
    # --- detectors / operators / redactor (E1xx) ---
    E100 = "Unknown redaction operator {name!r}{where}. Valid operators: {valid}."
    E101 = ("{what} needs a secret key and none was given: pass --key-file PATH (a file "
            "holding the key), key= or key_file= in Python, or set the SPACY_PII_KEY environment "
            "variable (on Spark: on the driver and the executors, spark.executorEnv.SPACY_PII_KEY). "
            "There is no default key.")
    E102 = "Key file not found: {path}."
    E103 = "Cannot use key file {path}: {reason}. Write a secret key into it."
    E104 = "mask_char must be exactly one character, got {length} characters."
    E105 = "{name} must be {expected}, got {value!r}."
    E106 = "Span {index} has offsets {start}..{end} outside the text (length {length})."
    E107 = "User pattern {index} (label {label}) is not a valid regex: {reason}."
    E108 = ("User pattern {index} must be an object with exactly the keys 'label' and "
            "'pattern', got: {keys}.")
    E109 = ("Unknown phone region(s): {regions}. Use ISO 3166-1 alpha-2 codes that "
            "phonenumbers supports, e.g. US, GB, DE.")
    E110 = ("The en_pii pipeline is not installed ({reason}). Build and install it with "
            "`make demo`, or `pip install` the en_pii package from packages/, or pass nlp=.")
    E111 = ("The pipeline has no pii_redactor component (pipes: {pipes}). Add one with "
            "nlp.add_pipe(\"pii_redactor\").")
    E112 = "Unknown option(s) for redact(): {names}. Valid options: {valid}."
    E113 = ("The {component} component did not set doc._.{attr}; refusing to return "
            "text that may not be redacted.")
    E114 = "The key must be bytes or str, got {type}."
    E115 = ("EnPiiRecognizer could not load the pipeline {model!r} ({reason}). Install it "
            "(for en_pii: `make demo`, or pip install the package in packages/), or pass nlp=.")
    E116 = ("presidio-analyzer is not installed: install the extra with "
            "`pip install 'spacy-pii[presidio]'`.")
    # --- CLI and streams (E2xx) ---
    E200 = "Could not load the model {model!r} ({reason}). {hint}"
    E203 = "--operator-for expects LABEL=OPERATOR, got {value!r}."
    E204 = "{path}: no such file, or not a regular file."
    E205 = "--key {value!r}: a JSON key path is dot-separated non-empty keys, like user.email."
    E206 = "{source}: reading failed ({exc_type})."
    E207 = "{source}:{line}: redaction failed ({exc_type}); the line was {action}."
    E208 = "{source}:{line}: redaction failed ({exc_type}); stopping (--on-error fail)."
    E209 = ("Unexpected error ({exc_type} at {where}). Set SPACY_PII_DEBUG=1 to see the "
            "full traceback (it may contain input text).")
    E210 = "--key selects JSON values: it needs --jsonl."
    E211 = "--out {path} is a directory: give the report a file name, like report.html."
    # rsyslog mmexternal mode (`redact --rsyslog`): E230-E239
    E230 = ("{source}:{line}: the fulljson message is not a JSON object with a string msg "
            "({reason}); left unmarked (quarantined).")
    E231 = ("{source}:{line}: the fulljson message has no uuid, so the reply cannot name it: "
            "add `set $.spacy_pii_uuid = $uuid;` before the mmexternal action (docs/rsyslog.md); "
            "left unmarked (quarantined). Said once.")
    E232 = "--rsyslog cannot be used with {what}: rsyslog hands over one message at a time on stdin."
    E233 = "--log-file needs --rsyslog (the other modes write diagnostics to stderr)."
    E234 = "{source}:{line}: the reply could not be built ({exc_type}); left unmarked (quarantined)."
    # --- model, quantization, evaluation (E3xx) ---
    E303 = "{differ} of {n} texts got other spans after reload."
    E320 = ("The benchmark of {model!r} ({threads} thread(s)) failed while {stage} "
            "({exc_type}){detail}.")
    E321 = ("The benchmark process for {model!r} ({threads} thread(s)) exited with code "
            "{code} and no result{detail}.")
    E322 = "{option} must be {rule}, got {value}."
    E300 = "Cannot quantize a {kind}: expected a BERT-like encoder with embeddings.word_embeddings."
    E301 = ("The int8 transformer weights do not match the quantized architecture ({reason}). "
            "Refusing a non-strict load, which would run with random weights; rebuild the package "
            "with `spacy-pii quantize`.")
    E302 = "Expected exactly one transformer component to quantize, found {n}."
    E304 = ("The ONNX Runtime encoder cannot be loaded ({reason}); rebuild the package "
            "with `spacy-pii quantize --backend onnx`.")
    E305 = ("The ONNX Runtime encoder is inference-only: train the fp32 pipeline, then "
            "quantize it again.")
    E306 = "Unknown quantization backend {backend!r}: use one of {backends}."
    # --- lean runtime (E7xx) ---
    E700 = ("The {name} component has no encoder graph or tokenizer: build the pipeline "
            "with `spacy-pii quantize`, or load a packaged one.")
    E701 = "The {name} component's directory lacks {file}: the pipeline is incomplete."
    E702 = ("The NER reads token vectors of width {width} from doc.tensor, which {factory} "
            "sets: add {factory} before ner (or do not disable it).")
    E703 = ("Cannot build the lean pipeline: {reason}.")
    E704 = "--workers above 1 cannot be used with {what}: {fix}."
    # --- the service, `spacy-pii serve` (E800-E849) ---
    E800 = "The request body is larger than {limit} bytes (--max-body-bytes)."
    E801 = "Text {index} is longer than {limit} characters (--max-line-chars)."
    E802 = "The server is at its limit of {limit} requests in flight (--max-concurrency); retry later."
    E803 = "Missing or wrong API key: send the header `Authorization: Bearer KEY` (--api-key-file)."
    E804 = "The model is still loading in {waiting} of {workers} worker(s); retry later."
    E805 = ("--host {host} is not a loopback address: pass --api-key-file PATH so that every "
            "request must carry that key.")
    E806 = "Cannot use API key file {path}: {reason}."
    E807 = "{field} must be {expected}."
    E808 = ("The {operator} operator takes its key from the server (--key-file or "
            "SPACY_PII_KEY), never from a request: remove the key parameter.")
    E809 = ("The {operator} operator needs a key on the server: start it with --key-file PATH "
            "or the SPACY_PII_KEY environment variable.")
    E810 = "The value could not be decrypted: the key is wrong, or the value was altered or cut."
    E811 = "A worker process failed ({reason}); the request was not redacted."
    E812 = "Worker {index} could not load the model {model!r} ({reason})."
    E813 = ("Unsupported content type {ctype!r}: send application/json or "
            "application/x-ndjson.")
    E814 = "Line {line} of the NDJSON body is not UTF-8."
    E815 = "The request body is not valid JSON."
    E816 = "The server is shutting down; retry on another instance."
    E817 = "{option} must be {rule}, got {value}."
    E818 = "The redacted lines could not be forwarded (--forward-url answered {status}); retry."
    E819 = "spacy-pii serve needs the serve extra ({module} is missing): pip install 'spacy-pii[serve]'."
    # --- Spark (E4xx) ---
    E400 = ("spacy_pii.spark needs PySpark, PyArrow and pandas ({reason}): install them "
            "with `pip install 'spacy-pii[spark]'`.")
    E401 = ("ship_model=True needs a pipeline directory on the driver (one with "
            "config.cfg), got {model!r}.")
    E402 = ("{what} needs an active SparkSession: create one first "
            "(SparkSession.builder.getOrCreate()).")
    E404 = "Pass key= or key_file=, not both."
    E405 = "Column {column!r} is not in the input (columns: {columns})."
    E406 = "Column {column!r} has type {type}; only string columns can be redacted."
    E407 = ("The shipped pipeline {name!r} was not found through SparkFiles on this "
            "worker: was it added in this SparkContext (ship_model=True)?")
    E408 = "A redacted column must hold strings or nulls, got a {type} value in batch row {row}."
    E409 = "Unknown input format {fmt!r}; use one of: {valid}."
    E410 = "{path} exists: pass --overwrite to replace it, or choose another OUT."
    E411 = ("The Spark job failed ({exc_type}){detail}. Set SPACY_PII_DEBUG=1 to see the "
            "full error (it may contain input text).")
    # --- detectors registry and selection (E430-E449; E400-E411 are Spark's) ---
    E430 = "Unknown detector(s): {names}. Registered detectors: {known}."
    E431 = ("The detector factory {name!r} returned a {type}, not a "
            "spacy_pii.detectors.Detector.")
    E432 = "The detector {name!r} has label {label!r}, which is not in the scheme."
    E433 = ("Unknown country code(s): {countries}. Use ISO 3166-1 alpha-2 codes such as "
            "US, GB (or UK), ES, IT, IN, AU, SG, PL, CA.")
    # --- encrypt / surrogate operators, restore (E500-E549) ---
    E501 = ("The key for {what} is shorter than {min_bytes} bytes: use a random key, e.g. "
            "`openssl rand -base64 32 > key.txt`.")
    E502 = ("{where}: token {index} could not be decrypted: the key is wrong, or the "
            "token was altered or cut.")
    E503 = "{source}:{line}: restore failed ({reason}); the line was {action}."
    E504 = "{source}:{line}: restore failed ({reason}); stopping (--on-error fail)."
    E505 = ("Mapping file {path}, line {line}: cannot be decrypted with this key (wrong "
            "key, or the file was altered).")
    E506 = "Cannot write the mapping file {path}: {reason}."
    E507 = ("--mapping-out records what the surrogate operator replaced: use it with "
            "--operator surrogate or --operator-for LABEL=surrogate.")
    E508 = "The Presidio operator {name!r} needs params={{\"key\": ...}} (bytes or str)."
    E509 = ("presidio-anonymizer is not installed: install the extra with "
            "`pip install 'spacy-pii[presidio]'`.")
    # --- label maps, scores and thresholds (E600-E649) ---
    E600 = ("--label-map {spec!r} is not a JSON file, a THEIRS=OURS pair or a preset "
            "(presets: {presets}).")
    E601 = "The label map sends {theirs!r} to {ours!r}, which is not in the scheme. Known labels: {known}."
    E602 = "Label map file {path}: {reason}."
    E603 = "{name} must be a number from 0 to 1, got {value!r}."
    E604 = "--threshold-for expects LABEL=SCORE with SCORE from 0 to 1, got {value!r}."
    E605 = "beam_width must be a positive integer, got {value!r}."
    E606 = "temperature must be a number above 0, got {value!r}."
    E607 = ("Component {name!r} is a {factory!r}, not a pii_ner: swap it first with "
            "spacy_pii.pipeline.scored_ner.scored_from(nlp).")


class Warnings(metaclass=ErrorsWithCodes):
    # --- corpus (W0xx) ---
    # --- redactor / CLI (W1xx, W2xx) ---
    W200 = ("A {category}{code} was raised at {where} while redacting; its message is "
            "withheld (it may quote input text). Set SPACY_PII_DEBUG=1 to see it.")
    # --- label maps (W600-W649) ---
    W600 = "Gold labels with no mapping (spans dropped; map them with --label-map): {labels}."
    W601 = "Gold labels ignored by the label map (spans dropped): {labels}."


class SpacyPIIError(ValueError):
    """Base class of the errors spacy-pii raises on bad input or configuration."""
