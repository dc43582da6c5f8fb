/** Deal fixtures for the SWOT brief tests: small YAML deals parsed with the project's own schema. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { dealSchema, type Deal } from '../../src/data/deal-schema.js';
import type { IsoDate } from '../../src/domain/dates.js';
import type { SwotBriefContext } from '../../src/documents/swot-brief/index.js';

const here = dirname(fileURLToPath(import.meta.url));

export function dealFromYaml(text: string, id = 'fixture', path = `${id}.yaml`): Deal {
  const data = dealSchema.parse(YAML.parse(text, { schema: 'failsafe' }));
  return { ...data, id, locale: data.locale ?? 'zh-CN', body: '', bodyLine: 1, path };
}

export function fixtureDeal(name: 'rich-zh' | 'rich-en' | 'sparse-zh'): Deal {
  const path = join(here, 'fixtures', `${name}.yaml`);
  return dealFromYaml(readFileSync(path, 'utf8'), name, path);
}

export const DOC_DATE = '2026-11-10' as IsoDate;

export function briefContext(over: Partial<SwotBriefContext> = {}): SwotBriefContext {
  return {
    company: { name: '深圳市科松电子有限公司', name_en: 'Shenzhen Kesong Electronics Co., Ltd.' },
    brandColor: '#1F5FAF',
    created: new Date(Date.UTC(2026, 10, 10)),
    date: DOC_DATE,
    ...over,
  };
}
