/** The monthly receivables provisioning report (应收账款坏账准备月报): PDF/DOCX plan and XLSX workbook. */
export type { ProvisionReportContext } from './context.js';
export { planProvisionReport, PROVISION_REPORT_TEMPLATE } from './plan.js';
export { workbookForProvisionReport } from './workbook.js';
export { provisionReportChecks } from './report.js';
export { buildProvisionReport, type ProvisionReport } from './build.js';
export { labelsFor, type ReportLabels, type SheetKey } from './labels.js';
