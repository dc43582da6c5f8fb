/** `dealdoc preview` flags and config, without starting a server. */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject, runCli } from '../helpers/cli.js';

describe('dealdoc preview flags', () => {
  it('documents its flags and rejects a bad port', () => {
    const help = runCli(['preview', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--port <n>/);
    expect(help.stdout).toMatch(/--open/);
    const bad = runCli(['preview', '--port', '80x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port needs a port number/);
    expect(runCli(['diff', '--help']).stdout).toMatch(/--since <rev>[\s\S]*--internal[\s\S]*--exit-code/);
  });

  it('validates preview.port in the config', () => {
    const proj = copyProject();
    const config = join(proj, 'dealdoc.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8') + '\npreview:\n  port: http\n');
    const r = runCli(['validate'], { cwd: proj });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dealdoc\.config\.yaml:\d+:\d+: "http" is not a whole number \(preview\.port\)/);
  });
});
