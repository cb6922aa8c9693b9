#!/usr/bin/env bash
# Sourced by ./quantarch and ./run-tests. Sets JAVA_HOME to a JDK >= 21:
# JAVA_HOME if it is one, else the newest JDK >= 21 under /usr/lib/jvm, else `javac` on PATH.
# When there is none it prints one line and exits 2.

qa_jdk_major() {            # $1 = JDK home; prints the major version or nothing
  local home="$1" v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n 1)
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  v=${v#1.}                 # 1.8 -> 8
  printf '%s' "${v%%[.+-]*}"
}

qa_find_jdk() {
  local m best="" best_major=0 home
  if [ -n "${JAVA_HOME:-}" ]; then
    m=$(qa_jdk_major "$JAVA_HOME")
    if [ -n "$m" ] && [ "$m" -ge 21 ]; then
      return 0
    fi
  fi
  for home in "${QUANTARCH_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -d "$home" ] || continue
    m=$(qa_jdk_major "$home")
    if [ -n "$m" ] && [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then
      best="$home"; best_major="$m"
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    m=$(qa_jdk_major "$home")
    if [ -n "$m" ] && [ "$m" -ge 21 ]; then
      best="$home"
    fi
  fi
  if [ -z "$best" ]; then
    # every test below is an if, so `set -e` in the caller cannot end the script before the message
    local seen="" path_jdk="none"
    for home in "${QUANTARCH_JVM_DIR:-/usr/lib/jvm}"/*; do
      m=$(qa_jdk_major "$home" || true)
      if [ -n "$m" ]; then seen="$seen$m "; fi
    done
    if command -v javac >/dev/null 2>&1; then
      path_jdk="javac $(qa_jdk_major "$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")" || true)"
    fi
    echo "quantarch: no JDK >= 21 found (JAVA_HOME=${JAVA_HOME:-unset}; JDKs under ${QUANTARCH_JVM_DIR:-/usr/lib/jvm}: ${seen:-none}; on PATH: ${path_jdk}); install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it" >&2
    exit 2
  fi
  export JAVA_HOME="$best"
}

qa_find_jdk
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's bundled Guava calls sun.misc.Unsafe; newer JDKs warn about it on every run.
if [ "$(qa_jdk_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
