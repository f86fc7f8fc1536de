"""The suite runs against the installed wheel, never the source tree."""

from pathlib import Path

import complaint_office


def test_the_package_comes_from_site_packages():
    source = Path(__file__).resolve().parents[1] / "python"
    assert source not in Path(complaint_office.__file__).resolve().parents
    assert "site-packages" in complaint_office.__file__


def test_the_package_is_typed():
    here = Path(complaint_office.__file__).parent
    assert (here / "py.typed").exists()
    assert (here / "__init__.pyi").exists()
