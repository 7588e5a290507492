#!/usr/bin/env bash
# Static checks of the docker compose stack (no Docker, no database; a few seconds):
#
#   bash infra/test/check.sh
#
# - validate-compose.mjs: the compose file against the Compose Specification JSON schema,
#   and what issue 8 asks of the compose file, the Dockerfile, .env.example, .dockerignore;
# - dclint: lints the compose file (schema, pinned images, bound ports, key order …);
# - dockerlinter: lints the Dockerfile (hadolint-like rules; ShellCheck on each RUN line when
#   `shellcheck` is installed: .ci/run installs it from Debian);
# - dockerfile-utils: the Dockerfile validator of the VS Code Docker tooling (syntax, flags,
#   instruction arguments);
# - shellcheck on the scripts in infra/test when it is installed.
# The check functions below are called through run(): not unreachable.
# shellcheck disable=SC2317
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bin=node_modules/.bin
status=0
run() {
  local name=$1
  shift
  printf '\n---- %s\n' "$name"
  if "$@"; then echo "  ok: $name"; else
    echo "  FAILED: $name" >&2
    status=1
  fi
}

run 'compose schema and requirements (validate-compose.mjs)' node infra/test/validate-compose.mjs
run 'dclint infra/docker-compose.yml' \
  "$bin/dclint" -c infra/test/dclint.json --max-warnings 0 infra/docker-compose.yml

# dockerlinter writes its ShellCheck scratch files into the working directory.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
shell='none'
if command -v shellcheck >/dev/null; then shell='sh'; else
  echo 'warning: shellcheck is not installed: dockerlinter runs without it' >&2
fi
dockerlinter() {
  (cd "$scratch" && "$OLDPWD/$bin/dockerlinter" -f "$OLDPWD/infra/server.Dockerfile" -s "$shell" -e info)
}
# dockerfile-utils exits 1 on errors only; its warnings count as problems here too.
dockerfile_utils() {
  local out
  if ! out=$("$bin/dockerfile-utils" lint infra/server.Dockerfile) || [[ -n $out ]]; then
    echo "$out"
    return 1
  fi
}
run "dockerlinter infra/server.Dockerfile (ShellCheck: $shell)" dockerlinter
run 'dockerfile-utils lint infra/server.Dockerfile' dockerfile_utils
if command -v shellcheck >/dev/null; then
  run 'shellcheck infra/test/*.sh' shellcheck infra/test/*.sh
fi

printf '\n'
if [[ $status -eq 0 ]]; then echo 'infra checks passed'; else echo 'infra checks FAILED' >&2; fi
exit "$status"
