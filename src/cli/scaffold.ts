/** `dealdoc new deal ID`: a commented deal file that validates as written, ready to fill in. */
/**
 * `schemaRef` is where the deal's editor finds the schema, relative to the deal file
 * (`dealdoc init` writes `deal.schema.json` at the project root: `../../deal.schema.json`).
 */
export function scaffoldDeal(id: string, locale: 'zh-CN' | 'en', schemaRef = '../../deal.schema.json'): string {
  const zh = locale === 'zh-CN';
  return `---
# yaml-language-server: $schema=${schemaRef}
# Deal file for dealdoc. Fields marked INTERNAL never appear in the proposal.
# Check it with: npx dealdoc validate    Build it with: npx dealdoc build --only ${id}
# Editor completion: npx dealdoc schema > deal.schema.json (dealdoc init does it for you)
id: ${id}
locale: ${locale}                     # zh-CN | en
title: ${zh ? '（客户简称）XX 项目解决方案建议书' : 'Solution proposal for (customer)'}
# subtitle: ...
# doc_no: KS-2026-001
# version: "1.0"
# date: 2026-11-27                   # printed date; default SOURCE_DATE_EPOCH or today
rep:
  name: ${zh ? '（销售代表）' : '(Sales rep)'}
  title: ${zh ? '大客户经理' : 'Key Account Manager'}
  # phone: "138 0000 0000"
  # email: rep@example.com
customer:
  # id: C-1001                       # the customer's id in the receivables ledger
  name: ${zh ? '（客户全称）' : '(Customer name)'}
  # short_name / industry / scale / nature / address / website
  situation: []                      # 客户现状: products in use, brands, functions
  organization: []                   # - { department: 生产部, duties: 产线运营, head: 张工 }
contacts: []                         # INTERNAL: people in the buying process
#  - name: ...
#    title: ...
#    role: decision_maker            # initiator | decision_maker | designer | evaluator | user
#    guide: false                    # true for our guide (coach) inside the customer
#    style: wolf                     # peacock | owl | chameleon | koala | wolf
#    influence: high                 # low | medium | high
#    attitude: neutral               # supporter | neutral | opponent
#    personal: { age: 45, family: ..., education: ..., hobbies: [...] }
competitors: []                      # INTERNAL
#  - { name: ..., strengths: [...], weaknesses: [...], tactics: ..., comparison: [{ criterion: ..., advantage: us }] }
needs:                               # goal → problems → solutions → products/services → purchase criteria
  goal: ${zh ? '（客户的业务目标）' : "(the customer's business goal)"}
  problems:
    - problem: ${zh ? '（客户面临的问题）' : '(a problem the customer faces)'}
      # impact: ...
      solution: ${zh ? '（我们的解决方案）' : '(our solution)'}
      products: []                   # SKUs from the quote, or service names
      criteria: []                   # purchase criteria; or { criterion: ..., response: how we meet it } or { criterion: ..., key: <catalogue spec key> }
why_us: []                           # - { point: ..., detail: ..., need: ... }
next_steps: []                       # - { step: ..., date: 2026-12-15 }
qualification:                       # INTERNAL: the five questions
  # budget: ...
  # timeline: ...
  # fit: ...
  # cost_risk: ...
  # path_to_order: ...
stage: discover_needs                # discover_needs | internal_deliberation | procurement_design | evaluation | commitment | use_maintenance
quote:
  currency: CNY
  tax_rate: 0.13                     # prices are before tax
  items:
    - { sku: SKU-1, name: ${zh ? '（产品名称）' : '(item)'}, qty: 1, unit: ${zh ? '台' : 'set'}, unit_price: 0.00 }
  # payment_terms / delivery / warranty / valid_until: 2026-12-31 / notes
swot: { strengths: [], weaknesses: [], opportunities: [], threats: [] }   # INTERNAL
actions: []                          # INTERNAL: - { action: ..., owner: ..., due: 2026-12-01, addresses: ... }
# internal_notes: ...                # INTERNAL (printed on the brief's first page)
# proposal: { final: true, summary: ..., benefit: ... }   # final: no DRAFT mark before evaluation
---

${zh ? '## 项目背景\n\n（在这里用 Markdown 撰写方案说明：背景、实施计划、服务承诺……）' : '## Background\n\n(Write the narrative here in Markdown: background, implementation plan, service commitment…)'}
`;
}
