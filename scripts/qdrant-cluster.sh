#!/usr/bin/env bash
# Starts a 3-node Qdrant cluster on loopback (distributed mode, peer-to-peer bootstrap from node 1),
# storage in .data/qdrant-cluster/node{1,2,3}, and prints how to point the workbench at it.
# Ctrl+C stops all three. Node n listens on HTTP 63n3, gRPC 63n4, P2P 63n5 (6313/6314/6315, …).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"
qdrant="$root/.tools/qdrant/qdrant"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait' EXIT INT TERM

start_node() {
  local n=$1 bootstrap=${2:-}
  local storage="$root/.data/qdrant-cluster/node$n"
  mkdir -p "$storage"
  (
    cd "$storage"
    QDRANT__SERVICE__HOST=127.0.0.1 QDRANT__SERVICE__HTTP_PORT="63${n}3" QDRANT__SERVICE__GRPC_PORT="63${n}4" \
    QDRANT__CLUSTER__ENABLED=true QDRANT__CLUSTER__P2P__PORT="63${n}5" \
    QDRANT__STORAGE__STORAGE_PATH="$storage/storage" QDRANT__STORAGE__SNAPSHOTS_PATH="$storage/snapshots" \
    QDRANT__TELEMETRY_DISABLED=true QDRANT__LOG_LEVEL=WARN \
      exec "$qdrant" --disable-telemetry --uri "http://127.0.0.1:63${n}5" ${bootstrap:+--bootstrap "$bootstrap"}
  ) &
  pids+=($!)
  until curl -sf "http://127.0.0.1:63${n}3/readyz" >/dev/null; do sleep 0.2; done
  echo "qdrant-cluster: node $n ready (http 63${n}3, grpc 63${n}4, p2p 63${n}5)"
}

start_node 1
start_node 2 "http://127.0.0.1:6315"
start_node 3 "http://127.0.0.1:6315"
cat <<INFO
qdrant-cluster: 3 nodes up. Run the workbench against it with shards replicated on two nodes each:
  Qdrant__Embedded__Enabled=false Qdrant__HttpPort=6313 Qdrant__GrpcPort=6314 \\
  Qdrant__ShardNumber=3 Qdrant__ReplicationFactor=2 bash scripts/run.sh
(The index is built as new versions, so an existing single-node index is not converted: reindex once.)
INFO
wait
