"""JSONL input and output: one record a line, `\\n` line ends, atomic replacement on write."""
import os
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, Union

import orjson


def write_jsonl(path: Union[str, Path], records: Iterable[Dict[str, Any]]) -> int:
    """Write records as JSON lines to a temporary file, then rename it over `path`, so a
    reader never sees a half-written file.

    path (Union[str, Path]): the output file.
    records (Iterable[Dict[str, Any]]): the records; key order is kept as given.
    RETURNS (int): the number of records written.
    """
    path = Path(path)
    # A pid-named sibling (not mkstemp, whose files are 0600) in the same directory, so the
    # rename is atomic and the result gets the usual permissions.
    tmp_name = str(path.with_name(f".{path.name}.{os.getpid()}.tmp"))
    n = 0
    try:
        with open(tmp_name, "wb") as f:
            for record in records:
                f.write(orjson.dumps(record))
                f.write(b"\n")
                n += 1
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return n


def read_jsonl(path: Union[str, Path]) -> Iterator[Dict[str, Any]]:
    """Read JSON lines.

    path (Union[str, Path]): the input file.
    YIELDS (Dict[str, Any]): one record per non-empty line.
    """
    with Path(path).open("rb") as f:
        for line in f:
            if line.strip():
                yield orjson.loads(line)
