import { readFileSync } from 'node:fs';
import { EXAMPLE_SETTINGS_PATH } from '../../dev/local-paths';
import { loadSettings } from '../../lib/settings/load-settings';
import { settingsFileToParameters } from '../../lib/settings/settings-file';
import { EXAMPLE_TEMPLATES } from '../../lib/templates/examples';

describe('settings.example.yml', () => {
  it('ships the three example templates exactly as the README and the tests have them', async () => {
    const text = readFileSync(EXAMPLE_SETTINGS_PATH, 'utf8');
    const settings = await loadSettings(settingsFileToParameters(text));
    const templated = settings.robots.find((robot) => robot.name === 'templated');

    expect(settings.templateProblems).toEqual([]);
    expect(templated?.templates).toEqual(
      Object.fromEntries(EXAMPLE_TEMPLATES.map(({ key, template }) => [key, template])),
    );
    // The other example robots keep their built-in messages.
    expect(settings.robots.filter((robot) => robot.templates !== undefined)).toHaveLength(1);
  });
});
