/**
 * The five roles in the customer's buying process. Each stage is led by one of them, and a
 * deal with nobody known in a role has a blind spot where that role's voice counts.
 */
import type { Role } from '../deal.js';
import { bi, type Bilingual } from './text.js';

export type { Role };

export interface RoleInfo {
  id: Role;
  label: Bilingual;
  /** What the role does in the buying process and what it cares about. */
  concern: Bilingual;
  /** Why it hurts not to know anyone in this role. */
  blindSpot: Bilingual;
}

export const ROLE_INFO: Readonly<Record<Role, RoleInfo>> = {
  initiator: {
    id: 'initiator',
    label: bi('发起者', 'Initiator'),
    concern: bi('最先感到问题的人，通常在使用部门；关心问题能否被解决、自己是否被重视', 'First to feel the problem, usually in the using department; wants the problem solved and to be taken seriously'),
    blindSpot: bi('不清楚是谁最先提出这个需求、为什么', 'we do not know who first raised the need, or why'),
  },
  decision_maker: {
    id: 'decision_maker',
    label: bi('决策者', 'Decision maker'),
    concern: bi('批准立项和预算、拍板签约；关心投资回报、风险和与公司目标的契合', 'Approves the project and budget and signs; cares about return, risk and fit with company goals'),
    blindSpot: bi('谁拍板、预算从哪里来都不清楚', 'nobody knows who signs or where the money comes from'),
  },
  designer: {
    id: 'designer',
    label: bi('设计者', 'Designer'),
    concern: bi('制定技术规格和采购标准（工艺、设备、IT 等部门）；关心方案是否可行、标准是否专业', 'Writes the specification and purchase criteria (process, equipment, IT); cares about feasibility and sound criteria'),
    blindSpot: bi('不知道谁在写技术规格和采购标准', 'we do not know who writes the specification and the criteria'),
  },
  evaluator: {
    id: 'evaluator',
    label: bi('评估者', 'Evaluator'),
    concern: bi('按采购标准比较各家方案并打分（技术、质量、采购）；关心证据、数据和公平', 'Compares the offers against the criteria and scores them (engineering, quality, purchasing); wants evidence, data and fairness'),
    blindSpot: bi('不知道谁给各家方案打分', 'we do not know who scores the offers'),
  },
  user: {
    id: 'user',
    label: bi('使用者', 'User'),
    concern: bi('日常操作和维护设备的人；关心好不好用、培训和售后是否到位', 'Operates and maintains the equipment day to day; cares about ease of use, training and after-sales support'),
    blindSpot: bi('没有听过日后操作设备的人的意见', 'we have not heard the people who will run the equipment'),
  },
};

export const roleLabel = (role: Role): Bilingual => ROLE_INFO[role].label;
