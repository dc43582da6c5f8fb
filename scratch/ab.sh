#!/bin/bash
# A/B: base (before) vs this tree (after), interleaved, N rounds
for r in 1 2 3 4 5; do
  (cd /tmp/fonts-base && npx tsx tests/fonts/timing.script.ts ${1:-huaxin-aoi-2026} 40 | sed 's/^/before /')
  (cd /work/wt/fonts && npx tsx tests/fonts/timing.script.ts ${1:-huaxin-aoi-2026} 40 | sed 's/^/after  /')
done
