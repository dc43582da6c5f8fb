/**
 * Child-process half of the determinism test: renders the worked example's workbook in a fresh
 * process (possibly another time zone) and prints its SHA-256. Run: npx tsx <this file> [zh-CN|en]
 */
import { createHash } from 'node:crypto';
import { workbookForProvisionReport } from '../../src/documents/provision-report/index.js';
import { renderXlsx } from '../../src/writers/xlsx/index.js';
import { ctx, workedExample } from './fixture.js';

const locale = process.argv[2] === 'en' ? 'en' : 'zh-CN';
const buf = await renderXlsx(workbookForProvisionReport(workedExample(), ctx(locale)));
process.stdout.write(`${createHash('sha256').update(buf).digest('hex')}\n`);
