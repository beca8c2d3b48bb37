#!/usr/bin/env bash
# Mutation testing with mutmut over the modules that carry Tumar's promises.
# Not part of the default test run; see tests/MUTATION.md for when and how to use it.
#
#   tests/mutation.sh                      every module below, one at a time
#   tests/mutation.sh storage/keyslots.py  one module (or several)
#
# The package installs as `tumar.*` from top-level folders (setuptools package-dir), which
# mutmut cannot map to import names, so each run works in a staging copy laid out as
# `tumar/app`, `tumar/storage`, ... (TUMAR_MUTMUT_DIR, default .mutmut/ here, git-ignored).
# Each module runs only against its relevant tests, under `nice -n 10`, one worker by default
# (MUTMUT_JOBS), because the machines that run it are shared.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
stage="${TUMAR_MUTMUT_DIR:-$root/.mutmut}"
python="${PYTHON:-$root/.venv/bin/python}"
jobs="${MUTMUT_JOBS:-1}"

# module -> the test files that exercise it
tests_for() {
  case "$1" in
    storage/keyslots.py) echo tests/storage/test_keyslot_exact.py tests/storage/test_kdf_keyslot_units.py tests/storage/test_keyslot_guarantees.py tests/storage/test_header_guarantees.py ;;
    storage/kdf.py) echo tests/storage/test_kdf_keyslot_units.py tests/storage/test_kdf.py tests/storage/test_keyslot_guarantees.py ;;
    storage/header.py) echo tests/storage/test_header_guarantees.py tests/storage/test_header_exact.py ;;
    storage/audit.py) echo tests/storage/test_audit_units.py tests/storage/test_audit_coverage_exact.py ;;
    storage/canonical.py) echo tests/storage/test_audit_units.py \
      tests/storage/test_audit_chain_guarantees.py::test_canonical_json_is_sorted_compact_utf8 \
      tests/storage/test_audit_chain_guarantees.py::test_entry_hash_covers_every_field_and_the_previous_hash ;;
    storage/connection.py) echo tests/storage/test_connection_exact.py tests/storage/test_connection_units.py tests/storage/test_storage_guarantees.py ;;
    storage/derived.py) echo tests/storage/test_derived_guarantees.py ;;
    app/search_query.py) echo tests/app/test_search_exact.py tests/app/test_search_query_units.py ;;
    app/media/importer.py) echo tests/app/test_media_import_paths_exact.py tests/app/test_media_import.py tests/app/test_media_bad_input.py tests/app/test_media_paths.py ;;
    app/hardening.py) echo tests/app/test_hardening_forked.py ;;  # spawned processes cannot run mutants
    app/sync/age_reader.py) echo tests/app/sync/test_age_reader.py ;;
    storage/audit_chains.py) echo tests/storage/test_audit_chains_import.py tests/storage/test_audit_chains_verify.py tests/app/sync/test_chain_import.py tests/app/sync/test_verify_chains.py ;;
    app/text_diff.py) echo tests/app/test_text_diff.py ;;
    app/sync/bundle_format.py) echo tests/app/sync/test_bundle_format_exact.py tests/app/sync/test_bundle_format_units.py tests/app/sync/test_bad_bundles.py tests/app/sync/test_bundle_writer.py tests/app/sync/test_backup_restore.py ;;
    app/sync/merge.py) echo tests/app/sync/test_merge_units.py tests/app/sync/test_bad_bundles.py tests/app/sync/test_sync_folder.py tests/app/sync/test_keys_team.py tests/app/sync/test_orphans.py tests/app/sync/test_conflict_tombstones.py ;;
    storage/version_lines.py) echo tests/storage/test_version_lines.py tests/app/sync/test_bad_bundles.py ;;
    storage/atomic.py) echo tests/storage/test_atomic_units.py tests/storage/test_atomic_streamed.py tests/reliability/test_readonly_and_full.py tests/app/sync/test_full_and_readonly.py ;;
    storage/last_seen.py) echo tests/app/sync/test_last_seen_replicas.py tests/app/test_media_export_verify.py tests/storage/test_last_seen_units.py ;;
    *) echo "no test list for $1; add it to tests/mutation.sh" >&2; return 1 ;;
  esac
}

modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
  modules=(storage/canonical.py storage/audit.py storage/derived.py app/search_query.py
           app/media/importer.py app/hardening.py storage/kdf.py storage/keyslots.py
           storage/header.py storage/connection.py app/sync/age_reader.py storage/audit_chains.py
           storage/last_seen.py app/text_diff.py storage/atomic.py
           storage/version_lines.py app/sync/bundle_format.py app/sync/merge.py)
fi

for module in "${modules[@]}"; do
  tests="$(tests_for "$module")"
  echo "== $module  (tests: $tests)"
  rm -rf "$stage"
  mkdir -p "$stage/tumar"
  for pkg in app storage widgets resources; do
    cp -r "$root/$pkg" "$stage/tumar/$pkg"
  done
  cp -r "$root/tests" "$stage/tests"
  rm -rf "$stage/tests/__pycache__"
  cp "$root/pyproject.toml" "$stage/pyproject.toml"
  {
    echo "[mutmut]"
    echo "source_paths = tumar"
    echo "timeout_constant = 60"  # shared machines: a slow run is not a hang
    # setproctitle rewrites the memory /proc/self/environ shows, which the hardening tests read
    echo "use_setproctitle = false"
    echo "only_mutate = tumar/$module"
    echo "pytest_add_cli_args ="
    echo "    -p"
    echo "    no:cacheprovider"
    echo "    -q"
    echo "pytest_add_cli_args_test_selection ="
    for t in $tests; do
      [ -f "$root/${t%%::*}" ] && echo "    $t"
    done
  } > "$stage/setup.cfg"
  (
    cd "$stage"
    export TUMAR_KDF_PROFILE=fast QT_QPA_PLATFORM=offscreen
    nice -n 10 "$python" -m mutmut run --max-children "$jobs" || true
    "$python" -m mutmut results > results.txt 2>&1 || true
  )
  mkdir -p "$root/.mutmut-results"
  name="$(echo "$module" | tr '/' '_')"
  cp "$stage/results.txt" "$root/.mutmut-results/$name.txt"
  echo "   survivors and counts: .mutmut-results/$name.txt"
done
