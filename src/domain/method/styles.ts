/**
 * The five communication styles and how a seasoned rep deals with each: how to open, what to
 * bring, how to ask for commitment, what to avoid. Advice for a person, not for a personality test.
 */
import type { Style } from '../deal.js';
import { bi, type Bilingual } from './text.js';

export type { Style };

export interface StyleInfo {
  id: Style;
  label: Bilingual;
  traits: Bilingual;
  advice: { open: Bilingual; material: Bilingual; commitment: Bilingual; avoid: Bilingual };
}

export const STYLE_INFO: Readonly<Record<Style, StyleInfo>> = {
  peacock: {
    id: 'peacock',
    label: bi('孔雀型', 'Peacock'),
    traits: bi('外向、热情、冲动，喜欢表现，看重认可和面子，决策快、凭感觉', 'Outgoing, warm, impulsive; likes to show, values recognition and face; decides fast and on feel'),
    advice: {
      open: bi('先聊他关心的人和事，真诚肯定他的成绩和想法，让他多说，气氛轻松', 'Start with people and things he cares about, give sincere credit for his results and ideas, let him talk, keep it light'),
      material: bi('能讲故事的东西：标杆客户案例、现场视频、样机演示；数据只放结论页', 'Things that tell a story: reference customers, shop-floor videos, a live demo; data only as a one-page conclusion'),
      commitment: bi('趁热打铁，在他兴奋时当场约定下一步（试机、参观、上会），会后立即书面确认', 'Strike while he is keen: fix the next step on the spot (trial, visit, meeting) and confirm it in writing the same day'),
      avoid: bi('长篇技术细节、当众反驳他；他说“好”不等于公司同意，要通过其他角色落实', 'Long technical detail and contradicting him in public; his "yes" is not the company\'s — confirm it through the other roles'),
    },
  },
  owl: {
    id: 'owl',
    label: bi('猫头鹰型', 'Owl'),
    traits: bi('内向、重流程和数据、追求完美，谨慎，决策慢但决定后很少改变', 'Introverted, process- and data-driven, a perfectionist; cautious, slow to decide but rarely changes his mind'),
    advice: {
      open: bi('准时，开门见山，先说明本次沟通的目的、议程和所需时间', 'Be on time and to the point; state the purpose, agenda and length of the meeting first'),
      material: bi('完整的技术规格、测试报告和统计口径清楚的数据、对比表、实施计划和验收标准，提前发给他', 'Full specifications, test reports with the measurement method stated, comparison tables, the implementation plan and acceptance criteria — sent ahead'),
      commitment: bi('给他时间消化，约定明确的评估步骤和日期；用逐条书面答复换取他的书面确认', 'Give him time; agree clear evaluation steps and dates, and trade point-by-point written answers for his written confirmation'),
      avoid: bi('夸大、模糊承诺、前后数据不一致（一处错误会让他怀疑全部）；催他当场拍板', 'Exaggeration, vague promises and inconsistent figures (one error makes him doubt everything); pushing him to decide on the spot'),
    },
  },
  chameleon: {
    id: 'chameleon',
    label: bi('变色龙型', 'Chameleon'),
    traits: bi('和谁都合得来，立场多变，对谁都说好，真实想法难以判断', 'Gets on with everyone, changeable, agrees with everybody; hard to read'),
    advice: {
      open: bi('友好但不急于下结论，多问开放式问题，听他怎样评价各家方案和内部各方', 'Friendly but in no hurry to conclude; ask open questions and listen to how he rates each offer and each person inside'),
      material: bi('能在内部转述的简明材料：一页纸方案摘要、决策者和评估者已认可的要点', 'Short material he can retell inside: a one-page summary, the points the decision maker and evaluators already accept'),
      commitment: bi('求小而具体的承诺（约一次会、给一份资料），并通过向导和其他角色交叉验证他的表态', 'Ask for small, concrete commitments (a meeting, a document) and cross-check what he says through the guide and other roles'),
      avoid: bi('把他的口头支持当结论；在他面前评价客户内部的人或竞争对手——话会传出去', 'Taking his verbal support as settled; commenting on people inside the customer or on competitors in front of him — it will travel'),
    },
  },
  koala: {
    id: 'koala',
    label: bi('考拉型', 'Koala'),
    traits: bi('善于倾听、温和、从不坚持己见，回避冲突，求稳，重视关系和共识', 'A good listener, gentle, never insists; avoids conflict, wants safety, values relationships and consensus'),
    advice: {
      open: bi('放慢节奏，先建立关系，聊他工作中的难处，耐心倾听', 'Slow down, build the relationship first, ask about the difficulties in his work and listen'),
      material: bi('降低风险的证据：同行用户的使用情况、培训和售后保障、分步实施计划、质保条款', 'Evidence that lowers risk: peers who use it, training and after-sales cover, a step-by-step rollout, warranty terms'),
      commitment: bi('替他把决定变简单：给出明确建议和下一步，让他只需同意；帮他准备向上汇报的材料', 'Make the decision easy: give a clear recommendation and next step so he only has to agree, and prepare what he needs to report upwards'),
      avoid: bi('施压、逼单、强硬谈判，让他独自面对内部冲突；他不反对不等于支持', 'Pressure, forcing a close, hard bargaining, leaving him alone with internal conflict; not objecting is not support'),
    },
  },
  wolf: {
    id: 'wolf',
    label: bi('老虎型', 'Wolf'),
    traits: bi('目标导向、有计划、自律，合作但独立，果断，看重结果和时间（亦称狼型）', 'Goal-driven, planned, disciplined, cooperative yet independent; decisive, values results and time (also called tiger)'),
    advice: {
      open: bi('直奔主题，用一句话说清能为他的目标（良率、产能、成本）带来什么结果', 'Go straight to the point: one sentence on what we deliver for his goal (yield, output, cost)'),
      material: bi('结果和回报：投资回报测算、实施里程碑、风险与对策、一页纸决策摘要，细节备查', 'Results and return: an ROI estimate, milestones, risks and countermeasures, a one-page decision summary; details on request'),
      commitment: bi('给出两三个可选方案让他选，直接请求决定和时间表，尊重他的规则和节奏', 'Offer two or three options for him to choose from, ask directly for the decision and the timetable, respect his rules and pace'),
      avoid: bi('绕弯子、闲聊过多、迟到，越过他做事，试图替他做决定', 'Beating about the bush, small talk, being late, going around him, trying to decide for him'),
    },
  },
};

export const styleInfo = (style: Style): StyleInfo => STYLE_INFO[style];
export const styleLabel = (style: Style): Bilingual => STYLE_INFO[style].label;

/** The styles in the method's order. */
export const STYLES_ORDER: readonly Style[] = ['peacock', 'owl', 'chameleon', 'koala', 'wolf'];
