#!/usr/bin/env bash
# Regenerates demo/src/main/resources/dev/isochron/demo/startup-classes.txt, the classes StartupWarmup loads on its
# own thread before the first frame. Run from the repository root after `mvn -B -q package -DskipTests`, on a machine
# with headless EGL (Mesa's llvmpipe will do). Each scene runs headless and multi-threaded with the warm-up's class
# loading off, so that the log shows every class the main path loads itself; a class counts when it was loaded from
# the jar or the JDK's modules (not from the CDS archive) before the run's first frame ended. Hidden classes (lambdas,
# generated accessors) and StartupWarmup itself are left out; the first sighting decides the order.
set -euo pipefail
jar=demo/target/isochron-demo.jar
out=demo/src/main/resources/dev/isochron/demo/startup-classes.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for scene in list sprites chart effects storm; do
  java -Disochron.startupWarmup.classes=false -Xlog:class+load:file="$work/$scene.log":uptime \
    -jar "$jar" "$scene" --headless --frames 10 --warmup 0 --report "$work/$scene.json" > "$work/$scene.out"
  first_frame_ms=$(grep -o '"timeToFirstFrameMs": [0-9.]*' "$work/$scene.json" | grep -o '[0-9.]*$')
  awk -v limit="$first_frame_ms" '
    $3 == "source:" && ($4 ~ /^jrt:\// || $4 ~ /^file:/) { t = $1; gsub(/[][s]/, "", t); if (t * 1000 <= limit) print $2 }
  ' "$work/$scene.log"
done | grep -v -E '\$\$Lambda|/0x|GeneratedMethodAccessor|GeneratedConstructorAccessor|^dev\.isochron\.demo\.StartupWarmup$' \
  | awk '!seen[$0]++' > "$work/classes"
{
  sed -n '/^#/p' "$out"
  cat "$work/classes"
} > "$work/new" && mv "$work/new" "$out"
echo "$(grep -vc '^#' "$out") classes written to $out"
