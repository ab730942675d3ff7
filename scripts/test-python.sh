#!/usr/bin/env bash
# The Python package as a user gets it: builds the abi3 wheel once with maturin (installed with pip
# into a tool environment), installs it into a fresh virtual environment with pytest, and runs
# python/tests there against the installed wheel (and the CLI, for byte-for-byte answers).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
tools=$target/python-tools venv=$target/python-venv wheels=$target/wheels
[ -x "$tools/bin/maturin" ] || { python3 -m venv "$tools" && "$tools/bin/pip" install -q --disable-pip-version-check "maturin>=1.5,<2"; }
rm -rf "$wheels"
# A lean release build: the release profile without whole-program LTO (about 3x faster to build).
CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
  "$tools/bin/maturin" build --release -m python/Cargo.toml --out "$wheels" --quiet 2>&1 | grep -v "^📡\|^📦\|^🔗\|^🐍\|^💻\|^🍹" || true
wheel=$(ls "$wheels"/fordeling-*-abi3-*.whl)
echo "wheel: $(basename "$wheel") ($(stat -c %s "$wheel") bytes)"
python3 -m venv --clear "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check "$wheel" "pytest>=8"
bin=${FORDELING_BIN:-$target/debug/fordeling}
[ -x "$bin" ] || cargo build --features cli --quiet
# Run from outside the source tree so that the installed package is the one imported.
cd "$target" && FORDELING_BIN=$bin "$venv/bin/python" -m pytest -q -p no:cacheprovider "$OLDPWD/python/tests"
# The README's Python example prints what the README shows.
cd "$OLDPWD"
"$venv/bin/python" -c "$(scripts/readme-example.py '### Python' python)" >"$target/readme-python.out"
scripts/readme-example.py '### Python' text | while IFS= read -r line; do
  grep -qxF -- "$line" "$target/readme-python.out" || { echo "README Python example: '$line' not printed"; cat "$target/readme-python.out"; exit 1; }
done
echo "README Python example: prints what the README shows"
