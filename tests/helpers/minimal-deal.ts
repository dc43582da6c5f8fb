/** The smallest valid deal front matter: 14 lines (line 1 is `---`), then whatever a case appends. */
export const MINIMAL_DEAL_HEAD = `---
title: T
rep: { name: L }
customer:
  name: C
needs:
  goal: G
  problems:
    - problem: P
      solution: S
stage: evaluation
quote:
  items:
    - { name: X, qty: 1, unit_price: 1 }
`;
