import sys
from pathlib import Path

# The helpers of the tests themselves (conformance, ops); the library is the installed wheel.
sys.path.insert(0, str(Path(__file__).resolve().parent))
