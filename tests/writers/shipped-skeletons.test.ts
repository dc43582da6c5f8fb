/**
 * `npm run build` ships the DOCX package skeletons its warm-up compiled (dist/bundle/
 * docx-skeletons.json, tied to the build id): a fresh process starts from them instead of
 * compiling docx's document model. Each must be exactly what compiling its shape gives now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippableSkeletons } from '../../src/writers/docx/package.js';
import { shippedJson } from '../../src/shipped/index.js';
import { ROOT } from '../helpers/cli.js';

type Shipped = Awaited<ReturnType<typeof shippableSkeletons>>;

describe('shipped DOCX skeletons', () => {
  const file = JSON.parse(readFileSync(join(ROOT, 'dist/bundle/docx-skeletons.json'), 'utf8')) as { code: string; data: Shipped };

  it('cover the examples (Chinese and English, cover and body, the report in landscape) for this build', () => {
    const build = JSON.parse(readFileSync(join(ROOT, 'dist/build-id.json'), 'utf8')) as { code: string };
    expect(file.code).toBe(build.code);
    const keys = file.data.map((s) => JSON.parse(s.key) as unknown[]);
    expect(keys.some((k) => k[0] === true && k[2] === 'portrait')).toBe(true);
    expect(keys.some((k) => k[0] === false)).toBe(true);
    expect(keys.some((k) => k[2] === 'landscape')).toBe(true);
  });

  it('are exactly what compiling their shapes gives', async () => {
    const again = await shippableSkeletons(file.data.map((s) => s.shape));
    expect(again).toHaveLength(file.data.length);
    for (const [i, s] of file.data.entries()) expect(again[i], s.key).toEqual(s);
  });

  it('are read only by the compiled code of the build that made them', async () => {
    // From src/ there is no dist/bundle beside the module: writers compile as usual.
    expect(shippedJson('docx-skeletons.json')).toBeUndefined();
    const dist = (await import(join(ROOT, 'dist/shipped/index.js'))) as typeof import('../../src/shipped/index.js');
    expect(dist.shippedJson('docx-skeletons.json')).toEqual(file.data);
    expect(dist.shippedJson('no-such-file.json')).toBeUndefined();
  });
});
