#!/usr/bin/env bash
# Builds and runs the JMH benchmarks; prints each as a ratio to the baseline measured in the same run.
#   scripts/bench.sh                    numerics encode/decode vs a float-array copy
#   scripts/bench.sh SimulatorBench analyticResnet50   (class regex, baseline benchmark name)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"
(cd "$root" && mvn -B -ntp -q -DskipTests package -pl benchmarks -am)
exec "$JAVA_HOME/bin/java" -jar "$root/benchmarks/target/benchmarks.jar" "$@"
