import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Loads settings in a fresh Node process (jest's own registry would hide what `require` does)
 * and answers which modules it loaded: the engine must stay unloaded without templates
 * (issue 12, "Load the engine lazily").
 */
function modulesLoadedBy(settingsFile: string): string[] {
  const script = `
    const { loadSettings } = require('./lib/settings/load-settings');
    const { settingsFileToParameters } = require('./lib/settings/settings-file');
    loadSettings(settingsFileToParameters(${JSON.stringify(settingsFile)})).then(() => {
      process.stdout.write(JSON.stringify(Object.keys(require.cache)));
    });`;
  const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return (JSON.parse(out) as string[]).map((path) => path.slice(ROOT.length + 1));
}

const ROBOT =
  'robots:\n  team:\n    webhook: https://oapi.dingtalk.com/robot/send?access_token=tokentest-lazy\n';

describe('the template engine at settings load', () => {
  it('is not loaded when no template is configured', () => {
    const loaded = modulesLoadedBy(ROBOT);

    expect(loaded).toContain('lib/settings/load-settings.ts');
    expect(loaded.filter((path) => path.includes('liquidjs'))).toEqual([]);
  });

  it('is loaded to validate the templates when there are some', () => {
    const loaded = modulesLoadedBy(`${ROBOT}    templates: { push: { text: "{{ summary }}" } }\n`);

    expect(loaded.some((path) => path.startsWith('node_modules/liquidjs/'))).toBe(true);
  });
});
