#!/bin/bash
# The bash completion script completes commands, runs' commands, models, options, help topics and
# files, in a real bash.  usage: completion_test.sh BINARY
set -euo pipefail
binary="$1"
script="$(mktemp)"
trap 'rm -f "$script"' EXIT
"$binary" completion bash > "$script"
bash -n "$script"
# shellcheck disable=SC1090
source "$script"
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _statecraft
  echo "${COMPREPLY[*]}"
}
expect() {
  local want="$1"
  shift
  local got
  got="$(complete_words "$@")"
  if [[ "$got" != "$want" ]]; then
    echo "FAIL completing '$*': got '$got', expected '$want'"
    exit 1
  fi
  echo "ok - '$*' completes to '$want'"
}
expect "run runs" statecraft ru
expect "list" statecraft runs l
expect "exchange eum" statecraft sweep --model e
expect "--drivers --draws" statecraft sweep --dr
expect "targets" statecraft help t
expect "scenarios/ec-car-emissions.yaml" statecraft run scenarios/ec
