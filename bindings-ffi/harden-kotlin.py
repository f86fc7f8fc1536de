#!/usr/bin/env python3
"""Hardens the Kotlin that uniffi-bindgen generates, in place (issue 16).

    python3 bindings-ffi/harden-kotlin.py GENERATED_KOTLIN_DIR   (run by scripts/build-ffi)

A Kotlin string holding a lone surrogate cannot become UTF-8: the generated converter's
encoder refuses it with a bare `java.nio.charset.MalformedInputException` (no code). Here that
refusal becomes `ComplaintOfficeException.Input` with code `input.invalid_text`, like every
other binding; the value is never quoted. The converter is the one place every string
argument and every string field of a record passes through on its way to Rust.

The pattern is uniffi-bindgen 0.32's output; when it is not found this script fails, so that
a new uniffi cannot silently drop the check.
"""
import pathlib
import sys

ENCODE = """            onMalformedInput(CodingErrorAction.REPORT)
            encode(CharBuffer.wrap(value))
"""
CHECKED = """            onMalformedInput(CodingErrorAction.REPORT)
            try {
                encode(CharBuffer.wrap(value))
            } catch (e: java.nio.charset.CharacterCodingException) {
                // Checked by bindings-ffi/harden-kotlin.py (issue 16): a coded error, no value.
                throw ComplaintOfficeException.Input(
                    "input.invalid_text", null,
                    "a text is not valid Unicode (it holds a lone surrogate)", null, null,
                )
            }
"""

root = pathlib.Path(sys.argv[1])
patched = 0
for path in sorted(root.rglob("*.kt")):
    text = path.read_text(encoding="utf-8")
    if ENCODE in text:
        path.write_text(text.replace(ENCODE, CHECKED), encoding="utf-8")
        patched += text.count(ENCODE)
if patched != 1:
    sys.exit(f"harden-kotlin.py: {patched} string encoders patched in {root}, 1 expected "
             "(uniffi-bindgen's output changed?)")
print(f"harden-kotlin.py: the string encoder of {root} refuses lone surrogates with input.invalid_text",
      file=sys.stderr)
