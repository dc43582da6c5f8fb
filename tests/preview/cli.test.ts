/** `dealdoc preview` flags and config, without starting a server. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
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

  it('says so when the port is taken', async () => {
    const proj = copyProject();
    cpSync(inject('examples').out, join(proj, 'out'), { recursive: true });
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (blocker.address() as AddressInfo).port;
      const r = runCli(['preview', '--port', String(port)], { cwd: proj });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot listen on 127.0.0.1:${port}: the port is in use`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
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
